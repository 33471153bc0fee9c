package quorum

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "quorum: r 4: want 1 to n (3)".
var ErrInvalidParams = errors.New("quorum: invalid parameter")

// Bounds and defaults of Params.
const (
	MaxN          = 9
	MaxLag        = 10 * time.Second
	MaxOps        = 10_000_000
	DefaultN      = 3
	DefaultOps    = 100_000
	DefaultWrites = 0.2
	// DefaultLag is the lag the command starts with; a zero Lag means
	// none.
	DefaultLag = 50 * time.Millisecond
)

// Simulated traffic: operations arrive as a Poisson stream at OpsPerSecond
// over Keys keys; a message between the client's coordinator and a replica
// takes NetBase plus an exponential NetJitter (mean) one way.
const (
	OpsPerSecond = 1000
	Keys         = 10
	NetBase      = 500 * time.Microsecond
	NetJitter    = 500 * time.Microsecond
)

// Params are the inputs of Simulate, in Dynamo's names. The zero value is
// valid.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64
	// N is the number of replicas of each key. 0 means 3; accepted 1 to 9.
	N int
	// R is how many replicas must answer a read. 0 means a majority of N;
	// accepted 1 to N.
	R int
	// W is how many replicas must acknowledge a write. 0 means a majority
	// of N; accepted 1 to N.
	W int
	// Lag is the mean replication lag: each replica applies a write an
	// exponentially distributed time after it arrives. 0 means none (only
	// network delay); accepted up to 10s.
	Lag time.Duration
	// Partition switches on a network partition for the middle third of
	// the run: replicas 1 to ⌊N/2⌋ on one side, the rest on the other,
	// clients split evenly.
	Partition bool
	// Ops is the number of reads and writes in each run. 0 means 100,000;
	// accepted 1 to 10,000,000.
	Ops int
	// Writes is the fraction of operations that are writes. 0 means 0.2;
	// accepted above 0 and below 1.
	Writes float64
}

// Majority is ⌊n/2⌋+1, the smallest quorum any two of which overlap.
func Majority(n int) int { return n/2 + 1 }

// WithDefaults returns p with every zero field that has a default replaced.
func (p Params) WithDefaults() Params {
	if p.N == 0 {
		p.N = DefaultN
	}
	if p.R == 0 {
		p.R = Majority(p.N)
	}
	if p.W == 0 {
		p.W = Majority(p.N)
	}
	if p.Ops == 0 {
		p.Ops = DefaultOps
	}
	if p.Writes == 0 {
		p.Writes = DefaultWrites
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "quorum", name, v, want)
	}
	d := p.WithDefaults()
	nWant := fmt.Sprintf("1 to n (%d)", d.N)
	switch {
	case d.N < 1 || d.N > MaxN:
		return bad("n", p.N, "1 to 9")
	case d.R < 1 || d.R > d.N:
		return bad("r", p.R, nWant)
	case d.W < 1 || d.W > d.N:
		return bad("w", p.W, nWant)
	case d.Lag < 0 || d.Lag > MaxLag:
		return bad("lag", p.Lag, "0 to 10s")
	case d.Ops < 1 || d.Ops > MaxOps:
		return bad("ops", p.Ops, "1 to 10,000,000")
	case !(d.Writes > 0 && d.Writes < 1):
		return bad("writes", p.Writes, "above 0 and below 1")
	}
	return nil
}

// Overlaps reports whether every read quorum meets every write quorum:
// R + W > N, the condition for reads to see the latest acknowledged write.
func (p Params) Overlaps() bool {
	d := p.WithDefaults()
	return d.R+d.W > d.N
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	part := "no partition"
	if d.Partition {
		part = "partition in the middle third"
	}
	return fmt.Sprintf("N=%d R=%d W=%d, lag %v, %s, %s ops (%s writes), seed %d",
		d.N, d.R, d.W, d.Lag, part, labkit.Commas(int64(d.Ops)), labkit.Percent(d.Writes), d.Seed)
}

// MarshalJSON writes the parameters in snake_case, the lag in
// milliseconds.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed      uint64  `json:"seed"`
		N         int     `json:"n"`
		R         int     `json:"r"`
		W         int     `json:"w"`
		LagMS     float64 `json:"lag_ms"`
		Partition bool    `json:"partition"`
		Ops       int     `json:"ops"`
		Writes    float64 `json:"writes"`
	}{p.Seed, p.N, p.R, p.W, float64(p.Lag) / float64(time.Millisecond), p.Partition, p.Ops, p.Writes})
}
