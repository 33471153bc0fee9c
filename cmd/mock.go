package cmd

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/tui"
)

// MockOptions are the inputs of `sdprep mock`.
type MockOptions struct {
	IO *IOStreams
	// Problem is a problem id, "random", or "" for the picker.
	Problem string
	// Duration and Steps are the flags as typed; "" when not given.
	Duration string
	Steps    string
	// Step practises one step alone ("" for the whole interview).
	Step string
	// Print prints the problem's brief instead of running the interview.
	Print bool
	// Grade is a notes file ("-" for stdin) to grade against the checklist.
	Grade  string
	Format Format
	// Seed picks the follow-up and its moment (and "random"'s problem);
	// 0 means one from the clock.
	Seed    uint64
	DataDir string
	Now     func() time.Time

	factory *Factory
}

// NewCmdMock builds `sdprep mock` and its subcommands.
func NewCmdMock(f *Factory, runF func(*MockOptions) error) *cobra.Command {
	opts := &MockOptions{IO: f.IO, Now: f.Now, factory: f}
	c := &cobra.Command{
		Use:   "mock [problem]",
		Short: "A timed five-step mock interview with notes, coverage and a transcript",
		Long: `Run a timed mock system-design interview in five steps: requirements,
estimation, high-level design, deep dive, and bottlenecks and wrap-up. Each
step has its own timer (for 45 minutes: 5 / 5 / 10 / 20 / 5), a prompt and a
notes editor; the estimation step embeds the estimator with the problem's
preset, and figures you pin stay beside later steps. An interviewer's
follow-up interrupts at a seeded moment in steps 4-5. The end scores a
self-assessment rubric and matches your notes against the problem's
reference checklist. The session is saved as you go: resume it after a
crash with 'sdprep mock resume', export it with 'sdprep mock export'.

With no problem, a picker lists the problem bank; "random" picks one.
--steps are minutes when --duration is not given, and shares of the
duration when it is. --print and --grade run without the TUI.`,
		Example: `  sdprep mock twitter
  sdprep mock url-shortener --duration 30m
  sdprep mock twitter --steps 3,5,10,15,7
  sdprep mock uber --step estimation
  sdprep mock twitter --print --format markdown
  sdprep mock twitter --grade notes.md --format json`,
		Args:              atMostOneArg("problem"),
		ValidArgsFunction: completeArgs(func() []string { return append(problemCompletions(), "random\ta problem picked at random") }),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Problem = args[0]
			}
			opts.DataDir = f.DataDir()
			if runF != nil {
				return runF(opts)
			}
			return runMock(opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Duration, "duration", "", "total time, 10m to 3h (default 45m)")
	fl.StringVar(&opts.Steps, "steps", "", "five step lengths, comma-separated (default 5,5,10,20,5)")
	fl.StringVar(&opts.Step, "step", "", "practise one step alone: "+strings.Join(drills.StepIDs(), ", "))
	fl.BoolVar(&opts.Print, "print", false, "print the problem's prompt, plan, questions, checklist and follow-ups")
	fl.StringVar(&opts.Grade, "grade", "", "grade a notes file (- for stdin) against the problem's checklist")
	fl.Uint64Var(&opts.Seed, "seed", 0, "seed for the follow-up's choice and moment (default: from the clock)")
	addFormatFlag(c, &opts.Format, FormatText, "output format of --print and --grade: text, markdown or json", false)
	completeFlag(c, "step", drills.StepIDs)
	c.MarkFlagsMutuallyExclusive("print", "grade", "step")
	c.AddCommand(NewCmdMockHistory(f, nil), NewCmdMockResume(f, nil), NewCmdMockExport(f, nil))
	return c
}

