package hashring

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "hashring: vnodes 0: want 1 to 1,000".
var ErrInvalidParams = errors.New("hashring: invalid parameter")

// Bounds and defaults of Params.
const (
	MaxNodes          = 1000
	MaxVNodes         = 1000
	MaxPoints         = 1_000_000 // nodes × vnodes
	MaxKeys           = 5_000_000
	MaxLoadFactor     = 3.0
	DefaultNodes      = 10
	DefaultVNodes     = 100
	DefaultKeys       = 100_000
	DefaultLoadFactor = 1.1
)

// Change is the membership change whose key movement is measured.
type Change int

// The changes.
const (
	// Add adds node N+1 to N nodes.
	Add Change = iota
	// Remove removes the last of N nodes.
	Remove
)

var changeNames = []string{"add", "remove"}

// String returns "add" or "remove".
func (c Change) String() string {
	if c < 0 || int(c) >= len(changeNames) {
		return fmt.Sprintf("change(%d)", int(c))
	}
	return changeNames[c]
}

// ParseChange reads "add" or "remove", ignoring case.
func ParseChange(s string) (Change, error) {
	for i, n := range changeNames {
		if strings.EqualFold(s, n) {
			return Change(i), nil
		}
	}
	return 0, labkit.Invalid(ErrInvalidParams, "hashring", "change", s, "add or remove")
}

// Params are the inputs of Simulate. The zero value is valid.
type Params struct {
	// Seed places the nodes and keys on the ring.
	Seed uint64
	// Nodes is the number of nodes before the change. 0 means 10;
	// accepted 1 to 1,000 (2 or more to remove one).
	Nodes int
	// VNodes is the number of virtual nodes (ring points) per node. 0
	// means 100; accepted 1 to 1,000, and Nodes × VNodes at most
	// 1,000,000.
	VNodes int
	// Keys is the number of keys placed. 0 means 100,000; accepted 1 to
	// 5,000,000.
	Keys int
	// Change is the membership change measured; the zero value is Add.
	Change Change
	// LoadFactor is c of consistent hashing with bounded loads: no node
	// takes more than ⌈c·keys/nodes⌉ keys. 0 means 1.1; accepted 1 to 3.
	LoadFactor float64
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	if p.Nodes == 0 {
		p.Nodes = DefaultNodes
	}
	if p.VNodes == 0 {
		p.VNodes = DefaultVNodes
	}
	if p.Keys == 0 {
		p.Keys = DefaultKeys
	}
	if p.LoadFactor == 0 {
		p.LoadFactor = DefaultLoadFactor
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "hashring", name, v, want)
	}
	d := p.WithDefaults()
	switch {
	case p.Change != Add && p.Change != Remove:
		return bad("change", int(p.Change), "add or remove")
	case d.Nodes < 1 || d.Nodes > MaxNodes:
		return bad("nodes", p.Nodes, "1 to 1,000")
	case d.Change == Remove && d.Nodes < 2:
		return bad("nodes", p.Nodes, "2 to 1,000 to remove one")
	case d.VNodes < 1 || d.VNodes > MaxVNodes:
		return bad("vnodes", p.VNodes, "1 to 1,000")
	case d.Nodes*d.VNodes > MaxPoints:
		return bad("vnodes", p.VNodes, fmt.Sprintf("1 to %s with %s nodes (nodes × vnodes at most 1,000,000)",
			labkit.Commas(int64(MaxPoints/d.Nodes)), labkit.Commas(int64(d.Nodes))))
	case d.Keys < 1 || d.Keys > MaxKeys:
		return bad("keys", p.Keys, "1 to 5,000,000")
	case !(d.LoadFactor >= 1 && d.LoadFactor <= MaxLoadFactor):
		return bad("load-factor", p.LoadFactor, "1 to 3")
	}
	return nil
}

// NodesAfter is the node count after the change.
func (p Params) NodesAfter() int {
	d := p.WithDefaults()
	if d.Change == Remove {
		return d.Nodes - 1
	}
	return d.Nodes + 1
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	return fmt.Sprintf("%s keys on %s nodes × %s vnodes, %s a node (%d → %d), seed %d",
		labkit.Commas(int64(d.Keys)), labkit.Commas(int64(d.Nodes)), labkit.Commas(int64(d.VNodes)),
		d.Change, d.Nodes, d.NodesAfter(), d.Seed)
}

// MarshalJSON writes the parameters in snake_case.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed       uint64  `json:"seed"`
		Nodes      int     `json:"nodes"`
		VNodes     int     `json:"vnodes"`
		Keys       int     `json:"keys"`
		Change     string  `json:"change"`
		LoadFactor float64 `json:"load_factor"`
	}{p.Seed, p.Nodes, p.VNodes, p.Keys, p.Change.String(), p.LoadFactor})
}
