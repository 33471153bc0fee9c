package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/estimate"
)

// drillTop is the heading, the conventions and a blank line.
const drillTop = 3

// refresh lays out the scrolling part for the current state; it runs on
// input and resize, never in View.
func (p *drillEstimatePage) refresh() {
	if p.width == 0 {
		return
	}
	if p.result == nil {
		p.vp.SetContent(p.inputsView())
	} else {
		p.vp.SetContent(p.resultView())
	}
	p.vp.SetWidth(p.width)
	p.vp.SetHeight(max(p.height-drillTop-lipgloss.Height(p.bottom()), 1))
}

// inputsView lists the scenario's inputs, one per line, cut to the width.
func (p *drillEstimatePage) inputsView() string {
	t := p.c.Theme
	lines := []string{t.Title.Render("Inputs")}
	for _, l := range p.drill.InputLines() {
		lines = append(lines, truncate("  "+l, p.width))
	}
	return strings.Join(lines, "\n")
}

// resultView shows the answer against the truth, the grade, and the
// estimator's derivation.
func (p *drillEstimatePage) resultView() string {
	t, r, d := p.c.Theme, p.result, p.drill
	answer := estimate.Amount{Value: r.Answer, Dim: d.Quantity.Dim}
	lines := []string{
		t.Label.Render("Question     ") + wrap(d.Quantity.Question, p.width-13),
		t.Label.Render("Your answer  ") + estimate.HumanAmount(answer),
		t.Label.Render("True answer  ") + t.Strong.Render(d.TruthText()),
		gradeStyle(t, r.Grade).Render(strings.ToUpper(r.Grade.String())) + "  " + r.Off(),
		"",
		t.Title.Render("Derivation"),
	}
	for _, st := range d.Derivation() {
		lines = append(lines, t.Text.Render(estimate.Label(st.Name)),
			t.Subtle.Render(indent(wrap(st.Formula, p.width-2), "  ")))
	}
	return strings.Join(lines, "\n")
}

// gradeStyle colours a grade: exact and pass succeed, off warns, miss fails.
func gradeStyle(t *Theme, g drills.Grade) lipgloss.Style {
	switch g {
	case drills.GradeExact, drills.GradePass:
		return t.Success.Bold(true)
	case drills.GradeOff:
		return t.Warning
	}
	return t.Error
}

// bottom is the fixed part under the scrolling one: the question and the
// answer field with its hint, or the session's tally after grading.
func (p *drillEstimatePage) bottom() string {
	t := p.c.Theme
	var lines []string
	if p.result == nil {
		lines = append(lines, "", t.Strong.Render(wrap(p.drill.Quantity.Question, p.width)), p.input.View())
		if p.hint != "" {
			lines = append(lines, t.Warning.Render(wrap(p.hint, p.width)))
		}
	} else {
		tally := fmt.Sprintf("%d %s this session, %d passed", p.done, pluralDrill(p.done), p.passed)
		lines = append(lines, "", t.Subtle.Render(tally))
	}
	if p.saveErr != "" {
		lines = append(lines, t.Error.Render(truncate(p.saveErr, p.width)))
	}
	return strings.Join(lines, "\n")
}

func pluralDrill(n int) string {
	if n == 1 {
		return "drill"
	}
	return "drills"
}

func (p *drillEstimatePage) View() string {
	t := p.c.Theme
	head := t.Title.Render(truncate(p.drill.Heading(), p.width)) + "\n" +
		t.Subtle.Render(truncate(drills.Conventions, p.width)) + "\n"
	return head + "\n" + p.vp.View() + "\n" + p.bottom()
}
