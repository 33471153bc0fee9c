package labkit

import (
	"math"
	"math/rand/v2"
)

// Zipf draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s, for any s ≥ 0 (the
// standard library's rand.Zipf needs s > 1). It uses Vose's alias
// method: O(n) memory and set-up, O(1) a draw.
type Zipf struct {
	p      []float64 // P(k)
	accept []float64 // alias method: keep k with this probability
	alias  []int32   // else take alias[k]
}

// NewZipf returns a sampler over n ranks; n below 1 is taken as 1.
func NewZipf(n int, s float64) Zipf {
	n = max(n, 1)
	z := Zipf{p: make([]float64, n), accept: make([]float64, n), alias: make([]int32, n)}
	sum := 0.0
	for k := range z.p {
		z.p[k] = math.Pow(float64(k+1), -s)
		sum += z.p[k]
	}
	small, large := make([]int32, 0, n), make([]int32, 0, n)
	for k := range z.p {
		z.p[k] /= sum
		z.accept[k] = z.p[k] * float64(n)
		if z.accept[k] < 1 {
			small = append(small, int32(k))
		} else {
			large = append(large, int32(k))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		l, g := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		z.alias[l] = g
		z.accept[g] -= 1 - z.accept[l]
		if z.accept[g] < 1 {
			large = large[:len(large)-1]
			small = append(small, g)
		}
	}
	for _, k := range append(small, large...) {
		z.accept[k] = 1 // left over by rounding: keep
	}
	return z
}

// Draw returns a rank.
func (z Zipf) Draw(r *rand.Rand) int {
	k := r.IntN(len(z.p))
	if r.Float64() < z.accept[k] {
		return k
	}
	return int(z.alias[k])
}

// P returns the probability of rank k.
func (z Zipf) P(k int) float64 {
	if k < 0 || k >= len(z.p) {
		return 0
	}
	return z.p[k]
}
