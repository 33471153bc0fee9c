package cmd

import "github.com/spf13/cobra"

// NewCmdDrill builds `sdprep drill`, the parent of the practice modes.
func NewCmdDrill(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "drill <mode>",
		Short: "Practise: estimation drills and checking your own notes",
		Args:  subcommandArgs("drill mode"),
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(
		NewCmdDrillEstimate(f, nil),
		NewCmdDrillCheck(f, nil),
	)
	return c
}
