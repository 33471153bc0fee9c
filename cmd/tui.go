package cmd

import (
	"github.com/sdprep/sdprep/tui"
)

// runTUI opens the interactive app on the given page ("" for home).
func runTUI(f *Factory, page string) error {
	return tui.Run(tui.Options{
		Start:   page,
		Version: f.Version,
		NoColor: f.IO.NoColor,
		Now:     f.Now,
	})
}
