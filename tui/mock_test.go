package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// mockApp opens the mock page on problem with a clock the test moves and
// ticks it fires by hand.
type mockApp struct {
	*App
	p     *mockPage
	now   time.Time
	ticks *tickRecorder
}

func newMockApp(t testing.TB, mo MockOptions, dir string, w, h int) *mockApp {
	t.Helper()
	return newMockAppAt(t, mo, dir, w, h, testNow())
}

// newMockAppAt is newMockApp with its clock starting at now.
func newMockAppAt(t testing.TB, mo MockOptions, dir string, w, h int, now time.Time) *mockApp {
	t.Helper()
	if mo.Plan.Total() == 0 {
		plan, err := drills.NewMockPlan(45*time.Minute, drills.DefaultShares)
		if err != nil {
			t.Fatal(err)
		}
		mo.Plan = plan
	}
	m := &mockApp{now: now, ticks: &tickRecorder{}}
	a, err := NewApp(t.Context(), Options{Start: PageMock, Mock: mo, DataDir: dir, NoColor: true, Now: func() time.Time { return m.now }})
	if err != nil {
		t.Fatal(err)
	}
	a.common.Tick = m.ticks.tick
	drain(a, a.Init())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.App, m.p = a, a.pages[PageMock].(*mockPage)
	t.Cleanup(func() { a.Close() })
	return m
}

// advance moves the clock by d, one tick per second of it, running the
// commands the ticks return (saves) as the runtime would.
func (m *mockApp) advance(d time.Duration) {
	for i := time.Duration(0); i < d; i += time.Second {
		m.now = m.now.Add(time.Second)
		due := m.ticks.pending
		m.ticks.pending = nil
		for _, tick := range due {
			_, cmd := m.Update(tick())
			drain(m.App, cmd)
		}
	}
}

func (m *mockApp) view() string { return m.View().Content }

func TestMockGoldenSteps(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, text("post, follow, home timeline")...)
	press(t, m.App, special(tea.KeyEnter), ctrl('r'))
	m.advance(30 * time.Second)
	golden.RequireEqual(t, m.view())

	press(t, m.App, ctrl('n'))
	t.Run("estimation", func(t *testing.T) { golden.RequireEqual(t, m.view()) })

	for range 3 {
		press(t, m.App, ctrl('n'))
	}
	press(t, m.App, text("SPOF: the fan-out queue")...)
	press(t, m.App, ctrl('n'))
	t.Run("end", func(t *testing.T) { golden.RequireEqual(t, m.view()) })
}

func TestMockPickerGolden(t *testing.T) {
	m := newMockApp(t, MockOptions{Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	golden.RequireEqual(t, m.view())
	press(t, m.App, special(tea.KeyDown), special(tea.KeyEnter))
	if m.p.m == nil || m.p.m.Problem.ID != m.p.choices[1].ID {
		t.Fatalf("enter on the second problem started %+v", m.p.m)
	}
}

// A whole interview at 80×24 with the clock moved by hand: the warning
// and the overtime show, the follow-up appears in its step, notes are
// autosaved, and the transcript in the store has everything.
func TestMockInterviewFlow(t *testing.T) {
	dir := t.TempDir()
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 4, Only: -1}, dir, 80, 24)
	press(t, m.App, text("300M DAU, reads 100x writes")...)
	m.advance(4*time.Minute + 10*time.Second)
	if v := m.view(); !strings.Contains(v, "0:50 left") {
		t.Fatalf("one minute before the end of step 1:\n%s", v)
	}
	m.advance(2 * time.Minute)
	if v := m.view(); !strings.Contains(v, "+1:10 over") {
		t.Fatalf("overtime not shown:\n%s", v)
	}
	// Autosaved within autosaveEvery of the typing, without a step change.
	if s := savedState(t, dir, m.p.id); len(s.Notes[drills.StepRequirements]) != 1 {
		t.Fatalf("notes not autosaved: %+v", s.Notes)
	}
	press(t, m.App, ctrl('n'), ctrl('f'), special(tea.KeyEnter)) // pin the first figure
	if len(m.p.m.Pins) != 1 {
		t.Fatalf("pins = %+v", m.p.m.Pins)
	}
	press(t, m.App, ctrl('n'), ctrl('n'))
	f := m.p.m.FollowUp
	if f.Step == drills.StepWrapUp {
		m.advance(20 * time.Minute)
		press(t, m.App, ctrl('n'))
	}
	m.advance(f.Offset - time.Second)
	if strings.Contains(m.view(), "Interviewer:") {
		t.Fatal("follow-up shown early")
	}
	m.advance(2 * time.Second)
	if v := m.view(); !strings.Contains(v, "Interviewer:") {
		t.Fatalf("follow-up not shown at %v into %v:\n%s", f.Offset, f.Step, v)
	}
	press(t, m.App, text("10x: the timeline cache shards run hot first")...)
	for !m.p.m.Finished {
		press(t, m.App, ctrl('n'))
	}
	s := savedState(t, dir, m.p.id)
	if !s.Finished || !s.FollowUpAnswered() || len(s.Pins) != 1 || s.Coverage().Fraction == 0 {
		t.Fatalf("saved session: finished %v answered %v pins %v coverage %v", s.Finished, s.FollowUpAnswered(), s.Pins, s.Coverage())
	}
}

