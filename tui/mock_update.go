package tui

import (
	"math/rand/v2"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/estimate"
)

// Update handles msg, then sizes the editor again if anything above or
// beside it changed (a hint or status line, a follow-up, another step), so
// the line being typed never falls off the screen.
func (p *mockPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	pg, cmd := p.update(msg)
	if p.m != nil {
		k := mockLayoutKey{p.width, p.height, p.m.Step, p.status, p.followUp, p.showSide(), p.est != nil}
		if k != p.laidOut {
			p.laidOut = k
			p.layout()
		}
	}
	return pg, cmd
}

// mockLayoutKey is what the editor's size depends on.
type mockLayoutKey struct {
	w, h             int
	step             drills.Step
	status, followUp string
	side, est        bool
}

func (p *mockPage) update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case mockTickMsg:
		if msg.gen != p.gen || p.m == nil || p.m.Finished {
			return p, nil
		}
		return p, p.onTick()
	case mockSavedMsg:
		if msg.err != nil {
			p.status = "Not saved: " + msg.err.Error()
		}
		return p, nil
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		if p.m != nil && !p.m.Finished && !p.pinning && p.focus == focusNotes {
			p.dirty = p.notes.Update(msg) || p.dirty
			return p, nil
		}
	}
	return p, nil
}

// onTick shows the follow-up when it falls due, autosaves changed notes,
// and schedules the next tick while the clock runs.
func (p *mockPage) onTick() tea.Cmd {
	if !p.m.Running() {
		return nil // paused: the next tick starts with Resume
	}
	now := p.c.now()
	var cmds []tea.Cmd
	if f := p.m.DueFollowUp(now); f != "" {
		p.followUp = f
		p.syncNotes(now)
		cmds = append(cmds, p.saveCmd())
	} else if p.dirty && now.Sub(p.lastSave) >= autosaveEvery || now.Sub(p.lastSave) >= clockSaveEvery {
		p.syncNotes(now)
		cmds = append(cmds, p.saveCmd())
	}
	return tea.Batch(append(cmds, p.scheduleTick())...)
}

func (p *mockPage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k := p.keys
	if key.Matches(msg, k.Help) {
		return p, toggleHelp
	}
	if key.Matches(msg, p.c.Keys.Global.Help) && (!p.Typing() || p.focus == focusNotes && p.notes.Empty()) {
		// ? opens the help where it cannot be text: off the editor, or in
		// empty notes (f1 works everywhere).
		return p, toggleHelp
	}
	switch {
	case p.m == nil:
		return p.pickerKey(msg)
	case p.m.Finished:
		return p.endKey(msg)
	case p.pinning:
		return p.pinKey(msg)
	}
	now := p.c.now()
	switch {
	case key.Matches(msg, k.Leave):
		return p, back
	case key.Matches(msg, k.Next):
		return p, p.changeStep(true)
	case key.Matches(msg, k.Prev):
		return p, p.changeStep(false)
	case key.Matches(msg, k.Pause):
		p.syncNotes(now)
		p.m.TogglePause(now)
		cmds := []tea.Cmd{p.saveCmd()}
		if p.m.Running() {
			p.gen++
			cmds = append(cmds, p.scheduleTick())
		}
		return p, tea.Batch(cmds...)
	case key.Matches(msg, k.Hint):
		p.syncNotes(now)
		p.status = "Hint: " + p.m.Hint(now)
		return p, p.saveCmd()
	case key.Matches(msg, k.Reveal) && p.m.Step == drills.StepRequirements:
		if !p.m.RevealQuestion() {
			p.status = "Every clarifying question is shown."
		}
		p.layout()
		return p, p.saveCmd()
	case key.Matches(msg, k.Pin) && p.m.Step == drills.StepEstimation:
		if len(p.figures()) == 0 {
			p.status = "No figures to pin: fix the estimate first."
			return p, nil
		}
		p.pinning, p.pinIdx = true, 0
		return p, nil
	case key.Matches(msg, p.c.Keys.Nav.Next), key.Matches(msg, p.c.Keys.Nav.Prev):
		p.cycleFocus() // notes ↔ estimator or side list; ↑/↓ move inside
		return p, nil
	}
	return p.typeKey(msg)
}

