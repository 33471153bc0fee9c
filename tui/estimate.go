package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/estimate"
)

// Layout of the estimate page.
const (
	// markWidth is the column before each field's name where an invalid
	// field's ✗ goes, so that the values stay aligned.
	markWidth = 2
	// labelWidth is the marker and the longest name with a space.
	labelWidth = markWidth + 17
	// formWidth is the width of the form column.
	formWidth = labelWidth + 16
	// estimateStackWidth is the body width below which the results go
	// under the form instead of beside it (a terminal below 90 columns):
	// beside a 35-column form every formula would wrap.
	estimateStackWidth = 88
	// estimateMaxResults caps the results pane, so that on a wide
	// terminal the values stay near their labels.
	estimateMaxResults = 88
	// noneDAU is the daily users the "none" preset starts with, every time.
	noneDAU = "100M"
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
	status string           // styled: the last message, until the next key
	saved  string           // the path of the last report saved, until the next key
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
	for range estimate.Params() {
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
	if p.preset == 0 && len(opts.Values) > 0 {
		// The command line gives the volume (or says it is missing).
		p.inputs[paramIndex(estimate.PDAU)].SetValue("")
	}
	for i, prm := range estimate.Params() {
		if v, ok := opts.Values[prm.Name]; ok {
			p.inputs[i].SetValue(v)
		}
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
	for i, p := range estimate.Params() {
		if p.Name == name {
			return i
		}
	}
	return -1
}

func (p *estimatePage) Enter() tea.Cmd { return nil }

// Leave drops the status line: a "saved" message does not outlive the
// visit it belongs to.
func (p *estimatePage) Leave() { p.clearStatus() }

// clearStatus drops the message under the form.
func (p *estimatePage) clearStatus()  { p.status, p.saved = "", "" }
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
	if p.stacked() {
		p.vp.SetWidth(max(min(w, estimateMaxResults), 10))
		p.vp.SetHeight(max(h-p.formHeight()-1, 1))
	} else {
		p.vp.SetWidth(max(min(w-formWidth-3, estimateMaxResults), 10))
		p.vp.SetHeight(max(h, 1))
	}
	for i := range p.inputs {
		p.inputs[i].SetWidth(formWidth - labelWidth - 2)
	}
	p.renderResults()
	p.scrollForm()
}

func (p *estimatePage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case exportedMsg:
		if msg.err != nil {
			p.status = p.c.Theme.Error.Render("export failed: " + msg.err.Error())
		} else {
			p.status, p.saved = "", msg.path
		}
		return p, nil
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p *estimatePage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k := p.keys
	p.clearStatus() // a message lasts until the next key
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
		p.recompute()
	}
	return p, cmd
}

func (p *estimatePage) markdown() string {
	var b strings.Builder
	_ = p.report.Markdown(&b)
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
