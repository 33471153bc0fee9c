package cmd

import (
	"context"

	"github.com/sdprep/sdprep/tui"
)

// runTUI opens the interactive app; opts.Start picks the page ("" for home).
// The factory fills in the version, colour and clock.
func runTUI(f *Factory, opts tui.Options) error {
	opts.Version = f.Version
	opts.NoColor = f.IO.NoColor
	opts.Now = f.Now
	if opts.DataDir == "" {
		opts.DataDir = f.DataDir()
	}
	opts.In, opts.Out = f.IO.In, f.IO.Out
	ctx, stop := withSignals(context.Background())
	defer stop()
	return tui.Run(ctx, opts)
}
