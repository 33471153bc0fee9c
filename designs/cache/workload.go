package cache

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Workload is a request pattern over the key space.
type Workload int

// The workloads.
const (
	// Zipf reads the k-th most popular key in proportion to 1/k^s: a few
	// hot keys take most reads, as on most real sites.
	Zipf Workload = iota
	// Uniform reads every key equally often: the worst case for any
	// cache, where the hit ratio is at best size/keys.
	Uniform
	// Scan is Zipf traffic with 30% of requests from a one-pass
	// sequential scan (a batch job, a crawler): keys read once and never
	// again, which flush a recency-only cache.
	Scan
	// Shifting is Zipf traffic whose hot set moves to other keys four
	// times during the run: yesterday's popular keys stop being read,
	// which frequency counts remember too long.
	Shifting
)

// ScanShare is the fraction of Scan requests that come from the scan.
const ScanShare = 0.3

// ShiftPhases is how many hot sets the Shifting workload goes through.
const ShiftPhases = 5

var workloadNames = []string{"zipf", "uniform", "scan", "shifting"}

// WorkloadNames lists the workloads as ParseWorkload reads them.
func WorkloadNames() []string { return append([]string(nil), workloadNames...) }

// Valid reports whether w is a defined workload.
func (w Workload) Valid() bool { return w >= 0 && int(w) < len(workloadNames) }

// String returns the workload's name.
func (w Workload) String() string {
	if !w.Valid() {
		return fmt.Sprintf("workload(%d)", int(w))
	}
	return workloadNames[w]
}

// ParseWorkload reads a workload name, ignoring case.
func ParseWorkload(s string) (Workload, error) {
	for i, n := range workloadNames {
		if strings.EqualFold(s, n) {
			return Workload(i), nil
		}
	}
	return 0, labkit.Invalid(ErrInvalidParams, "cache", "workload", s, "one of "+strings.Join(workloadNames, ", "))
}

// zipfSampler draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s by inverting the
// cumulative distribution with a binary search.
type zipfSampler struct{ cdf []float64 }

func newZipf(n int, s float64) zipfSampler {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range cdf {
		sum += math.Pow(float64(k+1), -s)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return zipfSampler{cdf}
}

func (z zipfSampler) draw(r *rand.Rand) int {
	return min(sort.SearchFloat64s(z.cdf, r.Float64()), len(z.cdf)-1)
}

// trace generates the request keys of p (already defaulted). Keys at or
// above p.Keys come from the scan and are read once.
func trace(p Params) []uint64 {
	r := labkit.NewRand(p.Seed, 1)
	out := make([]uint64, p.Requests)
	if p.Workload == Uniform {
		for i := range out {
			out[i] = uint64(r.IntN(p.Keys))
		}
		return out
	}
	z := newZipf(p.Keys, p.Skew)
	scanNext := uint64(p.Keys)
	phaseLen := max(1, p.Requests/ShiftPhases)
	for i := range out {
		switch {
		case p.Workload == Scan && r.Float64() < ScanShare:
			out[i] = scanNext
			scanNext++
		case p.Workload == Shifting:
			shift := (i / phaseLen) * (p.Keys / ShiftPhases)
			out[i] = uint64((z.draw(r) + shift) % p.Keys)
		default:
			out[i] = uint64(z.draw(r))
		}
	}
	return out
}
