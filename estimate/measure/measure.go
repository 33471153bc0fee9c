// Package measure times this machine's own versions of the latency
// numbers every estimate leans on: a cache hit and a memory read, a lock,
// a goroutine switch, a system call, an fsync, a loopback round trip,
// JSON and SHA-256 of 1 KB, and a 1 MB read. Each figure is the median
// of several runs of a batch, set beside the textbook figure so a user
// sees which rules of thumb still hold here.
//
// It lives under estimate because it compares with estimate's latency
// table. It reads the real clock (that is the point) through Options.Clock and
// reports progress through Options.Progress; it has no UI code.
package measure

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"
)

// Figure is one measured operation.
type Figure struct {
	// Key is the operation's snake_case name: "l1_hit".
	Key string `json:"key"`
	// Operation is its name for people: "L1 cache hit (pointer chase)".
	Operation string `json:"operation"`
	// Nanoseconds is the median over Runs of one operation's time.
	Nanoseconds float64 `json:"nanoseconds"`
	// Runs holds each run's time per operation, in run order.
	Runs []float64 `json:"runs_ns"`
	// TextbookNanoseconds is the rule of thumb it is compared with, and
	// Textbook names it: a row of sdprep's latency table or, for
	// operations the table lacks, a common figure.
	TextbookNanoseconds float64 `json:"textbook_nanoseconds"`
	Textbook            string  `json:"textbook"`
	// Ratio is Nanoseconds / TextbookNanoseconds: above 1 this machine is
	// slower than the book.
	Ratio float64 `json:"ratio"`
}

// Options configure Run. The zero value is valid except for Dir.
type Options struct {
	// Dir is where the fsync and the 1 MB read make their scratch files
	// (the data directory); it must exist. The files are removed.
	Dir string
	// Runs is how many runs each figure is the median of. 0 means 5;
	// accepted 1 to 101.
	Runs int
	// Scale multiplies every batch size: 1 is the default, smaller is
	// quicker and noisier (the tests use 0.05). 0 means 1; accepted above
	// 0 up to 10.
	Scale float64
	// Clock returns a monotonic reading; nil means time.Since a fixed
	// start.
	Clock func() time.Duration
	// Progress, if set, is called before each operation (done of total
	// finished, name the one starting) and once at the end with done ==
	// total.
	Progress func(done, total int, name string)
}

// ErrInvalidOptions is wrapped by Run's errors about its Options.
var ErrInvalidOptions = errors.New("measure: invalid options")

// probe is one operation: batch runs it n times.
type probe struct {
	key, name string
	n         int // operations per run at Scale 1
	setup     func(o Options, n int) (batch func() error, done func(), err error)
	textbook  reference
}

// Run measures every operation and returns the figures in the order of
// Probes. It stops at the first failure (a full disk, a refused
// loopback connection) with an error naming the operation.
func Run(o Options) ([]Figure, error) {
	if o.Dir == "" {
		return nil, fmt.Errorf("%w: dir is empty: want the data directory", ErrInvalidOptions)
	}
	if o.Runs == 0 {
		o.Runs = 5
	}
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.Runs < 1 || o.Runs > 101 {
		return nil, fmt.Errorf("%w: runs %d: want 1 to 101", ErrInvalidOptions, o.Runs)
	}
	if !(o.Scale > 0 && o.Scale <= 10) {
		return nil, fmt.Errorf("%w: scale %v: want above 0 up to 10", ErrInvalidOptions, o.Scale)
	}
	if st, err := os.Stat(o.Dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: dir %q: want an existing directory", ErrInvalidOptions, o.Dir)
	}
	if o.Clock == nil {
		start := time.Now()
		o.Clock = func() time.Duration { return time.Since(start) }
	}
	ps := probes()
	out := make([]Figure, 0, len(ps))
	for i, p := range ps {
		if o.Progress != nil {
			o.Progress(i, len(ps), p.name)
		}
		f, err := measure(o, p)
		if err != nil {
			return out, fmt.Errorf("measure %s: %w", p.name, err)
		}
		out = append(out, f)
	}
	if o.Progress != nil {
		o.Progress(len(ps), len(ps), "")
	}
	return out, nil
}

// Keys lists the operations Run measures, in order.
func Keys() []string {
	var ks []string
	for _, p := range probes() {
		ks = append(ks, p.key)
	}
	return ks
}

func measure(o Options, p probe) (Figure, error) {
	n := max(1, int(float64(p.n)*o.Scale))
	batch, done, err := p.setup(o, n)
	if err != nil {
		return Figure{}, err
	}
	defer done()
	if err := batch(); err != nil { // warm up: caches, page cache, connection
		return Figure{}, err
	}
	f := Figure{Key: p.key, Operation: p.name, TextbookNanoseconds: float64(p.textbook.d), Textbook: p.textbook.name}
	for range o.Runs {
		t0 := o.Clock()
		if err := batch(); err != nil {
			return Figure{}, err
		}
		f.Runs = append(f.Runs, float64(o.Clock()-t0)/float64(n))
	}
	f.Nanoseconds = median(f.Runs)
	if f.TextbookNanoseconds > 0 {
		f.Ratio = f.Nanoseconds / f.TextbookNanoseconds
	}
	return f, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
