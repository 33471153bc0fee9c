package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/internal/store"
)

// DataOptions are the inputs of `sdprep data path|export|import`.
type DataOptions struct {
	IO      *IOStreams
	DataDir string
	Now     func() time.Time
	// Action is "path", "export" or "import".
	Action string
	// Output is export's -o file; empty or "-" writes to stdout.
	Output string
	// Input is import's file; "-" reads stdin.
	Input string
}

// NewCmdData builds `sdprep data` and its subcommands. runF replaces the
// run function in tests.
func NewCmdData(f *Factory, runF func(*DataOptions) error) *cobra.Command {
	run := func(c *cobra.Command, opts *DataOptions) error {
		opts.IO, opts.DataDir, opts.Now = f.IO, f.DataDir(), f.Now
		if runF != nil {
			return runF(opts)
		}
		return runData(c.Context(), opts)
	}
	c := &cobra.Command{
		Use:   "data",
		Short: "Where your progress is kept; back it up and restore it",
		Long: `Your progress (flashcard schedules and reviews, quiz answers, estimation
drills, settings) is one SQLite file, sdprep.db, in the data directory:
--data-dir, else $SDPREP_HOME, else $XDG_DATA_HOME/sdprep.

export writes all of it as versioned JSON. import checks a whole file
first, then merges it in one transaction: records are matched by id, so
importing the same file twice changes nothing, and a bad file changes
nothing and names its first bad record.`,
		Example: `  sdprep data path
  sdprep data export -o backup.json
  sdprep data import backup.json`,
		Args: subcommandArgs("command"),
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(&cobra.Command{
		Use:   "path",
		Short: "Print the data directory",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return run(c, &DataOptions{Action: "path"}) },
	})
	export := &DataOptions{Action: "export"}
	ec := &cobra.Command{
		Use:     "export [-o file]",
		Short:   "Write all progress as JSON (to stdout, or to a file with -o)",
		Example: "  sdprep data export -o backup.json\n  sdprep data export | jq '.reviews | length'",
		Args:    cobra.NoArgs,
		RunE:    func(c *cobra.Command, _ []string) error { return run(c, export) },
	}
	ec.Flags().StringVarP(&export.Output, "output", "o", "", "file to write (default: stdout)")
	c.AddCommand(ec)
	c.AddCommand(&cobra.Command{
		Use:     "import <file>",
		Short:   "Merge an export into your progress (- reads stdin)",
		Example: "  sdprep data import backup.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return run(c, &DataOptions{Action: "import", Input: args[0]})
		},
	})
	return c
}

func runData(ctx context.Context, opts *DataOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Action == "path" {
		_, err := fmt.Fprintln(opts.IO.Out, opts.DataDir)
		return err
	}
	var in io.Reader
	if opts.Action == "import" {
		if opts.Input == "-" {
			in = opts.IO.In
		} else {
			f, err := os.Open(opts.Input)
			if err != nil {
				return usageErrorf("import %q: %v", opts.Input, errors.Unwrap(err))
			}
			defer f.Close()
			in = f
		}
	}
	st, err := store.Open(ctx, opts.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	if opts.Action == "export" {
		return exportData(ctx, opts, st)
	}
	res, err := st.Import(ctx, in)
	var ie *store.ImportError
	if errors.As(err, &ie) {
		return usageErrorf("import %s: %v; nothing was changed", opts.Input, err)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(opts.IO.Out, "imported into %s: %s, %s, %s, %s, %s, %s (records already present are skipped)\n",
		st.Path(), countNoun(res.Reviews, "review"), countNoun(res.Cards, "card schedule"), countNoun(res.QuizAttempts, "quiz answer"),
		countNoun(res.EstimationAttempts, "estimation drill"), countNoun(res.MockSessions, "mock interview"), countNoun(res.Settings, "setting"))
	return err
}

// exportData writes the export to stdout, or to a file through a
// temporary file renamed into place, so a failed export leaves no half file.
func exportData(ctx context.Context, opts *DataOptions, st *store.Store) error {
	if opts.Output == "" || opts.Output == "-" {
		return st.Export(ctx, opts.IO.Out, opts.Now())
	}
	tmp, err := os.CreateTemp(filepath.Dir(opts.Output), ".sdprep-export-*.json")
	if err != nil {
		return fmt.Errorf("export -o %s: %w", opts.Output, err)
	}
	defer os.Remove(tmp.Name())
	if err := st.Export(ctx, tmp, opts.Now()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), opts.Output); err != nil {
		return fmt.Errorf("export -o %s: %w", opts.Output, err)
	}
	_, err = fmt.Fprintf(opts.IO.ErrOut, "exported %s to %s\n", st.Path(), opts.Output)
	return err
}
