package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Common is shared by every page: the theme, the keys, the run's context
// and the clock.
type Common struct {
	Theme *Theme
	Keys  KeyMap
	// Ctx is cancelled when the app quits (q, ctrl+c, SIGTERM): service
	// calls that pages make in commands use it, never context.Background.
	Ctx context.Context
	// Now is the wall clock; nil means time.Now (use the now method).
	Now func() time.Time
	// Tick schedules fn after d, as tea.Tick does; tests replace it so
	// that they never wait on a timer.
	Tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	Opts Options
}

// Page is one screen of the app. The root model sends window sizes to
// every page, key presses to the active one, and the results of commands
// to every page (each ignores what is not its own).
//
// Lifecycle: a page is built on its first visit; Enter runs on every
// visit (the first included) and Leave when another page replaces it.
// A page that holds resources implements io.Closer; App.Close closes it.
type Page interface {
	// Enter runs each time the page is shown and returns its first
	// command: start tickers here, and refresh what may have changed.
	Enter() tea.Cmd
	// Leave runs when the page stops being shown: stop tickers and
	// background work, drop transient status messages.
	Leave()
	// Update handles a message and returns the updated page.
	Update(msg tea.Msg) (Page, tea.Cmd)
	// View renders the page body within the size last given to SetSize.
	View() string
	// SetSize gives the page the width and height of its body.
	SetSize(width, height int)
	// Title names the page in the header.
	Title() string
	// ShortHelp lists the page's most useful keys for the help bar, in
	// the current state; the app adds esc and quit.
	ShortHelp() []key.Binding
	// FullHelp lists every key of the page in columns, for the full help
	// that ? opens; the app adds the global keys.
	FullHelp() [][]key.Binding
	// Typing reports whether a text field has focus, so that printable
	// keys such as q, ? and esc belong to the page, not to the app. A
	// typing page that has no use for ? as text returns ToggleHelp.
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

// back is the command that returns to the home menu.
func back() tea.Msg { return BackMsg{} }

// QuitMsg asks the app to quit; a typing page returns it for its own quit
// key, so that the app cancels the run's context as for any quit.
type QuitMsg struct{}

// quit is the command that quits the app.
func quit() tea.Msg { return QuitMsg{} }

// ToggleHelpMsg asks the app to open or close the full help.
type ToggleHelpMsg struct{}

// toggleHelp is the command a typing page returns for the help key.
func toggleHelp() tea.Msg { return ToggleHelpMsg{} }

// now returns the current time from the injected clock.
func (c *Common) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// tick schedules fn after d through the injected timer.
func (c *Common) tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	if c.Tick != nil {
		return c.Tick(d, fn)
	}
	return tea.Tick(d, fn)
}

// ctx returns the run's context.
func (c *Common) ctx() context.Context {
	if c.Ctx != nil {
		return c.Ctx
	}
	return context.Background()
}

// newInput returns a text input in the app's style. The cursor is steady:
// a blinking cursor is a timer that fires twice a second for nothing.
// ctrl+u clears the text before the cursor, readline-style (the input's
// own binding, listed as Nav.ClearField).
func newInput(c *Common) textinput.Model {
	in := textinput.New()
	in.SetStyles(c.Theme.Input)
	in.KeyMap.DeleteBeforeCursor = c.Keys.Nav.ClearField
	return in
}
