package tui

import (
	"fmt"
	"time"

	"github.com/sdprep/sdprep/designs/balancer"
)

// balancerLab is the load-balancer lab's state. Speeds are chosen from a
// few fleets rather than typed.
type balancerLab struct {
	p     balancer.Params
	fleet int // index in balancerFleets, or -1 for the speeds given
	given []float64
}

// balancerFleets are the server speeds the page cycles through.
var balancerFleets = [][]float64{{4, 2, 1, 1}, {1, 1, 1, 1}, {2, 1}, {8, 1, 1, 1, 1}, {3, 3, 2, 2, 1, 1}}

func newBalancerLab(p balancer.Params) *balancerLab {
	l := &balancerLab{fleet: -1}
	if len(p.Speeds) == 0 && p.Fail == 0 && p.Requests == 0 {
		p.Fail = len(balancer.DefaultSpeeds)
	}
	l.p = p.WithDefaults()
	l.given = l.p.Speeds
	for i, f := range balancerFleets {
		if balancer.FormatSpeeds(f) == balancer.FormatSpeeds(l.p.Speeds) {
			l.fleet = i
		}
	}
	return l
}

func (l *balancerLab) intro() string { return "p99 and errors by algorithm; a server fails" }

func (l *balancerLab) job() func(int) ([]string, error) {
	p := l.p
	p.Speeds = append([]float64(nil), p.Speeds...)
	return func(width int) ([]string, error) {
		res, err := balancer.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *balancerLab) params() []simParam {
	p := &l.p
	return []simParam{
		{"speeds", func() string { return balancer.FormatSpeeds(p.Speeds) }, func(d int) {
			l.fleet = cycle(max(l.fleet, 0), len(balancerFleets), d)
			p.Speeds = balancerFleets[l.fleet]
			p.Fail = min(p.Fail, len(p.Speeds))
		}},
		floatParam("load", &p.Load, []float64{0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.1}),
		durParam("service-time", &p.ServiceTime, []time.Duration{5 * time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond, 100 * time.Millisecond, time.Second}),
		intParam("requests", &p.Requests, []int{10_000, 20_000, 50_000, 100_000, 200_000}),
		{"fail", func() string {
			if p.Fail == 0 {
				return "none"
			}
			return fmt.Sprintf("server %d", p.Fail)
		}, func(d int) { p.Fail = cycle(p.Fail, len(p.Speeds)+1, d) }},
		durParam("health-interval", &p.HealthInterval, []time.Duration{100 * time.Millisecond, 500 * time.Millisecond, time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second}),
		seedParam(&p.Seed),
	}
}