// Pausing stops the clock; leaving the page pauses it and schedules no
// more ticks; a terminal too small to draw in keeps the clock running.
// A hint (a status line above the notes) or a follow-up (a box above
// them) shrinks the editor, so the line being typed stays on screen.
func TestMockLineBeingTypedStaysOnScreen(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, ctrl('n'), ctrl('n'))
	for i := range 30 {
		press(t, m.App, text(fmt.Sprintf("design line %d", i))...)
		press(t, m.App, special(tea.KeyEnter))
	}
	press(t, m.App, ctrl('g'))
	press(t, m.App, text("typed after the hint")...)
	if v := m.view(); !strings.Contains(v, "typed after the hint") || len(strings.Split(v, "\n")) > 24 {
		t.Fatalf("after a hint the line being typed is off screen:\n%s", v)
	}
	press(t, m.App, ctrl('n'))
	for i := range 30 {
		press(t, m.App, text(fmt.Sprintf("deep line %d", i))...)
		press(t, m.App, special(tea.KeyEnter))
	}
	m.advance(20 * time.Minute) // the follow-up appears in this step
	if m.p.followUp == "" {
		t.Fatal("no follow-up in 20 minutes of deep dive")
	}
	press(t, m.App, text("answer to the follow-up")...)
	if v := m.view(); !strings.Contains(v, "answer to the follow-up") || len(strings.Split(v, "\n")) > 24 {
		t.Fatalf("after the follow-up the line being typed is off screen:\n%s", v)
	}
}

// Pinned figures stay in the side panel, label and value on one line,
// even when the reference design below them is long.
func TestMockPinsStayInSidePanel(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, ctrl('n'), ctrl('f'), special(tea.KeyEnter), ctrl('f'), special(tea.KeyDown), special(tea.KeyEnter))
	if len(m.p.m.Pins) != 2 {
		t.Fatalf("pinned %d figures", len(m.p.m.Pins))
	}
	press(t, m.App, ctrl('n'), ctrl('g')) // high-level design; the hint shows the reference design
	for _, step := range []string{"high-level design", "deep dive", "wrap-up"} {
		v := m.view()
		for _, pin := range m.p.m.Pins {
			if !strings.Contains(v, pin.Value) {
				t.Fatalf("%s: pin %q = %q not on screen:\n%s", step, pin.Label, pin.Value, v)
			}
		}
		press(t, m.App, ctrl('n'))
	}
}

// A paste while the pin chooser is open does not land in the notes.
func TestMockPasteIgnoredWhilePinning(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, ctrl('n'), ctrl('f'))
	if !m.p.pinning {
		t.Fatal("ctrl+f did not open the pin chooser")
	}
	m.Update(tea.PasteMsg{Content: "pasted"})
	if m.p.notes.Value() != "" {
		t.Fatalf("a paste while pinning went into the notes: %q", m.p.notes.Value())
	}
}

