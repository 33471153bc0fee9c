package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/designs/balancer"
	"github.com/sdprep/sdprep/designs/breaker"
	"github.com/sdprep/sdprep/designs/cache"
	"github.com/sdprep/sdprep/designs/fanout"
	"github.com/sdprep/sdprep/designs/hashring"
	"github.com/sdprep/sdprep/designs/queue"
	"github.com/sdprep/sdprep/designs/quorum"
	"github.com/sdprep/sdprep/designs/sharding"
)

// simLabs are the simulation lab pages with parameters small enough for
// quick tests.
var simLabs = []struct {
	name, page string
	opts       Options
}{
	{"cache", PageLabCache, Options{Cache: cache.Params{Seed: 1, Keys: 1000, Requests: 20_000}}},
	{"quorum", PageLabQuorum, Options{Quorum: quorum.Params{Seed: 1, Lag: 50 * time.Millisecond, Ops: 20_000}}},
	{"hashring", PageLabHashRing, Options{HashRing: hashring.Params{Seed: 1, Keys: 20_000}}},
	{"balancer", PageLabBalancer, Options{Balancer: balancer.Params{Seed: 1, Requests: 20_000, Fail: 4}}},
	{"breaker", PageLabBreaker, Options{Breaker: breaker.Params{Seed: 1, Requests: 20_000}}},
	{"sharding", PageLabSharding, Options{Sharding: sharding.Params{Seed: 1, Keys: 10_000, Requests: 100_000}}},
	{"fanout", PageLabFanout, Options{Fanout: fanout.Params{Seed: 1, Users: 5000, Follows: 20, Posts: 10_000, Reads: 20_000, Threshold: 500}}},
	{"queue", PageLabQueue, Options{Queue: queue.Params{Seed: 1, Duration: 2 * time.Minute}}},
}

// openSimLab opens a lab page at w×h with a recorded timer and runs its
// first simulation.
func openSimLab(t *testing.T, page string, opts Options, w, h int) (*App, *simPage, *tickRecorder) {
	t.Helper()
	opts.Start = page
	a := newTestApp(t, opts, w, h)
	ticks := &tickRecorder{}
	a.common.Tick = ticks.tick
	drain(a, a.Init())
	p := a.pages[page].(*simPage)
	if p.running || p.stale || len(p.lines) == 0 || p.err != nil {
		t.Fatalf("%s: after entering, running %v stale %v, %d lines, err %v", page, p.running, p.stale, len(p.lines), p.err)
	}
	return a, p, ticks
}

func TestSimLabFramesGolden(t *testing.T) {
	for _, lab := range simLabs {
		t.Run(lab.name, func(t *testing.T) {
			a, _, _ := openSimLab(t, lab.page, lab.opts, 80, 24)
			frame := a.View().Content
			checkFits(t, frame, 80, 24)
			golden.RequireEqual(t, frame)
		})
	}
}

func checkFits(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, want at most %d", len(lines), h)
	}
	for _, l := range lines {
		if displayWidth(l) > w {
			t.Errorf("line %q is %d wide, want at most %d", l, displayWidth(l), w)
		}
	}
}

// TestSimLabEditReruns: changing a parameter schedules one debounced run,
// which shows the new result; a run that a newer change overtook is
// dropped.
func TestSimLabEditReruns(t *testing.T) {
	for _, lab := range simLabs {
		t.Run(lab.name, func(t *testing.T) {
			a, p, ticks := openSimLab(t, lab.page, lab.opts, 80, 24)
			before := strings.Join(p.lines, "\n")
			for range p.cursor + len(p.params) - 1 { // to the seed, the last row
				press(t, a, special(tea.KeyDown))
			}
			if p.params[p.cursor].name != "seed" {
				t.Fatalf("cursor on %q", p.params[p.cursor].name)
			}
			press(t, a, special(tea.KeyRight))
			press(t, a, special(tea.KeyRight))
			if !p.stale || !strings.Contains(a.View().Content, "running…") {
				t.Error("a change should mark the result stale and say so")
			}
			if n := len(ticks.pending); n != 2 {
				t.Fatalf("%d debounce ticks, want 2", n)
			}
			due := ticks.pending
			ticks.pending = nil
			for _, tick := range due {
				drain(a, func() tea.Msg { return tick() })
			}
			if p.stale || p.running || p.params[p.cursor].value() != "3" {
				t.Fatalf("after the debounce: stale %v running %v seed %s", p.stale, p.running, p.params[p.cursor].value())
			}
			if strings.Join(p.lines, "\n") == before {
				t.Error("seed 3 shows the same result as seed 1")
			}
		})
	}
}

// TestSimLabStopsWhenLeft: a page left before its debounce tick fires
// runs nothing and schedules nothing more; coming back runs the pending
// change.
func TestSimLabStopsWhenLeft(t *testing.T) {
	for _, lab := range simLabs {
		t.Run(lab.name, func(t *testing.T) {
			a, p, ticks := openSimLab(t, lab.page, lab.opts, 80, 24)
			press(t, a, special(tea.KeyRight)) // first parameter
			press(t, a, special(tea.KeyEscape))
			if a.active != PageHome {
				t.Fatalf("esc left us on %q", a.active)
			}
			due := ticks.pending
			ticks.pending = nil
			for _, tick := range due {
				if cmd := drain(a, func() tea.Msg { return tick() }); cmd != nil || p.running {
					t.Fatal("a tick after leaving started a run")
				}
			}
			if len(ticks.pending) != 0 {
				t.Fatal("ticks scheduled after leaving")
			}
			a.Update(OpenPageMsg{ID: lab.page})
			if !p.running {
				t.Fatal("coming back did not run the pending change")
			}
		})
	}
}

// TestSimLabSmallTerminal: frames fit at 60×16.
func TestSimLabSmallTerminal(t *testing.T) {
	for _, lab := range simLabs {
		a, _, _ := openSimLab(t, lab.page, lab.opts, 60, 16)
		checkFits(t, a.View().Content, 60, 16)
	}
}

func TestLadderStep(t *testing.T) {
	l := []int{1, 10, 100}
	for _, tt := range []struct{ cur, dir, want int }{{1, 1, 10}, {100, 1, 100}, {1, -1, 1}, {50, -1, 10}, {50, 1, 100}, {0, 1, 1}} {
		if got := ladderStep(l, tt.cur, tt.dir); got != tt.want {
			t.Errorf("ladderStep(%d, %d) = %d, want %d", tt.cur, tt.dir, got, tt.want)
		}
	}
	if cycle(0, 4, -1) != 3 || cycle(3, 4, 1) != 0 {
		t.Error("cycle does not wrap")
	}
}
