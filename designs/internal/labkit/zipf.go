package labkit

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Zipf draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s, for any s ≥ 0 (the
// standard library's rand.Zipf needs s > 1). It inverts the cumulative
// distribution with a binary search: O(n) memory, O(log n) a draw.
type Zipf struct{ cdf []float64 }

// NewZipf returns a sampler over n ranks; n below 1 is taken as 1.
func NewZipf(n int, s float64) Zipf {
	cdf := make([]float64, max(n, 1))
	sum := 0.0
	for k := range cdf {
		sum += math.Pow(float64(k+1), -s)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return Zipf{cdf}
}

// Draw returns a rank.
func (z Zipf) Draw(r *rand.Rand) int { return z.Rank(r.Float64()) }

// Rank returns the rank at cumulative probability u in [0, 1).
func (z Zipf) Rank(u float64) int {
	return min(sort.SearchFloat64s(z.cdf, u), len(z.cdf)-1)
}

// P returns the probability of rank k.
func (z Zipf) P(k int) float64 {
	if k < 0 || k >= len(z.cdf) {
		return 0
	}
	if k == 0 {
		return z.cdf[0]
	}
	return z.cdf[k] - z.cdf[k-1]
}
