package tui

import (
	"fmt"
	"time"

	"github.com/sdprep/sdprep/designs/quorum"
)

// quorumLab is the quorum lab's state: the parameters being edited.
type quorumLab struct{ p quorum.Params }

func newQuorumLab(p quorum.Params) *quorumLab {
	if p.Lag == 0 && p.N == 0 {
		p.Lag = quorum.DefaultLag
	}
	return &quorumLab{p: p.WithDefaults()}
}

func (l *quorumLab) intro() string { return "stale reads by R+W vs N; CAP; PACELC" }

func (l *quorumLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := quorum.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *quorumLab) params() []simParam {
	p := &l.p
	upTo := func(v *int) func(int) {
		return func(d int) { *v = min(max(*v+d, 1), p.N) }
	}
	return []simParam{
		{"n", func() string { return fmt.Sprint(p.N) }, func(d int) {
			p.N = min(max(p.N+d, 1), quorum.MaxN)
			p.R, p.W = min(p.R, p.N), min(p.W, p.N)
		}},
		{"r", func() string { return fmt.Sprint(p.R) }, upTo(&p.R)},
		{"w", func() string { return fmt.Sprint(p.W) }, upTo(&p.W)},
		durParam("lag", &p.Lag, []time.Duration{0, 5 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 500 * time.Millisecond}),
		{"partition", func() string { return onOff(p.Partition) }, func(int) { p.Partition = !p.Partition }},
		intParam("ops", &p.Ops, []int{10_000, 20_000, 50_000, 100_000, 200_000}),
		floatParam("writes", &p.Writes, []float64{0.05, 0.1, 0.2, 0.5, 0.8}),
		seedParam(&p.Seed),
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
