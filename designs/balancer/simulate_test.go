package balancer

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

var small = Params{Seed: 7, Requests: 20_000, Fail: 4}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	for _, fail := range []int{0, 2} {
		p := small
		p.Fail = fail
		a, b := reports(t, p), reports(t, p)
		for f := range a {
			if !bytes.Equal(a[f], b[f]) {
				t.Errorf("fail %d, %s: two runs with one seed differ", fail, f)
			}
		}
		p.Seed++
		if bytes.Equal(a["json"], reports(t, p)["json"]) {
			t.Errorf("fail %d: seeds %d and %d gave the same result", fail, p.Seed-1, p.Seed)
		}
	}
}

func TestReportsGolden(t *testing.T) {
	even := Params{Seed: 3, Requests: 20_000, Speeds: []float64{1, 1, 1}, Load: 0.5}
	cases := map[string]map[string][]byte{}
	for name, p := range map[string]Params{"default_fail": small, "even_no_fail": even} {
		cases[name] = reports(t, p)
	}
	labtest.Goldens(t, cases)
}

// TestSingleServerIsMM1: one server is an M/M/1 queue, whose response
// time is exponential with mean S/(1−ρ): at ρ = 0.5 and S = 40 ms, p50 is
// 80·ln 2 = 55.5 ms and p99 80·ln 100 = 368 ms.
func TestSingleServerIsMM1(t *testing.T) {
	r, err := Simulate(Params{Seed: 1, Speeds: []float64{1}, Load: 0.5, Requests: 400_000})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Algorithms {
		if math.Abs(a.P50MS-55.45) > 0.05*55.45 || math.Abs(a.P99MS-368.4) > 0.08*368.4 {
			t.Errorf("%s: p50 %v p99 %v, want about 55.5 and 368", a.Name, a.P50MS, a.P99MS)
		}
	}
}

func byName(r Result) map[string]AlgorithmResult {
	m := map[string]AlgorithmResult{}
	for _, a := range r.Algorithms {
		m[a.Name] = a
	}
	return m
}

func TestSharesFollowTheAlgorithm(t *testing.T) {
	r, err := Simulate(Params{Seed: 2, Requests: 80_000})
	if err != nil {
		t.Fatal(err)
	}
	a := byName(r)
	want := []float64{0.5, 0.25, 0.125, 0.125}
	for i, s := range a["weighted-round-robin"].Servers {
		if math.Abs(s.Share-want[i]) > 0.001 {
			t.Errorf("weighted round robin: server %d share %v, want %v", i+1, s.Share, want[i])
		}
	}
	for i, s := range a["round-robin"].Servers {
		if math.Abs(s.Share-0.25) > 0.001 {
			t.Errorf("round robin: server %d share %v", i+1, s.Share)
		}
	}
	for i, s := range a["ip-hash"].Servers {
		if math.Abs(s.Share-0.25) > 0.05 {
			t.Errorf("ip hash: server %d share %v, want about 0.25", i+1, s.Share)
		}
	}
	for _, name := range []string{"least-connections", "least-response-time", "power-of-two"} {
		s := a[name].Servers
		if s[0].Share <= s[1].Share || s[1].Share <= s[3].Share || a[name].P99MS >= a["round-robin"].P99MS/10 {
			t.Errorf("%s: shares %v/%v/%v, p99 %v", name, s[0].Share, s[1].Share, s[3].Share, a[name].P99MS)
		}
	}
	if r.Failure != nil || a["round-robin"].Errors != 0 {
		t.Errorf("no failure asked, got %+v and %d errors", r.Failure, a["round-robin"].Errors)
	}
}

// TestHealthChecksRemoveTheFailedServer: the failed server is removed
// between one and two probe intervals after it fails; round robin keeps
// sending it a quarter of the traffic until then.
func TestHealthChecksRemoveTheFailedServer(t *testing.T) {
	p := Params{Seed: 4, Requests: 100_000, Speeds: []float64{1, 1, 1, 1}, Load: 0.5, Fail: 4, HealthInterval: 2 * time.Second}
	r, err := Simulate(p)
	if err != nil {
		t.Fatal(err)
	}
	f := r.Failure
	if f == nil || f.Server != 4 {
		t.Fatalf("failure %+v", f)
	}
	gap := f.RemovedAtMS - f.AtMS
	if gap <= 2000 || gap > 4000 {
		t.Errorf("removed %v ms after failing, want (2000, 4000]", gap)
	}
	rr := byName(r)["round-robin"]
	// a quarter of the arrivals for `gap`, plus the few queued.
	want := 0.25 * r.ArrivalRPS * gap / 1000
	if got := float64(rr.Servers[3].Errors); got < want*0.8 || got > want*1.3+50 {
		t.Errorf("round robin: %v errors on the failed server, want about %.0f", got, want)
	}
	// No algorithm errs outside the window between failure and removal:
	// at most every arrival in it, plus the few queued at the failure.
	for _, a := range r.Algorithms {
		if max := r.ArrivalRPS*gap/1000 + 20; a.Errors == 0 || float64(a.Errors) > max {
			t.Errorf("%s: %d errors, want 1 to %.0f", a.Name, a.Errors, max)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Speeds: make([]float64, 17)}, "balancer: speeds 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0: want 1 to 16 servers"},
		{Params{Speeds: []float64{1, 0}}, "balancer: speeds 1,0: want speeds from 0.1 to 100"},
		{Params{Speeds: []float64{1, math.NaN()}}, "balancer: speeds 1,NaN: want speeds from 0.1 to 100"},
		{Params{Load: 2}, "balancer: load 2: want above 0 up to 1.5"},
		{Params{ServiceTime: time.Microsecond}, "balancer: service-time 1µs: want 1ms to 10s"},
		{Params{Requests: -1}, "balancer: requests -1: want 1 to 10,000,000"},
		{Params{Fail: 5}, "balancer: fail 5: want 0 (none) to 4 (the number of servers)"},
		{Params{Speeds: []float64{2}, Fail: 1}, "balancer: fail 1: want 0: the only server cannot fail"},
		{Params{HealthInterval: time.Hour}, "balancer: health-interval 1h0m0s: want 10ms to 1m"},
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
	for _, a := range Algorithms() {
		if got, err := ParseAlgorithm(strings.ToUpper(a.String())); err != nil || got != a {
			t.Errorf("ParseAlgorithm(%v) = %v, %v", a, got, err)
		}
	}
	if a, err := ParseAlgorithm("p2c"); err != nil || a != PowerOfTwo {
		t.Errorf("ParseAlgorithm(p2c) = %v, %v", a, err)
	}
	if _, err := ParseAlgorithm("random"); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("ParseAlgorithm(random): %v", err)
	}
}
