package fanout

import (
	"errors"
	"testing"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams, and the hybrid never writes more than push nor reads
// more than pull plus its own timeline.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 500, 10, 0.8, 1000, 1000, 50)
	f.Add(uint64(2), 50, 2000, -1.0, -1, 0, 0)
	f.Fuzz(func(t *testing.T, seed uint64, users, follows int, skew float64, posts, reads, threshold int) {
		p := Params{Seed: seed, Users: users % 3000, Follows: follows, Skew: skew, Posts: posts % 3000, Reads: reads % 3000, Threshold: threshold}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		w, _ := res.Strategy(Write)
		r, _ := res.Strategy(Read)
		h, _ := res.Strategy(Hybrid)
		if h.WriteAmplification > w.WriteAmplification || h.ReadsPerTimeline > r.ReadsPerTimeline+1 {
			t.Fatalf("%+v: hybrid %+v outside push %+v and pull %+v", p, h, w, r)
		}
	})
}
