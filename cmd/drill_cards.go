package cmd

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui"
)

// DrillCardsOptions are the inputs of `sdprep drill cards`.
type DrillCardsOptions struct {
	IO      *IOStreams
	DataDir string
	Now     func() time.Time

	// Topic is the topic id --topic resolved to; empty for every card.
	Topic string
	// Until is the start of the --until day in local time; zero for none.
	Until time.Time
	// Practice keeps reviewing, weakest first, once nothing is due.
	Practice bool
	// Due prints what is due instead of reviewing.
	Due bool
	// Format is the --due output: text, or json (markdown prints as text).
	Format Format
	// Limits override the stored daily limits where non-zero.
	Limits drills.Limits
	// SaveLimits stores the given limits as the new defaults.
	SaveLimits bool
}

// NewCmdDrillCards builds `sdprep drill cards`. runF replaces the run
// function in tests.
func NewCmdDrillCards(f *Factory, runF func(*DrillCardsOptions) error) *cobra.Command {
	opts := &DrillCardsOptions{IO: f.IO}
	var topic, until string
	c := &cobra.Command{
		Use:   "cards [flags]",
		Short: "Review flashcards due today (FSRS spaced repetition)",
		Long: `Review today's flashcards: one fact per card, from every learn topic (what it
is, its key trade-off, when to use it) and from the reference tables
(latency numbers, powers of two, nines). Cards are scheduled by FSRS.

Keys: space shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy rate it, and
each shows the interval it would give ("3 Good · 10m"); u undoes the last
rating. Each rating is saved before the next card appears.

A day brings the cards due (at most --reviews-per-day, default 200) and
then new cards (at most --new-per-day, default 20). --save-limits keeps the
limits you give as the new defaults.

--until DATE is your interview date (YYYY-MM-DD, after today). Two things
change so that you walk in having seen every card:
  - new cards per day rise to at least the unseen cards divided by the
    days left, so every card is shown at least once before that date;
  - an interval that would make a card due on or after that date is
    shortened to the day before it, for a last look.

--practice keeps going when nothing is due: the cards you have seen,
weakest first (lowest FSRS recall probability). A card that is not due is
rated without touching its schedule: the review is logged (it counts in
sdprep stats) but its stability, difficulty and due date stay as they were.

--due prints how many cards are due now, without opening the review;
--format json gives the counts by state.`,
		Example: `  sdprep drill cards
  sdprep drill cards --topic caching
  sdprep drill cards --until 2026-12-10
  sdprep drill cards --practice
  sdprep drill cards --due --format json
  sdprep drill cards --new-per-day 30 --save-limits`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.DataDir, opts.Now = f.DataDir(), f.Now
			if err := resolveCardsFlags(c, opts, topic, until); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runDrillCards(c.Context(), f, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&topic, "topic", "", "review only this topic's cards (a topic id or alias, e.g. caching)")
	fl.StringVar(&until, "until", "", "interview date, YYYY-MM-DD: see every card before it (see above)")
	fl.BoolVar(&opts.Practice, "practice", false, "keep reviewing seen cards, weakest first, once nothing is due")
	fl.BoolVar(&opts.Due, "due", false, "print how many cards are due now instead of reviewing")
	fl.IntVar(&opts.Limits.NewPerDay, "new-per-day", 0, "new cards a day (default: the saved setting, else 20)")
	fl.IntVar(&opts.Limits.ReviewsPerDay, "reviews-per-day", 0, "reviews of seen cards a day (default: the saved setting, else 200)")
	fl.BoolVar(&opts.SaveLimits, "save-limits", false, "save --new-per-day and --reviews-per-day as the defaults")
	addFormatFlag(c, &opts.Format, FormatText, "output of --due: text or json", false)
	completeFlag(c, "topic", topicCompletions)
	c.MarkFlagsMutuallyExclusive("due", "practice")
	return c
}

// resolveCardsFlags checks the flags that need more than pflag: the topic
// (with "did you mean"), the date, the limits, and --format without --due.
func resolveCardsFlags(c *cobra.Command, opts *DrillCardsOptions, topic, until string) error {
	if c.Flags().Changed("topic") {
		lib, err := content.Default()
		if err != nil {
			return err
		}
		t, ok := lib.Topic(topic)
		if !ok {
			return usageErrorf("--topic %q: unknown topic; %s", topic, didYouMean(lib.Suggest(topic), "sdprep learn"))
		}
		opts.Topic = t.ID
	}
	if c.Flags().Changed("until") {
		d, err := drills.ParseUntil(until, opts.Now())
		if err != nil {
			return usageErrorf("--until %v", err)
		}
		opts.Until = d
	}
	for _, l := range []struct {
		name string
		v    int
	}{{"new-per-day", opts.Limits.NewPerDay}, {"reviews-per-day", opts.Limits.ReviewsPerDay}} {
		if c.Flags().Changed(l.name) && l.v < 1 {
			return usageErrorf("--%s %d: expected a whole number of 1 or more", l.name, l.v)
		}
	}
	if opts.SaveLimits && !c.Flags().Changed("new-per-day") && !c.Flags().Changed("reviews-per-day") {
		return usageErrorf("--save-limits: give --new-per-day or --reviews-per-day to save")
	}
	if c.Flags().Changed("format") && !opts.Due {
		return usageErrorf("--format %s: applies to --due only; the review itself is interactive", opts.Format)
	}
	return nil
}

// runDrillCards prints what is due (--due) or opens the review.
func runDrillCards(ctx context.Context, f *Factory, opts *DrillCardsOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if !opts.Due && !opts.SaveLimits && !opts.IO.IsTerminal {
		return usageErrorf("drill cards: the review needs a terminal; use --due to print what is due")
	}
	st, err := store.Open(ctx, opts.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	if opts.SaveLimits {
		if err := drills.SaveLimits(ctx, st, opts.Limits); err != nil {
			return err
		}
		if !opts.Due && !opts.IO.IsTerminal {
			limits, err := drills.LoadLimits(ctx, st)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(opts.IO.Out, "saved: %d new cards and %d reviews a day\n", limits.NewPerDay, limits.ReviewsPerDay)
			return err
		}
	}
	if opts.Due {
		return printDue(ctx, opts, st)
	}
	return runTUI(f, tui.Options{Start: tui.PageDrillCards, Store: st, Cards: tui.CardsOptions{
		Topic: opts.Topic, Until: opts.Until, Practice: opts.Practice, Limits: opts.Limits,
	}})
}

// DueReport is the JSON of `sdprep drill cards --due --format json`.
type DueReport struct {
	// Due is how many cards a review would show now.
	Due int `json:"due"`
	// ByState splits Due by FSRS state: new, learning, review, relearning.
	ByState map[string]int `json:"by_state"`
	// Unseen counts the cards never reviewed, in scope.
	Unseen int `json:"unseen"`
	// NewPerDay and ReviewsPerDay are the limits in force.
	NewPerDay     int `json:"new_per_day"`
	ReviewsPerDay int `json:"reviews_per_day"`
}

func printDue(ctx context.Context, opts *DrillCardsOptions, st *store.Store) error {
	r, err := dueReport(ctx, opts, st)
	if err != nil {
		return err
	}
	if opts.Format == FormatJSON {
		return writeJSON(opts.IO.Out, r)
	}
	var parts []string
	for _, s := range []string{"review", "relearning", "learning", "new"} {
		if n := r.ByState[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	line := countNoun(r.Due, "card") + " due now"
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	_, err = fmt.Fprintln(opts.IO.Out, line)
	return err
}

// dueReport counts what a review would show now, within the limits.
func dueReport(ctx context.Context, opts *DrillCardsOptions, st *store.Store) (DueReport, error) {
	// Counting needs the cards' ids only: DeckIndex skips parsing the library.
	deck, err := drills.DeckIndex(content.FS())
	if err != nil {
		return DueReport{}, err
	}
	limits, err := drills.LoadLimits(ctx, st)
	if err != nil {
		return DueReport{}, err
	}
	if opts.Limits.NewPerDay > 0 {
		limits.NewPerDay = opts.Limits.NewPerDay
	}
	if opts.Limits.ReviewsPerDay > 0 {
		limits.ReviewsPerDay = opts.Limits.ReviewsPerDay
	}
	s, err := drills.NewSession(ctx, st, deck, drills.SessionOptions{
		Now: opts.Now, Topic: opts.Topic, Until: opts.Until, Limits: limits,
	})
	if err != nil {
		return DueReport{}, err
	}
	p := s.Plan()
	r := DueReport{Due: len(p.Queue), ByState: map[string]int{}, Unseen: p.Unseen, NewPerDay: limits.NewPerDay, ReviewsPerDay: limits.ReviewsPerDay}
	for _, st := range []drills.State{drills.StateNew, drills.StateLearning, drills.StateReview, drills.StateRelearning} {
		r.ByState[st.String()] = p.DueByState[st]
	}
	return r, nil
}
