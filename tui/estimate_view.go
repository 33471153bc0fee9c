package tui

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/estimate"
)

// saveReport writes md to <dir>/estimates/<name>-<time>.md and returns the
// path. It creates the directory when needed.
func saveReport(dir, name string, now time.Time, md string) (string, error) {
	if dir == "" {
		dir = "."
	}
	d := filepath.Join(dir, "estimates")
	if err := os.MkdirAll(d, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(d, name+"-"+now.Format("20060102-150405")+".md")
	return path, os.WriteFile(path, []byte(md), 0o644)
}

// renderResults lays out the report for the results pane. It runs when the
// inputs or the size change, never in View.
func (p *estimatePage) renderResults() {
	if p.report == nil || p.width == 0 {
		return
	}
	t := p.c.Theme
	w := p.vp.Width()
	r := *p.report
	var b strings.Builder
	if p.stale {
		b.WriteString(t.Warning.Render(wrap("Showing the last valid estimate: fix the highlighted field.", w)))
		b.WriteString("\n\n")
	}
	for i, sec := range r.Sections() {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(t.Title.Render(sec.Title))
		b.WriteString("\n")
		for _, st := range sec.Steps {
			label := estimate.Label(st.Name)
			val := r.Value(st)
			gap := max(w-lipgloss.Width(label)-lipgloss.Width(val), 1)
			line := label + strings.Repeat(" ", gap) + t.Strong.Render(val)
			if lipgloss.Width(label)+1+lipgloss.Width(val) > w {
				line = label + "\n  " + t.Strong.Render(val)
			}
			b.WriteString(line)
			b.WriteString("\n")
			b.WriteString(t.Subtle.Render(indent(wrap(st.Formula, w-4), "    ")))
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	b.WriteString(t.Title.Render("Assumptions"))
	b.WriteString("\n")
	for _, a := range r.Assumptions {
		line := a.Name + " = " + a.Text + " (" + a.Source + ")"
		if a.Note != "" {
			line += " — " + a.Note
		}
		b.WriteString(wrap(line, w))
		b.WriteString("\n")
	}
	b.WriteString(t.Subtle.Render(wrap(r.Conventions(), w)))
	p.vp.SetContent(b.String())
}

func (p *estimatePage) View() string {
	return lipgloss.JoinHorizontal(lipgloss.Top, p.formView(), " │ ", p.vp.View())
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
