package loadgen

import (
	"slices"
	"time"
)

// Percentiles summarizes a latency distribution.
type Percentiles struct {
	Count int           `json:"count"`
	Min   time.Duration `json:"min"`
	Mean  time.Duration `json:"mean"`
	P50   time.Duration `json:"p50"`
	P90   time.Duration `json:"p90"`
	P99   time.Duration `json:"p99"`
	Max   time.Duration `json:"max"`
}

// Summarize sorts latencies in place and returns their percentiles by the
// nearest-rank method: the p-th percentile is the smallest value with at
// least p% of the samples at or below it. An empty slice gives zeros.
func Summarize(latencies []time.Duration) Percentiles {
	n := len(latencies)
	if n == 0 {
		return Percentiles{}
	}
	slices.Sort(latencies)
	var sum time.Duration
	for _, d := range latencies {
		sum += d
	}
	return Percentiles{
		Count: n,
		Min:   latencies[0],
		Mean:  sum / time.Duration(n),
		P50:   rank(latencies, 50),
		P90:   rank(latencies, 90),
		P99:   rank(latencies, 99),
		Max:   latencies[n-1],
	}
}

// rank returns the nearest-rank p-th percentile of sorted: the value at
// 1-based position ceil(p/100 × n).
func rank(sorted []time.Duration, p int) time.Duration {
	n := len(sorted)
	i := (p*n + 99) / 100 // ceil(p*n/100)
	return sorted[max(i, 1)-1]
}
