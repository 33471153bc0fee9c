package quorum

import (
	"errors"
	"testing"
	"time"
)

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams; with R + W > N and no partition no read is stale.
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 3, 2, 2, int64(5e7), false, 1000, 0.2)
	f.Add(uint64(2), 10, -1, 0, int64(-1), true, -3, 1.5)
	f.Fuzz(func(t *testing.T, seed uint64, n, r, w int, lag int64, part bool, ops int, writes float64) {
		p := Params{Seed: seed, N: n, R: r, W: w, Lag: time.Duration(lag), Partition: part, Ops: ops % 3000, Writes: writes}
		res, err := Simulate(p)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("%+v: %v", p, err)
			}
			return
		}
		if res.Overlap && !part && res.StaleReadFraction != 0 {
			t.Fatalf("%+v: R+W>N without partition gave stale reads %v", p, res.StaleReadFraction)
		}
	})
}
