package tui

import (
	"fmt"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/cache"
)

// cacheLab is the cache lab's state: the parameters being edited.
type cacheLab struct{ p cache.Params }

func newCacheLab(p cache.Params) *cacheLab { return &cacheLab{p: p.WithDefaults()} }

func (l *cacheLab) intro() string {
	return "hit ratio by size; stampede; penetration"
}

func (l *cacheLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := cache.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *cacheLab) params() []simParam {
	p := &l.p
	names := cache.WorkloadNames()
	return []simParam{
		{"workload", func() string { return p.Workload.String() }, func(d int) { p.Workload = cache.Workload(cycle(int(p.Workload), len(names), d)) }},
		{"skew", func() string { return fmt.Sprint(p.Skew) }, func(d int) { p.Skew = ladderStep([]float64{0.5, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.5, 2}, p.Skew, d) }},
		intParam("keys", &p.Keys, []int{100, 1000, 10_000, 100_000, 1_000_000}),
		intParam("requests", &p.Requests, []int{20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000}),
		{"size", func() string {
			if p.Size == 0 {
				return "sweep"
			}
			return commas(p.Size)
		}, func(d int) { p.Size = ladderStep([]int{0, 10, 50, 100, 500, 1000, 5000, 10_000}, p.Size, d) }},
		durParam("ttl", &p.TTL, []time.Duration{time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second, time.Minute}),
		intParam("readers", &p.Readers, []int{10, 50, 100, 200, 500, 1000, 5000}),
		durParam("recompute", &p.Recompute, []time.Duration{10 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond, time.Second}),
		{"missing", func() string { return fmt.Sprint(p.Missing) }, func(d int) { p.Missing = ladderStep([]float64{0.05, 0.1, 0.2, 0.5, 0.8}, p.Missing, d) }},
		intParam("bloom-bits", &p.BloomBits, []int{2, 4, 6, 8, 10, 12, 16}),
		seedParam(&p.Seed),
	}
}

// intParam is an integer parameter stepped along ladder.
func intParam(name string, v *int, ladder []int) simParam {
	return simParam{name, func() string { return commas(*v) }, func(d int) { *v = ladderStep(ladder, *v, d) }}
}

// floatParam is a float parameter stepped along ladder.
func floatParam(name string, v *float64, ladder []float64) simParam {
	return simParam{name, func() string { return fmt.Sprint(*v) }, func(d int) { *v = ladderStep(ladder, *v, d) }}
}

// durParam is a duration parameter stepped along ladder.
func durParam(name string, v *time.Duration, ladder []time.Duration) simParam {
	return simParam{name, func() string { return v.String() }, func(d int) { *v = ladderStep(ladder, *v, d) }}
}

// commas writes n with thousands separators.
func commas(n int) string { return humanize.Comma(int64(n)) }
