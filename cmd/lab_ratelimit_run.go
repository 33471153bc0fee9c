package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/internal/httpserve"
)

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
	alg, err := ratelimit.ParseAlgorithm(o.Algorithm)
	if err != nil {
		return in, enumError("algorithm", o.Algorithm, algorithmNames())
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

// explainAlgorithms is --algorithm when given, else all five.
func explainAlgorithms(opts *LabRateLimitOptions, in rateLimitInput) []ratelimit.Algorithm {
	if opts.Set["algorithm"] {
		return []ratelimit.Algorithm{in.cfg.Algorithm}
	}
	return ratelimit.Algorithms()
}

func simulateRateLimit(opts *LabRateLimitOptions, in rateLimitInput) error {
	seed := opts.Seed
	var results []ratelimit.Result
	var err error
	if opts.Set["algorithm"] {
		var r ratelimit.Result
		r, err = ratelimit.Simulate(in.cfg, in.pattern, seed, in.duration)
		results = []ratelimit.Result{r}
	} else {
		results, err = ratelimit.SimulateAll(in.cfg, in.pattern, seed, in.duration)
	}
	if err != nil {
		return usageErrorf("--rate %q --duration %s --pattern %v: %s", opts.Rate, ratelimit.FormatWindow(in.duration), in.pattern,
			trimPrefix(err, ratelimit.ErrInvalidSimulation.Error()+": "))
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
	b := announce(opts.IO.ErrOut, ln, fmt.Sprintf("%v, store %v, key %s", in.cfg, in.store, strings.ToLower(opts.Key)))
	fmt.Fprintf(opts.IO.ErrOut, "try: curl -i http://%s/   (Ctrl-C stops the server)\n", b.Dial)
	if opts.onListen != nil {
		opts.onListen(b.Dial)
	}
	h := ratelimit.Handler(watchLimiter(lim, opts.IO.ErrOut), ratelimit.HandlerOptions{Key: in.key})
	if err := httpserve.Serve(ctx, ln, h, nil); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, "stopped")
	return nil
}
