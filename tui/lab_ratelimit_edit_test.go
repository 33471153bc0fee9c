package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// TestRateLimitEditLimit: e opens the limit form; enter applies a new
// rate and burst and starts over; a bad value names its field and keeps
// the form open; esc closes it unchanged.
func TestRateLimitEditLimit(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabRateLimit}, 80, 24)
	p := a.pages[PageLabRateLimit].(*rateLimitPage)
	press(t, a, text("b")...)
	press(t, a, text("e")...)
	if !p.Typing() || !strings.Contains(ansi.Strip(a.View().Content), "rate 10/s") {
		t.Fatalf("no limit form:\n%s", a.View().Content)
	}
	requireGolden(t, "edit_form", a.View().Content)
	press(t, a, ctrl('u'))
	press(t, a, text("5/100ms")...)
	press(t, a, special(tea.KeyTab), ctrl('u'))
	press(t, a, text("x")...)
	press(t, a, special(tea.KeyEnter))
	if v := ansi.Strip(a.View().Content); !p.edit.open || !strings.Contains(v, `burst "x": want 0 (the limit)`) {
		t.Fatalf("a bad burst was not refused by name:\n%s", v)
	}
	press(t, a, special(tea.KeyBackspace))
	press(t, a, text("8")...)
	press(t, a, special(tea.KeyEnter))
	cfg := p.lab.cfg
	if p.edit.open || cfg.Limit != 5 || cfg.Window != 100*time.Millisecond || cfg.Burst != 8 || len(p.lab.sent) != 0 {
		t.Fatalf("after enter: form open %v, %v, %d sent", p.edit.open, cfg, len(p.lab.sent))
	}
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "token-bucket 5/100ms burst 8") {
		t.Errorf("the new limit is not in the status line:\n%s", v)
	}
	press(t, a, text("e")...)
	press(t, a, ctrl('u'))
	press(t, a, text("1/s")...)
	press(t, a, special(tea.KeyEscape))
	if p.edit.open || p.lab.cfg.Limit != 5 || a.active != PageLabRateLimit {
		t.Errorf("esc: form open %v, limit %d, page %q", p.edit.open, p.lab.cfg.Limit, a.active)
	}
}

func TestParseLimitForm(t *testing.T) {
	base := ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 10, Window: time.Second}
	got, err := parseLimitForm(base, " 2k/min ", "0")
	if err != nil || got.Limit != 2000 || got.Window != time.Minute || got.Algorithm != ratelimit.FixedWindow {
		t.Errorf("2k/min: %v %v", got, err)
	}
	for _, c := range []struct{ rate, burst, field string }{
		{"10", "0", "rate"},
		{"ten/s", "0", "rate"},
		{"10/s", "-1", "burst"},
		{"10/s", "1.5", "burst"},
		{"0/s", "0", "rate"},
	} {
		_, err := parseLimitForm(base, c.rate, c.burst)
		if err == nil || !strings.HasPrefix(err.Error(), c.field) {
			t.Errorf("%q %q: %v, want an error naming %s", c.rate, c.burst, err, c.field)
		}
	}
}

// TestRateLimitSteadyGolden: steady traffic at 10/s is one request a
// column; the chart scales to it and draws it above the baseline, at
// 80×24 and 120×40.
func TestRateLimitSteadyGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		a := newTestApp(t, Options{Start: PageLabRateLimit, Seed: 1}, size[0], size[1])
		p := a.pages[PageLabRateLimit].(*rateLimitPage)
		press(t, a, text("1")...)
		for range 60 {
			a.Update(rateLimitTickMsg{gen: p.gen})
		}
		frame := a.View().Content
		for _, l := range strings.Split(ansi.Strip(frame), "\n") {
			if strings.Contains(l, "0└") && strings.Contains(l, glyphAdmitted) {
				t.Errorf("%v: bars drawn on the baseline: %q", size, l)
			}
		}
		requireGolden(t, fmt.Sprintf("steady_%dx%d", size[0], size[1]), frame)
	}
}