// One step practised alone ends on its own: ctrl+n finishes it, and the
// end screen scores and times that step only, without a coverage tab for
// a step that comes before the design.
func TestMockOneStepAloneEnd(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: drills.StepEstimation}, t.TempDir(), 80, 24)
	if bar := ansi.Strip(m.view()); !strings.Contains(bar, "ctrl+n finish") || !strings.Contains(bar, "/ 5:00") {
		t.Fatalf("the help bar does not say ctrl+n finishes:\n%s", bar)
	}
	m.advance(8 * time.Second)
	press(t, m.App, ctrl('n'))
	if !m.p.m.Finished {
		t.Fatal("ctrl+n did not finish the step")
	}
	v := ansi.Strip(m.view())
	for _, want := range []string{"Estimation practised alone in 0:08 of 5:00", "rubric 0/4 (0 of 1 scored)", "Estimation"} {
		if !strings.Contains(v, want) {
			t.Fatalf("end screen lacks %q:\n%s", want, v)
		}
	}
	for _, unwanted := range []string{"Coverage", "Deep dive", "45:00"} {
		if strings.Contains(v, unwanted) {
			t.Fatalf("end screen shows %q:\n%s", unwanted, v)
		}
	}
	press(t, m.App, text("3")...)
	if m.p.m.Rubric[drills.StepEstimation] != 3 {
		t.Fatalf("3 scored %v", m.p.m.Rubric)
	}
	press(t, m.App, special(tea.KeyTab))
	v = ansi.Strip(m.view())
	if !strings.Contains(v, "Estimation") || strings.Contains(v, "Requirements") || strings.Contains(v, "Wrap-up") {
		t.Fatalf("summary shows other steps:\n%s", v)
	}
}

// At every size from the smallest allowed up, the estimation step keeps
// three rows of notes on screen below the estimator, and the frame fits
// the terminal.
func TestMockEstimationKeepsNotesOnSmallTerminals(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, ctrl('n'))
	press(t, m.App, text("notes line")...)
	for _, size := range [][2]int{{60, 16}, {80, 16}, {80, 18}, {80, 20}, {100, 30}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := m.view()
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Fatalf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		if n := strings.Count(v, "│"); n < 3 || !strings.Contains(v, "notes line") {
			t.Fatalf("%dx%d: %d notes rows, view:\n%s", size[0], size[1], n, v)
		}
	}
}

func TestMockPauseLeaveAndTooSmall(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "uber", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	m.advance(10 * time.Second)
	press(t, m.App, ctrl('t'))
	m.advance(time.Minute)
	if got := m.p.m.Total(m.now); got != 10*time.Second {
		t.Fatalf("paused clock moved to %v", got)
	}
	press(t, m.App, ctrl('t'))
	m.Update(tea.WindowSizeMsg{Width: 50, Height: 12})
	m.advance(5 * time.Second)
	if got := m.p.m.Total(m.now); got != 15*time.Second || !strings.Contains(m.view(), "60×16") {
		t.Fatalf("too small: total %v, view:\n%s", got, m.view())
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m.App, special(tea.KeyEscape))
	if m.active != PageHome || m.p.m.Running() {
		t.Fatalf("esc: page %q, running %v", m.active, m.p.m.Running())
	}
	m.ticks.fire(m.App) // the tick in flight
	if n := m.ticks.fire(m.App); n != 0 {
		t.Fatalf("%d ticks scheduled after leaving", n)
	}
}

// A session saved mid-interview resumes with its clocks where they
// stopped and its notes in the editor.
func TestMockResume(t *testing.T) {
	dir := t.TempDir()
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 2, Only: -1}, dir, 80, 24)
	press(t, m.App, ctrl('n'), ctrl('n'))
	press(t, m.App, text("fan-out service")...)
	m.advance(90 * time.Second)
	id, total := m.p.id, m.p.m.Total(m.now)
	m.Close() // the program ends: the page saves and closes its store

	r := newMockApp(t, MockOptions{Resume: id, Only: -1}, dir, 80, 24)
	if r.p.m.Step != drills.StepHighLevelDesign || r.p.notes.Value() != "fan-out service\n" || r.p.m.Total(r.now) != total {
		t.Fatalf("resumed at %v with notes %q and total %v; want high-level design, the notes, %v",
			r.p.m.Step, r.p.notes.Value(), r.p.m.Total(r.now), total)
	}
	r.advance(5 * time.Second)
	if got := r.p.m.Total(r.now); got != total+5*time.Second {
		t.Fatalf("resumed clock at %v, want %v", got, total+5*time.Second)
	}
	// Typing goes on a new line, not onto the end of the last one.
	press(t, r.App, text("cache in front")...)
	press(t, r.App, special(tea.KeyEnter))
	if got := r.p.m.NotesText(drills.StepHighLevelDesign); got != "fan-out service\ncache in front" {
		t.Fatalf("notes after resuming %q", got)
	}
}

