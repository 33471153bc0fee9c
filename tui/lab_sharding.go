package tui

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/sharding"
)

// shardingLab is the sharding lab's state: the parameters being edited.
type shardingLab struct{ p sharding.Params }

func newShardingLab(p sharding.Params) *shardingLab { return &shardingLab{p: p.WithDefaults()} }

func (l *shardingLab) intro() string { return "range, hash, directory, geo on skewed keys" }

func (l *shardingLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := sharding.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *shardingLab) params() []simParam {
	p := &l.p
	return []simParam{
		{"shards", func() string { return fmt.Sprint(p.Shards) }, func(d int) {
			p.Shards = max(ladderStep([]int{2, 4, 8, 16, 32, 64, 128, 256}, p.Shards, d), p.Regions)
		}},
		{"regions", func() string { return fmt.Sprint(p.Regions) }, func(d int) {
			p.Regions = min(max(p.Regions+d, 1), sharding.MaxRegions, p.Shards)
		}},
		floatParam("skew", &p.Skew, []float64{0.2, 0.5, 0.8, 1, 1.2, 1.5, 2}),
		intParam("keys", &p.Keys, []int{1000, 10_000, 100_000, 1_000_000}),
		intParam("requests", &p.Requests, []int{100_000, 200_000, 500_000, 1_000_000}),
		seedParam(&p.Seed),
	}
}
