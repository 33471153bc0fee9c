package cmd

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sdprep/sdprep/tui"
)

// simulationReport is what every simulation lab's result prints: text and
// markdown with ASCII charts (JSON comes from its tags).
type simulationReport interface {
	Text(io.Writer) error
	Markdown(io.Writer) error
}

// printSimulation writes a simulation lab's result in format.
func printSimulation(w io.Writer, format Format, res simulationReport) error {
	return writeFormatted(w, format, res, res.Text, res.Markdown)
}

// addSimFlags adds the flags every simulation lab shares: --simulate,
// --seed and --format.
func addSimFlags(c *cobra.Command, simulate *bool, seed *uint64, format *Format) {
	c.Flags().BoolVar(simulate, "simulate", false, "run the simulation and print the result (also what happens when stdout is not a terminal)")
	c.Flags().Uint64Var(seed, "seed", 1, "seed of the simulation: the same seed prints the same numbers")
	addFormatFlag(c, format, FormatText, "", false)
	c.PreRunE = func(c *cobra.Command, _ []string) error { return refuseZeroDefaults(c) }
}

// refuseZeroDefaults refuses a flag given as zero when zero is not one of
// its values: a lab's parameters treat a zero field as "use the default",
// so without this `--n 0` would quietly run with n = 3. A flag whose help
// gives zero a meaning ("0 for none", "0 means …", "0 sweeps …") or whose
// default is zero keeps accepting it.
func refuseZeroDefaults(c *cobra.Command) error {
	var err error
	c.Flags().Visit(func(fl *pflag.Flag) {
		if err != nil || !isZeroValue(fl.Value.String()) || isZeroValue(fl.DefValue) || zeroHasMeaning(fl.Usage) {
			return
		}
		err = usageErrorf("--%s %q: expected a value above 0: %s", fl.Name, fl.Value.String(), fl.Usage)
	})
	return err
}

func isZeroValue(v string) bool {
	f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(v, "s"), "m"), 64)
	if err == nil {
		return f == 0
	}
	d, err := time.ParseDuration(v)
	return err == nil && d == 0
}

func zeroHasMeaning(usage string) bool {
	for _, s := range []string{"0 for", "0 means", "0 sweeps", "0 (", "0 is"} {
		if strings.Contains(usage, s) {
			return true
		}
	}
	return false
}

// simInteractive reports whether a simulation lab opens its TUI page: on
// a terminal, unless --simulate or --format asks for printed output.
func simInteractive(f *Factory, c *cobra.Command, simulate bool) bool {
	return f.IO.IsTerminal && !simulate && !c.Flags().Changed("format")
}

// simLab is what runSimLab needs from a simulation lab's command: its
// options (for runF in tests), how it builds and checks its parameters,
// the page that shows them, and how it prints a run.
type simLab[O, P any] struct {
	opts   *O
	runF   func(*O) error
	params func() (P, error)
	page   func(P) tui.Options
	print  func(P) error
}

// runSimLab is the RunE body every simulation lab shares: on a terminal
// without --simulate or --format the lab's page opens, otherwise the run
// prints; bad parameters are usage errors either way.
func runSimLab[O, P any](f *Factory, c *cobra.Command, simulate bool, interactive *bool, l simLab[O, P]) error {
	*interactive = simInteractive(f, c, simulate)
	if l.runF != nil {
		return l.runF(l.opts)
	}
	p, err := l.params()
	if err != nil {
		return err
	}
	if *interactive {
		return runTUI(f, l.page(p))
	}
	return l.print(p)
}
