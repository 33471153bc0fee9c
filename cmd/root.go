package cmd

import (
	"context"
	"errors"
	"io"
	"os"

	"charm.land/fang/v2"
	"github.com/sdprep/sdprep/tui"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X github.com/sdprep/sdprep/cmd.version=v1.2.3".
var version = "dev"

// Main runs sdprep with the process arguments and returns the exit code.
func Main() int {
	return Execute(context.Background(), NewFactory(version), os.Args[1:])
}

// Execute runs the command tree on args with the factory's streams and
// returns the exit code. Errors are printed as one line on the error stream.
func Execute(ctx context.Context, f *Factory, args []string) int {
	root := NewCmdRoot(f)
	unwrapLong(root)
	root.SetArgs(args)
	err := fang.Execute(ctx, root,
		fang.WithVersion(f.Version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, err) }),
	)
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled)) {
		return exitAborted
	}
	return exitCode(err)
}

// NewCmdRoot builds the whole command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "sdprep",
		Short: "System-design interview prep in your terminal",
		Long: `sdprep helps you prepare for system-design interviews: back-of-the-envelope
estimates with the working shown, reference numbers, concepts and classic
problems to read, and labs (a rate limiter, a URL shortener) to poke at.

Run it with no arguments on a terminal to open the interactive app.`,
		Example: `  # open the interactive app
  sdprep

  # estimates: from one number, and from a classic problem
  sdprep estimate --dau 100M
  sdprep estimate twitter

  # allowed downtime per year, month, week and day
  sdprep numbers nines 99.99`,
		Args:          subcommandArgs("command"),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(c *cobra.Command, _ []string) error {
			if !f.IO.IsTerminal {
				return c.Help()
			}
			return runTUI(f, tui.Options{})
		},
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &UsageError{Err: pflagError(c, err)} })
	root.PersistentFlags().StringVar(&f.dataDirFlag, "data-dir", "", "directory for sdprep's data (default $SDPREP_HOME or $XDG_DATA_HOME/sdprep)")

	root.AddCommand(
		NewCmdEstimate(f, nil),
		NewCmdNumbers(f, nil),
		NewCmdLearn(f, nil),
		NewCmdLab(f, nil),
		NewCmdVersion(f),
	)
	return root
}
