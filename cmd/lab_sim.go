package cmd

import (
	"io"

	"github.com/spf13/cobra"
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
}

// simInteractive reports whether a simulation lab opens its TUI page: on
// a terminal, unless --simulate or --format asks for printed output.
func simInteractive(f *Factory, c *cobra.Command, simulate bool) bool {
	return f.IO.IsTerminal && !simulate && !c.Flags().Changed("format")
}
