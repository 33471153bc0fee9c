package queue

import (
	"errors"
	"testing"
	"time"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams, and every admitted message takes effect exactly once.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), int64(10e9), 50, 3.0, 2, 5, 100, 0.5, 0.1)
	f.Add(uint64(2), int64(-1), -1, 0.5, 0, 1, -1, 1.0, 1.0)
	f.Fuzz(func(t *testing.T, seed uint64, duration int64, rate int, burst float64, consumers, maxConsumers, shedAt int, low, redelivery float64) {
		p := Params{Seed: seed, Duration: time.Duration(duration % int64(20*time.Second)), Rate: rate % 500, Burst: burst,
			Consumers: consumers, MaxConsumers: maxConsumers, ShedAt: shedAt, LowShare: low, Redelivery: redelivery}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		for _, r := range res.Runs {
			if r.ProcessedOnce != r.Produced-r.ShedCount || r.Delivered != r.ProcessedOnce+r.Duplicates {
				t.Fatalf("%+v %s: %+v", p, r.Name, r.Delivery)
			}
		}
	})
}
