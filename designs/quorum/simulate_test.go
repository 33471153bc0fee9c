package quorum

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Lag: 50 * time.Millisecond, Ops: 20_000}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	for _, part := range []bool{false, true} {
		p := small
		p.Partition = part
		a, b := reports(t, p), reports(t, p)
		for f := range a {
			if !bytes.Equal(a[f], b[f]) {
				t.Errorf("partition %v, %s: two runs with one seed differ", part, f)
			}
		}
		p.Seed++
		if bytes.Equal(a["json"], reports(t, p)["json"]) {
			t.Errorf("partition %v: seeds %d and %d gave the same result", part, p.Seed-1, p.Seed)
		}
	}
}

func TestReportsGolden(t *testing.T) {
	weak := small
	weak.R, weak.W, weak.Partition = 1, 1, true
	five := small
	five.N = 5
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"majority": small, "weak_partition": weak, "n5": five} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

// TestOverlapMeansNoStaleReads: R + W > N and no partition gives exactly
// zero stale reads, for any lag and seed; R + W ≤ N with lag gives some.
func TestOverlapMeansNoStaleReads(t *testing.T) {
	for n := 1; n <= 5; n++ {
		for r := 1; r <= n; r++ {
			for w := 1; w <= n; w++ {
				for seed := range uint64(3) {
					p := Params{Seed: seed, N: n, R: r, W: w, Lag: 20 * time.Millisecond, Ops: 3000}
					if err := p.Validate(); err != nil {
						t.Fatal(err)
					}
					s := run(p.WithDefaults(), runConfig{r: r, w: w}) // the configured run of Simulate
					switch {
					case r+w > n && s.stale != 0:
						t.Errorf("N=%d R=%d W=%d seed %d: %d stale reads, want exactly 0", n, r, w, seed, s.stale)
					case r+w <= n && s.stale == 0:
						t.Errorf("N=%d R=%d W=%d seed %d: no stale reads despite lag", n, r, w, seed)
					}
				}
			}
		}
	}
}

func TestPartitionChoices(t *testing.T) {
	res, err := Simulate(Params{Seed: 3, Lag: 20 * time.Millisecond, Ops: 60_000})
	if err != nil {
		t.Fatal(err)
	}
	cp, ap := res.Partition.CP, res.Partition.AP
	// N=3, R=W=2: the clients on the one-replica side (half) are refused.
	if math.Abs(cp.ReadAvailability-0.5) > 0.03 || math.Abs(cp.WriteAvailability-0.5) > 0.05 {
		t.Errorf("CP availability %v/%v, want about 0.5", cp.ReadAvailability, cp.WriteAvailability)
	}
	if cp.StaleReadFraction != 0 {
		t.Errorf("CP with overlapping quorums: stale %v", cp.StaleReadFraction)
	}
	if ap.ReadAvailability != 1 || ap.WriteAvailability != 1 || ap.StaleReadFraction < 0.1 {
		t.Errorf("AP: %+v, want full availability and stale reads", ap)
	}
	if res.StaleReadFraction != 0 || res.FailedReads != 0 {
		t.Errorf("configured run without partition: %+v", res)
	}
	withPart, _ := Simulate(Params{Seed: 3, Lag: 20 * time.Millisecond, Ops: 60_000, Partition: true})
	if withPart.FailedReads == 0 || withPart.FailedWrites == 0 || withPart.StaleReadFraction != 0 {
		t.Errorf("configured CP run with partition: %d/%d refused, stale %v", withPart.FailedReads, withPart.FailedWrites, withPart.StaleReadFraction)
	}
}

// TestElseTradesLatency: without a partition the majority choice has no
// stale reads and slower writes than W = 1, which has stale reads.
func TestElseTradesLatency(t *testing.T) {
	res, err := Simulate(Params{Seed: 5, Lag: 50 * time.Millisecond, Ops: 30_000})
	if err != nil {
		t.Fatal(err)
	}
	c, l := res.Else.Consistency, res.Else.Latency
	if c.StaleReadFraction != 0 || l.StaleReadFraction == 0 {
		t.Errorf("stale: consistency %v, latency %v", c.StaleReadFraction, l.StaleReadFraction)
	}
	if c.WriteLatency.P50MS <= 1.5*l.WriteLatency.P50MS || c.ReadLatency.P50MS <= l.ReadLatency.P50MS {
		t.Errorf("consistency %+v should be slower than latency %+v", c, l)
	}
	// Without lag, W=1 waits for the fastest round trip: about 2×0.5 ms
	// plus the minimum of three exponentials of 0.5 ms each.
	noLag, _ := Simulate(Params{Seed: 5, Ops: 30_000})
	if p50 := noLag.Else.Latency.WriteLatency.P50MS; p50 < 1.1 || p50 > 1.6 {
		t.Errorf("W=1 write p50 without lag %v ms, want about 1.3", p50)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{N: 10}, "quorum: n 10: want 1 to 9"},
		{Params{N: -1}, "quorum: n -1: want 1 to 9"},
		{Params{R: 4}, "quorum: r 4: want 1 to n (3)"},
		{Params{N: 5, W: 6}, "quorum: w 6: want 1 to n (5)"},
		{Params{Lag: -time.Millisecond}, "quorum: lag -1ms: want 0 to 10s"},
		{Params{Ops: 20_000_000}, "quorum: ops 20,000,000: want 1 to 10,000,000"},
		{Params{Writes: 1.5}, "quorum: writes 1.5: want above 0 and below 1"},
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
