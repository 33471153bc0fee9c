package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// DrillEstimateKeys drive the estimation drill: type an answer, grade it,
// go on to the next scenario, scroll the inputs or the derivation.
type DrillEstimateKeys struct {
	Grade, Next, ScrollUp, ScrollDown, PageUp, PageDown key.Binding
}

func defaultDrillEstimateKeys() DrillEstimateKeys {
	return DrillEstimateKeys{
		Grade:      bind(keys("enter"), "enter", "grade"),
		Next:       bind(keys("enter", "n"), "enter/n", "next drill"),
		ScrollUp:   bind(keys("up"), "↑", "scroll up"),
		ScrollDown: bind(keys("down"), "↓", "scroll down"),
		PageUp:     bind(keys("pgup"), "pgup", "page up"),
		PageDown:   bind(keys("pgdown"), "pgdn", "page down"),
	}
}

// drillEstimatePage runs estimation drills: a scenario, one figure to
// estimate, the grade and the estimator's derivation, then the next.
type drillEstimatePage struct {
	c     *Common
	keys  DrillEstimateKeys
	opts  drills.EstimationOptions // the current drill's options; Seed advances
	drill drills.Estimation
	input textinput.Model
	hint  string // why the last answer was refused
	// result is the graded answer; nil while asking.
	result *drills.Result
	// done and passed count this visit's graded drills.
	done, passed int
	saveErr      string    // the last attempt could not be recorded
	shown        time.Time // when the drill appeared, to time the answer
	gen          int       // drill number, to drop stale save results
	vp           viewport.Model
	width        int
	height       int
}

// drillSavedMsg reports the recording of the attempt of drill gen.
type drillSavedMsg struct {
	gen int
	err error
}

func newDrillEstimatePage(c *Common) (*drillEstimatePage, error) {
	p := &drillEstimatePage{c: c, keys: c.Keys.DrillEstimate, vp: viewport.New()}
	if c.Opts.Drill != nil {
		p.opts = *c.Opts.Drill
	} else {
		p.opts.Seed = uint64(c.now().UnixNano())
	}
	p.input = newInput(c)
	p.input.Prompt = "Your answer: "
	p.input.Placeholder = "e.g. 2.3K/s, 7 PB, 115 MB/s"
	p.input.CharLimit = 64
	if err := p.load(); err != nil {
		return nil, err
	}
	return p, nil
}

// load builds the drill for p.opts and resets the answer.
func (p *drillEstimatePage) load() error {
	d, err := drills.NewEstimation(p.opts)
	if err != nil {
		return err
	}
	p.drill, p.result, p.hint, p.saveErr = d, nil, "", ""
	p.shown = p.c.now()
	p.gen++
	p.input.SetValue("")
	p.input.Focus()
	p.vp.GotoTop()
	p.refresh()
	return nil
}

func (p *drillEstimatePage) Enter() tea.Cmd { return nil }
func (p *drillEstimatePage) Leave()         {}
func (p *drillEstimatePage) Title() string  { return "Estimation drill" }

// Typing is true while the answer field has focus.
func (p *drillEstimatePage) Typing() bool { return p.result == nil }

func (p *drillEstimatePage) ShortHelp() []key.Binding {
	if p.result == nil {
		return []key.Binding{p.keys.Grade, p.keys.ScrollDown}
	}
	return []key.Binding{p.keys.Next, p.keys.ScrollUp, p.keys.ScrollDown}
}

func (p *drillEstimatePage) FullHelp() [][]key.Binding {
	act := []key.Binding{p.keys.Grade, p.c.Keys.Nav.ClearField}
	if p.result != nil {
		act = []key.Binding{p.keys.Next}
	}
	return [][]key.Binding{act, {p.keys.ScrollUp, p.keys.ScrollDown, p.keys.PageUp, p.keys.PageDown}}
}

func (p *drillEstimatePage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.input.SetWidth(max(w-displayWidth(p.input.Prompt)-1, 1))
	p.refresh()
}

func (p *drillEstimatePage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case drillSavedMsg:
		if msg.gen == p.gen && msg.err != nil {
			p.saveErr = "not saved: " + msg.err.Error()
			p.refresh()
		}
		return p, nil
	case tea.PasteMsg:
		if p.result == nil {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			return p, cmd
		}
		return p, nil
	case tea.KeyPressMsg:
		return p.key(msg)
	}
	return p, nil
}

func (p *drillEstimatePage) key(km tea.KeyPressMsg) (Page, tea.Cmd) {
	g := p.c.Keys.Global
	switch {
	case key.Matches(km, p.keys.ScrollUp), key.Matches(km, p.keys.ScrollDown),
		key.Matches(km, p.keys.PageUp), key.Matches(km, p.keys.PageDown):
		p.scroll(km)
		return p, nil
	case p.result != nil && key.Matches(km, p.keys.Next):
		p.opts.Seed++
		if err := p.load(); err != nil {
			p.saveErr = err.Error()
		}
		return p, nil
	case p.result != nil:
		return p, nil
	case key.Matches(km, g.Back):
		return p, back
	case key.Matches(km, g.Help):
		return p, toggleHelp // answers never contain "?"
	case key.Matches(km, p.keys.Grade):
		return p, p.grade()
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(km)
	if p.hint != "" {
		p.hint = ""
		p.refresh()
	}
	return p, cmd
}

func (p *drillEstimatePage) scroll(km tea.KeyPressMsg) {
	switch {
	case key.Matches(km, p.keys.ScrollUp):
		p.vp.ScrollUp(1)
	case key.Matches(km, p.keys.ScrollDown):
		p.vp.ScrollDown(1)
	case key.Matches(km, p.keys.PageUp):
		p.vp.PageUp()
	case key.Matches(km, p.keys.PageDown):
		p.vp.PageDown()
	}
}

// grade grades the typed answer; a refused answer leaves a hint and keeps
// the field. The attempt is recorded in a command.
func (p *drillEstimatePage) grade() tea.Cmd {
	res, err := p.drill.Grade(p.input.Value())
	if err != nil {
		p.hint = err.Error()
		p.refresh()
		return nil
	}
	p.result = &res
	p.done++
	if res.Grade.Passed() {
		p.passed++
	}
	p.input.Blur()
	p.vp.GotoTop()
	p.refresh()
	rec, dir := p.c.Opts.DrillRecorder, p.c.Opts.DataDir
	if rec == nil && p.c.Opts.Store != nil {
		rec = p.c.Opts.Store
	}
	if rec == nil && dir == "" {
		return nil
	}
	now := p.c.now()
	attempt, gen, ctx := p.drill.Attempt(res, now, now.Sub(p.shown)), p.gen, p.c.ctx()
	return func() tea.Msg {
		if rec == nil {
			// Opened from the Drill menu: the page records into the data
			// dir's store itself, one open per answer (a few ms).
			st, err := store.Open(ctx, dir)
			if err != nil {
				return drillSavedMsg{gen: gen, err: err}
			}
			defer st.Close()
			rec = st
		}
		_, err := rec.RecordEstimationAttempt(ctx, attempt)
		return drillSavedMsg{gen: gen, err: err}
	}
}
