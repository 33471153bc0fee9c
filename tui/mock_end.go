package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/drills"
)

// mockEnd is the end screen's state: its tabs (rubric, coverage,
// summary) and a cursor in the first two.
type mockEnd struct {
	tab    int // index into endTabs()
	rubric int // selected line, an index into Mock.RubricLines
	cov    int // selected checklist item
}

// The end screen's tabs.
const (
	endRubric = iota
	endCoverage
	endSummary
)

var endTabNames = [...]string{endRubric: "Self-assessment", endCoverage: "Coverage", endSummary: "Summary"}

// endTabs are this session's tabs: a step practised alone before the
// design (requirements, estimation) has no checklist coverage to show.
func (p *mockPage) endTabs() []int {
	if p.m.Only && p.m.Step < drills.StepHighLevelDesign {
		return []int{endRubric, endSummary}
	}
	return []int{endRubric, endCoverage, endSummary}
}

// endTab is the tab on screen.
func (p *mockPage) endTab() int {
	tabs := p.endTabs()
	return tabs[min(p.end.tab, len(tabs)-1)]
}

func (p *mockPage) endKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	n, k, e := p.c.Keys.Nav, p.keys, &p.end
	items, lines, tabs, tab := len(p.m.Problem.Checklist), p.m.RubricLines(), len(p.endTabs()), p.endTab()
	switch {
	case key.Matches(msg, k.Leave):
		return p, back
	case key.Matches(msg, n.Next):
		e.tab = (e.tab + 1) % tabs
	case key.Matches(msg, n.Prev):
		e.tab = (e.tab + tabs - 1) % tabs
	case key.Matches(msg, n.Up):
		if tab == endRubric {
			e.rubric = max(e.rubric-1, 0)
		} else if tab == endCoverage {
			e.cov = max(e.cov-1, 0)
		}
	case key.Matches(msg, n.Down):
		if tab == endRubric {
			e.rubric = min(e.rubric+1, len(lines)-1)
		} else if tab == endCoverage {
			e.cov = min(e.cov+1, items-1)
		}
	case tab == endRubric && key.Matches(msg, k.Score):
		score := int(msg.Code - '0')
		if err := p.m.SetScore(lines[e.rubric], score); err != nil {
			p.status = err.Error()
			return p, nil
		}
		e.rubric = min(e.rubric+1, len(lines)-1)
		return p, p.saveCmd()
	case tab == endCoverage && key.Matches(msg, k.Overrule) && e.cov < items:
		p.m.Overrule(p.m.Problem.Checklist[e.cov].ID)
		return p, p.saveCmd()
	}
	return p, nil
}

func (p *mockPage) endView() string {
	t := p.c.Theme
	var tabs []string
	for _, id := range p.endTabs() {
		st := t.Tab
		if id == p.endTab() {
			st = t.TabActive
		}
		tabs = append(tabs, st.Render(endTabNames[id]))
	}
	cov := p.m.Coverage()
	sum, scored := p.m.RubricScore()
	lines := len(p.m.RubricLines())
	spent := fmt.Sprintf("Finished in %s of %s", drills.FormatClock(p.m.Total(p.c.now())), drills.FormatClock(p.m.PlannedTime()))
	if p.m.Only {
		spent = fmt.Sprintf("%s practised alone in %s of %s", p.m.Step.Title(), drills.FormatClock(p.m.Total(p.c.now())), drills.FormatClock(p.m.PlannedTime()))
	}
	head := fmt.Sprintf("%s · rubric %d/%d (%d of %d scored)", spent, sum, 4*lines, scored, lines)
	if slices.Contains(p.endTabs(), endCoverage) {
		head = fmt.Sprintf("%s · coverage %d%% · rubric %d/%d (%d of %d scored)", spent, cov.Percent(), sum, 4*lines, scored, lines)
	}
	var body string
	switch p.endTab() {
	case endRubric:
		body = p.rubricView()
	case endCoverage:
		body = p.coverageView(cov)
	default:
		body = p.summaryView(cov)
	}
	out := strings.Join(tabs, " ") + "\n" + t.Subtle.Render(truncate(head, p.width)) + "\n\n" + body
	if p.status != "" {
		out += "\n" + t.Warning.Render(truncate(p.status, p.width))
	}
	return out
}

func (p *mockPage) rubricView() string {
	t := p.c.Theme
	var b strings.Builder
	lines := p.m.RubricLines()
	for j, i := range lines {
		r := drills.Rubric()[i]
		score := "·"
		if s := p.m.Rubric[i]; s > 0 {
			score = fmt.Sprint(s)
		}
		line := fmt.Sprintf("%-18s %s", r.Name, score)
		if j == p.end.rubric {
			b.WriteString(t.Cursor.Render("▸ ") + t.Selected.Render(line))
		} else {
			b.WriteString("  " + line)
		}
		b.WriteString("\n")
	}
	r := drills.Rubric()[lines[min(p.end.rubric, len(lines)-1)]]
	b.WriteString("\n" + t.Title.Render(r.Name+": press 1–4") + "\n")
	for i, lv := range r.Levels {
		b.WriteString(wrap(fmt.Sprintf("%d  %s", i+1, lv), p.width) + "\n")
	}
	return b.String()
}

func (p *mockPage) coverageView(cov drills.Coverage) string {
	t := p.c.Theme
	covered := map[string]drills.CoveredItem{}
	for _, c := range cov.Covered {
		covered[c.ID] = c
	}
	rows := max(p.height-6, 3)
	first := max(0, p.end.cov-rows+1)
	var b strings.Builder
	for i, it := range p.m.Problem.Checklist {
		if i < first || i >= first+rows {
			continue
		}
		mark, detail := "✗", "read: sdprep learn "+it.Topic
		if c, ok := covered[it.ID]; ok {
			mark, detail = "✓", c.Line
			if detail == "" {
				detail = "marked covered by you"
			}
		}
		if _, over := p.m.Overrides[it.ID]; over && mark == "✗" {
			detail = "marked missed by you"
		}
		line := truncate(fmt.Sprintf("%s %s — %s", mark, it.Label, detail), p.width-2)
		if i == p.end.cov {
			b.WriteString(t.Cursor.Render("▸ ") + t.Selected.Render(line))
		} else {
			b.WriteString("  " + line)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (p *mockPage) summaryView(cov drills.Coverage) string {
	tr := p.m.Transcript(p.id, p.c.now())
	var b strings.Builder
	for _, s := range tr.Steps {
		over := ""
		if s.OvertimeSecs > 0 {
			over = "  +" + clockOf(s.OvertimeSecs) + " over"
		}
		fmt.Fprintf(&b, "%-24s %6s of %5s%s\n", s.Title, clockOf(s.SpentSeconds), clockOf(s.PlannedSeconds), over)
	}
	fu := "none"
	if f := tr.FollowUp; f != nil && f.Shown {
		fu = "asked, not answered"
		if f.Answered {
			fu = "answered"
		}
	}
	fmt.Fprintf(&b, "\nHints used: %d · follow-up: %s", len(tr.Hints), fu)
	if slices.Contains(p.endTabs(), endCoverage) {
		fmt.Fprintf(&b, " · coverage: %d%%", cov.Percent())
	}
	b.WriteString("\n")
	if len(tr.Pins) > 0 {
		b.WriteString("Pinned: ")
		for i, pin := range tr.Pins {
			if i > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(pin.Label + " " + pin.Value)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nSaved as session %s: sdprep mock export %s\n", p.id, p.id)
	return wrap(b.String(), p.width)
}