// cycleFocus moves focus: notes → estimator (step 2) or side list
// (deep dive) → notes.
func (p *mockPage) cycleFocus() {
	switch {
	case p.focus != focusNotes:
		p.focus = focusNotes
		p.notes.Focus()
		if p.est != nil {
			p.est.setFocus(0)
		}
	case p.m.Step == drills.StepEstimation:
		p.focus = focusEstimate
		p.notes.Blur()
		p.est.setFocus(1)
	case p.m.Step == drills.StepDeepDive && len(p.m.Problem.DeepDives) > 0:
		p.focus = focusSide
		p.notes.Blur()
	}
}

// typeKey sends a key to what has focus.
func (p *mockPage) typeKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	switch p.focus {
	case focusEstimate:
		np, cmd := p.est.Update(msg)
		p.est = np.(*estimatePage)
		return p, cmd
	case focusSide:
		n := p.c.Keys.Nav
		dd := p.m.Problem.DeepDives
		switch {
		case key.Matches(msg, n.Up):
			p.side = max(p.side-1, 0)
		case key.Matches(msg, n.Down):
			p.side = min(p.side+1, len(dd)-1)
		case key.Matches(msg, p.keys.Toggle):
			p.m.ToggleDeepDive(dd[p.side].Title)
			return p, p.saveCmd()
		}
		return p, nil
	}
	if !p.notes.Update(msg) {
		return p, nil
	}
	p.dirty = true
	if key.Matches(msg, p.notes.KeyMap.InsertNewline) {
		// A finished line is saved at once, not at the next autosave.
		p.syncNotes(p.c.now())
		return p, p.saveCmd()
	}
	return p, nil
}

// changeStep moves to the next or previous step, saving the notes first;
// Next on the last step finishes the interview.
func (p *mockPage) changeStep(next bool) tea.Cmd {
	now := p.c.now()
	p.syncNotes(now)
	if next {
		if p.m.Next(now) {
			p.notes.Blur()
			p.end = mockEnd{}
			p.status = ""
			return p.saveCmd()
		}
	} else {
		p.m.Prev(now)
	}
	p.status = ""
	if err := p.openStep(); err != nil {
		p.status = err.Error()
	}
	return p.saveCmd()
}

// pinFigure is one result line of the estimator that can be pinned.
type pinFigure struct{ label, value string }

// figures lists the estimator's current result lines.
func (p *mockPage) figures() []pinFigure {
	if p.est == nil || p.est.report == nil {
		return nil
	}
	r := *p.est.report
	var out []pinFigure
	for _, sec := range r.Sections() {
		for _, st := range sec.Steps {
			out = append(out, pinFigure{estimate.Label(st.Name), r.Value(st)})
		}
	}
	return out
}

func (p *mockPage) pinKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	n, figs := p.c.Keys.Nav, p.figures()
	switch {
	case key.Matches(msg, p.keys.Close):
		p.pinning = false
	case key.Matches(msg, n.Up):
		p.pinIdx = max(p.pinIdx-1, 0)
	case key.Matches(msg, n.Down):
		p.pinIdx = min(p.pinIdx+1, len(figs)-1)
	case key.Matches(msg, p.keys.PinIt) && p.pinIdx < len(figs):
		f := figs[p.pinIdx]
		p.m.AddPin(f.label, f.value, p.c.now())
		p.pinning = false
		p.status = "Pinned " + f.label + " = " + f.value
		return p, p.saveCmd()
	}
	return p, nil
}

func (p *mockPage) pickerKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	n := p.c.Keys.Nav
	total := len(p.choices) + 1 // the last entry is "random"
	switch {
	case key.Matches(msg, n.Up):
		p.pick = (p.pick + total - 1) % total
	case key.Matches(msg, n.Down), key.Matches(msg, n.Next):
		p.pick = (p.pick + 1) % total
	case key.Matches(msg, n.Prev):
		p.pick = (p.pick + total - 1) % total
	case key.Matches(msg, n.Select):
		i := p.pick
		if i == len(p.choices) {
			i = rand.New(rand.NewPCG(p.opts.Seed, 1)).IntN(len(p.choices))
		}
		if err := p.start(p.choices[i]); err != nil {
			p.status = err.Error()
			return p, nil
		}
		return p, tea.Batch(p.scheduleTick(), p.saveCmd())
	}
	return p, nil
}
