package quorum

import (
	"testing"
	"time"
)

// BenchmarkSimulate1M runs 200,000 operations through each of Simulate's
// five runs: 1,000,000 simulated operations.
//
//	go test -run '^$' -bench Simulate1M -benchmem ./designs/quorum
func BenchmarkSimulate1M(b *testing.B) {
	p := Params{Seed: 1, Lag: 50 * time.Millisecond, Ops: 200_000, Partition: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(p); err != nil {
			b.Fatal(err)
		}
	}
}
