package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestNumbersPageGolden(t *testing.T) {
	a := newTestApp(t, Options{Start: PageNumbers}, 80, 24)
	golden.RequireEqual(t, a.View().Content)
}

func TestNumbersTabsAndCalculator(t *testing.T) {
	a := newTestApp(t, Options{Start: PageNumbers}, 80, 24)
	if !strings.Contains(a.View().Content, "L1 cache") {
		t.Fatalf("first tab is not the latency table:\n%s", a.View().Content)
	}
	press(t, a, special(tea.KeyTab))
	if !strings.Contains(a.View().Content, "2^10") {
		t.Errorf("second tab is not powers of two")
	}
	press(t, a, special(tea.KeyLeft), special(tea.KeyLeft)) // wraps to the calculator
	p := a.pages[PageNumbers].(*numbersPage)
	if !p.onCalculator() || !p.Typing() {
		t.Fatalf("← from the first tab did not reach the calculator (tab %d)", p.tab)
	}
	if v := a.View().Content; !strings.Contains(v, "52.56 min") {
		t.Errorf("calculator does not show 99.99%%:\n%s", v)
	}
	press(t, a, special(tea.KeyBackspace), special(tea.KeyBackspace), special(tea.KeyBackspace))
	press(t, a, text(".5")...) // 99.5
	if v := a.View().Content; !strings.Contains(v, "1.83 d") && !strings.Contains(v, "43.8 h") {
		t.Errorf("calculator does not show 99.5%%:\n%s", v)
	}
	press(t, a, text("x")...)
	if v := a.View().Content; !strings.Contains(v, "99.5x") {
		t.Errorf("bad level not echoed in the error:\n%s", v)
	}
	if isQuit(press(t, a, text("q")...)) {
		t.Error("q in the calculator quit the app")
	}
}

// TestNinesSeveralLevels: the calculator takes several levels, as the
// command does, warns about a fraction-looking value, and its help bar
// names shift+tab (← moves the cursor there).
func TestNinesSeveralLevels(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { ninesFrame(t, size) })
	}
}

func ninesFrame(t *testing.T, size [2]int) {
	{
		a := newTestApp(t, Options{Start: PageNumbers}, size[0], size[1])
		press(t, a, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
		press(t, a, ctrl('u'))
		press(t, a, text("99.9, 99.95 0.999")...)
		v := ansi.Strip(a.View().Content)
		for _, want := range []string{"99.9%", "99.95%", "0.999%", "8.76 h", "shift+tab", "Nines", "percentage (99.9%)"} {
			if !strings.Contains(v, want) {
				t.Errorf("%v: no %q in\n%s", size, want, v)
			}
		}
		if strings.Contains(v, "tab/→") {
			t.Errorf("%v: the help bar promises → on the calculator", size)
		}
		golden.RequireEqual(t, a.View().Content)
	}
}

func TestParseLevels(t *testing.T) {
	levels, warn, err := parseLevels(" 99.9,99.99% ")
	if err != nil || len(levels) != 2 || levels[1] != 99.99 || warn != "" {
		t.Errorf("parseLevels: %v %q %v", levels, warn, err)
	}
	for _, bad := range []string{"", " , ", "99.9 abc", "101"} {
		if _, _, err := parseLevels(bad); err == nil || !strings.HasPrefix(err.Error(), "availability: ") {
			t.Errorf("parseLevels(%q): %v", bad, err)
		}
	}
}
