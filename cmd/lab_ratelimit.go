package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
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

	Algo  string
	Rate  string
	Burst int

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

	// onListen, when set (tests), is called with the bound address.
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
--algo, if given) and prints admitted and rejected counts; the same seed
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
		Example: `  sdprep lab ratelimit --algo sliding-window --rate 100/min
  sdprep lab ratelimit --simulate --pattern window-edge --rate 10/s
  sdprep lab ratelimit --simulate --pattern spike --seed 7 --format json
  sdprep lab ratelimit --explain --algo leaky-bucket
  sdprep lab ratelimit --serve --rate 5/s --burst 5
  sdprep lab ratelimit --serve --algo fixed-window --rate 1000/h \
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
	fl.StringVar(&opts.Algo, "algo", ratelimit.TokenBucket.String(), "algorithm: "+strings.Join(algorithmNames(), ", "))
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
	fl.BoolVar(&opts.Explain, "explain", false, "print how the algorithm (or, without --algo, each one) works")
	// The modes stay flags, not subcommands: the labs of issue 12 take
	// `sdprep lab <name> --simulate`, so every lab has one shape. cobra
	// refuses the combinations.
	c.MarkFlagsMutuallyExclusive("serve", "simulate", "explain")
	for _, simOnly := range []string{"pattern", "duration"} {
		c.MarkFlagsMutuallyExclusive(simOnly, "serve")
		c.MarkFlagsMutuallyExclusive(simOnly, "explain")
	}
	completeFlag(c, "algo", algorithmNames)
	completeFlag(c, "pattern", patternNames)
	completeFlag(c, "key", func() []string { return keyNames })
	completeFlag(c, "store", func() []string { return []string{"memory", "redis://127.0.0.1:6379/0"} })
	return c
}

// keyNames are the accepted --key values.
var keyNames = []string{"ip", "global"}

// algorithmNames are the accepted --algo values.
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

// rateLimitInput is LabRateLimitOptions parsed and checked.
type rateLimitInput struct {
	cfg      ratelimit.Config
	pattern  ratelimit.Pattern
	duration time.Duration
	store    storeSpec
	key      ratelimit.KeyFunc
	format   Format
}

// parse checks every flag, so that bad input fails before anything starts.
func (o *LabRateLimitOptions) parse() (rateLimitInput, error) {
	var in rateLimitInput
	if err := o.checkModes(); err != nil {
		return in, err
	}
	alg, err := ratelimit.ParseAlgorithm(o.Algo)
	if err != nil {
		return in, enumError("algo", o.Algo, algorithmNames())
	}
	limit, window, err := parseRateFlag("rate", o.Rate)
	if err != nil {
		return in, err
	}
	if o.Burst < 0 || o.Burst > ratelimit.MaxLimit {
		return in, flagError("burst", fmt.Sprint(o.Burst), "0 (the limit) or a whole number up to "+humanize.Comma(ratelimit.MaxLimit))
	}
	in.cfg = ratelimit.Config{Algorithm: alg, Limit: limit, Window: window, Burst: o.Burst}
	if err := in.cfg.Validate(); err != nil {
		return in, usageErrorf("--rate %q --burst %d: %s", o.Rate, o.Burst, trimPrefix(err, ratelimit.ErrInvalidConfig.Error()+": "))
	}
	if o.Pattern != "" {
		if in.pattern, err = ratelimit.ParsePattern(o.Pattern); err != nil {
			return in, enumError("pattern", o.Pattern, patternNames())
		}
	}
	in.duration = defaultSimDuration
	if o.Duration != "" {
		d, err := time.ParseDuration(o.Duration)
		if err != nil || d <= 0 || d > ratelimit.MaxSimDuration {
			return in, flagError("duration", o.Duration, "a duration above 0 and up to 1h, like 10s, 90s or 5m")
		}
		in.duration = d
	}
	if err := checkAddr(o.Addr); err != nil {
		return in, err
	}
	if in.store, err = parseStore(o.Store, "memory"); err != nil {
		return in, err
	}
	switch strings.ToLower(o.Key) {
	case "ip":
		in.key = ratelimit.ClientIP
	case "global":
		in.key = ratelimit.GlobalKeyFunc
	default:
		return in, enumError("key", o.Key, keyNames)
	}
	in.format = o.Format
	return in, nil
}

// checkModes refuses server flags without --serve. (cobra refuses two
// modes at once, and simulation flags with another mode: see
// MarkFlagsMutuallyExclusive in NewCmdLabRateLimit.)
func (o *LabRateLimitOptions) checkModes() error {
	for _, name := range []string{"addr", "store", "key"} {
		if o.Set[name] && !o.Serve {
			return usageErrorf("--%s configures the server; add --serve", name)
		}
	}
	return nil
}

// parseRateFlag parses a LIMIT/WINDOW flag value.
func parseRateFlag(flag, value string) (int, time.Duration, error) {
	limit, window, err := ratelimit.ParseRate(value)
	if err != nil {
		return 0, 0, usageErrorf("--%s %q: %s", flag, value, trimPrefix(err, fmt.Sprintf("%v %q: ", ratelimit.ErrInvalidRate, value)))
	}
	return limit, window, nil
}

// trimPrefix returns err's message without a package prefix that repeats
// what the flag name already says.
func trimPrefix(err error, prefix string) string {
	return strings.TrimPrefix(err.Error(), prefix)
}

func runLabRateLimit(ctx context.Context, opts *LabRateLimitOptions) error {
	in, err := opts.parse()
	if err != nil {
		return err
	}
	switch {
	case opts.Serve:
		return serveRateLimit(ctx, opts, in)
	case opts.Explain:
		return writeExplain(opts.IO.Out, in.format, explainAlgorithms(opts, in))
	}
	return simulateRateLimit(opts, in)
}

// explainAlgorithms is --algo when given, else all five.
func explainAlgorithms(opts *LabRateLimitOptions, in rateLimitInput) []ratelimit.Algorithm {
	if opts.Set["algo"] {
		return []ratelimit.Algorithm{in.cfg.Algorithm}
	}
	return ratelimit.Algorithms()
}

func simulateRateLimit(opts *LabRateLimitOptions, in rateLimitInput) error {
	seed := int64(opts.Seed) // the generator reads the seed's 64 bits either way
	var results []ratelimit.Result
	if opts.Set["algo"] {
		results = []ratelimit.Result{ratelimit.Simulate(in.cfg, in.pattern, seed, in.duration)}
	} else {
		results = ratelimit.SimulateAll(in.cfg, in.pattern, seed, in.duration)
	}
	for _, r := range results {
		if r.Err != nil {
			return usageErrorf("--rate %q --duration %s --pattern %v: %s", opts.Rate, ratelimit.FormatWindow(in.duration), in.pattern,
				trimPrefix(r.Err, ratelimit.ErrInvalidSimulation.Error()+": "))
		}
	}
	return writeSimulation(opts.IO.Out, in.format, newSimReport(in, opts.Seed, results))
}

func serveRateLimit(ctx context.Context, opts *LabRateLimitOptions, in rateLimitInput) error {
	var lim ratelimit.Limiter
	if in.store.kind == "redis" {
		rdb, err := openRedis(ctx, in.store)
		if err != nil {
			return err
		}
		defer rdb.Close()
		if lim, err = ratelimit.NewRedis(rdb, in.cfg); err != nil {
			return err
		}
	} else {
		m, err := ratelimit.NewMemory(in.cfg)
		if err != nil {
			return err
		}
		lim = m
	}
	ln, err := listen(opts.Addr)
	if err != nil {
		return err
	}
	addr := displayAddr(ln.Addr())
	fmt.Fprintf(opts.IO.ErrOut, "listening on http://%s (%v, store %v, key %s)\n", addr, in.cfg, in.store, strings.ToLower(opts.Key))
	fmt.Fprintf(opts.IO.ErrOut, "try: curl -i http://%s/   (Ctrl-C stops the server)\n", addr)
	if opts.onListen != nil {
		opts.onListen(addr)
	}
	h := ratelimit.Handler(watchLimiter(lim, opts.IO.ErrOut), ratelimit.HandlerOptions{Key: in.key})
	if err := serveHTTP(ctx, ln, h); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, "stopped")
	return nil
}
