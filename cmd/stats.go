package cmd

import (
	"context"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// StatsOptions are the inputs of `sdprep stats`.
type StatsOptions struct {
	IO      *IOStreams
	DataDir string
	Now     func() time.Time
	Format  Format
}

// NewCmdStats builds `sdprep stats`. runF replaces the run function in tests.
func NewCmdStats(f *Factory, runF func(*StatsOptions) error) *cobra.Command {
	opts := &StatsOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "stats",
		Short: "Show your progress: cards due, retention, streak, accuracy",
		Long: `Show your progress from the store in the data directory:

  - flashcards due today and over the next 7 days, cards seen and retired;
  - retention: the share of reviews not rated Again;
  - the streak: consecutive days with any practice, up to today;
  - a 30-day review heatmap (text), one cell a day: · none, then ░ ▒ ▓ █
    by quarters of the busiest day;
  - quiz accuracy by topic, and cards seen by topic, as bars;
  - estimation drills by quantity: the share within 2× of the truth.

--format json prints the same figures as numbers (shares from 0 to 1).`,
		Example: `  sdprep stats
  sdprep stats --format markdown >> notes.md
  sdprep stats --format json | jq .reviews.retention`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.DataDir, opts.Now = f.DataDir(), f.Now
			if runF != nil {
				return runF(opts)
			}
			return runStats(c.Context(), opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	return c
}

func runStats(ctx context.Context, opts *StatsOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	st, err := store.Open(ctx, opts.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	lib, err := content.Default()
	if err != nil {
		return err
	}
	s, err := drills.ComputeStats(ctx, st, drills.Deck(lib), opts.Now())
	if err != nil {
		return err
	}
	return writeFormatted(opts.IO.Out, opts.Format, s,
		func(w io.Writer) error { return drills.WriteStatsText(w, s) },
		func(w io.Writer) error { return drills.WriteStatsMarkdown(w, s) })
}
