package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

var testNow = func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// newTestApp builds the app with stable, colourless output and sizes it.
func newTestApp(t *testing.T, opts Options, w, h int) *App {
	t.Helper()
	opts.NoColor = true
	opts.Now = testNow
	if opts.DataDir == "" {
		opts.DataDir = t.TempDir()
	}
	a, err := NewApp(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	a.common.Tick = heldTicks
	t.Cleanup(func() { a.Close() })
	a.Init()
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// heldTicks is the timer of app tests: its ticks never fire, so that
// draining commands never waits; tests send tick messages by hand.
func heldTicks(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return nil }
}

// press sends keys to the app and runs the commands they return,
// feeding results back, the way the runtime would (without timers).
func press(t *testing.T, a *App, keys ...tea.KeyPressMsg) tea.Cmd {
	t.Helper()
	var last tea.Cmd
	for _, k := range keys {
		_, cmd := a.Update(k)
		last = drain(a, cmd)
	}
	return last
}

// drain runs cmd and feeds its message back into the app, following
// chains of commands, except Quit, which it returns.
func drain(a *App, cmd tea.Cmd) tea.Cmd {
	for i := 0; cmd != nil && i < 10; i++ {
		msg := cmd()
		switch msg := msg.(type) {
		case nil:
			return nil
		case tea.QuitMsg:
			return cmd
		case tea.BatchMsg:
			var next []tea.Cmd
			for _, c := range msg {
				if c != nil {
					if q := drain(a, c); q != nil {
						return q
					}
				}
			}
			cmd = tea.Batch(next...)
		default:
			_, cmd = a.Update(msg)
		}
	}
	return nil
}

func special(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

func text(s string) []tea.KeyPressMsg {
	var ks []tea.KeyPressMsg
	for _, r := range s {
		ks = append(ks, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return ks
}

func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}