// A process killed mid-interview (no Close, no final save) resumes an
// hour later with the clock at its last save: the time it was dead does
// not count.
func TestMockResumeAfterKillSkipsDowntime(t *testing.T) {
	dir := t.TempDir()
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 2, Only: -1}, dir, 80, 24)
	press(t, m.App, text("requirements line")...)
	m.advance(20 * time.Second) // autosaves the dirty notes
	st, err := store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := st.MockSession(t.Context(), m.p.id)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Nothing was typed after the first seconds, yet the running clock was
	// saved at most clockSaveEvery before the kill.
	if saved.Total < 20*time.Second-clockSaveEvery || saved.Total > 20*time.Second {
		t.Fatalf("last save at %v of interview time, want within %v of 20s", saved.Total, clockSaveEvery)
	}

	r := newMockAppAt(t, MockOptions{Resume: m.p.id, Only: -1}, dir, 80, 24, m.now.Add(time.Hour))
	if got := r.p.m.Total(r.now); got != saved.Total {
		t.Fatalf("resumed an hour later at %v; want the last save's %v", got, saved.Total)
	}
}

func savedState(t *testing.T, dir, id string) *drills.Mock {
	t.Helper()
	st, err := store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.MockSession(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	var m drills.Mock
	if err := json.Unmarshal(s.State, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// BenchmarkMockKeystroke: one key in the notes and the frame drawn, at
// 80×24, with n lines of notes in the step being edited. "type" types a
// letter and deletes it in turn; "enter" ends a line (which saves the
// session: the snapshot is taken in Update, the encoding and writing run
// in the command, which the benchmark does not count) and deletes the
// line break in turn. Either way the line being edited keeps its length
// however many rounds run. The target is 2 ms at 2,000 lines; see
// the README for the figures.
func BenchmarkMockKeystroke(b *testing.B) {
	keys := map[string]tea.KeyPressMsg{"type": {Code: 'a', Text: "a"}, "enter": {Code: tea.KeyEnter}}
	for _, n := range []int{50, 2000, 20000} {
		for _, k := range []string{"type", "enter"} {
			b.Run(fmt.Sprintf("lines=%d/%s", n, k), func(b *testing.B) {
				m := newMockApp(b, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, b.TempDir(), 80, 24)
				var notes strings.Builder
				for i := range n {
					fmt.Fprintf(&notes, "line %d of notes about the design %s\n", i, strings.Repeat("x", i%20))
				}
				m.p.notes.SetValue(notes.String())
				m.p.dirty = true
				round := []tea.KeyPressMsg{keys[k], {Code: tea.KeyBackspace}}
				b.ResetTimer()
				for i := range b.N {
					m.Update(round[i%2])
					_ = m.View()
				}
			})
		}
	}
}

// ? opens the help in empty notes and is text once notes are typed; f1
// opens it always.
func TestMockHelpKeys(t *testing.T) {
	m := newMockApp(t, MockOptions{Problem: "twitter", Seed: 1, Only: -1}, t.TempDir(), 80, 24)
	press(t, m.App, text("?")...)
	if !m.showAll {
		t.Fatal("? in empty notes did not open the help")
	}
	press(t, m.App, text("?")...)
	press(t, m.App, text("why?")...)
	if m.showAll || m.p.notes.Value() != "why?" {
		t.Fatalf("help %v, notes %q", m.showAll, m.p.notes.Value())
	}
	press(t, m.App, tea.KeyPressMsg{Code: tea.KeyF1})
	if !m.showAll {
		t.Fatal("f1 did not open the help")
	}
	press(t, m.App, tea.KeyPressMsg{Code: tea.KeyF1})
	if m.showAll {
		t.Fatal("f1 did not close the help")
	}
}
