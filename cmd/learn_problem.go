package cmd

import "github.com/spf13/cobra"

// NewCmdLearnProblem builds `sdprep learn problem`. runF replaces the run
// function in tests.
func NewCmdLearnProblem(f *Factory, runF func(*LearnOptions) error) *cobra.Command {
	opts := &LearnOptions{IO: f.IO, Problem: true}
	c := &cobra.Command{
		Use:   "problem [id]",
		Short: "Read a classic interview problem",
		Long: `Read a classic interview problem: prompt, clarifying questions,
requirements, estimation, a reference design, deep dives, bottlenecks and
follow-up questions. With no id, list the problems. Output rules are those
of "sdprep learn".`,
		Example: `  sdprep learn problem
  sdprep learn problem twitter
  sdprep learn problem url-shortener --format markdown > url-shortener.md`,
		Args:              atMostOneArg("problem id"),
		ValidArgsFunction: completeArgs(problemCompletions),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.ID = args[0]
			}
			return dispatchLearn(f, opts, runF)
		},
	}
	addFormatFlag(c, &opts.Format, "", learnFormatHelp, false)
	c.Flags().BoolVarP(&opts.Interactive, "interactive", "i", false, "open the interactive reader (needs a terminal)")
	c.Flags().BoolVar(&opts.NoPager, "no-pager", false, noPagerHelp)
	return c
}
