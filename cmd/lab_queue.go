package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/queue"
	"github.com/sdprep/sdprep/tui"
)

// LabQueueOptions are the inputs of `sdprep lab queue`.
type LabQueueOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Duration     time.Duration
	Rate         int
	Burst        float64
	Service      time.Duration
	Consumers    int
	MaxConsumers int
	Startup      time.Duration
	ShedAt       int
	LowShare     float64
	Redelivery   float64
	Visibility   time.Duration

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabQueue builds `sdprep lab queue`. runF replaces the run function
// in tests.
func NewCmdLabQueue(f *Factory, runF func(*LabQueueOptions) error) *cobra.Command {
	opts := &LabQueueOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "queue",
		Short: "Queue lab: backlog under a burst, autoscaling, load shedding, at-least-once delivery",
		Long: `Producers send --rate messages a second for --duration, --burst times as many
in the middle third; --low-share of them are low priority. --consumers
consumers take high priority first and spend --service per message on
average. The same messages run four times: a fixed pool, the pool shedding
low-priority messages while more than --shed-at are queued, a pool the
autoscaler grows up to --max-consumers (each new consumer takes --startup to
start), and the autoscaled pool that sheds.

Each acknowledgement is lost with probability --redelivery and the broker
delivers the message again after --visibility: at-least-once delivery. The
consumer skips ids it has processed, so JSON's delivered = processed_once +
duplicates and every message takes effect once.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab queue
  sdprep lab queue --simulate --format markdown
  sdprep lab queue --simulate --burst 5 --max-consumers 50 --redelivery 0.1 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabQueueOptions, queue.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p queue.Params) tui.Options { return tui.Options{Start: tui.PageLabQueue, Queue: p} },
				print: func(p queue.Params) error { return runLabQueue(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.DurationVar(&opts.Duration, "duration", queue.DefaultDuration, "how long producers produce (1s to 24h)")
	fl.IntVar(&opts.Rate, "rate", queue.DefaultRate, "messages per second outside the burst")
	fl.Float64Var(&opts.Burst, "burst", queue.DefaultBurst, "rate multiplier in the middle third (1 to 100)")
	fl.DurationVar(&opts.Service, "service", queue.DefaultService, "mean time a consumer spends per message")
	fl.IntVar(&opts.Consumers, "consumers", queue.DefaultConsumers, "consumers at the start, and the autoscaler's floor")
	fl.IntVar(&opts.MaxConsumers, "max-consumers", queue.DefaultMaxConsumers, "the autoscaler's ceiling")
	fl.DurationVar(&opts.Startup, "startup", queue.DefaultStartup, "time an added consumer takes to start")
	fl.IntVar(&opts.ShedAt, "shed-at", queue.DefaultShedAt, "backlog above which low-priority messages are shed")
	fl.Float64Var(&opts.LowShare, "low-share", queue.DefaultLowShare, "fraction of messages that are low priority")
	fl.Float64Var(&opts.Redelivery, "redelivery", queue.DefaultRedelivery, "chance an acknowledgement is lost")
	fl.DurationVar(&opts.Visibility, "visibility", queue.DefaultVisibility, "how long the broker waits before redelivering")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabQueueOptions) params() (queue.Params, error) {
	p := queue.Params{Seed: o.Seed, Duration: o.Duration, Rate: o.Rate, Burst: o.Burst, Service: o.Service,
		Consumers: o.Consumers, MaxConsumers: o.MaxConsumers, Startup: o.Startup, ShedAt: o.ShedAt,
		LowShare: o.LowShare, Redelivery: o.Redelivery, Visibility: o.Visibility}
	return p, asUsage(p.Validate())
}

func runLabQueue(opts *LabQueueOptions, p queue.Params) error {
	res, err := queue.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
