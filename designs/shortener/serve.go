package shortener

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is where the lab server listens unless told otherwise:
// loopback only.
const DefaultAddr = "127.0.0.1:8080"

// ShutdownTimeout bounds how long Serve waits for in-flight requests after
// its context is cancelled.
const ShutdownTimeout = 5 * time.Second

// Serve listens on addr ("" means DefaultAddr) and serves h until ctx is
// cancelled; see ServeListener.
func Serve(ctx context.Context, addr string, h http.Handler, svc *Service) error {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	return ServeListener(ctx, ln, h, svc)
}

// ServeListener serves h on ln until ctx is cancelled, then shuts down
// gracefully: it stops accepting, waits up to ShutdownTimeout for in-flight
// requests, and only then closes svc (when non-nil) so that the clicks of
// those last requests are flushed to the store. It returns nil after a
// clean shutdown.
func ServeListener(ctx context.Context, ln net.Listener, h http.Handler, svc *Service) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-errc: // listener failed before shutdown was asked for
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
		err = srv.Shutdown(sctx)
		cancel()
		if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
	}
	if svc != nil {
		if cerr := svc.Close(); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
