package fanout

import "testing"

// BenchmarkSimulate1M writes 500,000 posts and reads 500,000 timelines
// on the default graph of 100,000 users following 50 each:
//
//	go test -run '^$' -bench Simulate1M -benchmem ./designs/fanout
func BenchmarkSimulate1M(b *testing.B) {
	for b.Loop() {
		if _, err := Simulate(Params{Seed: 1, Posts: 500_000, Reads: 500_000}); err != nil {
			b.Fatal(err)
		}
	}
}
