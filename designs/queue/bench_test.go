package queue

import "testing"

// BenchmarkSimulate1M runs the default ten minutes (about 200,000
// messages, each arriving, delivered and acknowledged, in four runs):
// about 1,600,000 simulation events, reported as events/op.
//
//	go test -run '^$' -bench Simulate1M -benchmem ./designs/queue
func BenchmarkSimulate1M(b *testing.B) {
	var events int
	for b.Loop() {
		res, err := Simulate(Params{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		events = res.Events
	}
	b.ReportMetric(float64(events), "events/op")
}
