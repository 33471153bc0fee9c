package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/breaker"
	"github.com/sdprep/sdprep/tui"
)

// LabBreakerOptions are the inputs of `sdprep lab breaker`.
type LabBreakerOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Requests    int
	Rate        int
	Share       float64
	FailureRate float64
	Latency     time.Duration
	Timeout     time.Duration
	Pool        int
	Retries     int
	Backoff     time.Duration
	BackoffCap  time.Duration
	Threshold   float64
	MinCalls    int
	Window      time.Duration
	OpenTimeout time.Duration
	HalfOpen    int

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabBreaker builds `sdprep lab breaker`. runF replaces the run
// function in tests.
func NewCmdLabBreaker(f *Factory, runF func(*LabBreakerOptions) error) *cobra.Command {
	opts := &LabBreakerOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "breaker",
		Short: "Circuit-breaker lab: a slow dependency's cascade, retry amplification, the breaker",
		Long: `A caller with a pool of --pool workers serves --rate requests a second; a
--share of them call a dependency that, in the middle third of the run, fails
--failure-rate of its calls and answers after --latency on average (attempts
slower than --timeout fail at the timeout). The same requests run four times:
no breaker, --retries retries with exponential backoff and full jitter, a
circuit breaker (trips at --threshold of at least --min-calls calls in
--window, stays open --open-timeout, then lets --half-open trial calls
through), and the breaker with retries.

The report shows the cascade (requests that never touch the dependency fail
because the pool is full), retry amplification (calls per request), and what
the breaker saves.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab breaker
  sdprep lab breaker --simulate --format markdown
  sdprep lab breaker --simulate --failure-rate 1 --latency 2s --retries 2 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabBreakerOptions, breaker.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p breaker.Params) tui.Options { return tui.Options{Start: tui.PageLabBreaker, Breaker: p} },
				print: func(p breaker.Params) error { return runLabBreaker(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.IntVar(&opts.Requests, "requests", breaker.DefaultRequests, "requests in each run (1 to 2,000,000)")
	fl.IntVar(&opts.Rate, "rate", breaker.DefaultRate, "requests per second, Poisson")
	fl.Float64Var(&opts.Share, "share", breaker.DefaultShare, "fraction of requests that call the dependency")
	fl.Float64Var(&opts.FailureRate, "failure-rate", breaker.DefaultFailureRate, "chance a dependency call fails during the incident")
	fl.DurationVar(&opts.Latency, "latency", breaker.DefaultLatency, "mean dependency latency during the incident")
	fl.DurationVar(&opts.Timeout, "timeout", breaker.DefaultTimeout, "the caller's timeout per attempt")
	fl.IntVar(&opts.Pool, "pool", breaker.DefaultPool, "the caller's workers (threads, connections)")
	fl.IntVar(&opts.Retries, "retries", breaker.DefaultRetries, "retries of a failed attempt in the retrying runs (1 to 10)")
	fl.DurationVar(&opts.Backoff, "backoff", breaker.DefaultBackoff, "base of the exponential backoff (full jitter)")
	fl.DurationVar(&opts.BackoffCap, "backoff-cap", breaker.DefaultBackoffCap, "cap of the backoff")
	fl.Float64Var(&opts.Threshold, "threshold", breaker.DefaultFailureRatio, "failure ratio in the window that trips the breaker")
	fl.IntVar(&opts.MinCalls, "min-calls", breaker.DefaultMinCalls, "fewest calls in the window before it can trip")
	fl.DurationVar(&opts.Window, "window", breaker.DefaultWindow, "how far back outcomes count")
	fl.DurationVar(&opts.OpenTimeout, "open-timeout", breaker.DefaultOpenTimeout, "how long the breaker stays open")
	fl.IntVar(&opts.HalfOpen, "half-open-calls", breaker.DefaultHalfOpenCalls, "trial calls a half-open breaker lets through")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabBreakerOptions) params() (breaker.Params, error) {
	p := breaker.Params{
		Seed: o.Seed, Requests: o.Requests, Rate: o.Rate, Share: o.Share, FailureRate: o.FailureRate,
		Latency: o.Latency, Timeout: o.Timeout, Pool: o.Pool, Retries: o.Retries, Backoff: o.Backoff, BackoffCap: o.BackoffCap,
		Breaker: breaker.Settings{FailureRatio: o.Threshold, MinCalls: o.MinCalls, Window: o.Window, OpenTimeout: o.OpenTimeout, HalfOpenCalls: o.HalfOpen},
	}
	return p, asUsage(p.Validate())
}

func runLabBreaker(opts *LabBreakerOptions, p breaker.Params) error {
	res, err := breaker.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
