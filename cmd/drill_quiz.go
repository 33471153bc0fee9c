package cmd

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui"
)

// DrillQuizOptions are the inputs of `sdprep drill quiz`.
type DrillQuizOptions struct {
	IO *IOStreams
	// Topic is --topic as typed: a topic id or alias. Empty means every
	// topic.
	Topic string
	// Count is how many questions to ask or print: --count, 10 by
	// default; 0 means the whole pool (--count all).
	Count int
	// Seed is --seed; nil when it was not given: the quiz is then
	// shuffled from the clock, and printed questions keep bank order.
	Seed *uint64
	// Format is --format; empty runs the quiz on a terminal and prints
	// Markdown when stdout is not one.
	Format Format
	// DataDir is where the progress store is: the quiz records every
	// answer there and reads which questions were missed.
	DataDir string
	// OpenTUI runs the app on the quiz page.
	OpenTUI func(tui.Options) error
}

// NewCmdDrillQuiz builds `sdprep drill quiz`. runF replaces the run
// function in tests.
func NewCmdDrillQuiz(f *Factory, runF func(*DrillQuizOptions) error) *cobra.Command {
	opts := &DrillQuizOptions{IO: f.IO, OpenTUI: func(o tui.Options) error { return runTUI(f, o) }}
	var count string
	var seed uint64
	c := &cobra.Command{
		Use:   "quiz",
		Short: "Scenario questions on CAP, caching and the rest, every option explained",
		Long: fmt.Sprintf(`Answer scenario questions about concrete systems: a bank ledger in a partition,
a cache stampede, a hot shard. Press the number of an option to answer; the
quiz then explains every option, right or wrong. The end shows your score,
the topics you missed and the sdprep learn pages to read.

--topic limits the questions to one topic, by id or alias (cap, caching,
sharding, …); --count sets how many (%d by default, "all" for every one).
Questions you got wrong on your latest try come first the next time; then
questions you have never answered; then the rest, the longest ago first.

--format markdown or json prints the questions with their answers and
explanations instead of running the quiz, for notes and scripts (text is
plain text). They keep the order of the bank unless --seed shuffles them.
Without a terminal the questions are printed as Markdown.`, drills.DefaultQuizCount),
		Example: `  sdprep drill quiz --topic cap
  sdprep drill quiz --topic caching --count 20
  sdprep drill quiz --topic sharding --format markdown > sharding-quiz.md
  sdprep drill quiz --count all --format json | jq '.[].id'`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			n, err := parseQuizCount(count)
			if err != nil {
				return err
			}
			if c.Flags().Changed("topic") && strings.TrimSpace(opts.Topic) == "" {
				return flagError("topic", opts.Topic, "a topic id or alias, such as cap or caching (sdprep learn lists them)")
			}
			opts.Count, opts.DataDir = n, f.DataDir()
			if c.Flags().Changed("seed") {
				opts.Seed = &seed
			}
			if runF != nil {
				return runF(opts)
			}
			return runDrillQuiz(opts)
		},
	}
	c.Flags().StringVar(&opts.Topic, "topic", "", "only questions on this topic (an id or alias, e.g. cap, caching)")
	c.Flags().StringVar(&count, "count", strconv.Itoa(drills.DefaultQuizCount), `how many questions: a whole number of 1 or more, or "all"`)
	c.Flags().Uint64Var(&seed, "seed", 0, "shuffle with this seed: the same seed and progress give the same quiz")
	addFormatFlag(c, &opts.Format, "", "print the questions with answers instead of running the quiz: markdown, json or text", false)
	completeFlag(c, "topic", topicCompletions)
	completeFlag(c, "count", func() []string { return []string{"5", "10", "20", "all"} })
	return c
}

// parseQuizCount reads --count: a whole number of 1 or more, or "all"
// (returned as 0).
func parseQuizCount(s string) (int, error) {
	if strings.EqualFold(strings.TrimSpace(s), "all") {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 {
		return 0, flagError("count", s, `a whole number of 1 or more, or "all"`)
	}
	return n, nil
}

func runDrillQuiz(opts *DrillQuizOptions) error {
	lib, err := content.Default()
	if err != nil {
		return fmt.Errorf("loading the content library: %w", err)
	}
	bank, err := content.DefaultQuizzes()
	if err != nil {
		return fmt.Errorf("loading the quiz bank: %w", err)
	}
	pool, scope := bank.Questions(), "every topic"
	var topic *content.Topic
	if opts.Topic != "" {
		t, ok := lib.Topic(opts.Topic)
		if !ok {
			return usageErrorf("--topic %q: unknown topic; %s", opts.Topic, didYouMean(lib.Suggest(opts.Topic), "sdprep learn"))
		}
		topic, pool, scope = t, bank.ForTopic(t.ID), t.Title
	}
	if len(pool) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "No quiz questions drill %s (%s) yet. Leave out --topic to be asked about every topic.\n", topic.Title, topic.ID)
		if opts.Format == FormatJSON {
			return writeJSON(opts.IO.Out, []*content.Question{})
		}
		return nil
	}
	if opts.Format == "" && opts.IO.IsTerminal {
		q := tui.QuizOptions{Pool: pool, Count: opts.Count, Seed: opts.Seed}
		if q.Count == 0 {
			q.Count = -1 // the whole pool
		}
		if topic != nil {
			q.Topic = topic.ID
		}
		st, err := store.Open(context.Background(), opts.DataDir)
		if err != nil {
			return err
		}
		defer st.Close()
		q.Log = drills.StoreQuizLog(st)
		return opts.OpenTUI(tui.Options{Start: tui.PageQuiz, Quiz: q})
	}
	return printQuiz(opts, pool, scope)
}

// printQuiz prints the selected questions with their answers: in bank
// order, or shuffled when a seed is given.
func printQuiz(opts *DrillQuizOptions, pool []*content.Question, scope string) error {
	qs := pool
	switch {
	case opts.Seed != nil:
		qs = drills.SelectQuiz(pool, opts.Count, *opts.Seed, nil)
	case opts.Count > 0 && opts.Count < len(pool):
		qs = pool[:opts.Count]
	}
	title := fmt.Sprintf("Quiz: %s on %s", countNoun(len(qs), "question"), scope)
	format := opts.Format
	if format == "" {
		format = FormatMarkdown
	}
	width := 0
	if opts.IO.Width != nil {
		width = opts.IO.Width()
	}
	return writeFormatted(opts.IO.Out, format, qs,
		func(w io.Writer) error {
			_, err := io.WriteString(w, drills.QuizText(title, qs, min(width, 100)))
			return err
		},
		func(w io.Writer) error { _, err := io.WriteString(w, drills.QuizMarkdown(title, qs)); return err })
}
