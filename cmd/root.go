package cmd

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/tui"
)

// version is set at build time with -ldflags "-X github.com/sdprep/sdprep/cmd.version=v1.2.3".
var version = "dev"

// Main runs sdprep with the process arguments and returns the exit code.
func Main() int {
	return Execute(context.Background(), NewFactory(buildVersion(version)), os.Args[1:])
}

// Execute runs the command tree on args with the factory's streams and
// returns the exit code. Errors are printed as one line on the error
// stream. Nothing here queries the terminal: help and errors print at
// once on any terminal, answering or not.
func Execute(ctx context.Context, f *Factory, args []string) int {
	root := NewCmdRoot(f)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled)) {
		return exitAborted
	}
	printError(f.IO.ErrOut, err)
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
		Version:       f.Version,
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
	root.SetVersionTemplate("sdprep version {{.Version}}\n")
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
		NewCmdMan(f),
	)
	addCompletionCmd(root)
	setHelp(root, f.IO)
	unwrapLong(root)
	return root
}

// addCompletionCmd adds cobra's `completion` command now, rather than when
// it runs, so that a shell it does not know (`completion tcsh`) is bad
// input (exit 2) instead of help with exit 0.
func addCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = subcommandArgs("shell")
		c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	}
}
