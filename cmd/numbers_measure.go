package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/estimate/measure"
)

// measureBarWidth is the length of the progress bar on a terminal.
const measureBarWidth = 24

// runMeasure is `sdprep numbers --measure`: it measures, drawing
// progress on stderr, then prints the table on stdout.
func runMeasure(opts *NumbersOptions) error {
	if opts.Runs < 1 || opts.Runs > 101 {
		return usageErrorf("--runs %d: want 1 to 101", opts.Runs)
	}
	if err := os.MkdirAll(opts.DataDir, 0o755); err != nil {
		return fmt.Errorf("data dir: %w", err)
	}
	figs, err := measure.Run(measure.Options{
		Dir: opts.DataDir, Runs: opts.Runs, Scale: opts.Scale,
		Progress: progressLine(opts.IO.ErrOut, opts.IO.IsTerminal),
	})
	if err != nil {
		return err
	}
	switch opts.Format {
	case FormatJSON:
		return writeJSON(opts.IO.Out, struct {
			Runs     int              `json:"runs"`
			Measured []measure.Figure `json:"measured"`
		}{opts.Runs, figs})
	case FormatMarkdown:
		return estimate.WriteTablesMarkdown(opts.IO.Out, measure.Table(figs, opts.Runs))
	}
	return estimate.WriteTablesText(opts.IO.Out, measure.Table(figs, opts.Runs))
}

// progressLine reports measuring progress on w: on a terminal one bar
// redrawn in place and erased at the end, as `lab load` draws its own
// ("[######......] 3/10 System call"), otherwise one plain line per
// operation.
func progressLine(w io.Writer, tty bool) func(done, total int, name string) {
	return func(done, total int, name string) {
		if !tty {
			if done < total {
				fmt.Fprintf(w, "measuring %d/%d: %s\n", done+1, total, name)
			}
			return
		}
		if done == total {
			fmt.Fprint(w, "\r\x1b[2K")
			return
		}
		filled := done * measureBarWidth / max(total, 1)
		fmt.Fprintf(w, "\r[%s%s] %d/%d %s\x1b[K", strings.Repeat("#", filled), strings.Repeat(".", measureBarWidth-filled), done, total, name)
	}
}
