package breaker

import (
	"bytes"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Requests: 20_000}

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
	hard := small
	hard.FailureRate, hard.Latency, hard.Retries = 1, 2*time.Second, 2
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"default": small, "hard_down": hard} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

func TestEveryRequestEndsOnce(t *testing.T) {
	res, err := Simulate(small)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Runs {
		if n := r.Succeeded + r.Fallbacks + r.Failed + r.Rejected; n != r.Requests {
			t.Errorf("%s: outcomes add to %d of %d requests", r.Name, n, r.Requests)
		}
		if r.PeakBusy > res.Params.Pool {
			t.Errorf("%s: %d busy in a pool of %d", r.Name, r.PeakBusy, res.Params.Pool)
		}
		if !r.Breaker && (r.Fallbacks != 0 || r.Trips != 0 || r.States != "") {
			t.Errorf("%s: breaker activity without a breaker: %+v", r.Name, r)
		}
	}
}

// TestRetryAmplificationMatchesTheory: with workers to spare and no
// timeouts, each attempt fails independently with probability p, so k
// retries make 1 + p + … + p^k = (1 − p^(k+1)) / (1 − p) calls per request.
func TestRetryAmplificationMatchesTheory(t *testing.T) {
	for _, tc := range []struct {
		p float64
		k int
	}{{0.5, 3}, {0.2, 2}, {0.9, 5}, {1, 4}} {
		res, err := Simulate(Params{Seed: 3, Requests: 60_000, Pool: 100_000, Latency: time.Millisecond, FailureRate: tc.p, Retries: tc.k})
		if err != nil {
			t.Fatal(err)
		}
		want := float64(tc.k + 1)
		if tc.p < 1 {
			want = (1 - math.Pow(tc.p, float64(tc.k+1))) / (1 - tc.p)
		}
		r, _ := res.Run(RunRetries)
		if got := r.Incident.Amplification; math.Abs(got-want)/want > 0.03 {
			t.Errorf("p=%v k=%d: %v calls per request, theory %.3f", tc.p, tc.k, got, want)
		}
		plain, _ := res.Run(RunPlain)
		if got := plain.Incident.DependencyServed; math.Abs(got-(1-tc.p)) > 0.02 {
			t.Errorf("p=%v without retries: served %v, want about %v", tc.p, got, 1-tc.p)
		}
	}
}

// TestCascadeAndTheBreaker: a slow dependency exhausts the pool, so
// requests that never call it fail too; retries make it worse; the
// breaker fails fast and keeps them served.
func TestCascadeAndTheBreaker(t *testing.T) {
	res, err := Simulate(Params{Seed: 11, Requests: 60_000})
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := res.Run(RunPlain)
	retry, _ := res.Run(RunRetries)
	br, _ := res.Run(RunBreaker)
	if plain.Incident.OtherServed > 0.85 || retry.Incident.OtherServed >= plain.Incident.OtherServed {
		t.Errorf("others served: plain %v, retries %v; want a cascade, worse with retries", plain.Incident.OtherServed, retry.Incident.OtherServed)
	}
	if br.Incident.OtherServed < 0.9 || br.Trips == 0 || br.Incident.Amplification > 0.5 {
		t.Errorf("breaker: others served %v, %d trips, %v calls per request", br.Incident.OtherServed, br.Trips, br.Incident.Amplification)
	}
	if retry.Incident.Amplification < 2 {
		t.Errorf("retries: %v calls per request, want amplification", retry.Incident.Amplification)
	}
	// The breaker is closed before and after the incident.
	if s := br.States; s[0] != 'C' || s[len(s)-1] != 'C' || !bytes.ContainsRune([]byte(s), 'O') {
		t.Errorf("breaker states %q", s)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Requests: 3_000_000}, "breaker: requests 3,000,000: want 1 to 2,000,000"},
		{Params{Rate: -1}, "breaker: rate -1: want 1 to 100,000 requests per second"},
		{Params{Share: 1.2}, "breaker: share 1.2: want above 0 up to 1"},
		{Params{FailureRate: -0.1}, "breaker: failure-rate -0.1: want above 0 up to 1"},
		{Params{Latency: 2 * time.Minute}, "breaker: latency 2m0s: want 1ms to 1m"},
		{Params{Timeout: -time.Second}, "breaker: timeout -1s: want 1ms to 1m"},
		{Params{Pool: 200_000}, "breaker: pool 200,000: want 1 to 100,000"},
		{Params{Retries: 11}, "breaker: retries 11: want 1 to 10"},
		{Params{Backoff: time.Microsecond}, "breaker: backoff 1µs: want 1ms to 1m"},
		{Params{Backoff: time.Second, BackoffCap: 500 * time.Millisecond}, "breaker: backoff-cap 500ms: want the backoff (1s) to 1m"},
		{Params{Breaker: Settings{FailureRatio: 2}}, "breaker: threshold 2: want above 0 up to 1"},
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