// mockPlan reads --duration and --steps.
func mockPlan(duration, steps string) (drills.MockPlan, error) {
	shares := drills.DefaultShares
	if steps != "" {
		s, err := drills.ParseShares(steps)
		if err != nil {
			return drills.MockPlan{}, flagError("steps", steps, "five positive whole minutes, comma-separated, such as 5,5,10,20,5")
		}
		shares = s
	}
	total := drills.DefaultDuration
	switch {
	case duration != "":
		d, err := time.ParseDuration(strings.TrimSpace(duration))
		if err != nil || d < drills.MinDuration || d > drills.MaxDuration {
			return drills.MockPlan{}, flagError("duration", duration, "10m to 3h, such as 45m or 1h30m")
		}
		total = d
	case steps != "":
		total = drills.SharesTotal(shares)
		if total < drills.MinDuration || total > drills.MaxDuration {
			return drills.MockPlan{}, flagError("steps", steps, "steps that add up to 10m to 3h (or give --duration to scale them)")
		}
	}
	plan, err := drills.NewMockPlan(total, shares)
	return plan, asUsage(err)
}

// mockProblem resolves a problem id, or "random" with the seed.
func mockProblem(lib *content.Library, id string, seed uint64) (*content.Problem, error) {
	if strings.EqualFold(id, "random") {
		ps := lib.Problems()
		return ps[rand.New(rand.NewPCG(seed, 1)).IntN(len(ps))], nil
	}
	if p, ok := lib.Problem(id); ok {
		return p, nil
	}
	var ids []string
	for _, e := range lib.ProblemEntries() {
		ids = append(ids, e.ID)
	}
	return nil, unknownError("problem", id, append(ids, "random"), "")
}

func runMock(opts *MockOptions) error {
	plan, err := mockPlan(opts.Duration, opts.Steps)
	if err != nil {
		return err
	}
	only := drills.Step(-1)
	if opts.Step != "" {
		s, err := drills.ParseStep(opts.Step)
		if err != nil {
			return enumError("step", opts.Step, drills.StepIDs())
		}
		only = s
	}
	if opts.Seed == 0 {
		opts.Seed = uint64(opts.Now().UnixNano())
	}
	lib, err := content.Default()
	if err != nil {
		return err
	}
	var problem *content.Problem
	if opts.Problem != "" {
		if problem, err = mockProblem(lib, opts.Problem, opts.Seed); err != nil {
			return err
		}
	} else if opts.Print || opts.Grade != "" {
		return usageErrorf("--print and --grade need a problem: sdprep mock PROBLEM --print (sdprep learn lists the problems)")
	}
	switch {
	case opts.Print:
		b := drills.NewBrief(drills.NewMockProblem(problem), plan)
		return writeFormatted(opts.IO.Out, opts.Format, b, b.Text, b.Markdown)
	case opts.Grade != "":
		return gradeNotes(opts, problem)
	}
	if !opts.IO.IsTerminal {
		return usageErrorf("the mock interview needs a terminal; use --print for the brief or --grade FILE to grade notes")
	}
	mo := tui.MockOptions{Plan: plan, Seed: opts.Seed, Only: only}
	if problem != nil {
		mo.Problem = problem.ID
	}
	return runTUI(opts.factory, tui.Options{Start: tui.PageMock, DataDir: opts.DataDir, Mock: mo})
}

// maxNotesBytes caps notes read from stdin (a whole book of notes is ~1 MB).
const maxNotesBytes = 16 << 20

// gradeNotes grades a notes file against the problem's checklist.
func gradeNotes(opts *MockOptions, p *content.Problem) error {
	var data []byte
	var err error
	if opts.Grade == "-" {
		data, err = io.ReadAll(io.LimitReader(opts.IO.In, maxNotesBytes))
	} else {
		data, err = os.ReadFile(opts.Grade)
	}
	if err != nil {
		return fmt.Errorf("--grade: %w", err)
	}
	cov := drills.GradeNotes(p.Mock.Checklist, string(data))
	return writeFormatted(opts.IO.Out, opts.Format, cov, cov.Text, cov.Markdown)
}
