package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
	"github.com/redis/go-redis/v9"
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// NewCmdLab builds `sdprep lab`, the parent of the runnable mini-systems.
func NewCmdLab(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "lab",
		Short: "Runnable mini-systems: rate limiter, URL shortener, load generator",
		Long: `Labs are small, real implementations of the systems interviews ask about,
to poke at: an interactive view on a terminal, an HTTP server on loopback
(--serve), and seeded simulations that print numbers you can paste into notes.

The labs share flag names: --serve starts the HTTP server, --addr is where it
listens (127.0.0.1 unless you say otherwise), --store picks the backend,
--seed fixes the randomness and --format picks text, markdown or json.`,
		Example: `  sdprep lab ratelimit                              # interactive, on a terminal
  sdprep lab ratelimit --simulate --pattern spike --format json
  sdprep lab ratelimit --serve --store redis://127.0.0.1:6379/0 --key global
  sdprep lab shortener --serve
  sdprep lab load --url http://127.0.0.1:8081/ --requests 10000`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(
		NewCmdLabRateLimit(f, nil),
		NewCmdLabShortener(f, nil),
		NewCmdLabLoad(f, nil),
	)
	return c
}

// flagError is the one-line message for a bad flag value: the flag, the
// value as given, and what the flag accepts.
func flagError(flag, value, accepted string) error {
	return usageErrorf("--%s %q: expected %s", flag, value, accepted)
}

// storeSpec is a parsed --store value.
type storeSpec struct {
	kind  string         // "memory", "sqlite" or "redis"
	redis *redis.Options // for kind "redis"
}

// String names the store for the listening line, without any password.
func (s storeSpec) String() string {
	if s.kind != "redis" {
		return s.kind
	}
	return fmt.Sprintf("redis %s/%d", s.redis.Addr, s.redis.DB)
}

// parseStore reads --store: one of kinds, or a redis:// (rediss:// for
// TLS) URL such as redis://127.0.0.1:6379/0.
func parseStore(value string, kinds ...string) (storeSpec, error) {
	accepted := strings.Join(kinds, ", ") + " or redis://host:port/db"
	lower := strings.ToLower(value)
	for _, k := range kinds {
		if lower == k {
			return storeSpec{kind: k}, nil
		}
	}
	if strings.HasPrefix(lower, "redis://") || strings.HasPrefix(lower, "rediss://") {
		opt, err := redis.ParseURL(value)
		if err != nil {
			return storeSpec{}, usageErrorf("--store %q: %v; expected %s", value, err, accepted)
		}
		return storeSpec{kind: "redis", redis: opt}, nil
	}
	return storeSpec{}, flagError("store", value, accepted)
}

// Dial and retry settings of the labs' Redis clients, used unless the
// --store URL sets them (dial_timeout=…, max_retries=…). go-redis would
// otherwise dial 5 times per attempt and retry a command 3 times: an
// unreachable Redis took 1.7 s to report, and each request during an
// outage waited about 0.4 s for its 503. One retry still replaces a
// pooled connection that died when Redis restarted.
const (
	redisDialTimeout  = 2 * time.Second
	redisDialAttempts = 1
	redisMaxRetries   = 1
)

// openRedis connects to the store's Redis and checks it answers, so a wrong
// address fails at startup, in one line, rather than on the first request.
func openRedis(ctx context.Context, s storeSpec) (*redis.Client, error) {
	quietRedis()
	opt := *s.redis
	if opt.DialTimeout == 0 {
		opt.DialTimeout = redisDialTimeout
	}
	if opt.DialerRetries == 0 {
		opt.DialerRetries = redisDialAttempts
	}
	if opt.MaxRetries == 0 {
		opt.MaxRetries = redisMaxRetries
	}
	rdb := redis.NewClient(&opt)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		rdb.Close()
		var op *net.OpError
		if errors.As(err, &op) && op.Err != nil {
			err = op.Err // "connect: connection refused", without the repeated address
		}
		return nil, fmt.Errorf("cannot reach redis at %s: %w", s.redis.Addr, err)
	}
	return rdb, nil
}

// quietRedis silences go-redis's internal logger, which otherwise prints
// its pool's dial failures to stderr ("redis: … failed to dial after 5
// attempts") on top of our own one-line error, and once per failed dial
// while a server runs. The labs report Redis errors themselves: at
// startup as the command's error, later as one line per outage (see
// watchLimiter). The logger is go-redis's process-wide setting, so this
// is a no-op after the first call.
func quietRedis() {
	redis.SetLogger(discardRedisLog{})
}

// discardRedisLog is a go-redis logger that drops every message.
type discardRedisLog struct{}

func (discardRedisLog) Printf(context.Context, string, ...any) {}

// checkAddr validates a --addr value (host:port, port 0 to 65535) before
// anything is opened.
func checkAddr(value string) error {
	const accepted = "host:port such as 127.0.0.1:8080 or :8080 (all interfaces)"
	_, port, err := net.SplitHostPort(value)
	if err != nil {
		return flagError("addr", value, accepted)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return flagError("addr", value, accepted)
	}
	return nil
}

// listen opens addr, or reports why not in one line.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) && op.Err != nil {
			err = op.Err
		}
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	return ln, nil
}

// labShutdownTimeout bounds how long a lab server waits for in-flight
// requests once asked to stop.
const labShutdownTimeout = 5 * time.Second

// serveHTTP serves h on ln until ctx is cancelled (Ctrl-C or SIGTERM: the
// root command's context), then stops accepting and waits for in-flight
// requests. It returns nil after a clean shutdown.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), labShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; err == nil && !errors.Is(serr, http.ErrServerClosed) {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// displayAddr turns a bound address into something to paste into a browser
// or curl: a wildcard host becomes 127.0.0.1.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// watchedLimiter reports a limiter's outages on stderr: one line when it
// starts failing (the server then answers 503) and one when it answers
// again, however many requests fail in between, so a Redis outage under
// load neither floods the terminal nor goes unnoticed.
type watchedLimiter struct {
	lim ratelimit.Limiter
	out io.Writer

	mu   sync.Mutex
	down bool
	errs int // failed decisions since the outage began
}

func watchLimiter(lim ratelimit.Limiter, out io.Writer) *watchedLimiter {
	return &watchedLimiter{lim: lim, out: out}
}

// Allow asks the limiter and notes a change between working and failing.
// A request whose client went away is not a limiter failure.
func (w *watchedLimiter) Allow(ctx context.Context, key string) (ratelimit.Decision, error) {
	d, err := w.lim.Allow(ctx, key)
	if err != nil && ctx.Err() != nil {
		return d, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case err != nil && !w.down:
		w.down, w.errs = true, 1
		fmt.Fprintf(w.out, "sdprep: limiter unavailable, answering 503 until it recovers: %v\n", err)
	case err != nil:
		w.errs++
	case w.down:
		w.down = false
		fmt.Fprintf(w.out, "sdprep: limiter recovered after %s answered 503\n", countNoun(w.errs, "request"))
	}
	return d, err
}

// countNoun writes n with thousands separators and the noun, with an s
// unless n is 1.
func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return humanize.Comma(int64(n)) + " " + noun + "s"
}

// writeAligned writes a table with the first column left-aligned and the
// others right-aligned, two spaces apart.
func writeAligned(b *strings.Builder, header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0:
				b.WriteString(cell + pad)
			default:
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
}

// wrapText breaks s into lines of at most width runes, each after the
// first starting with indent (the first line too, when indent is set).
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(s) {
		if line != indent && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}
