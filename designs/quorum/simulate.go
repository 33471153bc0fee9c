package quorum

import (
	"slices"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Latency is a latency distribution's median and 99th percentile.
type Latency struct {
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
}

// PartitionChoice is what one choice gives during the partition.
type PartitionChoice struct {
	R int `json:"r"`
	W int `json:"w"`
	// ReadAvailability and WriteAvailability are the shares of reads and
	// writes during the partition that succeeded.
	ReadAvailability  float64 `json:"read_availability"`
	WriteAvailability float64 `json:"write_availability"`
	// StaleReadFraction is the share of successful reads during the
	// partition that missed a write acknowledged before they began.
	StaleReadFraction float64 `json:"stale_read_fraction"`
}

// ElseChoice is what one choice costs when there is no partition: the
// "else, latency or consistency" of PACELC.
type ElseChoice struct {
	R                 int     `json:"r"`
	W                 int     `json:"w"`
	ReadLatency       Latency `json:"read_latency"`
	WriteLatency      Latency `json:"write_latency"`
	StaleReadFraction float64 `json:"stale_read_fraction"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// Overlap is R + W > N.
	Overlap bool `json:"overlap"`
	// StaleReadFraction is the share of successful reads of the
	// configured run that missed a write acknowledged before they began.
	// It is exactly 0 when R + W > N and there is no partition.
	StaleReadFraction float64 `json:"stale_read_fraction"`
	Reads             int     `json:"reads"`
	Writes            int     `json:"writes"`
	// FailedReads and FailedWrites could not reach R or W replicas
	// during the partition (the run refuses rather than answer wrongly).
	FailedReads  int     `json:"failed_reads"`
	FailedWrites int     `json:"failed_writes"`
	ReadLatency  Latency `json:"read_latency"`
	WriteLatency Latency `json:"write_latency"`
	// Partition compares the two choices with the partition on, whatever
	// Params.Partition says: CP refuses operations that cannot reach R or
	// W replicas; AP answers from the replicas it can reach (a sloppy
	// quorum) and hands writes to the others when the partition heals.
	Partition struct {
		CP PartitionChoice `json:"cp"`
		AP PartitionChoice `json:"ap"`
	} `json:"partition"`
	// Else compares, without a partition, majority quorums (consistency)
	// with R = W = 1 (latency).
	Else struct {
		Consistency ElseChoice `json:"consistency"`
		Latency     ElseChoice `json:"latency"`
	} `json:"else"`
}

// Simulate runs the configured quorums, then the CP and AP choices under
// a partition and the consistency and latency choices without one, all on
// the same seeded operations and network delays. Time is simulated.
// Params are checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	res := Result{Params: d, Overlap: d.R+d.W > d.N}
	main := run(d, runConfig{r: d.R, w: d.W, partition: d.Partition})
	res.StaleReadFraction = fraction(main.stale, main.reads)
	res.Reads, res.Writes = main.reads, main.writes
	res.FailedReads, res.FailedWrites = main.readTries-main.reads, main.writeTries-main.writes
	res.ReadLatency, res.WriteLatency = latency(main.readLat), latency(main.writeLat)
	for _, c := range []struct {
		out *PartitionChoice
		ap  bool
	}{{&res.Partition.CP, false}, {&res.Partition.AP, true}} {
		s := run(d, runConfig{r: d.R, w: d.W, partition: true, ap: c.ap})
		*c.out = PartitionChoice{
			R: d.R, W: d.W,
			ReadAvailability:  fraction(s.part.reads, s.part.readTries),
			WriteAvailability: fraction(s.part.writes, s.part.writeTries),
			StaleReadFraction: fraction(s.part.stale, s.part.reads),
		}
	}
	m := Majority(d.N)
	res.Else.Consistency = elseChoice(d, m, m)
	res.Else.Latency = elseChoice(d, 1, 1)
	return res, nil
}

func elseChoice(p Params, r, w int) ElseChoice {
	s := run(p, runConfig{r: r, w: w})
	return ElseChoice{R: r, W: w, ReadLatency: latency(s.readLat), WriteLatency: latency(s.writeLat), StaleReadFraction: fraction(s.stale, s.reads)}
}

func fraction(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return labkit.Round(float64(a) / float64(b))
}

func latency(ms []float64) Latency {
	slices.Sort(ms)
	return Latency{P50MS: labkit.Round(labkit.Quantile(ms, 0.5)), P99MS: labkit.Round(labkit.Quantile(ms, 0.99))}
}

func toMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
