package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

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
