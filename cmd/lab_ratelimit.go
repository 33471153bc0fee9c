package cmd

import (
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/tui"
)

// Defaults of `sdprep lab ratelimit`.
const (
	defaultRateLimitAddr = "127.0.0.1:8081"
	defaultSimDuration   = 10 * time.Second
)

// LabRateLimitOptions are the inputs of `sdprep lab ratelimit`, as typed.
type LabRateLimitOptions struct {
	IO *IOStreams

	Algorithm string
	Rate      string
	Burst     int

	Serve bool
	Addr  string
	Store string
	Key   string

	Simulate bool
	Pattern  string
	Duration string
	Seed     uint64
	Format   Format

	Explain bool
	// Set holds the names of the flags given on the command line.
	Set map[string]bool
	// Interactive opens the TUI page: a terminal, and no mode or output
	// flag given.
	Interactive bool

	// onListen, when set (tests), is called with the address to dial.
	onListen func(addr string)
}

// NewCmdLabRateLimit builds `sdprep lab ratelimit`. runF replaces the run
// function in tests.
func NewCmdLabRateLimit(f *Factory, runF func(*LabRateLimitOptions) error) *cobra.Command {
	opts := &LabRateLimitOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "ratelimit",
		Short: "Rate limiter lab: five algorithms, simulated or behind an HTTP server",
		Long: `Poke at the five rate-limiting algorithms: token bucket, leaky bucket,
fixed window, sliding log and sliding window counter.

On a terminal, the interactive lab opens: send requests one at a time, in a
burst or as a traffic pattern, and watch admitted vs rejected per 100 ms.

--simulate runs a seeded traffic pattern through every algorithm (or just
--algorithm, if given) and prints admitted and rejected counts; the same seed
prints the same numbers. This is also what happens when stdout is not a
terminal.

--serve answers every request on --addr with 200 or 429 and the headers
RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds) and, on a
429, Retry-After (seconds). --key ip limits each client address on its own;
--key global counts every request against one shared limit, which is how
several servers on one Redis (--store redis://…) enforce one limit together.
If the limiter cannot decide (Redis down) the server answers 503: it fails
closed, since this endpoint exists to show the limit holding (most production
APIs fail open, except for security limits such as login attempts). stderr
gets one line when the limiter starts failing and one when it recovers.

--burst is the bucket size of the two bucket algorithms; the window
algorithms ignore it.`,
		Example: `  sdprep lab ratelimit --algorithm sliding-window --rate 100/min
  sdprep lab ratelimit --simulate --pattern window-edge --rate 10/s
  sdprep lab ratelimit --simulate --pattern spike --seed 7 --format json
  sdprep lab ratelimit --explain --algorithm leaky-bucket
  sdprep lab ratelimit --serve --rate 5/s --burst 5
  sdprep lab ratelimit --serve --algorithm fixed-window --rate 1000/h \
      --store redis://127.0.0.1:6379/0 --key global --addr 127.0.0.1:8082`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.Set = map[string]bool{}
			c.Flags().Visit(func(fl *pflag.Flag) { opts.Set[fl.Name] = true })
			opts.Interactive = f.IO.IsTerminal && !opts.Serve && !opts.Simulate && !opts.Explain &&
				!opts.Set["pattern"] && !opts.Set["duration"] && !opts.Set["format"]
			if runF != nil {
				return runF(opts)
			}
			if opts.Interactive {
				in, err := opts.parse()
				if err != nil {
					return err
				}
				return runTUI(f, tui.Options{Start: tui.PageLabRateLimit, RateLimit: in.cfg, Seed: opts.Seed})
			}
			ctx, stop := withSignals(c.Context())
			defer stop()
			return runLabRateLimit(ctx, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Algorithm, "algorithm", ratelimit.TokenBucket.String(), "algorithm: "+strings.Join(algorithmNames(), ", ")+" (--algo for short)")
	// One name, as in the JSON ("algorithm") and the Go type; --algo, the
	// name of earlier releases, still reads as --algorithm.
	fl.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "algo" {
			name = "algorithm"
		}
		return pflag.NormalizedName(name)
	})
	fl.StringVar(&opts.Rate, "rate", "10/s", `limit per window, like 10/s, 100/min, 5/100ms or 1000/h`)
	fl.IntVar(&opts.Burst, "burst", 20, "bucket size of token-bucket and leaky-bucket; 0 means the limit")
	fl.BoolVar(&opts.Serve, "serve", false, "run the HTTP server")
	fl.StringVar(&opts.Addr, "addr", defaultRateLimitAddr, "address the server listens on")
	fl.StringVar(&opts.Store, "store", "memory", "where limiter state lives: memory or redis://host:port/db")
	fl.StringVar(&opts.Key, "key", "ip", "what the server limits: ip (each client address) or global (all requests together)")
	fl.BoolVar(&opts.Simulate, "simulate", false, "run a simulated traffic pattern and print the counts")
	fl.StringVar(&opts.Pattern, "pattern", "", "simulated traffic: steady, spike or window-edge (default steady)")
	fl.StringVar(&opts.Duration, "duration", "", "simulated time, up to 1h (default 10s)")
	fl.Uint64Var(&opts.Seed, "seed", 1, "seed of the generated traffic (simulation and interactive lab)")
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	fl.BoolVar(&opts.Explain, "explain", false, "print how the algorithm (or, without --algorithm, each one) works")
	// The modes stay flags, not subcommands: the labs of issue 12 take
	// `sdprep lab <name> --simulate`, so every lab has one shape. cobra
	// refuses the combinations.
	c.MarkFlagsMutuallyExclusive("serve", "simulate", "explain")
	for _, simOnly := range []string{"pattern", "duration"} {
		c.MarkFlagsMutuallyExclusive(simOnly, "serve")
		c.MarkFlagsMutuallyExclusive(simOnly, "explain")
	}
	completeFlag(c, "algorithm", algorithmNames)
	completeFlag(c, "pattern", patternNames)
	completeFlag(c, "key", func() []string { return keyNames })
	completeFlag(c, "store", func() []string { return []string{"memory", "redis://127.0.0.1:6379/0"} })
	return c
}

// keyNames are the accepted --key values.
var keyNames = []string{"ip", "global"}

// algorithmNames are the accepted --algorithm values.
func algorithmNames() []string {
	var names []string
	for _, a := range ratelimit.Algorithms() {
		names = append(names, a.String())
	}
	return names
}

// patternNames are the accepted --pattern values.
func patternNames() []string {
	var names []string
	for _, p := range ratelimit.Patterns() {
		names = append(names, p.String())
	}
	return names
}
