package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

func TestHomeGolden(t *testing.T) {
	a := newTestApp(t, Options{Version: "v1.0.0"}, 80, 24)
	golden.RequireEqual(t, a.View().Content)
}

func TestHomeOpensPagesAndEscReturns(t *testing.T) {
	a := newTestApp(t, Options{}, 80, 24)
	press(t, a, special(tea.KeyEnter))
	if a.active != PageEstimate {
		t.Fatalf("enter on the first entry opened %q", a.active)
	}
	press(t, a, special(tea.KeyEscape))
	if a.active != PageHome {
		t.Fatalf("esc left us on %q", a.active)
	}
	press(t, a, special(tea.KeyDown), special(tea.KeyEnter))
	if a.active != PageNumbers {
		t.Fatalf("down+enter opened %q", a.active)
	}
}

func TestQuitKeys(t *testing.T) {
	a := newTestApp(t, Options{}, 80, 24)
	if !isQuit(press(t, a, text("q")...)) {
		t.Error("q on the home page does not quit")
	}
	a = newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	press(t, a, special(tea.KeyDown)) // focus the dau field: typing
	if isQuit(press(t, a, text("q")...)) {
		t.Error("q typed into a field quit the app")
	}
	if !isQuit(press(t, a, ctrl('c'))) {
		t.Error("ctrl+c does not quit while typing")
	}
}

func TestTooSmall(t *testing.T) {
	a := newTestApp(t, Options{}, 50, 12)
	v := a.View().Content
	if !strings.Contains(v, "at least 60×16") || !strings.Contains(v, "50×12") {
		t.Errorf("small-terminal message missing:\n%s", v)
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(a.View().Content, "Estimate") {
		t.Error("menu not back after growing the window")
	}
}

func TestFramesFitTheWindow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
		for _, page := range []string{PageHome, PageEstimate, PageNumbers} {
			a := newTestApp(t, Options{Start: page}, size[0], size[1])
			lines := strings.Split(a.View().Content, "\n")
			if len(lines) > size[1] {
				t.Errorf("%s at %v: %d lines", page, size, len(lines))
			}
			for i, l := range lines {
				if w := tea.NewView(l); len([]rune(w.Content)) > 0 && displayWidth(l) > size[0] {
					t.Errorf("%s at %v: line %d is %d wide: %q", page, size, i, displayWidth(l), l)
				}
			}
		}
	}
}

func TestUnknownStartPage(t *testing.T) {
	if _, err := NewApp(t.Context(), Options{Start: "nosuch", NoColor: true}); err == nil {
		t.Error("unknown page accepted")
	}
}

func TestTooSmallIgnoresKeysButQuit(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 50, 12)
	p := a.pages[PageEstimate].(*estimatePage)
	before := p.focus
	press(t, a, special(tea.KeyDown))
	press(t, a, text("x")...)
	if p.focus != before || p.inputs[0].Value() != "100M" {
		t.Errorf("keys reached the hidden page: focus %d→%d, dau %q", before, p.focus, p.inputs[0].Value())
	}
	if !isQuit(press(t, a, text("q")...)) {
		t.Error("q does not quit on the too-small screen")
	}
}

// At 60×16 the home menu scrolls: the selected entry stays on screen.
func TestHomeScrollsAtMinimumSize(t *testing.T) {
	a := newTestApp(t, Options{}, MinWidth, MinHeight)
	for range len(menu) - 1 {
		press(t, a, special(tea.KeyDown))
	}
	last := menu[len(menu)-1].Name
	if v := a.View().Content; !strings.Contains(v, "▸") || !strings.Contains(v, last) {
		t.Fatalf("cursor on %q not shown at %d×%d:\n%s", last, MinWidth, MinHeight, v)
	}
}
