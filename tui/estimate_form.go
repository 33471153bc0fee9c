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

// loadPreset fills the inputs from the chosen preset; "none" starts from
// noneDAU daily users, whichever way the user came back to it.
func (p *estimatePage) loadPreset() {
	s := estimate.NewScenario(p.selectedPreset())
	for i, prm := range estimate.Params() {
		v := ""
		if set, ok := s.Get(prm.Name); ok {
			v = set.Value
		}
		p.inputs[i].SetValue(v)
	}
	if p.preset == 0 {
		p.inputs[paramIndex(estimate.PDAU)].SetValue(noneDAU)
	}
}

// scenario builds the estimator scenario from the preset and the form.
func (p *estimatePage) scenario() (estimate.Scenario, error) {
	s := estimate.NewScenario(p.selectedPreset())
	for i, prm := range estimate.Params() {
		v := strings.TrimSpace(p.inputs[i].Value())
		cur, ok := s.Get(prm.Name)
		switch {
		case v == "":
			s.Unset(prm.Name)
		case ok && cur.Value == v:
			// unchanged preset value
		default:
			// A value typed here is "edited"; one still as the command
			// line gave it stays "flag".
			set := s.Edit
			if fv, ok := p.c.Opts.Values[prm.Name]; ok && strings.TrimSpace(fv) == v {
				set = s.Set
			}
			if err := set(prm.Name, v); err != nil {
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
	for i, prm := range estimate.Params() {
		ph := prm.Default
		if prm.Name == estimate.PReadSize {
			ph = "= write-size"
		}
		for j, other := range estimate.Params() {
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
	for i, prm := range estimate.Params() {
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
	prm := estimate.Params()[i]
	if prm.Group == estimate.GroupNone || strings.TrimSpace(p.inputs[i].Value()) == "" {
		return
	}
	for j, other := range estimate.Params() {
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

// stacked reports whether the results go under the form.
func (p *estimatePage) stacked() bool { return p.width < estimateStackWidth }

// formRows is how many parameter rows are shown: beside the results, all
// that fit with the preset picker, the scroll marks and the hint; above
// them, about half the height.
func (p *estimatePage) formRows() int {
	if p.stacked() {
		return min(max((p.height-9)/2, 2), len(p.inputs))
	}
	return max(p.height-5, 3)
}

// formHeight is the rows the form takes: the picker, a scroll mark above
// and below the fields, the fields and two hint lines.
func (p *estimatePage) formHeight() int { return p.formRows() + 5 }

// hintWidth is the width of the hint lines: the form's, or the whole
// page's when the results are under the form.
func (p *estimatePage) hintWidth() int {
	if p.stacked() {
		return p.width
	}
	return formWidth
}

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
	presetLabel := strings.Repeat(" ", markWidth) + padRight("preset", labelWidth-markWidth)
	preset := "◂ " + presetChoices[p.preset] + " ▸"
	if p.focus == 0 {
		rows = append(rows, t.Focused.Render(presetLabel)+t.Selected.Render(preset))
	} else {
		rows = append(rows, t.Label.Render(presetLabel)+preset)
	}
	end := min(p.offset+p.formRows(), len(p.inputs))
	rows = append(rows, p.scrollMark("↑", p.offset))
	for i := p.offset; i < end; i++ {
		prm := estimate.Params()[i]
		mark := strings.Repeat(" ", markWidth)
		if p.errs[prm.Name] != "" {
			mark = t.Error.Render(padRight("✗", markWidth))
		}
		name := padRight(prm.Name, labelWidth-markWidth)
		switch {
		case p.errs[prm.Name] != "":
			name = t.Error.Render(name)
		case p.focus == i+1:
			name = t.Focused.Render(name)
		default:
			name = t.Label.Render(name)
		}
		rows = append(rows, truncate(mark+name+p.inputs[i].View(), formWidth))
	}
	rows = append(rows, p.scrollMark("↓", len(p.inputs)-end))
	rows = append(rows, p.hint()...)
	height, width := p.height, formWidth
	if p.stacked() {
		height, width = p.formHeight(), p.width
	}
	for len(rows) < height {
		rows = append(rows, "")
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows[:min(len(rows), height)] {
		out = append(out, padRight(truncate(r, width), width))
	}
	return strings.Join(out, "\n")
}

// scrollMark says how many fields are hidden above (↑) or below (↓) the
// form, or is blank when none are.
func (p *estimatePage) scrollMark(arrow string, n int) string {
	if n <= 0 {
		return ""
	}
	return p.c.Theme.Subtle.Render(strings.Repeat(" ", markWidth) + arrow + " " + plural(n, "more field") + " (tab)")
}

// hint is the two lines under the form: the focused field's error or help,
// or the last status message.
func (p *estimatePage) hint() []string {
	t := p.c.Theme
	w := p.hintWidth()
	if p.saved != "" {
		// The whole path, or its end: the file name is what matters.
		return []string{t.Success.Render("saved the report to"), t.Success.Render(shortenLeft(p.saved, w))}
	}
	if p.status != "" {
		return strings.Split(wrapLines(p.status, w, 2), "\n")
	}
	if p.focus > 0 {
		prm := estimate.Params()[p.focus-1]
		if e := p.errs[prm.Name]; e != "" {
			return strings.Split(t.Error.Render(wrapLines(e, w, 2)), "\n")
		}
	} else if len(p.errs) > 0 {
		for _, prm := range estimate.Params() {
			if e := p.errs[prm.Name]; e != "" {
				return strings.Split(t.Error.Render(wrapLines(prm.Name+": "+e, w, 2)), "\n")
			}
		}
	}
	if p.focus > 0 {
		return strings.Split(t.Subtle.Render(wrapLines(estimate.Params()[p.focus-1].Help, w, 2)), "\n")
	}
	return strings.Split(t.Subtle.Render(wrapLines("←/→ picks a preset; edit any field to override it.", w, 2)), "\n")
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
