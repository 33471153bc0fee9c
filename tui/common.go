// Package tui holds sdprep's interactive app: one root model that routes
// to pages (home, estimate, numbers, learn, labs). It is the only package
// that imports bubbletea and lipgloss.
package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Common is shared by every page: the theme, the keys and the clock.
type Common struct {
	Theme *Theme
	Keys  KeyMap
	Now   func() time.Time
	Opts  Options
}

// Page is one screen of the app. The root model sends window sizes to
// every page and key presses to the active one.
type Page interface {
	// Init returns the page's first command, run when it is first opened.
	Init() tea.Cmd
	// Update handles a message and returns the updated page.
	Update(msg tea.Msg) (Page, tea.Cmd)
	// View renders the page body within the size last given to SetSize.
	View() string
	// SetSize gives the page the width and height of its body.
	SetSize(width, height int)
	// Title names the page in the header.
	Title() string
	// KeyHelp lists the page's own keys for the help bar.
	KeyHelp() []key.Binding
	// Typing reports whether a text field has focus, so that printable
	// keys such as q and esc belong to the page, not to the app.
	Typing() bool
}

// OpenPageMsg asks the app to switch to a page.
type OpenPageMsg struct{ ID string }

// openPage returns a command that switches to the page id.
func openPage(id string) tea.Cmd {
	return func() tea.Msg { return OpenPageMsg{ID: id} }
}

// BackMsg asks the app to return to the home menu.
type BackMsg struct{}

// newInput returns a text input in the app's style. The cursor is steady:
// a blinking cursor is a timer that fires twice a second for nothing.
func newInput(c *Common) textinput.Model {
	in := textinput.New()
	in.SetStyles(c.Theme.Input)
	return in
}
