package cmd

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// withSignals returns a context cancelled by SIGINT or SIGTERM, for the
// long-running commands (servers, load runs) that shut down gracefully.
// One-shot commands do not install it: the signal goroutine it starts is
// measurable in their start-up time.
func withSignals(parent context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}
