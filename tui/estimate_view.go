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

// View puts the results beside the form, or under it on a narrow body.
func (p *estimatePage) View() string {
	if p.stacked() {
		rule := p.c.Theme.Subtle.Render(strings.Repeat("─", p.width))
		return p.formView() + "\n" + rule + "\n" + p.vp.View()
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, p.formView(), " │ ", p.vp.View())
}
