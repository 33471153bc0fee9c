package ratelimit

import (
	"errors"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sdprep/sdprep/internal/enum"
)

// Pattern is a shape of simulated traffic. The zero value is Steady.
type Pattern int

// The traffic patterns Simulate can generate.
const (
	// Steady is Poisson arrivals at 1.5× the limit's rate: a client that
	// always asks for a bit more than it may have.
	Steady Pattern = iota
	// Spike is Poisson background at half the rate plus, once every two
	// windows, a burst of 2×Limit requests within a tenth of a window.
	Spike
	// WindowEdge is light background plus Limit requests just before and
	// Limit just after every window boundary: the fixed window's worst case.
	WindowEdge
)

// ErrUnknownPattern is returned by ParsePattern for a name it does not know.
var ErrUnknownPattern = errors.New("ratelimit: unknown traffic pattern")

var patternNames = enum.Names[Pattern]{Type: "Pattern", Err: ErrUnknownPattern,
	Names: []string{Steady: "steady", Spike: "spike", WindowEdge: "window-edge"}}

// Patterns returns every pattern in declaration order.
func Patterns() []Pattern { return []Pattern{Steady, Spike, WindowEdge} }

// Valid reports whether p is one of the declared patterns.
func (p Pattern) Valid() bool { return patternNames.Valid(p) }

// String returns the pattern's name: "steady", "spike" or "window-edge".
func (p Pattern) String() string { return patternNames.String(p) }

// MarshalText encodes the pattern as its name.
func (p Pattern) MarshalText() ([]byte, error) { return patternNames.MarshalText(p) }

// UnmarshalText decodes a name accepted by ParsePattern.
func (p *Pattern) UnmarshalText(b []byte) error { return patternNames.UnmarshalText(b, p) }

// ParsePattern parses a pattern name, case-insensitively, with "_" or " "
// in place of "-".
func ParsePattern(s string) (Pattern, error) { return patternNames.Parse(s) }

// offeredPerWindow is the expected number of requests per window a pattern
// generates, in units of Limit; Simulate uses it to refuse runs too large
// to hold in memory.
func (p Pattern) offeredPerWindow() float64 {
	if p == WindowEdge {
		return 2.2 // 0.2 background + Limit on each side of every boundary
	}
	return 1.5 // steady; spike is 0.5 background + 2×Limit per two windows
}

// traffic generates the request offsets (from the start of the run, sorted)
// of pattern p over duration d for a limit of limit per window w. Every
// random draw comes from a PCG source seeded with seed.
func (p Pattern) traffic(limit int, w, d time.Duration, seed uint64) []time.Duration {
	rng := rand.New(rand.NewPCG(seed, 0x5d_9e_3779_b97f_4a7c))
	perNs := float64(limit) / float64(w)
	var out []time.Duration
	poisson := func(rate float64) {
		for t := 0.0; ; {
			t += rng.ExpFloat64() / rate
			if t >= float64(d) {
				return
			}
			out = append(out, time.Duration(t))
		}
	}
	uniform := func(n int, from, span time.Duration) {
		for range n {
			if at := from + time.Duration(rng.Int64N(int64(max(span, 1)))); at >= 0 && at < d {
				out = append(out, at)
			}
		}
	}
	switch p {
	case Steady:
		poisson(1.5 * perNs)
	case Spike:
		poisson(0.5 * perNs)
		for start := time.Duration(0); start < d; start += 2 * w {
			uniform(2*limit, start+time.Duration(rng.Int64N(int64(w))), w/10)
		}
	case WindowEdge:
		poisson(0.2 * perNs)
		for edge := w; edge < d; edge += w {
			uniform(limit, edge-w/20, w/20)
			uniform(limit, edge, w/20)
		}
	}
	slices.Sort(out)
	return out
}
