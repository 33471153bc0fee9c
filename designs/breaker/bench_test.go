package breaker

import (
	"testing"
	"time"

	"github.com/sony/gobreaker/v2"
)

// The benchmarks compare our closed-state Allow (and Allow with its
// Record) with github.com/sony/gobreaker/v2 in the same run. Both read
// time.Now on each call and take a mutex:
//
//	go test -run '^$' -bench 'Allow|Simulate' -benchmem ./designs/breaker
//
// gobreaker's TwoStepCircuitBreaker.Allow is its closest equivalent of
// Allow: it returns a callback for the outcome, which allocates.
func BenchmarkAllow(b *testing.B) {
	b.Run("sdprep", func(b *testing.B) {
		br, _ := New(Settings{})
		b.ReportAllocs()
		for b.Loop() {
			_, _ = br.Allow()
		}
	})
	b.Run("gobreaker", func(b *testing.B) {
		br := gobreaker.NewTwoStepCircuitBreaker[struct{}](gobreaker.Settings{})
		b.ReportAllocs()
		for b.Loop() {
			_, _ = br.Allow()
		}
	})
	// Without reading the clock: what the breaker itself costs.
	b.Run("sdprep-AllowAt", func(b *testing.B) {
		br, _ := New(Settings{})
		now := time.Now()
		b.ReportAllocs()
		for b.Loop() {
			_, _ = br.AllowAt(now)
		}
	})
}

// BenchmarkAllowRecord is one successful call: admit it, record it.
func BenchmarkAllowRecord(b *testing.B) {
	b.Run("sdprep", func(b *testing.B) {
		br, _ := New(Settings{})
		b.ReportAllocs()
		for b.Loop() {
			if tk, err := br.Allow(); err == nil {
				br.Record(tk, true)
			}
		}
	})
	b.Run("gobreaker", func(b *testing.B) {
		br := gobreaker.NewTwoStepCircuitBreaker[struct{}](gobreaker.Settings{})
		b.ReportAllocs()
		for b.Loop() {
			if done, err := br.Allow(); err == nil {
				done(nil)
			}
		}
	})
}

// BenchmarkSimulate1M runs 4 × 135,000 requests, about 1,000,000
// simulation events (reported as events/op).
func BenchmarkSimulate1M(b *testing.B) {
	var events int
	for b.Loop() {
		res, err := Simulate(Params{Seed: 1, Requests: 135_000})
		if err != nil {
			b.Fatal(err)
		}
		events = res.Events
	}
	b.ReportMetric(float64(events), "events/op")
}
