package tui

import (
	"github.com/sdprep/sdprep/designs/hashring"
)

// hashRingLab is the consistent-hashing lab's state.
type hashRingLab struct{ p hashring.Params }

func newHashRingLab(p hashring.Params) *hashRingLab { return &hashRingLab{p: p.WithDefaults()} }

func (l *hashRingLab) intro() string { return "keys moved: ring vs hash % N; spread by vnodes" }

func (l *hashRingLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := hashring.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *hashRingLab) params() []simParam {
	p := &l.p
	return []simParam{
		intParam("nodes", &p.Nodes, []int{2, 3, 5, 10, 20, 50, 100, 1000}),
		intParam("vnodes", &p.VNodes, []int{1, 10, 50, 100, 200, 500, 1000}),
		intParam("keys", &p.Keys, []int{10_000, 100_000, 1_000_000}),
		{"change", func() string { return p.Change.String() }, func(d int) { p.Change = hashring.Change(cycle(int(p.Change), 2, d)) }},
		floatParam("load-factor", &p.LoadFactor, []float64{1, 1.05, 1.1, 1.25, 1.5, 2}),
		seedParam(&p.Seed),
	}
}
