package sharding

import (
	"errors"
	"testing"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams, and every strategy places every key once.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 1000, 5000, 8, 1.0, 4)
	f.Add(uint64(2), 50, -1, 3, 4.0, 9)
	f.Fuzz(func(t *testing.T, seed uint64, keys, requests, shards int, skew float64, regions int) {
		p := Params{Seed: seed, Keys: keys % 5000, Requests: requests % 5000, Shards: shards, Skew: skew, Regions: regions}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		for _, s := range res.Strategies {
			n := 0
			for _, size := range s.Sizes {
				n += size
			}
			if n != res.Params.Keys || s.Moved < 0 || s.Moved > 1 || s.HotShardRatio < 0 {
				t.Fatalf("%+v %s: %d keys placed, moved %v", p, s.Name, n, s.Moved)
			}
		}
	})
}
