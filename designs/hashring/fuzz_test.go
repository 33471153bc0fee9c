package hashring

import (
	"errors"
	"testing"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams; removing a node moves exactly its keys.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 10, 100, 1000, 0, 1.1)
	f.Add(uint64(2), -1, 2000, -5, 1, 0.5)
	f.Fuzz(func(t *testing.T, seed uint64, nodes, vnodes, keys, change int, lf float64) {
		p := Params{Seed: seed, Nodes: nodes % 200, VNodes: vnodes % 200, Keys: keys % 5000, Change: Change(change), LoadFactor: lf}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		if res.Bounded.MaxOverMean > res.Params.LoadFactor+float64(res.NodesBefore)/float64(res.Params.Keys)+1e-3 {
			t.Fatalf("%+v: bounded max/mean %v above c", p, res.Bounded.MaxOverMean)
		}
	})
}
