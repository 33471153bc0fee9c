package sharding

import (
	"errors"
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "sharding: shards 0: want 1 to 256".
var ErrInvalidParams = errors.New("sharding: invalid parameter")

// Bounds of Params.
const (
	MaxKeys     = 2_000_000
	MaxRequests = 10_000_000
	MaxShards   = 256
	MaxRegions  = 8
	MaxSkew     = 3.0
)

// Defaults stand in for zero-valued Params fields.
const (
	DefaultKeys     = 100_000
	DefaultRequests = 1_000_000
	DefaultShards   = 8
	DefaultSkew     = 1.0
	DefaultRegions  = 4
)

// Prefixes is how many first letters keys start with: the key set is
// skewed because the first letter of the k-th most common one is
// Zipf-distributed, as with surnames.
const Prefixes = 26

// Params are the inputs of Simulate. The zero value is valid: every zero
// field means the default named beside it.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64 `json:"seed"`
	// Keys is how many keys (rows, users) there are. 0 means 100,000;
	// accepted 100 to 2,000,000.
	Keys int `json:"keys"`
	// Requests is how many reads sample the load. 0 means 1,000,000;
	// accepted 1 to 10,000,000.
	Requests int `json:"requests"`
	// Shards is the number of shards before the reshard, which adds one.
	// 0 means 8; accepted regions to 256.
	Shards int `json:"shards"`
	// Skew is the Zipf exponent s of both skews: the k-th most popular
	// key is read in proportion to 1/k^s, and the k-th most common first
	// letter starts keys in proportion to 1/k^s. 0 means 1.0; accepted
	// above 0 up to 3.
	Skew float64 `json:"skew"`
	// Regions is how many regions the users live in, the k-th holding a
	// share in proportion to 1/k. 0 means 4; accepted 1 to 8.
	Regions int `json:"regions"`
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&p.Keys, DefaultKeys)
	def(&p.Requests, DefaultRequests)
	def(&p.Shards, DefaultShards)
	def(&p.Regions, DefaultRegions)
	if p.Skew == 0 {
		p.Skew = DefaultSkew
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "sharding", name, v, want)
	}
	d := p.WithDefaults()
	switch {
	case d.Keys < 100 || d.Keys > MaxKeys:
		return bad("keys", p.Keys, "100 to 2,000,000")
	case d.Requests < 1 || d.Requests > MaxRequests:
		return bad("requests", p.Requests, "1 to 10,000,000")
	case d.Regions < 1 || d.Regions > MaxRegions:
		return bad("regions", p.Regions, "1 to 8")
	case d.Shards < d.Regions || d.Shards > MaxShards:
		return bad("shards", p.Shards, fmt.Sprintf("regions (%d) to 256", d.Regions))
	case !(d.Skew > 0 && d.Skew <= MaxSkew):
		return bad("skew", p.Skew, "above 0 up to 3")
	}
	return nil
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	return fmt.Sprintf("%s keys, %s reads (Zipf s=%s), %d shards then %d, %d regions, seed %d",
		labkit.Commas(int64(d.Keys)), labkit.Commas(int64(d.Requests)), labkit.Format(d.Skew), d.Shards, d.Shards+1, d.Regions, d.Seed)
}
