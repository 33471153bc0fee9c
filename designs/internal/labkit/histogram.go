package labkit

import "math/bits"

// histSub is the number of sub-buckets per power of two: values are kept
// to within 1/64 (1.6%), whatever their size.
const histSub = 64

// Histogram counts non-negative integer samples (such as microseconds) in
// log-linear buckets, so quantiles of millions of samples cost no sort and
// little memory. Values below 2·histSub are exact.
type Histogram struct {
	counts []uint64
	n      uint64
}

// Add counts v; negative values count as 0.
func (h *Histogram) Add(v int64) {
	i := histIndex(max(v, 0))
	if i >= len(h.counts) {
		h.counts = append(h.counts, make([]uint64, i+1-len(h.counts))...)
	}
	h.counts[i]++
	h.n++
}

// Count is the number of samples.
func (h *Histogram) Count() uint64 { return h.n }

// Quantile returns the q-quantile (0 ≤ q ≤ 1) by nearest rank, as the
// middle of its bucket; 0 when empty.
func (h *Histogram) Quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	rank := uint64(q * float64(h.n))
	if float64(rank) < q*float64(h.n) || rank == 0 {
		rank++
	}
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			lo, hi := histBounds(i)
			return float64(lo+hi) / 2
		}
	}
	lo, hi := histBounds(len(h.counts) - 1)
	return float64(lo+hi) / 2
}

func histIndex(v int64) int {
	if v < 2*histSub {
		return int(v)
	}
	shift := bits.Len64(uint64(v)) - 7 // v>>shift in [64, 127]
	return 2*histSub + (shift-1)*histSub + int(v>>shift) - histSub
}

// histBounds is bucket i's value range [lo, hi].
func histBounds(i int) (lo, hi int64) {
	if i < 2*histSub {
		return int64(i), int64(i)
	}
	shift := (i-2*histSub)/histSub + 1
	j := int64((i-2*histSub)%histSub + histSub)
	return j << shift, (j+1)<<shift - 1
}
