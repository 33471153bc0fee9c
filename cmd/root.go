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
	root := newRoot(f, commandsFor(args))
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && (errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled)) {
		return exitAborted
	}
	printError(f.IO.ErrOut, err)
	return exitCode(err)
}

// topLevel are the constructors of sdprep's commands, in help order.
var topLevel = []struct {
	name  string
	build func(*Factory) *cobra.Command
}{
	{"estimate", func(f *Factory) *cobra.Command { return NewCmdEstimate(f, nil) }},
	{"calc", func(f *Factory) *cobra.Command { return NewCmdCalc(f, nil) }},
	{"numbers", func(f *Factory) *cobra.Command { return NewCmdNumbers(f, nil) }},
	{"learn", func(f *Factory) *cobra.Command { return NewCmdLearn(f, nil) }},
	{"lab", func(f *Factory) *cobra.Command { return NewCmdLab(f, nil) }},
	{"mock", func(f *Factory) *cobra.Command { return NewCmdMock(f, nil) }},
	{"drill", NewCmdDrill},
	{"stats", func(f *Factory) *cobra.Command { return NewCmdStats(f, nil) }},
	{"data", func(f *Factory) *cobra.Command { return NewCmdData(f, nil) }},
	{"version", NewCmdVersion},
	{"man", NewCmdMan},
}

// commandsFor returns the top-level command a command line names, when
// it starts with one ("estimate --dau 100M" builds only estimate, which
// is most of sdprep's start-up beyond its dependencies), or "" for the
// whole tree: no arguments, help, completion, man (which documents the
// tree), a flag first, or a typo that needs every name to suggest from.
func commandsFor(args []string) string {
	if len(args) == 0 || args[0] == "man" {
		return ""
	}
	for _, c := range topLevel {
		if c.name == args[0] {
			return c.name
		}
	}
	return ""
}

// NewCmdRoot builds the whole command tree.
func NewCmdRoot(f *Factory) *cobra.Command { return newRoot(f, "") }

// newRoot builds the root command with every top-level command, or with
// only the one named.
func newRoot(f *Factory, only string) *cobra.Command {
	root := &cobra.Command{
		Use:   "sdprep",
		Short: "System-design interview prep in your terminal",
		Long: `sdprep helps you prepare for system-design interviews: back-of-the-envelope
estimates with the working shown, reference numbers, concepts and classic
problems to read, daily drills (spaced-repetition flashcards, scenario
quizzes, estimation drills), timed mock interviews graded against a reference
design, and labs (a rate limiter, a URL shortener, and simulations of caches,
quorums, consistent hashing, load balancing, circuit breakers, sharding,
fan-out and queues) to poke at.

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

	for _, c := range topLevel {
		if only == "" || only == c.name {
			root.AddCommand(c.build(f))
		}
	}
	if only == "" {
		addCompletionCmd(root)
	} else {
		root.CompletionOptions.DisableDefaultCmd = true
	}
	setHelp(root, f.IO)
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
