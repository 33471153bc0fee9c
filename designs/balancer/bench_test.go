package balancer

import "testing"

// BenchmarkSimulate1M routes 1,000,000 requests: 166,667 through each of
// the six algorithms. BenchmarkSimulate1MEach routes 1,000,000 through
// each (6,000,000 in all).
//
//	go test -run '^$' -bench . -benchmem ./designs/balancer
func BenchmarkSimulate1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(Params{Seed: 1, Requests: 1_000_000 / 6, Fail: 4}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSimulate1MEach(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(Params{Seed: 1, Requests: 1_000_000, Fail: 4}); err != nil {
			b.Fatal(err)
		}
	}
}
