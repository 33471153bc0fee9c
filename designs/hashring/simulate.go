package hashring

import (
	"math"
	"slices"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// SweepVNodes are the virtual-node counts whose load spread a run
// compares (those that keep nodes × vnodes within MaxPoints), plus
// Params.VNodes.
var SweepVNodes = []int{1, 10, 50, 100, 200, 500, 1000}

// Spread is how evenly keys fall on nodes for one vnode count.
type Spread struct {
	VNodes int `json:"vnodes"`
	// MaxOverMean is the busiest node's keys over the mean: 1 is perfect.
	MaxOverMean float64 `json:"max_over_mean"`
	// Stddev is the standard deviation of keys per node, and
	// StddevOverMean the same relative to the mean (about 1/√vnodes).
	Stddev         float64 `json:"stddev"`
	StddevOverMean float64 `json:"stddev_over_mean"`
}

// Bounded is consistent hashing with bounded loads (Mirrokni, Thorup and
// Zadimoghaddam, 2018): a key whose node is full goes to the next node
// clockwise with room.
type Bounded struct {
	LoadFactor float64 `json:"load_factor"`
	// Capacity is ⌈load_factor · keys / nodes⌉ before the change.
	Capacity    int     `json:"capacity"`
	MaxOverMean float64 `json:"max_over_mean"`
	Stddev      float64 `json:"stddev"`
	// Moved is the fraction of keys on another node after the change:
	// more than plain consistent hashing, since full nodes push keys on.
	Moved float64 `json:"moved"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params      Params `json:"params"`
	NodesBefore int    `json:"nodes_before"`
	NodesAfter  int    `json:"nodes_after"`
	// MovedConsistent and MovedModulo are the fractions of keys whose
	// node changed with the ring and with hash % nodes. MovedIdeal is the
	// least any scheme can move: 1/(N+1) when adding to N nodes, 1/N when
	// removing one.
	MovedConsistent float64 `json:"moved_consistent"`
	MovedModulo     float64 `json:"moved_modulo"`
	MovedIdeal      float64 `json:"moved_ideal"`
	// NodeKeys is the keys on each node before the change, by node id,
	// with Params.VNodes; Load summarises it.
	NodeKeys []int    `json:"node_keys"`
	Load     Spread   `json:"load"`
	Spread   []Spread `json:"spread"`
	Bounded  Bounded  `json:"bounded"`
}

// Simulate places Keys keys on the ring before and after the change, and
// with hash % nodes, and measures what moves; then the load spread for
// each vnode count of the sweep, and the bounded-load variant. Params are
// checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	n, n2 := d.Nodes, d.NodesAfter()
	res := Result{Params: d, NodesBefore: n, NodesAfter: n2}
	hashes := make([]uint64, d.Keys)
	for i := range hashes {
		hashes[i] = KeyHash(i, d.Seed)
	}
	sorted := slices.Clone(hashes)
	slices.Sort(sorted)

	before := NewRing(ids(n), d.VNodes, d.Seed)
	after := NewRing(ids(n2), d.VNodes, d.Seed)
	ob, oa := before.ownersSorted(sorted), after.ownersSorted(sorted)
	res.MovedConsistent = fraction(differ(ob, oa), d.Keys)
	mod := 0
	for _, h := range hashes {
		if h%uint64(n) != h%uint64(n2) {
			mod++
		}
	}
	res.MovedModulo = fraction(mod, d.Keys)
	res.MovedIdeal = labkit.Round(1 / float64(max(n, n2)))
	res.NodeKeys = counts(ob, n)
	res.Load = spread(d.VNodes, res.NodeKeys)

	for _, v := range sweep(d) {
		r := NewRing(ids(n), v, d.Seed)
		res.Spread = append(res.Spread, spread(v, counts(r.ownersSorted(sorted), n)))
	}

	capB := int(math.Ceil(d.LoadFactor * float64(d.Keys) / float64(n)))
	capA := int(math.Ceil(d.LoadFactor * float64(d.Keys) / float64(n2)))
	bb, loadB := before.bounded(hashes, n, capB)
	ba, _ := after.bounded(hashes, n2, capA)
	s := spread(d.VNodes, loadB)
	res.Bounded = Bounded{LoadFactor: d.LoadFactor, Capacity: capB, MaxOverMean: s.MaxOverMean, Stddev: s.Stddev, Moved: fraction(differ(bb, ba), d.Keys)}
	return res, nil
}

func ids(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// sweep lists the vnode counts to compare for d.
func sweep(d Params) []int {
	var out []int
	for _, v := range SweepVNodes {
		if d.Nodes*v <= MaxPoints {
			out = append(out, v)
		}
	}
	if !slices.Contains(out, d.VNodes) {
		out = append(out, d.VNodes)
		slices.Sort(out)
	}
	return out
}

func differ(a, b []int32) int {
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}

func counts(owners []int32, nodes int) []int {
	out := make([]int, nodes)
	for _, o := range owners {
		out[o]++
	}
	return out
}

func spread(vnodes int, load []int) Spread {
	total, most := 0, 0
	for _, k := range load {
		total += k
		most = max(most, k)
	}
	mean := float64(total) / float64(len(load))
	var ss float64
	for _, k := range load {
		ss += (float64(k) - mean) * (float64(k) - mean)
	}
	sd := math.Sqrt(ss / float64(len(load)))
	s := Spread{VNodes: vnodes, Stddev: labkit.Round(sd)}
	if mean > 0 {
		s.MaxOverMean = labkit.Round(float64(most) / mean)
		s.StddevOverMean = labkit.Round(sd / mean)
	}
	return s
}

func fraction(a, b int) float64 { return labkit.Round(float64(a) / float64(b)) }

func sqrt(x float64) float64 { return math.Sqrt(x) }
