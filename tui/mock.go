package tui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui/editor"
)

// MockOptions configure the mock-interview page.
type MockOptions struct {
	// Problem is the problem id; "" opens the picker.
	Problem string
	// Plan is the time per step; the zero value means 45 minutes, 5/5/10/20/5.
	Plan drills.MockPlan
	// Seed picks the follow-up and its moment.
	Seed uint64
	// Only practises one step alone; -1 (or any value outside the steps)
	// runs the whole interview.
	Only drills.Step
	// Resume continues the saved session with this id instead.
	Resume string
}

// Timing of the page: the clock redraws once a second; notes are saved
// when a line is finished (enter), every autosaveEvery while they change,
// and at every step change, so a kill loses at most two seconds of typing.
// While nothing is typed the running clock is still saved every
// clockSaveEvery, so a kill after a long think loses at most that much
// interview time.
const (
	mockTick       = time.Second
	autosaveEvery  = 2 * time.Second
	clockSaveEvery = 5 * time.Second
)

// mockFocus is what receives typed keys.
type mockFocus int

const (
	focusNotes    mockFocus = iota
	focusSide               // the side list: deep dives to take on
	focusEstimate           // the embedded estimator (step 2)
)

// mockPage runs a mock interview: it renders a drills.Mock and sends it
// events; the interview logic lives in drills.
type mockPage struct {
	c    *Common
	keys MockKeys
	opts MockOptions
	lib  *content.Library
	st   *store.Store
	save *mockSaver

	// Before an interview starts: the problem picker.
	choices []*content.Problem
	pick    int

	m        *drills.Mock
	id       string // the session's store id
	notes    editor.Model
	laidOut  mockLayoutKey // the state the editor was last sized for
	est      *estimatePage
	focus    mockFocus
	side     int // cursor in the side list
	pinning  bool
	pinIdx   int
	followUp string // the follow-up on screen in its step
	dirty    bool   // notes changed since the last save
	lastSave time.Time
	status   string
	gen      int // tick generation: a tick of an older one is dropped
	end      mockEnd

	width, height int
}

// mockTickMsg drives the clocks of one generation of ticks.
type mockTickMsg struct {
	gen int
	at  time.Time
}

// mockSavedMsg reports a save's error, if any.
type mockSavedMsg struct{ err error }

func newMockPage(c *Common) (*mockPage, error) {
	lib, err := content.Default()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(c.ctx(), c.Opts.DataDir)
	if err != nil {
		return nil, err
	}
	p := &mockPage{c: c, keys: c.Keys.Mock, opts: c.Opts.Mock, lib: lib, st: st, save: &mockSaver{st: st}, notes: newNotes(c)}
	switch {
	case p.opts.Resume != "":
		err = p.resume(p.opts.Resume)
	case p.opts.Problem != "":
		prob, ok := lib.Problem(p.opts.Problem)
		if !ok {
			err = fmt.Errorf("unknown problem %q", p.opts.Problem)
		} else {
			err = p.start(prob)
		}
	default:
		p.choices = lib.Problems()
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return p, nil
}

// newNotes is the notes editor: no line limit, a steady cursor, and a
// frame that costs the same however long the notes grow.
func newNotes(c *Common) editor.Model {
	ed := editor.New()
	ed.Prompt = "│ "
	ed.Placeholder = "Type your notes…"
	ed.Styles = c.Theme.Notes
	ed.KeyMap.DeleteBeforeCursor = c.Keys.Nav.ClearField
	return ed
}

// start begins a new interview of prob at the clock's now.
func (p *mockPage) start(prob *content.Problem) error {
	plan := p.opts.Plan
	if plan.Total() == 0 {
		var err error
		if plan, err = drills.NewMockPlan(drills.DefaultDuration, drills.DefaultShares); err != nil {
			return err
		}
	}
	p.m = drills.NewMock(drills.NewMockProblem(prob), plan, p.opts.Seed, p.c.now(), p.opts.Only)
	return p.openStep()
}

// resume loads a saved session; its clock restarts on Enter.
func (p *mockPage) resume(id string) error {
	s, err := p.st.MockSession(p.c.ctx(), id)
	if err != nil {
		return err
	}
	var m drills.Mock
	if err := json.Unmarshal(s.State, &m); err != nil {
		return fmt.Errorf("session %s: %w", s.ID, err)
	}
	// The running segment in the snapshot ended when it was saved: a crash
	// or a kill after that is not interview time.
	m.Pause(s.UpdatedAt)
	p.m, p.id = &m, s.ID
	p.status = "Resumed session " + s.ID + " where it stopped."
	return p.openStep()
}

// openStep loads the current step's notes into the editor and gives it
// focus; the estimation step also builds the embedded estimator.
func (p *mockPage) openStep() error {
	// The cursor goes to a fresh line after the step's notes (blank lines
	// are not kept, so the one it sits on is not saved until typed on).
	text := p.m.NotesText(p.m.Step)
	if text != "" {
		text += "\n"
	}
	p.notes.SetValue(text)
	p.notes.Focus()
	p.focus, p.side, p.pinning, p.followUp = focusNotes, 0, false, ""
	if f := p.m.FollowUp; f != nil && f.Shown && f.Step == p.m.Step {
		p.followUp = f.Text
	}
	if p.m.Step == drills.StepEstimation && p.est == nil {
		c := *p.c
		c.Opts.Preset, c.Opts.Values = p.m.Problem.Preset, nil
		est, err := newEstimatePage(&c)
		if err != nil {
			return err
		}
		p.est = est
	}
	p.layout()
	return nil
}

func (p *mockPage) Title() string {
	if p.m == nil {
		return "Mock interview"
	}
	return "Mock · " + p.m.Problem.Title
}

// Typing: the notes editor and the estimator's fields take printable keys.
func (p *mockPage) Typing() bool {
	return p.m != nil && !p.m.Finished && (p.focus == focusNotes || p.focus == focusEstimate && p.est.Typing())
}

// Enter restarts the clock (a resumed or left interview stays where it
// was until now) and the ticks.
func (p *mockPage) Enter() tea.Cmd {
	p.gen++
	if p.m == nil || p.m.Finished {
		return nil
	}
	if !p.m.Running() && p.opts.Resume != "" {
		p.m.Resume(p.c.now())
		p.opts.Resume = ""
	}
	return tea.Batch(p.scheduleTick(), p.saveCmd())
}

// Leave pauses the interview (a hidden interview does not run) and saves.
func (p *mockPage) Leave() {
	p.gen++
	p.status = ""
	if p.m == nil || p.m.Finished {
		return
	}
	now := p.c.now()
	p.syncNotes(now)
	p.m.Pause(now)
	if cmd := p.saveCmd(); cmd != nil {
		cmd() // saving on the way out: the program may be ending
	}
}

// Close saves a running interview one last time and closes the store.
func (p *mockPage) Close() error {
	if p.m != nil && !p.m.Finished {
		now := p.c.now()
		p.syncNotes(now)
		p.m.Pause(now)
		if cmd := p.saveCmd(); cmd != nil {
			cmd()
		}
	}
	return p.st.Close()
}

func (p *mockPage) scheduleTick() tea.Cmd {
	gen := p.gen
	return p.c.tick(mockTick, func(t time.Time) tea.Msg { return mockTickMsg{gen: gen, at: t} })
}

// syncNotes copies the editor into the interview when it changed.
func (p *mockPage) syncNotes(now time.Time) {
	if p.dirty && p.m != nil {
		p.m.SetNotes(p.m.Step, p.notes.Value(), now)
		p.dirty = false
	}
}

// saveCmd snapshots the interview now (a Clone, in Update) and encodes,
// grades and writes it in a command, in order: the work that grows with
// the notes stays off the keystroke.
func (p *mockPage) saveCmd() tea.Cmd {
	if p.m == nil {
		return nil
	}
	now := p.c.now()
	if p.id == "" {
		p.id = p.save.newID()
	}
	snap, id := p.m.Clone(), p.id
	p.lastSave = now
	seq := p.save.next()
	ctx := p.c.ctx()
	return func() tea.Msg {
		state, err := json.Marshal(snap)
		if err != nil {
			return mockSavedMsg{err: err}
		}
		sum, _ := snap.RubricScore()
		s := store.MockSession{ID: id, Problem: snap.Problem.ID, StartedAt: snap.Started, UpdatedAt: now, Finished: snap.Finished,
			Total: snap.Total(now), Coverage: snap.Coverage().Fraction, RubricTotal: sum, State: state}
		return mockSavedMsg{err: p.save.write(ctx, seq, s)}
	}
}

// mockSaver writes snapshots in the order they were taken: a command that
// runs late never overwrites a newer snapshot.
type mockSaver struct {
	st      *store.Store
	mu      sync.Mutex
	seq     int
	written int
}

func (s *mockSaver) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return s.seq
}

