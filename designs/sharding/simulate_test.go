package sharding

import (
	"errors"
	"math"
	"testing"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Keys: 20_000, Requests: 100_000}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	labtest.Deterministic(t, func(reseeded bool) map[string][]byte {
		p := small
		if reseeded {
			p.Seed++
		}
		return reports(t, p)
	})
}

func TestReportsGolden(t *testing.T) {
	many := small
	many.Shards, many.Regions = 32, 3
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"default": small, "many_shards": many} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

func get(t *testing.T, r Result, name string) Strategy {
	t.Helper()
	s, ok := r.Strategy(name)
	if !ok {
		t.Fatalf("no strategy %q", name)
	}
	return s
}

// TestReshardMovesWhatTheoryPredicts: hash % N → % (N+1) moves N/(N+1) of
// the keys; equal ranges over uniform keys move 1/2 whatever N; the
// directory moves 1/(N+1); geographic rehashes one region's keys.
func TestReshardMovesWhatTheoryPredicts(t *testing.T) {
	for _, n := range []int{4, 8, 16} {
		// A tiny skew makes first letters close to uniform.
		res, err := Simulate(Params{Seed: 2, Keys: 50_000, Requests: 1000, Shards: n, Skew: 0.001})
		if err != nil {
			t.Fatal(err)
		}
		nf := float64(n)
		checks := []struct {
			name string
			want float64
		}{{Hash, nf / (nf + 1)}, {Range, 0.5}, {Directory, 1 / (nf + 1)}}
		for _, c := range checks {
			if got := get(t, res, c.name).Moved; math.Abs(got-c.want) > 0.02 {
				t.Errorf("N=%d %s: moved %v, theory %.3f", n, c.name, got, c.want)
			}
		}
		if res.MovedIdeal != labRound(1/(nf+1)) {
			t.Errorf("moved_ideal %v", res.MovedIdeal)
		}
		g := get(t, res, Geographic)
		if g.Moved <= 0 || g.Moved >= get(t, res, Hash).Moved {
			t.Errorf("N=%d geographic moved %v: want some, less than hash", n, g.Moved)
		}
	}
}

func labRound(f float64) float64 { return math.Round(f*1e4) / 1e4 }

func TestBalance(t *testing.T) {
	res, err := Simulate(Params{Seed: 4, Keys: 50_000, Requests: 400_000})
	if err != nil {
		t.Fatal(err)
	}
	rg, h, d, g := get(t, res, Range), get(t, res, Hash), get(t, res, Directory), get(t, res, Geographic)
	if h.SizeRatio > 1.05 || d.SizeRatio > 1.05 {
		t.Errorf("hash and directory sizes should be even: %v, %v", h.SizeRatio, d.SizeRatio)
	}
	if rg.SizeRatio < 1.5 {
		t.Errorf("range on skewed first letters: size ratio %v, want uneven", rg.SizeRatio)
	}
	if d.HotShardRatio > 1.05 || d.HotShardRatio > h.HotShardRatio {
		t.Errorf("directory hot shard %v, hash %v: the directory places by load", d.HotShardRatio, h.HotShardRatio)
	}
	if g.Local != 1 || g.HotShardRatio < 1.5 {
		t.Errorf("geographic: local %v, hot shard %v; want all local, hot where people are", g.Local, g.HotShardRatio)
	}
	for _, s := range res.Strategies {
		total, loads := 0, 0.0
		for i := range s.Sizes {
			total += s.Sizes[i]
			loads += s.Loads[i]
		}
		if total != 50_000 || math.Abs(loads-1) > 1e-3 {
			t.Errorf("%s: sizes add to %d, loads to %v", s.Name, total, loads)
		}
	}
}

// TestHotKeyFloor: with many shards the hottest key alone is more than a
// shard's share, and even the directory's hot shard stays at the floor.
func TestHotKeyFloor(t *testing.T) {
	res, err := Simulate(Params{Seed: 5, Keys: 20_000, Requests: 400_000, Shards: 64})
	if err != nil {
		t.Fatal(err)
	}
	d := get(t, res, Directory)
	if res.HotShardFloor <= 1 || d.HotShardRatio < 0.95*res.HotShardFloor || d.HotShardRatio > 1.1*res.HotShardFloor {
		t.Errorf("floor %v, directory hot shard %v", res.HotShardFloor, d.HotShardRatio)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Keys: 50}, "sharding: keys 50: want 100 to 2,000,000"},
		{Params{Requests: -1}, "sharding: requests -1: want 1 to 10,000,000"},
		{Params{Regions: 9}, "sharding: regions 9: want 1 to 8"},
		{Params{Shards: 3}, "sharding: shards 3: want regions (4) to 256"},
		{Params{Shards: 300, Regions: 1}, "sharding: shards 300: want regions (1) to 256"},
		{Params{Skew: 4}, "sharding: skew 4: want above 0 up to 3"},
	}
	for _, tt := range tests {
		_, err := Simulate(tt.p)
		if !errors.Is(err, ErrInvalidParams) || err.Error() != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.p, err, tt.want)
		}
	}
	if err := (Params{}).Validate(); err != nil {
		t.Errorf("zero Params: %v", err)
	}
}
