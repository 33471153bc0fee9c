package tui

import (
	"time"

	"github.com/sdprep/sdprep/designs/breaker"
)

// breakerLab is the circuit-breaker lab's state: the parameters being
// edited.
type breakerLab struct{ p breaker.Params }

func newBreakerLab(p breaker.Params) *breakerLab { return &breakerLab{p: p.WithDefaults()} }

func (l *breakerLab) intro() string { return "slow dependency: cascade, retries, breaker" }

func (l *breakerLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := breaker.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *breakerLab) params() []simParam {
	p := &l.p
	ms := time.Millisecond
	return []simParam{
		floatParam("failure-rate", &p.FailureRate, []float64{0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1}),
		durParam("latency", &p.Latency, []time.Duration{10 * ms, 50 * ms, 100 * ms, 200 * ms, 500 * ms, 800 * ms, 2 * time.Second, 5 * time.Second}),
		durParam("timeout", &p.Timeout, []time.Duration{100 * ms, 250 * ms, 500 * ms, time.Second, 2 * time.Second, 5 * time.Second}),
		intParam("pool", &p.Pool, []int{10, 20, 50, 100, 200, 500, 1000}),
		intParam("rate", &p.Rate, []int{50, 100, 200, 500, 1000, 2000}),
		floatParam("share", &p.Share, []float64{0.1, 0.25, 0.5, 0.75, 1}),
		intParam("retries", &p.Retries, []int{1, 2, 3, 5, 10}),
		durParam("backoff", &p.Backoff, []time.Duration{10 * ms, 50 * ms, 100 * ms, 200 * ms, 500 * ms}),
		floatParam("threshold", &p.Breaker.FailureRatio, []float64{0.1, 0.25, 0.5, 0.75, 0.9}),
		durParam("open-timeout", &p.Breaker.OpenTimeout, []time.Duration{time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second}),
		intParam("requests", &p.Requests, []int{10_000, 20_000, 50_000, 100_000, 200_000}),
		seedParam(&p.Seed),
	}
}
