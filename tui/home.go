package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// menuEntry is one line of the home menu. Only modes that work are listed.
type menuEntry struct {
	Page  string
	Name  string
	Blurb string
}

// menu lists the modes in the order the home page shows them.
var menu = []menuEntry{
	{PageEstimate, "Estimate", "Back-of-the-envelope numbers with the working shown"},
	{PageNumbers, "Numbers", "Latency, powers of two, throughput and nines tables"},
	{PageLearn, "Learn", "Concepts and classic problems, searchable"},
	{PageLabRateLimit, "Rate limiter", "Token bucket, windows and logs under live traffic"},
	{PageLabShortener, "Shortener", "URL shortener: codes, cache-aside, click counting"},
}

type homePage struct {
	c             *Common
	cursor        int
	width, height int
}

func newHomePage(c *Common) *homePage { return &homePage{c: c} }

func (p *homePage) Init() tea.Cmd    { return nil }
func (p *homePage) Title() string    { return "Home" }
func (p *homePage) Typing() bool     { return false }
func (p *homePage) SetSize(w, h int) { p.width, p.height = w, h }
func (p *homePage) KeyHelp() []key.Binding {
	return []key.Binding{p.c.Keys.Up, p.c.Keys.Down, p.c.Keys.Enter}
}

func (p *homePage) Update(msg tea.Msg) (Page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	k := p.c.Keys
	switch {
	case key.Matches(km, k.Up):
		p.cursor = (p.cursor + len(menu) - 1) % len(menu)
	case key.Matches(km, k.Down), key.Matches(km, k.Tab):
		p.cursor = (p.cursor + 1) % len(menu)
	case key.Matches(km, k.Enter), km.String() == "right":
		return p, openPage(menu[p.cursor].Page)
	default:
		// A mode's first letter jumps straight to it.
		for i, e := range menu {
			if strings.EqualFold(km.String(), e.Name[:1]) {
				p.cursor = i
				return p, openPage(e.Page)
			}
		}
	}
	return p, nil
}

func (p *homePage) View() string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("System-design interview prep"))
	b.WriteString("\n")
	b.WriteString(t.Subtle.Render("Pick a mode. Enter opens it, esc comes back here."))
	b.WriteString("\n\n")
	for i, e := range menu {
		name := e.Name
		line := "  " + padRight(name, 12) + " " + t.Subtle.Render(e.Blurb)
		if i == p.cursor {
			line = t.Cursor.Render("▸ ") + t.Selected.Render(padRight(name, 12)) + " " + t.Text.Render(e.Blurb)
		}
		b.WriteString(truncate(line, p.width))
		b.WriteString("\n")
	}
	if v := p.c.Opts.Version; v != "" {
		b.WriteString("\n")
		b.WriteString(t.Subtle.Render("version " + v))
	}
	return b.String()
}
