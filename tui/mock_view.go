package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/drills"
)

// sideWidth is the width of the side panel beside the notes; it is shown
// from minSideTotal columns on.
const (
	sideWidth    = 30
	minSideTotal = 72
)

// stepPrompts say what each step is for, in the candidate's terms.
var stepPrompts = [drills.NumSteps]string{
	"Ask what the system must do and for whom; agree the scale and the non-functional targets. ctrl+r reveals the interviewer's answers one at a time.",
	"Estimate traffic, storage and bandwidth from the assumptions; change them and watch the results. Pin figures you will use later.",
	"Sketch the API, the data model and the main components, and follow one request through them.",
	"Take on the hard parts in depth: partitioning, consistency, hot spots, failures. Pick topics on the right (tab).",
	"Find single points of failure and scaling limits, say what you would monitor and alert on, and sum up the trade-offs.",
}

func (p *mockPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.layout()
}

// layout sizes the notes editor and the embedded estimator.
func (p *mockPage) layout() {
	if p.m == nil || p.width == 0 {
		return
	}
	w, h := p.width, max(p.height-p.headerHeight(), 3)
	if p.m.Step == drills.StepEstimation && p.est != nil {
		notesH := max(h/4, 3)
		p.est.SetSize(w, max(h-notesH-1, 3))
		p.notes.SetWidth(w)
		p.notes.SetHeight(notesH)
		return
	}
	if p.showSide() {
		w -= sideWidth + 1
	}
	fh := 0
	if p.followUp != "" {
		fh = lipgloss.Height(p.followUpBox(w))
	}
	p.notes.SetWidth(w)
	p.notes.SetHeight(max(h-fh, 3))
}

// headerHeight is the rows above the notes: the clock line, the prompt
// and a blank line.
func (p *mockPage) headerHeight() int {
	return 2 + lipgloss.Height(p.promptText()) + p.statusHeight()
}

func (p *mockPage) statusHeight() int {
	if p.status == "" {
		return 0
	}
	return lipgloss.Height(p.statusText())
}

// statusText is the status line, wrapped to at most three lines (a hint
// is worth reading whole).
func (p *mockPage) statusText() string {
	lines := strings.Split(wrap(p.status, p.width), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = truncate(lines[2]+" …", p.width)
	}
	return strings.Join(lines, "\n")
}

func (p *mockPage) promptText() string {
	s := stepPrompts[p.m.Step]
	if p.m.Step == drills.StepRequirements {
		s = firstSentence(p.m.Problem.Prompt) + " " + s
	}
	return wrap(s, p.width)
}

// firstSentence is the first sentence of a Markdown text, on one line:
// the problem in brief (the whole prompt is in sdprep learn and --print).
func firstSentence(md string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	if i := strings.Index(para, ". "); i >= 0 {
		return para[:i+1]
	}
	return para
}

func (p *mockPage) showSide() bool {
	return p.width >= minSideTotal && p.m.Step != drills.StepEstimation
}

func (p *mockPage) View() string {
	switch {
	case p.m == nil:
		return p.pickerView()
	case p.m.Finished:
		return p.endView()
	}
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(p.clockLine())
	b.WriteString("\n")
	b.WriteString(t.Subtle.Render(p.promptText()))
	b.WriteString("\n")
	if p.status != "" {
		b.WriteString(t.Success.Render(p.statusText()))
		b.WriteString("\n")
	}
	b.WriteString("\n")
	b.WriteString(p.bodyView())
	return b.String()
}

// clockLine shows the step, its countdown (amber in the last minute, red
// with the overtime after zero) and the total clock.
func (p *mockPage) clockLine() string {
	t, now := p.c.Theme, p.c.now()
	step := fmt.Sprintf("Step %d/%d · %s", int(p.m.Step)+1, drills.NumSteps, p.m.Step.Title())
	if p.m.Only {
		step = "Practice · " + p.m.Step.Title()
	}
	rem := p.m.StepRemaining(p.m.Step, now)
	clock := drills.FormatClock(max(rem, 0)) + " left"
	style := t.Strong
	switch {
	case rem < 0:
		clock, style = drills.FormatClock(rem)+" over", t.Error
	case rem <= drills.WarnBefore:
		style = t.Warning
	}
	total := "total " + drills.FormatClock(p.m.Total(now)) + " / " + drills.FormatClock(p.m.PlannedTime())
	if !p.m.Running() {
		total += " · paused"
	}
	right := style.Render(clock) + "  " + t.Subtle.Render(total)
	gap := max(p.width-displayWidth(step)-displayWidth(right), 1)
	return t.Title.Render(step) + strings.Repeat(" ", gap) + right
}

