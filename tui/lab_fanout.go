package tui

import (
	"github.com/sdprep/sdprep/designs/fanout"
)

// fanoutLab is the fan-out lab's state: the parameters being edited.
type fanoutLab struct{ p fanout.Params }

func newFanoutLab(p fanout.Params) *fanoutLab { return &fanoutLab{p: p.WithDefaults()} }

func (l *fanoutLab) intro() string { return "timelines by push, pull and hybrid" }

func (l *fanoutLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := fanout.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *fanoutLab) params() []simParam {
	p := &l.p
	return []simParam{
		{"threshold", func() string { return commas(p.Threshold) }, func(d int) {
			p.Threshold = min(ladderStep([]int{10, 100, 500, 1000, 2000, 5000, 10_000, 50_000, 100_000, 1_000_000}, p.Threshold, d), p.Users)
		}},
		{"users", func() string { return commas(p.Users) }, func(d int) {
			p.Users = ladderStep([]int{1000, 10_000, 100_000, 200_000}, p.Users, d)
			p.Threshold = min(p.Threshold, p.Users)
		}},
		intParam("follows", &p.Follows, []int{10, 20, 50, 100}),
		floatParam("skew", &p.Skew, []float64{0.5, 0.8, 1, 1.2, 1.5}),
		intParam("posts", &p.Posts, []int{10_000, 50_000, 100_000, 500_000}),
		intParam("reads", &p.Reads, []int{10_000, 100_000, 500_000, 1_000_000}),
		intParam("insert-rate", &p.InsertRate, []int{10_000, 100_000, 1_000_000, 10_000_000}),
		seedParam(&p.Seed),
	}
}
