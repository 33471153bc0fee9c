package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
