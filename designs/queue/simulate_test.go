package queue

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Duration: 2 * time.Minute}

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
	calm := small
	calm.Burst, calm.Redelivery = 1, 0.1
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"default": small, "calm": calm} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

// TestEveryMessageTakesEffectOnce: at-least-once delivery through an
// idempotent consumer applies every admitted message exactly once, and
// a lost ack with probability r makes 1/(1−r) deliveries a message.
func TestEveryMessageTakesEffectOnce(t *testing.T) {
	for _, redelivery := range []float64{0.01, 0.2} {
		res, err := Simulate(Params{Seed: 3, Duration: 5 * time.Minute, Redelivery: redelivery})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Runs {
			if r.ProcessedOnce != r.Produced-r.ShedCount {
				t.Errorf("r=%v %s: %d processed once of %d admitted", redelivery, r.Name, r.ProcessedOnce, r.Produced-r.ShedCount)
			}
			if r.Delivered != r.ProcessedOnce+r.Duplicates || r.AppliedTwice != r.Duplicates {
				t.Errorf("r=%v %s: delivered %d ≠ once %d + duplicates %d", redelivery, r.Name, r.Delivered, r.ProcessedOnce, r.Duplicates)
			}
			want := float64(r.ProcessedOnce) * redelivery / (1 - redelivery)
			if math.Abs(float64(r.Duplicates)-want)/want > 0.1 {
				t.Errorf("r=%v %s: %d duplicates, theory %.0f", redelivery, r.Name, r.Duplicates, want)
			}
		}
		if res.Delivery != res.Runs[3].Delivery {
			t.Errorf("top-level delivery %+v is not the full system's", res.Delivery)
		}
	}
}

// TestBacklogGrowsAtTheExcessRate: a fixed pool under a burst above its
// capacity accumulates (arrival rate − capacity) × burst time.
func TestBacklogGrowsAtTheExcessRate(t *testing.T) {
	p := Params{Seed: 5, Duration: 6 * time.Minute, Redelivery: 0.001}
	res, err := Simulate(p)
	if err != nil {
		t.Fatal(err)
	}
	d := res.Params
	excess := float64(d.Rate)*d.Burst - float64(d.Consumers)*d.Capacity()
	want := excess * (d.Duration / 3).Seconds()
	f, _ := res.Run(RunFixed)
	if got := float64(f.MaxBacklog); math.Abs(got-want)/want > 0.1 {
		t.Errorf("fixed pool: max backlog %v, (λ − cμ)·t = %.0f", got, want)
	}
	// Without a burst and below capacity the queue stays short.
	p.Burst = 1
	calm, _ := Simulate(p)
	if c, _ := calm.Run(RunFixed); c.MaxBacklog > 200 || c.HighWaitP99S > 1 {
		t.Errorf("utilisation 0.8: backlog %d, high p99 %v s", c.MaxBacklog, c.HighWaitP99S)
	}
}

func TestSheddingAndAutoscaling(t *testing.T) {
	res, err := Simulate(Params{Seed: 9, Duration: 6 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Params
	f, _ := res.Run(RunFixed)
	sh, _ := res.Run(RunShed)
	a, _ := res.Run(RunAutoscale)
	as, _ := res.Run(RunAutoscaleShed)
	// High-priority work alone fits the pool, so only low is refused and
	// the backlog stays near the shedding line.
	if sh.MaxBacklog > d.ShedAt+100 || sh.ShedCount == 0 || sh.LowWaitP99S >= f.LowWaitP99S {
		t.Errorf("shed: backlog %d (line %d), %d shed, low p99 %v vs %v", sh.MaxBacklog, d.ShedAt, sh.ShedCount, sh.LowWaitP99S, f.LowWaitP99S)
	}
	if a.MaxConsumers <= d.Consumers || a.MaxConsumers > d.MaxConsumers || a.MaxBacklog >= f.MaxBacklog/2 || a.ShedCount != 0 {
		t.Errorf("autoscale: %d consumers, backlog %d vs fixed %d", a.MaxConsumers, a.MaxBacklog, f.MaxBacklog)
	}
	if as.ShedCount >= sh.ShedCount {
		t.Errorf("autoscaling should shed less: %d vs %d", as.ShedCount, sh.ShedCount)
	}
	if f.MaxConsumers != d.Consumers || f.Consumers[len(f.Consumers)-1] != d.Consumers {
		t.Errorf("fixed pool changed size: %d", f.MaxConsumers)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Duration: time.Millisecond}, "queue: duration 1ms: want 1s to 24h"},
		{Params{Rate: -1}, "queue: rate -1: want 1 to 100,000 messages per second"},
		{Params{Burst: 0.5}, "queue: burst 0.5: want 1 to 100"},
		{Params{Duration: time.Hour, Rate: 10_000}, "queue: duration 1h0m0s: want at most 5,000,000 messages: duration × rate × burst"},
		{Params{Service: time.Hour}, "queue: service 1h0m0s: want 1µs to 1m"},
		{Params{Consumers: 2000}, "queue: consumers 2,000: want 1 to 1,000"},
		{Params{Consumers: 10, MaxConsumers: 5}, "queue: max-consumers 5: want consumers (10) to 1,000"},
		{Params{Startup: -time.Second}, "queue: startup -1s: want up to 1h"},
		{Params{ShedAt: -1}, "queue: shed-at -1: want 1 to 10,000,000 messages"},
		{Params{LowShare: 1}, "queue: low-share 1: want above 0 below 1"},
		{Params{Redelivery: 1.5}, "queue: redelivery 1.5: want above 0 below 1"},
		{Params{Visibility: 2 * time.Hour}, "queue: visibility 2h0m0s: want 1ms to 1h"},
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
