package ratelimit

import (
	"errors"
	"fmt"
	"time"
)

// Simulation bounds and chart resolution.
const (
	// BucketWidth is the width of one Result.Buckets entry.
	BucketWidth = 100 * time.Millisecond
	// MaxSimDuration is the longest simulated run.
	MaxSimDuration = time.Hour
	// MaxSimRequests bounds the expected number of generated requests.
	MaxSimRequests = 2_000_000
)

// ErrInvalidSimulation is wrapped by Simulate's error when a run's duration, pattern
// or size is out of range.
var ErrInvalidSimulation = errors.New("ratelimit: invalid simulation")

// simEpoch is the simulated start: a fixed instant, moved back to a window
// boundary so every run lines up with the fixed windows in the same way.
const simEpoch = int64(1_700_000_000) * int64(time.Second)

// Bucket counts the decisions in one BucketWidth slice of a run.
type Bucket struct {
	Start    time.Duration `json:"start"` // offset from the start of the run
	Admitted int           `json:"admitted"`
	Rejected int           `json:"rejected"`
}

// Result is the outcome of one simulated run. Two runs with the same
// inputs give equal Results.
type Result struct {
	Config   Config        `json:"config"`
	Pattern  Pattern       `json:"pattern"`
	Seed     uint64        `json:"seed"`
	Duration time.Duration `json:"duration"`
	// Offered = Admitted + Rejected requests.
	Offered  int `json:"offered"`
	Admitted int `json:"admitted"`
	Rejected int `json:"rejected"`
	// MaxInWindow is the most requests admitted within any span one
	// Window long (Limit for an exact limiter; up to 2×Limit for the fixed
	// window at its edges).
	MaxInWindow int `json:"max_in_window"`
	// Buckets holds the decisions per BucketWidth, in time order.
	Buckets []Bucket `json:"buckets"`
}

// String summarises the run in one line.
func (r Result) String() string {
	pct := 0.0
	if r.Offered > 0 {
		pct = 100 * float64(r.Admitted) / float64(r.Offered)
	}
	return fmt.Sprintf("%v, %v traffic, seed %d, %v: %d offered, %d admitted (%.1f%%), %d rejected, at most %d in any %v",
		r.Config, r.Pattern, r.Seed, r.Duration, r.Offered, r.Admitted, pct, r.Rejected, r.MaxInWindow, r.Config.Window)
}

// Simulate runs duration's worth of pattern traffic, generated from seed,
// through an in-memory limiter for cfg on a single key, using simulated
// time (it takes microseconds, whatever the duration). Invalid inputs
// give an error wrapping ErrInvalidConfig or ErrInvalidSimulation.
func Simulate(cfg Config, pattern Pattern, seed uint64, duration time.Duration) (Result, error) {
	traffic, err := simTraffic(cfg, pattern, seed, duration)
	if err != nil {
		return Result{}, err
	}
	return run(cfg, pattern, seed, duration, traffic)
}

// SimulateAll runs Simulate for every algorithm, in Algorithms order, on
// the same generated traffic; cfg.Algorithm is ignored.
func SimulateAll(cfg Config, pattern Pattern, seed uint64, duration time.Duration) ([]Result, error) {
	traffic, err := simTraffic(cfg, pattern, seed, duration)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, a := range Algorithms() {
		c := cfg
		c.Algorithm = a
		r, err := run(c, pattern, seed, duration, traffic)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func simTraffic(cfg Config, pattern Pattern, seed uint64, d time.Duration) ([]time.Duration, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if !pattern.Valid() {
		return nil, fmt.Errorf("%w: pattern %d: want one of %v", ErrInvalidSimulation, int(pattern), Patterns())
	}
	if d <= 0 || d > MaxSimDuration {
		return nil, fmt.Errorf("%w: duration %s: want more than 0 and at most %s", ErrInvalidSimulation, FormatWindow(d), FormatWindow(MaxSimDuration))
	}
	windows := float64(d)/float64(cfg.Window) + 1
	if est := pattern.offeredPerWindow() * float64(cfg.Limit) * windows; est > MaxSimRequests {
		return nil, fmt.Errorf("%w: %s over %s means about %s requests: want at most %s; shorten the run or lower the limit",
			ErrInvalidSimulation, FormatRate(cfg.Limit, cfg.Window), FormatWindow(d), commasFloat(est), commas(MaxSimRequests))
	}
	return pattern.traffic(cfg.Limit, cfg.Window, d, seed), nil
}

func run(cfg Config, pattern Pattern, seed uint64, d time.Duration, traffic []time.Duration) (Result, error) {
	res := Result{Config: cfg, Pattern: pattern, Seed: seed, Duration: d}
	m, err := NewMemory(cfg)
	if err != nil {
		return Result{}, err
	}
	start := time.Unix(0, floorTo(simEpoch, int64(cfg.Window)))
	res.Buckets = make([]Bucket, (d+BucketWidth-1)/BucketWidth)
	for i := range res.Buckets {
		res.Buckets[i].Start = time.Duration(i) * BucketWidth
	}
	admitted := make([]time.Duration, 0, len(traffic))
	for _, off := range traffic {
		b := &res.Buckets[off/BucketWidth]
		if m.AllowAt("sim", start.Add(off)).Allowed {
			b.Admitted++
			admitted = append(admitted, off)
		} else {
			b.Rejected++
		}
	}
	res.Offered, res.Admitted = len(traffic), len(admitted)
	res.Rejected = res.Offered - res.Admitted
	res.MaxInWindow = maxWithin(admitted, cfg.Window)
	return res, nil
}

// maxWithin is the most sorted offsets that fit in a half-open span of
// length w.
func maxWithin(offsets []time.Duration, w time.Duration) int {
	best, lo := 0, 0
	for hi := range offsets {
		for offsets[hi]-offsets[lo] >= w {
			lo++
		}
		best = max(best, hi-lo+1)
	}
	return best
}
