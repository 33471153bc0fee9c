package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/estimate"
)

// formWidth is the width of the estimate form column.
const (
	labelWidth = 17
	formWidth  = labelWidth + 16
)

// estimatePage is a form of estimator inputs on the left and the computed
// estimate, with every derivation, on the right. It recomputes on every
// keystroke.
type estimatePage struct {
	c      *Common
	keys   EstimateKeys
	preset int // index into presetChoices; 0 is "none"
	inputs []textinput.Model
	focus  int // 0 is the preset picker, i+1 is inputs[i]
	errs   map[string]string
	report *estimate.Report // last valid report
	stale  bool             // the form is invalid; report is the last valid one
	status string
	vp     viewport.Model

	width, height int
	offset        int // first form row shown
}

// presetChoices is "none" followed by every preset name.
var presetChoices = append([]string{"none"}, estimate.PresetNames()...)

// exportedMsg reports the result of writing the markdown report to a file.
type exportedMsg struct {
	path string
	err  error
}

func newEstimatePage(c *Common) (*estimatePage, error) {
	p := &estimatePage{
		c:    c,
		vp:   viewport.New(),
		keys: c.Keys.Estimate,
	}
	for range estimate.Params {
		in := newInput(c)
		in.Prompt = ""
		in.CharLimit = 24
		p.inputs = append(p.inputs, in)
	}
	opts := c.Opts
	if opts.Preset != "" {
		i := indexOf(presetChoices, opts.Preset)
		if i < 0 {
			return nil, fmt.Errorf("unknown preset %q", opts.Preset)
		}
		p.preset = i
	}
	p.loadPreset()
	for i, prm := range estimate.Params {
		if v, ok := opts.Values[prm.Name]; ok {
			p.inputs[i].SetValue(v)
		}
	}
	if p.preset == 0 && len(opts.Values) == 0 {
		p.inputs[paramIndex(estimate.PDAU)].SetValue("100M")
	}
	p.recompute()
	return p, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func paramIndex(name string) int {
	for i, p := range estimate.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

func (p *estimatePage) Enter() tea.Cmd { return nil }

// Leave drops the status line: a "saved" message does not outlive the
// visit it belongs to.
func (p *estimatePage) Leave()        { p.status = "" }
func (p *estimatePage) Title() string { return "Estimate" }

// Typing is true while a text field has focus.
func (p *estimatePage) Typing() bool { return p.focus > 0 }

func (p *estimatePage) ShortHelp() []key.Binding {
	b := []key.Binding{p.keys.Next}
	if p.focus == 0 {
		b = append(b, p.keys.NextPreset)
	}
	// Scrolling comes before saving: at 80 columns only the first section
	// of the results fits, and the bar has room for four keys.
	b = append(b, p.keys.ScrollUp, p.keys.Export)
	if p.width >= 100 {
		b = append(b, p.keys.Copy)
	}
	return b
}

func (p *estimatePage) FullHelp() [][]key.Binding {
	k := p.c.Keys
	e := k.Estimate
	return [][]key.Binding{
		{e.Next, e.Prev, e.NextPreset, k.Nav.ClearField},
		{e.ScrollUp, e.ScrollDown, e.Export, e.Copy},
	}
}

func (p *estimatePage) SetSize(w, h int) {
	p.width, p.height = w, h
	rw := max(w-formWidth-3, 10)
	p.vp.SetWidth(rw)
	p.vp.SetHeight(max(h, 1))
	for i := range p.inputs {
		p.inputs[i].SetWidth(formWidth - labelWidth - 2)
	}
	p.renderResults()
	p.scrollForm()
}

func (p *estimatePage) selectedPreset() *estimate.Preset {
	if p.preset == 0 {
		return nil
	}
	pr, _ := estimate.PresetByName(presetChoices[p.preset])
	return pr
}

// loadPreset fills the inputs from the chosen preset.
func (p *estimatePage) loadPreset() {
	s := estimate.NewScenario(p.selectedPreset())
	for i, prm := range estimate.Params {
		v := ""
		if set, ok := s.Get(prm.Name); ok {
			v = set.Value
		}
		p.inputs[i].SetValue(v)
	}
}

// scenario builds the estimator scenario from the preset and the form.
func (p *estimatePage) scenario() (estimate.Scenario, error) {
	s := estimate.NewScenario(p.selectedPreset())
	for i, prm := range estimate.Params {
		v := strings.TrimSpace(p.inputs[i].Value())
		cur, ok := s.Get(prm.Name)
		switch {
		case v == "":
			s.Unset(prm.Name)
		case ok && cur.Value == v:
			// unchanged preset value
		default:
			if err := s.Set(prm.Name, v); err != nil {
				return s, err
			}
		}
	}
	return s, nil
}

// placeholders shows a parameter's default in its empty field only when
// the default is in use: a field whose alternative has a value (say
// reads-per-user beside read-write-ratio) shows nothing.
func (p *estimatePage) placeholders() {
	for i, prm := range estimate.Params {
		ph := prm.Default
		if prm.Name == estimate.PReadSize {
			ph = "= write-size"
		}
		for j, other := range estimate.Params {
			if j != i && prm.Group != estimate.GroupNone && other.Group == prm.Group && strings.TrimSpace(p.inputs[j].Value()) != "" {
				ph = ""
			}
		}
		p.inputs[i].Placeholder = ph
	}
}

// recompute validates every field and reruns the estimate.
func (p *estimatePage) recompute() {
	p.placeholders()
	p.errs = map[string]string{}
	for i, prm := range estimate.Params {
		if v := strings.TrimSpace(p.inputs[i].Value()); v != "" {
			if err := prm.Check(v); err != nil {
				p.errs[prm.Name] = reason(err)
			}
		}
	}
	s, err := p.scenario()
	if err == nil && len(p.errs) == 0 {
		var in estimate.Inputs
		var as []estimate.Assumption
		in, as, err = estimate.Resolve(s)
		if err == nil {
			r := estimate.Report{Preset: p.selectedPreset(), Estimate: estimate.Compute(in), Assumptions: as}
			p.report, p.stale = &r, false
			p.renderResults()
			return
		}
	}
	if err != nil {
		var pe *estimate.ParseError
		switch {
		case errors.As(err, &pe):
			p.errs[pe.Field] = reason(err)
		case errors.Is(err, estimate.ErrNoVolume):
			p.errs[estimate.PDAU] = "give dau, mau or writes"
		default:
			p.errs[estimate.PDAU] = err.Error()
		}
	}
	p.stale = true
	p.renderResults()
}

// reason shortens a parse error for the form: the field name is already
// on screen.
func reason(err error) string {
	var pe *estimate.ParseError
	if errors.As(err, &pe) {
		r := pe.Reason
		if r == "" {
			r = "invalid"
		}
		return r + "; expected " + pe.Accepted
	}
	return err.Error()
}

func (p *estimatePage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		if msg.err != nil {
			p.status = p.c.Theme.Error.Render("export failed: " + msg.err.Error())
		} else {
			p.status = p.c.Theme.Success.Render("saved " + msg.path)
		}
		return p, nil
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p *estimatePage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k := p.keys
	p.status = "" // a message lasts until the next key
	switch {
	case key.Matches(msg, p.c.Keys.Global.Back):
		return p, back
	case key.Matches(msg, p.c.Keys.Global.Help):
		// No value has a ?, so it opens the help even in a field.
		return p, toggleHelp
	case key.Matches(msg, k.Next):
		p.setFocus(p.focus + 1)
		return p, nil
	case key.Matches(msg, k.Prev):
		p.setFocus(p.focus - 1)
		return p, nil
	case key.Matches(msg, k.Export):
		return p, p.export()
	case key.Matches(msg, k.Copy):
		if p.report == nil || p.stale {
			p.status = p.c.Theme.Error.Render("fix the highlighted field first")
			return p, nil
		}
		p.status = p.c.Theme.Success.Render("markdown report copied to the clipboard")
		return p, tea.SetClipboard(p.markdown())
	case key.Matches(msg, k.ScrollUp):
		p.vp.PageUp()
		return p, nil
	case key.Matches(msg, k.ScrollDown):
		p.vp.PageDown()
		return p, nil
	}
	if p.focus == 0 {
		switch {
		case key.Matches(msg, k.PrevPreset):
			p.preset = (p.preset + len(presetChoices) - 1) % len(presetChoices)
		case key.Matches(msg, k.NextPreset):
			p.preset = (p.preset + 1) % len(presetChoices)
		default:
			return p, nil
		}
		p.loadPreset()
		p.status = ""
		p.recompute()
		p.vp.GotoTop()
		return p, nil
	}
	i := p.focus - 1
	before := p.inputs[i].Value()
	var cmd tea.Cmd
	p.inputs[i], cmd = p.inputs[i].Update(msg)
	if p.inputs[i].Value() != before {
		p.clearAlternatives(i)
		p.status = ""
		p.recompute()
	}
	return p, cmd
}

// clearAlternatives empties the fields that are alternatives to field i
// (e.g. typing reads-per-user clears read-write-ratio), as the flags do.
func (p *estimatePage) clearAlternatives(i int) {
	prm := estimate.Params[i]
	if prm.Group == estimate.GroupNone || strings.TrimSpace(p.inputs[i].Value()) == "" {
		return
	}
	for j, other := range estimate.Params {
		if j != i && other.Group == prm.Group {
			p.inputs[j].SetValue("")
		}
	}
}

func (p *estimatePage) setFocus(f int) {
	n := len(p.inputs) + 1
	f = (f + n) % n
	if p.focus > 0 {
		p.inputs[p.focus-1].Blur()
	}
	p.focus = f
	if f > 0 {
		p.inputs[f-1].Focus()
		p.inputs[f-1].CursorEnd()
	}
	p.scrollForm()
}

// formRows is how many parameter rows fit beside the preset picker and
// the status lines.
func (p *estimatePage) formRows() int { return max(p.height-5, 3) }

func (p *estimatePage) scrollForm() {
	rows := p.formRows()
	i := p.focus - 1
	if i < p.offset {
		p.offset = max(i, 0)
	}
	if i >= p.offset+rows {
		p.offset = i - rows + 1
	}
	p.offset = min(p.offset, max(len(p.inputs)-rows, 0))
}

func (p *estimatePage) markdown() string {
	var b strings.Builder
	_ = p.report.Write(&b, estimate.FormatMarkdown)
	return b.String()
}

// export writes the markdown report under the data directory, in a command.
func (p *estimatePage) export() tea.Cmd {
	if p.report == nil || p.stale {
		p.status = p.c.Theme.Error.Render("fix the highlighted field first")
		return nil
	}
	md := p.markdown()
	name := "custom"
	if pr := p.selectedPreset(); pr != nil {
		name = pr.Name
	}
	dir, now := p.c.Opts.DataDir, p.c.now()
	return func() tea.Msg {
		path, err := saveReport(dir, name, now, md)
		return exportedMsg{path: path, err: err}
	}
}
