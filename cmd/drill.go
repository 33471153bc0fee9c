package cmd

import (
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/tui"
)

// NewCmdDrill builds `sdprep drill`, the parent of the practice commands.
// On a terminal, alone, it opens the Drill menu of the app.
func NewCmdDrill(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "drill",
		Short: "Practise: flashcards, scenario quizzes and estimation drills",
		Long: `Daily practice. Every answer is saved to your progress store (sdprep.db in
the data directory) before the next question is shown, so a closed terminal
loses nothing.

On a terminal, "sdprep drill" alone opens the Drill menu of the app.`,
		Example: `  sdprep drill cards
  sdprep drill cards --topic caching --until 2026-12-10
  sdprep drill cards --due --format json
  sdprep drill quiz --topic cap
  sdprep drill quiz --topic caching --count 5 --format markdown
  sdprep drill estimate --preset twitter
  sdprep drill check notes.txt`,
		Args: subcommandArgs("drill mode"),
		RunE: func(c *cobra.Command, _ []string) error {
			if !f.IO.IsTerminal {
				return c.Help()
			}
			return runTUI(f, tui.Options{Start: tui.PageDrill})
		},
	}
	c.AddCommand(NewCmdDrillCards(f, nil), NewCmdDrillQuiz(f, nil), NewCmdDrillEstimate(f, nil), NewCmdDrillCheck(f, nil))
	return c
}
