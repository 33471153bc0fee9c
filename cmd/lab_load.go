package cmd

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/internal/loadgen"
)

// Bounds of `sdprep lab load`. One run keeps every latency in memory
// (8 bytes each), so the request count is capped.
const (
	maxLoadRequests    = 10_000_000
	maxLoadConcurrency = 10_000
	maxLoadTimeout     = 10 * time.Minute
)

// LabLoadOptions are the inputs of `sdprep lab load`, as typed.
type LabLoadOptions struct {
	IO *IOStreams

	URL         string
	Requests    string
	Concurrency string
	Method      string
	Body        string
	Timeout     string
	AllowRemote bool
	Format      Format
	// Progress draws a progress bar on stderr (set when stderr is a
	// terminal).
	Progress bool
}

// NewCmdLabLoad builds `sdprep lab load`. runF replaces the run function in
// tests.
func NewCmdLabLoad(f *Factory, runF func(*LabLoadOptions) error) *cobra.Command {
	opts := &LabLoadOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "load --url URL",
		Short: "Load test an HTTP server: throughput, status codes, latency percentiles",
		Long: `Send --requests requests to --url from --concurrency workers, each with one
request in flight at a time (a closed loop), and print the throughput, the
count of each status code, transport errors and latency percentiles (p50,
p90, p99: the latency that 50%, 90%, 99% of requests beat or matched).

Throughput counts responses of any status per second; transport errors
(refused, timed out) are left out, since they fail in microseconds and would
make a dead server look fast. Latency is over responses only: with none,
the text says so and the JSON has latency.count 0 and zero times.
Ctrl-C stops the run and prints what completed; requests cut short by it
are not counted as errors.

Redirects are not followed: against the shortener a 302 is the answer being
measured. Against the rate-limit lab, the status counts are the admitted
(200) and rejected (429) requests.

Only loopback targets (127.0.0.0/8, ::1, localhost) are accepted unless
--allow-remote is given: pointing a load generator at someone else's server
by mistake is easy and rude. --body @FILE sends the file's contents.`,
		Example: `  sdprep lab load --url http://127.0.0.1:8080/abc1234 --requests 100000 --concurrency 64
  sdprep lab load --url http://127.0.0.1:8081/ --requests 5000 --format json
  sdprep lab load --url http://127.0.0.1:8080/api/urls --method POST \
      --body '{"url": "https://example.com/"}' --requests 1000`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.Progress = stderrIsTerminal(f.IO)
			if runF != nil {
				return runF(opts)
			}
			ctx, stop := withSignals(c.Context())
			defer stop()
			return runLabLoad(ctx, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.URL, "url", "", "target URL (required), e.g. http://127.0.0.1:8080/CODE")
	fl.StringVar(&opts.Requests, "requests", "100000", "total requests to send, like 5000 or 100K")
	fl.StringVar(&opts.Concurrency, "concurrency", "64", "requests in flight at once (workers)")
	fl.StringVar(&opts.Method, "method", "GET", "request method, like GET, POST or HEAD")
	fl.StringVar(&opts.Body, "body", "", "request body, or @FILE to read it from a file (sent as application/json)")
	fl.StringVar(&opts.Timeout, "timeout", "5s", "timeout of each request, like 500ms or 5s")
	fl.BoolVar(&opts.AllowRemote, "allow-remote", false, "allow a target that is not a loopback address")
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	return c
}

// stderrIsTerminal reports whether the error stream is a terminal, where a
// redrawn progress line reads well.
func stderrIsTerminal(streams *IOStreams) bool {
	f, ok := streams.ErrOut.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func (o *LabLoadOptions) config() (loadgen.Config, error) {
	var cfg loadgen.Config
	if o.URL == "" {
		return cfg, usageErrorf("--url is required, e.g. --url http://127.0.0.1:8080/CODE")
	}
	u, err := url.Parse(o.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return cfg, flagError("url", o.URL, "an http(s) URL such as http://127.0.0.1:8080/abc1234")
	}
	if !o.AllowRemote && !loadgen.IsLoopback(u.Hostname()) {
		return cfg, usageErrorf("--url %q: host %s is not loopback (127.0.0.0/8, ::1, localhost); add --allow-remote to load a server of yours elsewhere",
			o.URL, u.Hostname())
	}
	cfg = loadgen.Config{URL: o.URL, AllowRemote: o.AllowRemote}
	if cfg.Requests, err = parseWhole("requests", o.Requests, maxLoadRequests, "5000 or 100K"); err != nil {
		return cfg, err
	}
	if cfg.Concurrency, err = parseWhole("concurrency", o.Concurrency, maxLoadConcurrency, "16, 64 or 1K"); err != nil {
		return cfg, err
	}
	cfg.Method = strings.ToUpper(o.Method)
	if cfg.Method == "" || strings.Trim(cfg.Method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return cfg, flagError("method", o.Method, "an HTTP method such as GET, POST, PUT or HEAD")
	}
	if cfg.Timeout, err = time.ParseDuration(o.Timeout); err != nil || cfg.Timeout <= 0 || cfg.Timeout > maxLoadTimeout {
		return cfg, flagError("timeout", o.Timeout, "a duration above 0 and up to 10m, like 500ms or 5s")
	}
	if o.Body != "" {
		cfg.Body = []byte(o.Body)
		if name, ok := strings.CutPrefix(o.Body, "@"); ok {
			if cfg.Body, err = os.ReadFile(name); err != nil {
				return cfg, usageErrorf("--body %q: %v", o.Body, errors.Unwrap(err))
			}
		}
	}
	return cfg, nil
}

// parseWhole reads a positive whole count such as 5000, 100K or 1e6, at
// most most; examples are values in range to show in the error.
func parseWhole(flag, value string, most int, examples string) (int, error) {
	v, err := estimate.ParseCount(value)
	if err != nil || v < 1 || v > float64(most) || v != math.Trunc(v) {
		return 0, flagError(flag, value, fmt.Sprintf("a whole number from 1 to %s, like %s", humanize.Comma(int64(most)), examples))
	}
	return int(v), nil
}

func runLabLoad(ctx context.Context, opts *LabLoadOptions) error {
	cfg, err := opts.config()
	format := opts.Format
	if err != nil {
		return err
	}
	var bar *progressBar
	var progress func(int)
	if opts.Progress {
		bar = &progressBar{w: opts.IO.ErrOut, total: cfg.Requests, start: time.Now()}
		progress = bar.draw
	}
	res, runErr := loadgen.Run(ctx, cfg, progress)
	if bar != nil {
		bar.clear()
	}
	if runErr != nil && ctx.Err() == nil {
		return runErr // the config was checked above, so this is unexpected
	}
	rep := newLoadReport(cfg, res)
	if err := writeLoad(opts.IO.Out, format, rep); err != nil {
		return err
	}
	if runErr != nil {
		fmt.Fprintf(opts.IO.ErrOut, "sdprep: interrupted after %s of %s requests\n",
			humanize.Comma(int64(res.Requests)), humanize.Comma(int64(cfg.Requests)))
		return runErr
	}
	if res.Requests > 0 && res.Errors == res.Requests {
		fmt.Fprintf(opts.IO.ErrOut, "sdprep: all %s requests failed; the first: %s\n",
			humanize.Comma(int64(res.Requests)), res.FirstError)
		return errSilent
	}
	return nil
}
