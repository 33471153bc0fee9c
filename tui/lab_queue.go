package tui

import (
	"time"

	"github.com/sdprep/sdprep/designs/queue"
)

// queueLab is the message-queue lab's state: the parameters being
// edited.
type queueLab struct{ p queue.Params }

func newQueueLab(p queue.Params) *queueLab { return &queueLab{p: p.WithDefaults()} }

func (l *queueLab) intro() string { return "backlog, autoscaling, shedding, redelivery" }

func (l *queueLab) job() func(int) ([]string, error) {
	p := l.p
	return func(width int) ([]string, error) {
		res, err := queue.Simulate(p)
		if err != nil {
			return nil, err
		}
		return res.Panel(width), nil
	}
}

func (l *queueLab) params() []simParam {
	p := &l.p
	return []simParam{
		intParam("rate", &p.Rate, []int{50, 100, 200, 500, 1000}),
		floatParam("burst", &p.Burst, []float64{1, 1.5, 2, 3, 5, 10}),
		{"consumers", func() string { return commas(p.Consumers) }, func(d int) {
			p.Consumers = ladderStep([]int{1, 2, 5, 10, 20, 50}, p.Consumers, d)
			p.MaxConsumers = max(p.MaxConsumers, p.Consumers)
		}},
		{"max-consumers", func() string { return commas(p.MaxConsumers) }, func(d int) {
			p.MaxConsumers = max(ladderStep([]int{5, 10, 20, 50, 100}, p.MaxConsumers, d), p.Consumers)
		}},
		durParam("startup", &p.Startup, []time.Duration{time.Nanosecond, 5 * time.Second, 10 * time.Second, 20 * time.Second, time.Minute}),
		intParam("shed-at", &p.ShedAt, []int{100, 500, 1000, 2000, 5000, 20_000}),
		floatParam("low-share", &p.LowShare, []float64{0.1, 0.3, 0.5, 0.7, 0.9}),
		floatParam("redelivery", &p.Redelivery, []float64{0.001, 0.01, 0.02, 0.05, 0.1, 0.2}),
		durParam("duration", &p.Duration, []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 20 * time.Minute}),
		seedParam(&p.Seed),
	}
}