func (p *mockPage) bodyView() string {
	if p.m.Step == drills.StepEstimation && p.est != nil {
		top := p.est.View()
		if p.pinning {
			top = p.pinView()
		}
		// The estimator gets what the notes leave; the notes keep their rows
		// however short the terminal.
		top = firstLines(top, max(p.height-p.headerHeight(), 3)-p.notes.Height()-1)
		label := "Notes · tab: notes ↔ estimator (↑/↓ between fields) · ctrl+f: pin a figure"
		return top + "\n" + p.c.Theme.Label.Render(truncate(label, p.width)) + "\n" + p.notes.View()
	}
	main := p.notes.View()
	if p.followUp != "" {
		w := p.width
		if p.showSide() {
			w -= sideWidth + 1
		}
		main = p.followUpBox(w) + "\n" + main
	}
	if !p.showSide() {
		return main
	}
	side := lipgloss.NewStyle().Width(sideWidth).MaxHeight(max(p.height-p.headerHeight(), 3)).Render(p.sideView())
	return lipgloss.JoinHorizontal(lipgloss.Top, main, " ", side)
}

func (p *mockPage) followUpBox(w int) string {
	return p.c.Theme.Warning.Render(wrap("Interviewer: "+p.followUp+" (answer in your notes)", w))
}

// sideView is the panel beside the notes: clarifying answers in step 1,
// deep-dive topics in step 4, the reference checklist once visible, and
// pinned figures from step 3 on.
func (p *mockPage) sideView() string {
	t := p.c.Theme
	var b strings.Builder
	section := func(title string) {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(t.Title.Render(title) + "\n")
	}
	// The pinned figures come first: they are short, and the panel is cut
	// at the bottom when the terminal is short.
	if p.m.Step >= drills.StepHighLevelDesign && len(p.m.Pins) > 0 {
		section("Pinned")
		for _, pin := range p.m.Pins {
			v := t.Strong.Render(pin.Value)
			label := truncate(pin.Label, max(sideWidth-displayWidth(pin.Value)-1, 4))
			b.WriteString(label + strings.Repeat(" ", max(sideWidth-displayWidth(label)-displayWidth(pin.Value), 1)) + v + "\n")
		}
	}
	switch p.m.Step {
	case drills.StepRequirements:
		section(fmt.Sprintf("Clarifying (%d/%d)", p.m.Revealed, len(p.m.Problem.Clarify)))
		for _, q := range p.m.Problem.Clarify[:p.m.Revealed] {
			b.WriteString(wrap("Q "+q.Question, sideWidth) + "\n")
			b.WriteString(t.Subtle.Render(wrap("A "+q.Answer, sideWidth)) + "\n")
		}
		if p.m.Revealed == 0 {
			b.WriteString(t.Subtle.Render(wrap("Ask your questions in the notes; ctrl+r shows the interviewer's answers.", sideWidth)) + "\n")
		}
	case drills.StepDeepDive:
		section("Deep dives")
		taken := map[string]bool{}
		for _, d := range p.m.Taken {
			taken[d] = true
		}
		for i, d := range p.m.Problem.DeepDives {
			box := "[ ] "
			if taken[d.Title] {
				box = "[x] "
			}
			line := truncate(box+d.Title, sideWidth-2)
			if p.focus == focusSide && i == p.side {
				b.WriteString(t.Cursor.Render("▸ ") + t.Selected.Render(line) + "\n")
			} else {
				b.WriteString("  " + line + "\n")
			}
		}
	}
	if p.m.ChecklistVisible() && p.m.Step >= drills.StepHighLevelDesign {
		section("Reference design")
		for _, it := range p.m.Problem.Checklist {
			b.WriteString(truncate("· "+it.Label, sideWidth) + "\n")
		}
	}
	return b.String()
}

func (p *mockPage) pinView() string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Pin a figure (enter pins, esc closes)") + "\n")
	figs := p.figures()
	rows := max(p.height-p.headerHeight()-8, 3)
	first := max(0, p.pinIdx-rows+1)
	for i := first; i < len(figs) && i < first+rows; i++ {
		line := truncate(padRight(figs[i].label, 34)+" "+figs[i].value, p.width-2)
		if i == p.pinIdx {
			b.WriteString(t.Cursor.Render("▸ ") + t.Selected.Render(line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}

func (p *mockPage) pickerView() string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Pick a problem") + "\n")
	b.WriteString(t.Subtle.Render(wrap(fmt.Sprintf("A %s interview in five timed steps. Enter starts it.", drills.FormatClock(p.planTotal())), p.width)) + "\n\n")
	rows := max(p.height-4, 3)
	first := max(0, p.pick-rows+1)
	for i := first; i <= len(p.choices) && i < first+rows; i++ {
		line := "Random: any problem"
		if i < len(p.choices) {
			pr := p.choices[i]
			line = padRight(truncate(pr.Title, 27), 28) + padRight(pr.Difficulty, 7) + t.Subtle.Render(truncate(pr.Summary, max(p.width-39, 0)))
		}
		if i == p.pick {
			b.WriteString(t.Cursor.Render("▸ ") + t.Selected.Render(truncate(line, p.width-2)) + "\n")
		} else {
			b.WriteString("  " + truncate(line, p.width-2) + "\n")
		}
	}
	if p.status != "" {
		b.WriteString(t.Error.Render(p.status) + "\n")
	}
	return b.String()
}

func (p *mockPage) planTotal() time.Duration {
	if d := p.opts.Plan.Total(); d > 0 {
		return d
	}
	return drills.DefaultDuration
}

// clockOf writes seconds as a m:ss clock.
func clockOf(s float64) string { return drills.FormatClock(time.Duration(s * float64(time.Second))) }
