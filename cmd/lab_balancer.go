package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/balancer"
	"github.com/sdprep/sdprep/tui"
)

// LabBalancerOptions are the inputs of `sdprep lab balancer`.
type LabBalancerOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Speeds         string
	ServiceTime    time.Duration
	Load           float64
	Requests       int
	Fail           int
	HealthInterval time.Duration

	// Interactive opens the TUI page.
	Interactive bool
}

// failLast is the --fail default: the last server.
const failLast = -1

// NewCmdLabBalancer builds `sdprep lab balancer`. runF replaces the run
// function in tests.
func NewCmdLabBalancer(f *Factory, runF func(*LabBalancerOptions) error) *cobra.Command {
	opts := &LabBalancerOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "balancer",
		Short: "Load balancer lab: six algorithms over uneven servers, a failure, health checks",
		Long: `Route one seeded Poisson stream of requests through round robin, weighted
round robin, least connections, least response time, IP hash and power of two
choices, over servers of different --speeds, each a FIFO queue, at --load
times their total capacity. Halfway through, server --fail dies; requests
sent to it fail until health checks (every --health-interval, 2 failures in
a row) remove it. The report gives each algorithm's p50/p95/p99 response
time and errors, and each server's share of the requests.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab balancer
  sdprep lab balancer --simulate --speeds 4,2,1,1 --load 0.7 --format markdown
  sdprep lab balancer --simulate --speeds 1,1,1 --fail 0 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabBalancerOptions, balancer.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p balancer.Params) tui.Options { return tui.Options{Start: tui.PageLabBalancer, Balancer: p} },
				print: func(p balancer.Params) error { return runLabBalancer(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Speeds, "speeds", balancer.FormatSpeeds(balancer.DefaultSpeeds), "relative speed of each server, comma-separated (1 to 16 servers, 0.1 to 100)")
	fl.DurationVar(&opts.ServiceTime, "service-time", balancer.DefaultServiceTime, "mean time a speed-1 server spends on a request")
	fl.Float64Var(&opts.Load, "load", balancer.DefaultLoad, "offered load as a fraction of total capacity (up to 1.5)")
	fl.IntVar(&opts.Requests, "requests", balancer.DefaultRequests, "requests per algorithm")
	fl.IntVar(&opts.Fail, "fail", failLast, "server (from 1) that fails halfway; 0 for none; default the last")
	fl.DurationVar(&opts.HealthInterval, "health-interval", balancer.DefaultHealth, "time between health probes")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabBalancerOptions) params() (balancer.Params, error) {
	speeds, err := balancer.ParseSpeeds(o.Speeds)
	if err != nil {
		return balancer.Params{}, flagError("speeds", o.Speeds, "comma-separated numbers such as 4,2,1,1")
	}
	fail := o.Fail
	if fail == failLast {
		fail = len(speeds)
		if fail == 1 {
			fail = 0 // the only server cannot fail
		}
	}
	p := balancer.Params{Seed: o.Seed, Speeds: speeds, ServiceTime: o.ServiceTime, Load: o.Load, Requests: o.Requests, Fail: fail, HealthInterval: o.HealthInterval}
	return p, asUsage(p.Validate())
}

func runLabBalancer(opts *LabBalancerOptions, p balancer.Params) error {
	res, err := balancer.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
