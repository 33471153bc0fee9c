package cache

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "cache: size -1: want 0 (sweep) or 1 to keys (10,000)".
var ErrInvalidParams = errors.New("cache: invalid parameter")

// Bounds of Params.
const (
	MaxKeys     = 1_000_000
	MaxRequests = 10_000_000
	MaxReaders  = 100_000
	MinTTL      = 10 * time.Millisecond
	MaxTTL      = time.Hour
	MaxRate     = 1_000_000
	MaxSkew     = 3.0
	MaxBloom    = 64
)

// Defaults stand in for zero-valued Params fields.
const (
	DefaultSkew      = 1.0
	DefaultKeys      = 10_000
	DefaultRequests  = 200_000
	DefaultTTL       = 5 * time.Second
	DefaultRate      = 1_000
	DefaultReaders   = 200
	DefaultRecompute = 100 * time.Millisecond
	DefaultMissing   = 0.2
	DefaultBloomBits = 10
)

// Params are the inputs of Simulate. The zero value is valid: every zero
// field means the default named beside it.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64
	// Workload is the request pattern; the zero value is Zipf.
	Workload Workload
	// Skew is the Zipf exponent s of the Zipf, scan and shifting
	// workloads: the k-th most popular key is read in proportion to
	// 1/k^s. 0 means 1.0; accepted above 0 up to 3.
	Skew float64
	// Keys is the key space. 0 means 10,000; accepted 10 to 1,000,000.
	Keys int
	// Requests is the length of the request trace every policy replays,
	// and the number of reads in the stampede run. 0 means 200,000;
	// accepted 1 to 10,000,000.
	Requests int
	// Size is the cache capacity in entries. 0 sweeps SweepPercents of
	// Keys; otherwise 1 to Keys.
	Size int
	// TTL is how long an entry lives under the TTL policy, and the hot
	// key's lifetime in the stampede run. 0 means 5s; accepted 10ms to 1h.
	TTL time.Duration
	// Rate is requests per simulated second, which sets how far TTLs
	// reach into the trace. 0 means 1,000; accepted 1 to 1,000,000.
	Rate int
	// Readers is the number of concurrent readers of the hot key in the
	// stampede run, each reading every 100 ms on average. 0 means 200;
	// accepted 1 to 100,000.
	Readers int
	// Recompute is how long the backend takes to rebuild the hot value.
	// 0 means 100ms; accepted 1ms up to TTL.
	Recompute time.Duration
	// Missing is the fraction of requests for keys that do not exist, in
	// the penetration run. 0 means 0.2; accepted above 0 and below 1.
	Missing float64
	// BloomBits is the Bloom filter's bits per existing key. 0 means 10
	// (about 1% false positives); accepted 1 to 64.
	BloomBits int
}

// SweepPercents are the cache sizes, as percentages of Keys, that a run
// without Size compares.
var SweepPercents = []float64{0.5, 1, 2, 5, 10, 20, 50}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&p.Keys, DefaultKeys)
	def(&p.Requests, DefaultRequests)
	def(&p.Rate, DefaultRate)
	def(&p.Readers, DefaultReaders)
	def(&p.BloomBits, DefaultBloomBits)
	if p.Skew == 0 {
		p.Skew = DefaultSkew
	}
	if p.TTL == 0 {
		p.TTL = DefaultTTL
	}
	if p.Recompute == 0 {
		p.Recompute = DefaultRecompute
	}
	if p.Missing == 0 {
		p.Missing = DefaultMissing
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "cache", name, v, want)
	}
	if !p.Workload.Valid() {
		return bad("workload", int(p.Workload), "one of "+strings.Join(WorkloadNames(), ", "))
	}
	d := p.WithDefaults()
	switch {
	case !(d.Skew > 0 && d.Skew <= MaxSkew):
		return bad("skew", p.Skew, "above 0 up to 3")
	case d.Keys < 10 || d.Keys > MaxKeys:
		return bad("keys", p.Keys, "10 to 1,000,000")
	case d.Requests < 1 || d.Requests > MaxRequests:
		return bad("requests", p.Requests, "1 to 10,000,000")
	case d.Size < 0 || d.Size > d.Keys:
		return bad("size", p.Size, "0 (sweep) or 1 to keys ("+labkit.Commas(int64(d.Keys))+")")
	case d.TTL < MinTTL || d.TTL > MaxTTL:
		return bad("ttl", p.TTL, "10ms to 1h")
	case d.Rate < 1 || d.Rate > MaxRate:
		return bad("rate", p.Rate, "1 to 1,000,000 requests per second")
	case d.Readers < 1 || d.Readers > MaxReaders:
		return bad("readers", p.Readers, "1 to 100,000")
	case d.Recompute < time.Millisecond || d.Recompute > d.TTL:
		return bad("recompute", p.Recompute, "1ms up to the ttl ("+d.TTL.String()+")")
	case !(d.Missing > 0 && d.Missing < 1):
		return bad("missing", p.Missing, "above 0 and below 1")
	case d.BloomBits < 1 || d.BloomBits > MaxBloom:
		return bad("bloom-bits", p.BloomBits, "1 to 64")
	}
	return nil
}

// Sizes returns the cache sizes a run compares: Size alone, or the sweep.
func (p Params) Sizes() []int {
	d := p.WithDefaults()
	if d.Size > 0 {
		return []int{d.Size}
	}
	var out []int
	for _, pct := range SweepPercents {
		n := max(1, int(float64(d.Keys)*pct/100))
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return out
}

// String summarises the workload in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	w := d.Workload.String()
	if d.Workload != Uniform {
		w += fmt.Sprintf(" (s=%s)", labkit.Format(d.Skew))
	}
	return fmt.Sprintf("%s over %s keys, %s requests at %s/s, seed %d",
		w, labkit.Commas(int64(d.Keys)), labkit.Commas(int64(d.Requests)), labkit.Commas(int64(d.Rate)), d.Seed)
}

// MarshalJSON writes the parameters in snake_case, durations in
// milliseconds.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed        uint64  `json:"seed"`
		Workload    string  `json:"workload"`
		Skew        float64 `json:"skew"`
		Keys        int     `json:"keys"`
		Requests    int     `json:"requests"`
		Size        int     `json:"size"`
		TTLMS       float64 `json:"ttl_ms"`
		Rate        int     `json:"rate"`
		Readers     int     `json:"readers"`
		RecomputeMS float64 `json:"recompute_ms"`
		Missing     float64 `json:"missing"`
		BloomBits   int     `json:"bloom_bits"`
	}{p.Seed, p.Workload.String(), p.Skew, p.Keys, p.Requests, p.Size, ms(p.TTL), p.Rate, p.Readers,
		ms(p.Recompute), p.Missing, p.BloomBits})
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
