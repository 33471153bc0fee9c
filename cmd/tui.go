package cmd

import (
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
	return tui.Run(opts)
}
