package tui

import (
	"errors"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// The estimate page's form: the preset picker and one text field per
// parameter, validated on every keystroke.

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

func (p *estimatePage) formView() string {
	t := p.c.Theme
	var rows []string
	presetLabel := "preset "
	preset := "◂ " + presetChoices[p.preset] + " ▸"
	if p.focus == 0 {
		rows = append(rows, t.Focused.Render(presetLabel)+t.Selected.Render(preset))
	} else {
		rows = append(rows, t.Label.Render(presetLabel)+preset)
	}
	rows = append(rows, "")
	end := min(p.offset+p.formRows(), len(p.inputs))
	for i := p.offset; i < end; i++ {
		prm := estimate.Params[i]
		label := padRight(prm.Name, labelWidth)
		switch {
		case p.errs[prm.Name] != "":
			label = t.Error.Render("✗ " + padRight(prm.Name, labelWidth-2))
		case p.focus == i+1:
			label = t.Focused.Render(label)
		default:
			label = t.Label.Render(label)
		}
		rows = append(rows, truncate(label+p.inputs[i].View(), formWidth))
	}
	rows = append(rows, "")
	rows = append(rows, p.hint()...)
	for len(rows) < p.height {
		rows = append(rows, "")
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows[:min(len(rows), p.height)] {
		out = append(out, padRight(truncate(r, formWidth), formWidth))
	}
	return strings.Join(out, "\n")
}

// hint is the two lines under the form: the focused field's error or help,
// or the last status message.
func (p *estimatePage) hint() []string {
	t := p.c.Theme
	if p.status != "" {
		return strings.Split(wrapLines(p.status, formWidth, 2), "\n")
	}
	if p.focus > 0 {
		prm := estimate.Params[p.focus-1]
		if e := p.errs[prm.Name]; e != "" {
			return strings.Split(t.Error.Render(wrapLines(e, formWidth, 2)), "\n")
		}
	} else if len(p.errs) > 0 {
		for _, prm := range estimate.Params {
			if e := p.errs[prm.Name]; e != "" {
				return strings.Split(t.Error.Render(wrapLines(prm.Name+": "+e, formWidth, 2)), "\n")
			}
		}
	}
	if p.focus > 0 {
		return strings.Split(t.Subtle.Render(wrapLines(estimate.Params[p.focus-1].Help, formWidth, 2)), "\n")
	}
	return strings.Split(t.Subtle.Render(wrapLines("←/→ picks a preset; edit any field to override it.", formWidth, 2)), "\n")
}

// wrapLines wraps s to width and keeps at most n lines.
func wrapLines(s string, width, n int) string {
	lines := strings.Split(wrap(s, width), "\n")
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = truncate(lines[n-1]+" …", width)
	}
	return strings.Join(lines, "\n")
}
