package cmd

import (
	"github.com/spf13/cobra"
)

// NewCmdDrill builds `sdprep drill`, the parent of the practice modes. It
// only adds children; on its own it prints its help.
func NewCmdDrill(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "drill <mode>",
		Short: "Practise: scenario quizzes with every option explained",
		Long: `Practise what you have read. Each mode is a subcommand:

  quiz   scenario questions on CAP, caching and the rest of the syllabus,
         every option explained`,
		Example: `  sdprep drill quiz --topic cap
  sdprep drill quiz --topic caching --count 5 --format markdown`,
		Args: subcommandArgs("drill mode"),
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(NewCmdDrillQuiz(f, nil))
	return c
}
