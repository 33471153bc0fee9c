package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui"
)

// MockSessionOptions are the inputs of `sdprep mock history|resume|export`.
type MockSessionOptions struct {
	IO      *IOStreams
	ID      string // a session id, a unique prefix, or "last"
	Format  Format
	Output  string // export: file to write ("" for stdout)
	DataDir string
	Now     func() time.Time

	factory *Factory
}

func newMockSessionOptions(f *Factory) *MockSessionOptions {
	return &MockSessionOptions{IO: f.IO, Now: f.Now, factory: f}
}

// NewCmdMockHistory builds `sdprep mock history`.
func NewCmdMockHistory(f *Factory, runF func(*MockSessionOptions) error) *cobra.Command {
	opts := newMockSessionOptions(f)
	c := &cobra.Command{
		Use:   "history",
		Short: "List past mock interviews",
		Long: `List past mock interviews, the most recent first: id, problem, date, time
spent, coverage of the reference checklist and the self-assessment score.`,
		Example: "  sdprep mock history\n  sdprep mock history --format json",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.DataDir = f.DataDir()
			if runF != nil {
				return runF(opts)
			}
			return runMockHistory(c.Context(), opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	return c
}

// NewCmdMockResume builds `sdprep mock resume`.
func NewCmdMockResume(f *Factory, runF func(*MockSessionOptions) error) *cobra.Command {
	opts := newMockSessionOptions(f)
	c := &cobra.Command{
		Use:   "resume [id]",
		Short: "Continue an interrupted mock interview",
		Long: `Continue a mock interview where it stopped, with its clocks where they were
at the last save. With no id, the most recent session. An id may be cut to
any unique prefix.`,
		Example: "  sdprep mock resume\n  sdprep mock resume 3fa9",
		Args:    atMostOneArg("session id"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = "last"
			if len(args) == 1 {
				opts.ID = args[0]
			}
			opts.DataDir = f.DataDir()
			if runF != nil {
				return runF(opts)
			}
			return runMockResume(c.Context(), opts)
		},
	}
	return c
}

// NewCmdMockExport builds `sdprep mock export`.
func NewCmdMockExport(f *Factory, runF func(*MockSessionOptions) error) *cobra.Command {
	opts := newMockSessionOptions(f)
	c := &cobra.Command{
		Use:   "export <id|last>",
		Short: "Write a mock interview's transcript",
		Long: `Write the transcript of a mock interview: the problem, the plan, every note
with its step and time, pinned figures, hints, the follow-up, the rubric
and the coverage report. Markdown reads well in a notes app; JSON is for
scripts.`,
		Example: "  sdprep mock export last\n  sdprep mock export 3fa9 --format json -o interview.json",
		Args:    exactlyOneArg("session id (or last)"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			opts.DataDir = f.DataDir()
			if runF != nil {
				return runF(opts)
			}
			return runMockExport(c.Context(), opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatMarkdown, "transcript format: markdown or json (text is markdown)", false)
	c.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	return c
}

// openMockSession opens the store and reads one session and its state.
func openMockSession(ctx context.Context, dir, id string) (*store.Store, store.MockSession, *drills.Mock, error) {
	st, err := store.Open(ctx, dir)
	if err != nil {
		return nil, store.MockSession{}, nil, err
	}
	s, err := st.MockSession(ctx, id)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrAmbiguous) {
		st.Close()
		return nil, s, nil, usageErrorf("session %q: %v; sdprep mock history lists the sessions", id, errors.Unwrap(err))
	}
	if err != nil {
		st.Close()
		return nil, s, nil, err
	}
	var m drills.Mock
	if err := json.Unmarshal(s.State, &m); err != nil {
		st.Close()
		return nil, s, nil, fmt.Errorf("session %s: saved state does not read: %w", s.ID, err)
	}
	return st, s, &m, nil
}

func runMockExport(ctx context.Context, opts *MockSessionOptions) error {
	st, s, m, err := openMockSession(ctx, opts.DataDir, opts.ID)
	if err != nil {
		return err
	}
	st.Close()
	tr := m.Transcript(s.ID, s.UpdatedAt)
	w := opts.IO.Out
	if opts.Output != "" {
		f, err := os.Create(opts.Output)
		if err != nil {
			return fmt.Errorf("-o: %w", err)
		}
		defer f.Close()
		w = f
	}
	if opts.Format == FormatJSON {
		return writeJSON(w, tr)
	}
	return tr.Markdown(w)
}

func runMockResume(ctx context.Context, opts *MockSessionOptions) error {
	st, s, m, err := openMockSession(ctx, opts.DataDir, opts.ID)
	if err != nil {
		return err
	}
	st.Close()
	if m.Finished {
		return usageErrorf("session %s (%s) is finished; sdprep mock export %s writes its transcript", s.ID, s.Problem, s.ID)
	}
	if !opts.IO.IsTerminal {
		return usageErrorf("resuming needs a terminal; sdprep mock export %s writes the transcript so far", s.ID)
	}
	return runTUI(opts.factory, tui.Options{Start: tui.PageMock, DataDir: opts.DataDir, Mock: tui.MockOptions{Resume: s.ID}})
}

// mockHistoryRow is one line of `mock history --format json`.
type mockHistoryRow struct {
	ID           string    `json:"id"`
	Problem      string    `json:"problem"`
	StartedAt    time.Time `json:"started_at"`
	Finished     bool      `json:"finished"`
	TotalSeconds float64   `json:"total_seconds"`
	Coverage     float64   `json:"coverage"`
	RubricTotal  int       `json:"rubric_total"`
}

func runMockHistory(ctx context.Context, opts *MockSessionOptions) error {
	st, err := store.Open(ctx, opts.DataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.MockSessions(ctx)
	if err != nil {
		return err
	}
	rows := make([]mockHistoryRow, len(list))
	for i, s := range list {
		rows[i] = mockHistoryRow{ID: s.ID, Problem: s.Problem, StartedAt: s.StartedAt, Finished: s.Finished,
			TotalSeconds: s.Total.Seconds(), Coverage: s.Coverage, RubricTotal: s.RubricTotal}
	}
	text := func(w io.Writer) error { return writeMockHistory(w, rows, false) }
	md := func(w io.Writer) error { return writeMockHistory(w, rows, true) }
	return writeFormatted(opts.IO.Out, opts.Format, rows, text, md)
}

func writeMockHistory(w io.Writer, rows []mockHistoryRow, markdown bool) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "No mock interviews yet: sdprep mock PROBLEM starts one.")
		return err
	}
	header := []string{"ID", "Problem", "Date", "Time", "Coverage", "Rubric", "State"}
	var table [][]string
	for _, r := range rows {
		state, rubric := "finished", "–"
		if !r.Finished {
			state = "interrupted"
		}
		if r.RubricTotal > 0 {
			rubric = fmt.Sprintf("%d/%d", r.RubricTotal, 4*drills.NumRubric)
		}
		table = append(table, []string{r.ID, r.Problem, r.StartedAt.Local().Format("2006-01-02 15:04"),
			drills.FormatClock(time.Duration(r.TotalSeconds * float64(time.Second))), fmt.Sprintf("%.0f%%", r.Coverage*100), rubric, state})
	}
	var b strings.Builder
	if markdown {
		b.WriteString("| " + strings.Join(header, " | ") + " |\n|" + strings.Repeat("---|", len(header)) + "\n")
		for _, row := range table {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	} else {
		writeColumns(&b, header, table)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// exactlyOneArg refuses anything but one positional argument, naming it.
func exactlyOneArg(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != 1 {
			return usageErrorf("%s takes one %s; got %d arguments", c.Name(), what, len(args))
		}
		return nil
	}
}

// writeColumns writes a table with every column left-aligned, two spaces
// apart (ids, names and dates read better that way than right-aligned).
func writeColumns(b *strings.Builder, header []string, rows [][]string) {
	widths := make([]int, len(header))
	all := append([][]string{header}, rows...)
	for _, r := range all {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, r := range all {
		for i, cell := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if i < len(r)-1 {
				cell += strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			}
			b.WriteString(cell)
		}
		b.WriteString("\n")
	}
}
