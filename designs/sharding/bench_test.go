package sharding

import "testing"

// BenchmarkSimulate1M samples 1,000,000 reads over 100,000 keys, each
// routed by all four strategies:
//
//	go test -run '^$' -bench Simulate1M -benchmem ./designs/sharding
func BenchmarkSimulate1M(b *testing.B) {
	for b.Loop() {
		if _, err := Simulate(Params{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
