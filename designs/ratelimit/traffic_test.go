package ratelimit

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// TestTrafficIsWhatSimulateSends: replaying Traffic through a limiter at
// the simulation's instants reproduces Simulate's counts, for every pattern.
func TestTrafficIsWhatSimulateSends(t *testing.T) {
	cfg := Config{Algorithm: FixedWindow, Limit: 10, Window: time.Second}
	for _, p := range Patterns() {
		tr, err := Traffic(p, cfg, 10*time.Second, 5)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSorted(tr) || len(tr) == 0 || tr[len(tr)-1] >= 10*time.Second {
			t.Fatalf("%v: %d offsets, not sorted within the run", p, len(tr))
		}
		want := sim(t, cfg, p, 5, 10*time.Second)
		m, err := NewMemory(cfg)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Unix(0, floorTo(simEpoch, int64(cfg.Window)))
		admitted := 0
		for _, off := range tr {
			if m.AllowAt("k", start.Add(off)).Allowed {
				admitted++
			}
		}
		if len(tr) != want.Offered || admitted != want.Admitted {
			t.Errorf("%v: traffic %d offered %d admitted, Simulate %d offered %d admitted",
				p, len(tr), admitted, want.Offered, want.Admitted)
		}
	}
}

func TestTrafficRejectsBadInput(t *testing.T) {
	cfg := Config{Limit: 10, Window: time.Second}
	if _, err := Traffic(Steady, cfg, 0, 1); !errors.Is(err, ErrInvalidSimulation) {
		t.Errorf("zero duration: %v", err)
	}
	if _, err := Traffic(Pattern(9), cfg, time.Second, 1); !errors.Is(err, ErrInvalidSimulation) {
		t.Errorf("unknown pattern: %v", err)
	}
	if _, err := Traffic(Steady, Config{}, time.Second, 1); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("zero config: %v", err)
	}
}
