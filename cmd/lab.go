package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/redis/go-redis/v9"
	"github.com/spf13/cobra"
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

// openRedis connects to the store's Redis and checks it answers, so a wrong
// address fails at startup rather than on the first request.
func openRedis(ctx context.Context, s storeSpec) (*redis.Client, error) {
	rdb := redis.NewClient(s.redis)
	pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("redis at %s: %w", s.redis.Addr, err)
	}
	return rdb, nil
}

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

// throttledLog returns an error logger that prints at most one line per
// interval, with how many errors it skipped, so a Redis outage under load
// does not flood the terminal.
func throttledLog(streams *IOStreams, interval time.Duration) func(error) {
	var (
		mu      sync.Mutex
		last    time.Time
		skipped int
	)
	return func(err error) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if !last.IsZero() && now.Sub(last) < interval {
			skipped++
			return
		}
		msg := "sdprep: limiter error, answering 503: " + err.Error()
		if skipped > 0 {
			msg += fmt.Sprintf(" (and %d more since the last message)", skipped)
		}
		fmt.Fprintln(streams.ErrOut, msg)
		last, skipped = now, 0
	}
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
