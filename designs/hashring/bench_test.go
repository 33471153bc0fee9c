package hashring

import "testing"

// BenchmarkSimulate1M places 1,000,000 keys: on the rings before and
// after the change, with hash % N, on seven rings of the vnode sweep, and
// twice with bounded loads.
//
//	go test -run '^$' -bench . -benchmem ./designs/hashring
func BenchmarkSimulate1M(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(Params{Seed: 1, Keys: 1_000_000}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookup is one key lookup on a ring of 10 nodes × 100 vnodes.
func BenchmarkLookup(b *testing.B) {
	r := NewRing(ids(10), 100, 1)
	i := 0
	for b.Loop() {
		r.Lookup(KeyHash(i, 1))
		i++
	}
}
