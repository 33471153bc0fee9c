package cache

import (
	"errors"
	"testing"
	"time"
)

// FuzzParse: workload and policy names parse to themselves or fail with
// ErrInvalidParams.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"zipf", "SCAN", "s3fifo", "s3-fifo", "", "lru ", "ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if w, err := ParseWorkload(s); err == nil {
			if back, _ := ParseWorkload(w.String()); back != w {
				t.Fatalf("workload %q round trip gave %v", s, back)
			}
		} else if !errors.Is(err, ErrInvalidParams) {
			t.Fatalf("ParseWorkload(%q): %v", s, err)
		}
		if p, err := ParsePolicy(s); err == nil {
			if back, _ := ParsePolicy(p.String()); back != p {
				t.Fatalf("policy %q round trip gave %v", s, back)
			}
		} else if !errors.Is(err, ErrInvalidParams) {
			t.Fatalf("ParsePolicy(%q): %v", s, err)
		}
	})
}

// FuzzSimulate: any parameters either simulate or fail with
// ErrInvalidParams, never panic.
func FuzzSimulate(f *testing.F) {
	f.Add(1, 1.0, 100, 2000, 10, int64(5e9), 1000, 20, int64(1e8), 0.2, 10)
	f.Add(9, -1.0, 5, -1, -1, int64(0), 0, 0, int64(-1), 1.0, 99)
	f.Fuzz(func(t *testing.T, w int, skew float64, keys, requests, size int, ttl int64, rate, readers int, recompute int64, missing float64, bloom int) {
		p := Params{Workload: Workload(w), Skew: skew, Keys: keys % 5000, Requests: requests % 5000, Size: size, TTL: time.Duration(ttl),
			Rate: rate, Readers: readers % 1000, Recompute: time.Duration(recompute), Missing: missing, BloomBits: bloom}
		if _, err := Simulate(p); err != nil && !errors.Is(err, ErrInvalidParams) {
			t.Fatalf("%+v: %v", p, err)
		}
	})
}
