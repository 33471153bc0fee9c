package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// errorPage stands in for a page whose constructor failed: it shows the
// error, and esc goes back to the menu (the next visit tries again).
type errorPage struct {
	c             *Common
	title         string
	err           error
	width, height int
}

func newErrorPage(c *Common, title string, err error) *errorPage {
	return &errorPage{c: c, title: title, err: err}
}

func (p *errorPage) Enter() tea.Cmd                 { return nil }
func (p *errorPage) Leave()                         {}
func (p *errorPage) Update(tea.Msg) (Page, tea.Cmd) { return p, nil }
func (p *errorPage) SetSize(w, h int)               { p.width, p.height = w, h }
func (p *errorPage) Title() string                  { return p.title }
func (p *errorPage) Typing() bool                   { return false }
func (p *errorPage) ShortHelp() []key.Binding       { return nil }
func (p *errorPage) FullHelp() [][]key.Binding      { return nil }

func (p *errorPage) View() string {
	t := p.c.Theme
	return t.Error.Render(wrap(p.title+" could not open: "+p.err.Error(), p.width)) + "\n\n" +
		t.Subtle.Render("Press esc to go back to the menu.")
}
