package tui

import (
	"fmt"
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
	{PageMock, "Mock", "Timed five-step interview: notes, estimator, coverage"},
	{PageDrill, "Drill", "Flashcards, scenario quizzes and estimation drills"},
	{PageLabRateLimit, "Rate limiter", "Token bucket, windows and logs under live traffic"},
	{PageLabShortener, "Shortener", "URL shortener: codes, cache-aside, click counting"},
	{PageLabCache, "Cache", "Eviction policies by cache size, stampede, penetration"},
	{PageLabQuorum, "Partitions", "Quorums (N/R/W), stale reads, CAP and PACELC"},
	{PageLabHashRing, "Hash ring", "Consistent hashing vs hash % N, virtual nodes"},
	{PageLabBalancer, "Balancer", "Six load-balancing algorithms, a failure, health checks"},
	{PageLabBreaker, "Breaker", "Circuit breaker, retries, a slow dependency's cascade"},
	{PageLabSharding, "Sharding", "Range, hash, directory, geographic: hot shards, resharding"},
	{PageLabFanout, "Fan-out", "News feed by push, pull or hybrid, with celebrities"},
	{PageLabQueue, "Queue", "Backlog, autoscaling, shedding, at-least-once delivery"},
	{PageStats, "Stats", "Progress: cards due, retention, streak, accuracy"},
}

type homePage struct {
	c             *Common
	cursor        int
	width, height int
}

func newHomePage(c *Common) *homePage { return &homePage{c: c} }

// Enter starts nothing: the home menu has no timers, so an idle app
// uses no CPU.
func (p *homePage) Enter() tea.Cmd   { return nil }
func (p *homePage) Leave()           {}
func (p *homePage) Title() string    { return "Home" }
func (p *homePage) Typing() bool     { return false }
func (p *homePage) SetSize(w, h int) { p.width, p.height = w, h }
func (p *homePage) ShortHelp() []key.Binding {
	return []key.Binding{p.c.Keys.Nav.Up, p.c.Keys.Nav.Down, p.c.Keys.Home.Open}
}

func (p *homePage) FullHelp() [][]key.Binding {
	n, h := p.c.Keys.Nav, p.c.Keys.Home
	jumps := make([]key.Binding, 0, len(menu))
	for _, e := range menu {
		jumps = append(jumps, h.Jump[e.Page])
	}
	return [][]key.Binding{{n.Up, n.Down, n.Next, h.Open}, jumps}
}

func (p *homePage) Update(msg tea.Msg) (Page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	n, h := p.c.Keys.Nav, p.c.Keys.Home
	switch {
	case key.Matches(km, n.Up), key.Matches(km, n.Prev):
		p.cursor = (p.cursor + len(menu) - 1) % len(menu)
	case key.Matches(km, n.Down), key.Matches(km, n.Next):
		p.cursor = (p.cursor + 1) % len(menu)
	case key.Matches(km, h.Open):
		return p, openPage(menu[p.cursor].Page)
	default:
		// A mode's first letter jumps straight to it.
		for i, e := range menu {
			if key.Matches(km, h.Jump[e.Page]) {
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
	// Below the full height the list scrolls to keep the cursor in view,
	// with a marker where entries are hidden.
	rows := len(menu)
	if p.height > 0 {
		rows = min(rows, max(p.height-5, 3))
	}
	first := min(max(0, p.cursor-rows+1), len(menu)-rows)
	for i, e := range menu {
		if i < first || i >= first+rows {
			continue
		}
		name := e.Name
		line := "  " + padRight(name, 12) + " " + t.Subtle.Render(e.Blurb)
		if i == p.cursor {
			line = t.Cursor.Render("▸ ") + t.Selected.Render(padRight(name, 12)) + " " + t.Text.Render(e.Blurb)
		}
		b.WriteString(truncate(line, p.width))
		b.WriteString("\n")
	}
	if hidden := len(menu) - rows; hidden > 0 {
		b.WriteString(t.Subtle.Render(fmt.Sprintf("  ↑/↓ %d more", hidden)) + "\n")
		return b.String()
	}
	if v := p.c.Opts.Version; v != "" {
		b.WriteString("\n")
		b.WriteString(t.Subtle.Render("version " + v))
	}
	return b.String()
}