// newID is a fresh 8-hex-digit session id.
func (s *mockSaver) newID() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b[:])
}

// write saves m unless a newer snapshot was written already. It saves
// even when ctx is cancelled: the last save happens as the app quits.
func (s *mockSaver) write(ctx context.Context, seq int, m store.MockSession) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.written {
		return nil
	}
	s.written = seq
	_, err := s.st.SaveMock(context.WithoutCancel(ctx), m)
	return err
}

func (p *mockPage) ShortHelp() []key.Binding {
	k := p.keys
	switch {
	case p.m == nil:
		return []key.Binding{p.c.Keys.Nav.Up, p.c.Keys.Nav.Down, p.c.Keys.Nav.Select}
	case p.m.Finished:
		return []key.Binding{p.c.Keys.Nav.Next, k.Score, k.Overrule, k.Help}
	case p.pinning:
		return []key.Binding{p.c.Keys.Nav.Up, p.c.Keys.Nav.Down, k.PinIt} // esc closes: the app lists it
	}
	hs := []key.Binding{p.nextKey(), k.Pause, k.Hint}
	switch p.m.Step {
	case drills.StepRequirements:
		hs = append(hs, k.Reveal)
	case drills.StepEstimation:
		hs = append(hs, k.Pin)
	}
	return append(hs, p.c.Keys.Nav.Next, k.Help)
}

// nextKey is the next-step key, named for what it does here: on the last
// step, or a step practised alone, it finishes the interview.
func (p *mockPage) nextKey() key.Binding {
	if p.m.Only || p.m.Step == drills.StepWrapUp {
		return withHelp(p.keys.Next, "finish")
	}
	return p.keys.Next
}

func (p *mockPage) FullHelp() [][]key.Binding {
	k, n := p.keys, p.c.Keys.Nav
	switch {
	case p.m == nil:
		return [][]key.Binding{{n.Up, n.Down, n.Select}}
	case p.m.Finished:
		return [][]key.Binding{{n.Next, n.Up, n.Down}, {k.Score, k.Overrule, k.Help}}
	}
	steps := []key.Binding{p.nextKey(), k.Prev, k.Pause, k.Hint, k.Help}
	if p.m.Only {
		steps = slices.Delete(steps, 1, 2) // one step alone has no previous
	}
	groups := [][]key.Binding{
		steps,
		{k.Reveal, k.Pin, n.Next, withHelp(n.ClearField, "delete to line start"), k.Leave},
	}
	if p.m.Step == drills.StepDeepDive {
		groups = append(groups, []key.Binding{n.Up, n.Down, k.Toggle})
	}
	return groups
}
