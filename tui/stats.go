package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// statsPage shows the progress report of `sdprep stats`, read again on
// every visit, in a scrollable view.
type statsPage struct {
	c      *Common
	vp     viewport.Model
	report string // the rendered text report; empty until loaded
	err    error
	gen    int // the load in flight; older results are dropped
}

// statsMsg is the result of reading the stats.
type statsMsg struct {
	gen    int
	report string
	err    error
}

func newStatsPage(c *Common) *statsPage { return &statsPage{c: c, vp: viewport.New()} }

// Enter reads the stats again: a drill may have run since the last visit.
func (p *statsPage) Enter() tea.Cmd {
	p.gen++
	gen, c := p.gen, p.c
	return func() tea.Msg {
		report, err := readStats(c)
		return statsMsg{gen: gen, report: report, err: err}
	}
}

// readStats opens the store for the time of the read (unless the command
// gave one) and renders the text report.
func readStats(c *Common) (string, error) {
	ctx := c.ctx()
	st := c.Opts.Store
	if st == nil {
		var err error
		if st, err = store.Open(ctx, c.Opts.DataDir); err != nil {
			return "", err
		}
		defer st.Close()
	}
	lib, err := content.Default()
	if err != nil {
		return "", err
	}
	s, err := drills.ComputeStats(ctx, st, drills.Deck(lib), c.now())
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = drills.WriteStatsText(&b, s)
	return b.String(), err
}

func (p *statsPage) Leave()        {}
func (p *statsPage) Title() string { return "Stats" }
func (p *statsPage) Typing() bool  { return false }

func (p *statsPage) SetSize(w, h int) {
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(h, 1))
}

func (p *statsPage) ShortHelp() []key.Binding {
	n := p.c.Keys.Nav
	return []key.Binding{n.Up, n.Down, n.PageDown}
}

func (p *statsPage) FullHelp() [][]key.Binding {
	n := p.c.Keys.Nav
	return [][]key.Binding{{n.Up, n.Down, n.PageUp, n.PageDown, n.Top, n.Bottom}}
}

func (p *statsPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case statsMsg:
		if msg.gen != p.gen {
			return p, nil
		}
		p.report, p.err = msg.report, msg.err
		p.vp.SetContent(strings.TrimRight(p.report, "\n"))
	case tea.KeyPressMsg:
		n := p.c.Keys.Nav
		switch {
		case key.Matches(msg, n.Up):
			p.vp.ScrollUp(1)
		case key.Matches(msg, n.Down):
			p.vp.ScrollDown(1)
		case key.Matches(msg, n.PageUp):
			p.vp.PageUp()
		case key.Matches(msg, n.PageDown):
			p.vp.PageDown()
		case key.Matches(msg, n.Top):
			p.vp.GotoTop()
		case key.Matches(msg, n.Bottom):
			p.vp.GotoBottom()
		}
	}
	return p, nil
}

func (p *statsPage) View() string {
	t := p.c.Theme
	switch {
	case p.err != nil:
		return t.Error.Render(wrap("Cannot read your progress: "+p.err.Error(), p.vp.Width()))
	case p.report == "":
		return t.Subtle.Render("Reading your progress…")
	}
	return p.vp.View()
}
