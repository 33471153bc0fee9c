package drills

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// factors scale a preset's volumes and sizes; the results are rounded to
// two significant digits, so the inputs stay numbers people say aloud.
var factors = []float64{0.5, 0.75, 1, 1.5, 2, 3}

// retentions are the retention periods a drill moves between: a preset's
// retention becomes its neighbour on this list, or stays.
var retentions = []string{"30d", "90d", "1y", "2y", "3y", "5y", "10y"}

// varied are the parameters a drill randomises; fractions, peak factor
// and replication keep the preset's documented values.
var varied = []string{
	estimate.PDAU, estimate.PMAU, estimate.PWritesPerUser, estimate.PReadsPerUser, estimate.PReadWriteRatio,
	estimate.PWrites, estimate.PReads, estimate.PWriteSize, estimate.PMediaSize, estimate.PReadSize, estimate.PRetention,
}

// vary returns a randomised text for a preset value, or false to keep it.
// Every text it returns is in the form the estimator's parsers accept.
func vary(rng *rand.Rand, v estimate.PresetValue) (string, bool) {
	if !slices.Contains(varied, v.Param) {
		return "", false
	}
	p, _ := estimate.ParamByName(v.Param)
	f := factors[rng.IntN(len(factors))]
	switch p.Kind {
	case estimate.KindCount, estimate.KindFactor:
		n, err := estimate.ParseCount(v.Value)
		if err != nil {
			return "", false
		}
		return estimate.FormatCount(nice(n * f)), true
	case estimate.KindRatio:
		n, err := estimate.ParseRatio(v.Value)
		if err != nil {
			return "", false
		}
		return strconv.FormatFloat(nice(n*f), 'f', -1, 64), true
	case estimate.KindBytes:
		n, err := estimate.ParseBytes(v.Value)
		if err != nil || n == 0 {
			return "", false
		}
		return strings.ReplaceAll(estimate.FormatBytes(nice(n*f), false), " ", ""), true
	case estimate.KindVolume:
		count, period, ok := strings.Cut(v.Value, "/")
		n, err := estimate.ParseCount(count)
		if !ok || err != nil {
			return "", false
		}
		return estimate.FormatCount(nice(n*f)) + "/" + period, true
	case estimate.KindDuration:
		i := slices.Index(retentions, v.Value)
		if i < 0 {
			return "", false
		}
		j := min(max(i+rng.IntN(3)-1, 0), len(retentions)-1)
		return retentions[j], true
	}
	return "", false
}

// nice rounds to two significant digits: 450M, 1.5K, 210.
func nice(v float64) float64 {
	if v <= 0 {
		return v
	}
	p := math.Pow(10, 1-math.Floor(math.Log10(v)))
	return math.Round(v*p) / p
}
