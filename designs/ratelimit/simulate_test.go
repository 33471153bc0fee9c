package ratelimit

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

var simCfg = Config{Limit: 20, Window: time.Second}

func simAll(t *testing.T, cfg Config, p Pattern, seed uint64, d time.Duration) []Result {
	t.Helper()
	rs, err := SimulateAll(cfg, p, seed, d)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func sim(t *testing.T, cfg Config, p Pattern, seed uint64, d time.Duration) Result {
	t.Helper()
	r, err := Simulate(cfg, p, seed, d)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSimulateIsDeterministic(t *testing.T) {
	for _, p := range Patterns() {
		a := simAll(t, simCfg, p, 42, 10*time.Second)
		b := simAll(t, simCfg, p, 42, 10*time.Second)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%v: two runs with seed 42 differ", p)
		}
		c := simAll(t, simCfg, p, 43, 10*time.Second)
		if reflect.DeepEqual(a, c) {
			t.Fatalf("%v: seeds 42 and 43 gave identical runs", p)
		}
	}
}

func TestSimulateTotalsAndBuckets(t *testing.T) {
	for _, p := range Patterns() {
		for _, r := range simAll(t, simCfg, p, 7, 5*time.Second) {
			if len(r.Buckets) != 50 || r.Buckets[49].Start != 4900*ms {
				t.Fatalf("%v: %d buckets, last at %v; want 50 up to 4.9s", r.Config, len(r.Buckets), r.Buckets[len(r.Buckets)-1].Start)
			}
			adm, rej := 0, 0
			for _, b := range r.Buckets {
				adm, rej = adm+b.Admitted, rej+b.Rejected
			}
			if adm != r.Admitted || rej != r.Rejected || r.Offered != adm+rej {
				t.Fatalf("%v %v: buckets sum to %d/%d, totals %d/%d of %d", r.Config, p, adm, rej, r.Admitted, r.Rejected, r.Offered)
			}
			if r.Rejected == 0 {
				t.Errorf("%v %v: nothing rejected; the pattern should exceed the limit", r.Config, p)
			}
		}
	}
}

// TestSimulateWindowEdge: the fixed window lets about 2×Limit through around
// each boundary, visibly more than any other algorithm.
func TestSimulateWindowEdge(t *testing.T) {
	results := simAll(t, simCfg, WindowEdge, 1, 10*time.Second)
	byAlg := map[Algorithm]Result{}
	for _, r := range results {
		byAlg[r.Config.Algorithm] = r
	}
	fixed := byAlg[FixedWindow].MaxInWindow
	if fixed < 2*simCfg.Limit-2 {
		t.Errorf("fixed window: at most %d in a window, want close to %d", fixed, 2*simCfg.Limit)
	}
	if got := byAlg[SlidingLog].MaxInWindow; got != simCfg.Limit {
		t.Errorf("sliding log: at most %d in a window, want exactly %d", got, simCfg.Limit)
	}
	for _, a := range []Algorithm{TokenBucket, LeakyBucket, SlidingWindow} {
		if got := byAlg[a].MaxInWindow; got >= fixed || got > simCfg.Limit*3/2 {
			t.Errorf("%v: at most %d in a window; want well below the fixed window's %d", a, got, fixed)
		}
	}
}

func TestSimulateSpikeAndSteady(t *testing.T) {
	for _, p := range []Pattern{Steady, Spike} {
		r := sim(t, Config{Algorithm: SlidingLog, Limit: 20, Window: time.Second}, p, 3, 20*time.Second)
		// An exact limiter admits at most Limit per window: 20 s → ≤ 400.
		if r.MaxInWindow > 20 || r.Admitted > 400 {
			t.Errorf("%v: max %d in a window, %d admitted over 20 windows", p, r.MaxInWindow, r.Admitted)
		}
		if ratio := float64(r.Offered) / 400; ratio < 1.2 || ratio > 1.8 {
			t.Errorf("%v: offered %d, want about 1.5× the 400 allowed", p, r.Offered)
		}
	}
}

func TestSimulateRejectsBadInput(t *testing.T) {
	tests := []struct {
		cfg  Config
		p    Pattern
		d    time.Duration
		want error
	}{
		{Config{Limit: 0, Window: time.Second}, Steady, time.Second, ErrInvalidConfig},
		{simCfg, Pattern(9), time.Second, ErrInvalidSimulation},
		{simCfg, Steady, 0, ErrInvalidSimulation},
		{simCfg, Steady, 2 * MaxSimDuration, ErrInvalidSimulation},
		{Config{Limit: 1_000_000, Window: time.Second}, Steady, time.Minute, ErrInvalidSimulation},
	}
	for _, tt := range tests {
		if _, err := Simulate(tt.cfg, tt.p, 1, tt.d); !errors.Is(err, tt.want) {
			t.Errorf("Simulate(%v, %v, %v): err %v, want %v", tt.cfg, tt.p, tt.d, err, tt.want)
		}
		if _, err := SimulateAll(tt.cfg, tt.p, 1, tt.d); !errors.Is(err, tt.want) {
			t.Errorf("SimulateAll(%v, %v, %v): err %v, want %v", tt.cfg, tt.p, tt.d, err, tt.want)
		}
	}
}

func TestResultString(t *testing.T) {
	r := sim(t, Config{Algorithm: FixedWindow, Limit: 5, Window: time.Second}, WindowEdge, 1, 3*time.Second)
	want := "fixed-window 5/s, window-edge traffic, seed 1, 3s: "
	if s := r.String(); !strings.HasPrefix(s, want) || !strings.Contains(s, "in any 1s") {
		t.Errorf("String() = %q, want prefix %q", s, want)
	}
}

func TestParsePattern(t *testing.T) {
	for _, p := range Patterns() {
		got, err := ParsePattern(strings.ToUpper(p.String()))
		if err != nil || got != p {
			t.Errorf("ParsePattern(%q) = %v, %v", p, got, err)
		}
		b, err := p.MarshalText()
		var back Pattern
		if err != nil || back.UnmarshalText(b) != nil || back != p {
			t.Errorf("%v: text round trip gave %v, %v", p, back, err)
		}
	}
	if _, err := ParsePattern("window_edge"); err != nil {
		t.Errorf("underscore form: %v", err)
	}
	if _, err := ParsePattern("bursty"); !errors.Is(err, ErrUnknownPattern) {
		t.Errorf("ParsePattern(bursty) error = %v", err)
	}
}
