// Package httpserve runs an HTTP server until its context is cancelled,
// then shuts it down gracefully: the one server loop of sdprep's labs.
// It stops accepting, waits up to ShutdownTimeout for the requests in
// flight (see net/http.Server.Shutdown), runs an optional close hook (a
// service's final flush), and reports every error on the way, including
// those from shutting down and closing.
package httpserve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Timeouts of every lab server. ShutdownTimeout bounds the wait for
// in-flight requests after the context is cancelled; the others protect a
// server on a shared network from slow or idle clients.
const (
	ShutdownTimeout   = 5 * time.Second
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 10 * time.Second
	IdleTimeout       = 60 * time.Second
	MaxHeaderBytes    = 16 << 10
)

// NewServer returns an http.Server for h with the timeouts above.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}

// Serve serves h on ln until ctx is cancelled, then shuts down gracefully
// and calls closeFn (when non-nil) after the last request has finished,
// so that what those requests queued is flushed. It returns nil after a
// clean shutdown; otherwise the errors of serving, shutting down and
// closeFn, joined. ln is closed on return.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, closeFn func() error) error {
	srv := NewServer(h)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case serr := <-errc: // the listener failed before shutdown was asked for
		err = fmt.Errorf("serve: %w", serr)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		if serr := srv.Shutdown(sctx); serr != nil {
			err = fmt.Errorf("shutdown: %w", serr)
		}
		cancel()
		if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) {
			err = errors.Join(err, fmt.Errorf("serve: %w", serr))
		}
	}
	if closeFn != nil {
		if cerr := closeFn(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("close: %w", cerr))
		}
	}
	return err
}
