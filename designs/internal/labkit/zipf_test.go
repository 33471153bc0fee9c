package labkit

import (
	"math"
	"testing"
)

func TestZipfMatchesItsLaw(t *testing.T) {
	z := NewZipf(100, 1)
	// P(k) ∝ 1/(k+1): P(0) = 1/H(100) with H(100) ≈ 5.187.
	if p := z.P(0); math.Abs(p-1/5.1874) > 1e-3 || math.Abs(z.P(1)-p/2) > 1e-9 {
		t.Errorf("P(0) = %v, P(1) = %v", p, z.P(1))
	}
	r := NewRand(1, 0)
	counts := make([]int, 100)
	const n = 200_000
	for range n {
		counts[z.Draw(r)]++
	}
	for _, k := range []int{0, 1, 9} {
		if got := float64(counts[k]) / n; math.Abs(got-z.P(k)) > 0.01 {
			t.Errorf("rank %d drawn %v of the time, want %v", k, got, z.P(k))
		}
	}
	if z.P(-1) != 0 || z.P(100) != 0 || NewZipf(0, 1).Draw(r) != 0 {
		t.Error("out-of-range ranks")
	}
}
