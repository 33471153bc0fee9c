package shortener

import (
	"context"
	"fmt"
	"net"
	"net/http"

	"github.com/sdprep/sdprep/internal/httpserve"
)

// DefaultAddr is where the lab server listens unless told otherwise:
// loopback only.
const DefaultAddr = "127.0.0.1:8080"

// ShutdownTimeout bounds how long Serve waits for in-flight requests after
// its context is cancelled (the labs' one server loop, internal/httpserve).
const ShutdownTimeout = httpserve.ShutdownTimeout

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
// clean shutdown, else the errors of serving, shutting down and closing
// svc.
func ServeListener(ctx context.Context, ln net.Listener, h http.Handler, svc *Service) error {
	var closeSvc func() error
	if svc != nil {
		closeSvc = svc.Close
	}
	return httpserve.Serve(ctx, ln, h, closeSvc)
}
