package fanout

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "fanout: follows 0: want 1 to 1,000".
var ErrInvalidParams = errors.New("fanout: invalid parameter")

// Bounds of Params.
const (
	MaxUsers      = 1_000_000
	MaxFollows    = 1_000
	MaxPosts      = 10_000_000
	MaxReads      = 10_000_000
	MaxSkew       = 3.0
	MaxCap        = 100_000
	MaxPostRate   = 1_000_000
	MaxInsertRate = 1_000_000_000
	// MaxEdges bounds users × follows, the size of the follow graph.
	MaxEdges = 20_000_000
)

// Defaults stand in for zero-valued Params fields.
const (
	DefaultUsers      = 100_000
	DefaultFollows    = 50
	DefaultSkew       = 0.8
	DefaultPosts      = 100_000
	DefaultReads      = 500_000
	DefaultThreshold  = 10_000
	DefaultCap        = 800
	DefaultPostRate   = 100
	DefaultInsertRate = 100_000
)

// EntryBytes is the size of one timeline entry: a post id and a
// timestamp, 8 bytes each.
const EntryBytes = 16

// Params are the inputs of Simulate. The zero value is valid: every zero
// field means the default named beside it.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64
	// Users is how many accounts there are. 0 means 100,000; accepted
	// 100 to 1,000,000.
	Users int
	// Follows is the mean number of accounts a user follows; each user's
	// count is exponentially distributed around it (at least 1). 0 means
	// 50; accepted 1 to 1,000, below users, and users × follows at most
	// 20,000,000.
	Follows int
	// Skew is the Zipf exponent s of whom people follow: the k-th most
	// followed account is picked in proportion to 1/k^s, which makes
	// follower counts a power law with a few celebrities. 0 means 0.8;
	// accepted above 0 up to 3.
	Skew float64
	// Posts is how many posts are written, by authors picked uniformly.
	// 0 means 100,000; accepted 1 to 10,000,000.
	Posts int
	// Reads is how many home timelines are read, by readers picked
	// uniformly. 0 means 500,000; accepted 1 to 10,000,000.
	Reads int
	// Threshold is the hybrid's celebrity line: posts by accounts with at
	// least this many followers are not pushed but pulled at read time.
	// 0 means 10,000; accepted 1 to users.
	Threshold int
	// Cap is how many entries a pushed timeline keeps (older ones are
	// trimmed). 0 means 800; accepted 1 to 100,000.
	Cap int
	// PostRate is posts per simulated second. 0 means 100; accepted 1 to
	// 1,000,000.
	PostRate int
	// InsertRate is the fan-out workers' timeline inserts per second: a
	// pushed post reaches its last follower after the inserts queued
	// before it and its own. 0 means 100,000; accepted 1 to
	// 1,000,000,000.
	InsertRate int
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&p.Users, DefaultUsers)
	def(&p.Follows, DefaultFollows)
	def(&p.Posts, DefaultPosts)
	def(&p.Reads, DefaultReads)
	def(&p.Threshold, DefaultThreshold)
	def(&p.Cap, DefaultCap)
	def(&p.PostRate, DefaultPostRate)
	def(&p.InsertRate, DefaultInsertRate)
	if p.Skew == 0 {
		p.Skew = DefaultSkew
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "fanout", name, v, want)
	}
	d := p.WithDefaults()
	switch {
	case d.Users < 100 || d.Users > MaxUsers:
		return bad("users", p.Users, "100 to 1,000,000")
	case d.Follows < 1 || d.Follows > MaxFollows || d.Follows >= d.Users:
		return bad("follows", p.Follows, "1 to 1,000 and below users ("+labkit.Commas(int64(d.Users))+")")
	case d.Users*d.Follows > MaxEdges:
		return bad("follows", p.Follows, "at most "+labkit.Commas(int64(MaxEdges/d.Users))+" for "+labkit.Commas(int64(d.Users))+" users (users × follows up to 20,000,000)")
	case !(d.Skew > 0 && d.Skew <= MaxSkew):
		return bad("skew", p.Skew, "above 0 up to 3")
	case d.Posts < 1 || d.Posts > MaxPosts:
		return bad("posts", p.Posts, "1 to 10,000,000")
	case d.Reads < 1 || d.Reads > MaxReads:
		return bad("reads", p.Reads, "1 to 10,000,000")
	case d.Threshold < 1 || d.Threshold > d.Users:
		return bad("threshold", p.Threshold, "1 to users ("+labkit.Commas(int64(d.Users))+")")
	case d.Cap < 1 || d.Cap > MaxCap:
		return bad("cap", p.Cap, "1 to 100,000")
	case d.PostRate < 1 || d.PostRate > MaxPostRate:
		return bad("post-rate", p.PostRate, "1 to 1,000,000 posts per second")
	case d.InsertRate < 1 || d.InsertRate > MaxInsertRate:
		return bad("insert-rate", p.InsertRate, "1 to 1,000,000,000 inserts per second")
	}
	return nil
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	return fmt.Sprintf("%s users following %d each (Zipf s=%s), %s posts at %s/s, %s timeline reads, celebrity threshold %s followers, seed %d",
		labkit.Commas(int64(d.Users)), d.Follows, labkit.Format(d.Skew), labkit.Commas(int64(d.Posts)), labkit.Commas(int64(d.PostRate)),
		labkit.Commas(int64(d.Reads)), labkit.Commas(int64(d.Threshold)), d.Seed)
}

// MarshalJSON writes the parameters in snake_case.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed       uint64  `json:"seed"`
		Users      int     `json:"users"`
		Follows    int     `json:"follows"`
		Skew       float64 `json:"skew"`
		Posts      int     `json:"posts"`
		Reads      int     `json:"reads"`
		Threshold  int     `json:"threshold"`
		Cap        int     `json:"cap"`
		PostRate   int     `json:"post_rate"`
		InsertRate int     `json:"insert_rate"`
	}{p.Seed, p.Users, p.Follows, p.Skew, p.Posts, p.Reads, p.Threshold, p.Cap, p.PostRate, p.InsertRate})
}
