package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// drillMenu lists the drills the Drill page offers. Only drills that work
// are listed; each drill adds its own line.
var drillMenu = []menuEntry{
	{PageDrillCards, "Cards", "Flashcards due today, scheduled by FSRS"},
	{PageQuiz, "Quiz", "Scenario questions with every option explained"},
	{PageDrillEstimate, "Estimate", "One quantity from a randomised scenario, graded by order of magnitude"},
}

// drillPage is the Drill menu: pick a kind of practice.
type drillPage struct {
	c             *Common
	cursor        int
	width, height int
}

func newDrillPage(c *Common) *drillPage { return &drillPage{c: c} }

func (p *drillPage) Enter() tea.Cmd   { return nil }
func (p *drillPage) Leave()           {}
func (p *drillPage) Title() string    { return "Drill" }
func (p *drillPage) Typing() bool     { return false }
func (p *drillPage) SetSize(w, h int) { p.width, p.height = w, h }
func (p *drillPage) ShortHelp() []key.Binding {
	return []key.Binding{p.c.Keys.Nav.Up, p.c.Keys.Nav.Down, p.c.Keys.Home.Open}
}

func (p *drillPage) FullHelp() [][]key.Binding {
	n := p.c.Keys.Nav
	return [][]key.Binding{{n.Up, n.Down, n.Next, p.c.Keys.Home.Open}}
}

func (p *drillPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	n := p.c.Keys.Nav
	switch {
	case key.Matches(km, n.Up), key.Matches(km, n.Prev):
		p.cursor = (p.cursor + len(drillMenu) - 1) % len(drillMenu)
	case key.Matches(km, n.Down), key.Matches(km, n.Next):
		p.cursor = (p.cursor + 1) % len(drillMenu)
	case key.Matches(km, p.c.Keys.Home.Open):
		return p, openPage(drillMenu[p.cursor].Page)
	}
	return p, nil
}

func (p *drillPage) View() string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Drill"))
	b.WriteString("\n")
	b.WriteString(t.Subtle.Render("Short daily practice; progress is saved after every answer."))
	b.WriteString("\n\n")
	for i, e := range drillMenu {
		line := "  " + padRight(e.Name, 12) + " " + t.Subtle.Render(e.Blurb)
		if i == p.cursor {
			line = t.Cursor.Render("▸ ") + t.Selected.Render(padRight(e.Name, 12)) + " " + t.Text.Render(e.Blurb)
		}
		b.WriteString(truncate(line, p.width))
		b.WriteString("\n")
	}
	return b.String()
}
