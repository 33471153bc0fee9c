package breaker

import (
	"errors"
	"testing"
	"time"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams, and every request of every run ends exactly once.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 2000, 500, 0.5, 0.5, int64(8e8), 100, 3, 0.5)
	f.Add(uint64(2), -1, 0, 1.5, -0.1, int64(-1), 0, 11, 2.0)
	f.Fuzz(func(t *testing.T, seed uint64, requests, rate int, share, failure float64, latency int64, pool, retries int, threshold float64) {
		p := Params{Seed: seed, Requests: requests % 3000, Rate: rate, Share: share, FailureRate: failure, Latency: time.Duration(latency),
			Pool: pool, Retries: retries, Breaker: Settings{FailureRatio: threshold}}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		for _, r := range res.Runs {
			if r.Succeeded+r.Fallbacks+r.Failed+r.Rejected != r.Requests {
				t.Fatalf("%+v %s: outcomes do not add up: %+v", p, r.Name, r)
			}
		}
	})
}
