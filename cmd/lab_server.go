package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"

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

// boundAddr describes the address a server actually bound.
type boundAddr struct {
	// Bound is the listener's address as the kernel reports it, such as
	// 127.0.0.1:8081, [::]:18082 (every interface) or 192.0.2.7:8080.
	Bound string
	// Dial is an address to paste into curl or a browser on this
	// machine: Bound, with a wildcard host replaced by 127.0.0.1.
	Dial string
	// Public is true unless the server listens on loopback only: other
	// machines can reach it.
	Public bool
}

// describeAddr reads a listener's address.
func describeAddr(a net.Addr) boundAddr {
	b := boundAddr{Bound: a.String(), Dial: a.String(), Public: true}
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return b
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
	case ip.IsLoopback():
		b.Public = false
	case ip.IsUnspecified():
		b.Dial = net.JoinHostPort("127.0.0.1", port)
	}
	return b
}

// announce prints the listening line with the address actually bound,
// and, when it is not loopback, one warning line that other machines can
// reach the server. It returns the address to dial.
func announce(w io.Writer, ln net.Listener, details string) boundAddr {
	b := describeAddr(ln.Addr())
	where := "http://" + b.Bound
	if b.Dial != b.Bound {
		where += " (all interfaces; this machine: http://" + b.Dial + ")"
	}
	fmt.Fprintf(w, "listening on %s (%s)\n", where, details)
	if b.Public {
		fmt.Fprintf(w, "sdprep: warning: %s is not a loopback address: other machines can reach this server (--addr 127.0.0.1:PORT keeps it local)\n", b.Bound)
	}
	return b
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
