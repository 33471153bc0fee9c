package hashring

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Keys: 20_000}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	for _, c := range []Change{Add, Remove} {
		p := small
		p.Change = c
		a, b := reports(t, p), reports(t, p)
		for f := range a {
			if !bytes.Equal(a[f], b[f]) {
				t.Errorf("%v %s: two runs with one seed differ", c, f)
			}
		}
		p.Seed++
		if bytes.Equal(a["json"], reports(t, p)["json"]) {
			t.Errorf("%v: seeds %d and %d gave the same result", c, p.Seed-1, p.Seed)
		}
	}
}

func TestReportsGolden(t *testing.T) {
	remove := small
	remove.Change, remove.Nodes, remove.VNodes = Remove, 20, 5
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"add": small, "remove": remove} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

// TestMovedMatchesTheory: hash % N moves about N/(N+1) of the keys when a
// node is added, the ring about 1/(N+1).
func TestMovedMatchesTheory(t *testing.T) {
	sum := 0.0
	const seeds = 5
	for seed := range uint64(seeds) {
		for _, n := range []int{3, 10, 50} {
			r, err := Simulate(Params{Seed: seed, Nodes: n, VNodes: 200, Keys: 100_000})
			if err != nil {
				t.Fatal(err)
			}
			fn := float64(n)
			if want := fn / (fn + 1); math.Abs(r.MovedModulo-want) > 0.01 {
				t.Errorf("N=%d seed %d: moved_modulo %v, want %.4f", n, seed, r.MovedModulo, want)
			}
			if r.MovedIdeal != math.Round(1e4/(fn+1))/1e4 {
				t.Errorf("N=%d: moved_ideal %v", n, r.MovedIdeal)
			}
			// The new node's share has a relative spread of about 1/√200 = 7%.
			if math.Abs(r.MovedConsistent-r.MovedIdeal) > 0.3*r.MovedIdeal {
				t.Errorf("N=%d seed %d: moved_consistent %v, ideal %v", n, seed, r.MovedConsistent, r.MovedIdeal)
			}
			if n == 10 {
				sum += r.MovedConsistent / r.MovedIdeal
			}
		}
	}
	if avg := sum / seeds; math.Abs(avg-1) > 0.1 {
		t.Errorf("N=10: moved_consistent averages %.3f× ideal over %d seeds", avg, seeds)
	}
}

// TestRemoveMovesOnlyTheRemovedNodesKeys: removing a node moves exactly
// its keys; hash % N moves about (N-1)/N.
func TestRemoveMovesOnlyTheRemovedNodesKeys(t *testing.T) {
	r, err := Simulate(Params{Seed: 2, Nodes: 8, VNodes: 50, Keys: 80_000, Change: Remove})
	if err != nil {
		t.Fatal(err)
	}
	if want := float64(r.NodeKeys[7]) / 80_000; math.Abs(r.MovedConsistent-want) > 1e-4 {
		t.Errorf("moved_consistent %v, want the removed node's share %v", r.MovedConsistent, want)
	}
	if math.Abs(r.MovedModulo-7.0/8) > 0.01 || r.MovedIdeal != 0.125 {
		t.Errorf("moved_modulo %v (want 0.875), ideal %v", r.MovedModulo, r.MovedIdeal)
	}
}

// TestAddMovesKeysOnlyToTheNewNode checks the ring property directly.
func TestAddMovesKeysOnlyToTheNewNode(t *testing.T) {
	before, after := NewRing(ids(5), 20, 9), NewRing(ids(6), 20, 9)
	moved := 0
	for i := range 20_000 {
		h := KeyHash(i, 9)
		if a, b := before.Lookup(h), after.Lookup(h); a != b {
			moved++
			if b != 5 {
				t.Fatalf("key %d moved from node %d to old node %d", i, a, b)
			}
		}
	}
	if moved == 0 {
		t.Fatal("no key moved to the new node")
	}
}

// TestSpreadShrinksWithVNodes: the relative standard deviation of keys
// per node is about 1/√vnodes.
func TestSpreadShrinksWithVNodes(t *testing.T) {
	r, err := Simulate(Params{Seed: 4, Nodes: 100, VNodes: 100, Keys: 500_000})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Spread {
		want := 1 / math.Sqrt(float64(s.VNodes))
		if s.VNodes >= 10 && (s.StddevOverMean < 0.7*want || s.StddevOverMean > 1.3*want+0.01) {
			t.Errorf("vnodes %d: stddev/mean %v, want about %.3f", s.VNodes, s.StddevOverMean, want)
		}
	}
	first, last := r.Spread[0], r.Spread[len(r.Spread)-1]
	if first.VNodes != 1 || last.VNodes != 1000 || last.MaxOverMean >= first.MaxOverMean || last.MaxOverMean > 1.15 {
		t.Errorf("spread from %+v to %+v", first, last)
	}
}

func TestBoundedLoads(t *testing.T) {
	for _, c := range []float64{1, 1.1, 1.5} {
		r, err := Simulate(Params{Seed: 5, VNodes: 1, Keys: 50_000, LoadFactor: c})
		if err != nil {
			t.Fatal(err)
		}
		b := r.Bounded
		if b.MaxOverMean > c+1e-3 {
			t.Errorf("c=%v: busiest node %v× the mean", c, b.MaxOverMean)
		}
		if r.Load.MaxOverMean <= b.MaxOverMean || b.Moved < r.MovedConsistent {
			t.Errorf("c=%v: bounded %+v against plain max %v moved %v", c, b, r.Load.MaxOverMean, r.MovedConsistent)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Nodes: 1001}, "hashring: nodes 1,001: want 1 to 1,000"},
		{Params{Nodes: 1, Change: Remove}, "hashring: nodes 1: want 2 to 1,000 to remove one"},
		{Params{VNodes: -2}, "hashring: vnodes -2: want 1 to 1,000"},
		{Params{Nodes: 1000, VNodes: 1001}, "hashring: vnodes 1,001: want 1 to 1,000"},
		{Params{Nodes: 1000, VNodes: 1000, Keys: 1}, ""},
		{Params{Nodes: 2000}, "hashring: nodes 2,000: want 1 to 1,000"},
		{Params{Keys: -1}, "hashring: keys -1: want 1 to 5,000,000"},
		{Params{LoadFactor: 0.5}, "hashring: load-factor 0.5: want 1 to 3"},
		{Params{Change: 3}, "hashring: change 3: want add or remove"},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if tt.want == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.p, err)
			}
			continue
		}
		if !errors.Is(err, ErrInvalidParams) || err.Error() != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.p, err, tt.want)
		}
	}
	if _, err := ParseChange("grow"); err == nil || err.Error() != `hashring: change "grow": want add or remove` {
		t.Errorf("ParseChange(grow): %v", err)
	}
	if c, err := ParseChange("REMOVE"); err != nil || c != Remove {
		t.Errorf("ParseChange(REMOVE) = %v, %v", c, err)
	}
	if got := sweep(Params{Nodes: 1000, VNodes: 7}.WithDefaults()); !slices.Equal(got, []int{1, 7, 10, 50, 100, 200, 500, 1000}) {
		t.Errorf("sweep = %v", got)
	}
}
