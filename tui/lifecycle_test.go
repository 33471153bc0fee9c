package tui

import (
	"maps"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/estimate"
)

// tickRecorder is an injected timer that counts the ticks pages schedule
// and delivers them only when a test asks (the command itself yields
// nothing, so draining commands never fires a tick).
type tickRecorder struct{ pending []func() tea.Msg }

func (r *tickRecorder) tick(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	r.pending = append(r.pending, func() tea.Msg { return fn(time.Time{}) })
	return func() tea.Msg { return nil }
}

// fire delivers every scheduled tick to the app; it returns how many.
func (r *tickRecorder) fire(a *App) int {
	due := r.pending
	r.pending = nil
	for _, msg := range due {
		a.Update(msg())
	}
	return len(due)
}

// TestRateLimitTicksStopAfterLeave: the lab's clock ticks while it is on
// screen, schedules nothing once left (the tick in flight is dropped and
// the simulated clock stands still), and starts again on the next visit.
func TestRateLimitTicksStopAfterLeave(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabRateLimit}, 80, 24)
	ticks := &tickRecorder{}
	a.common.Tick = ticks.tick
	a.Init()
	p := a.pages[PageLabRateLimit].(*rateLimitPage)
	for range 3 {
		if n := ticks.fire(a); n != 1 {
			t.Fatalf("on screen: %d ticks scheduled, want 1", n)
		}
	}
	if p.lab.now != 3*100*time.Millisecond {
		t.Fatalf("clock at %v after 3 ticks", p.lab.now)
	}
	press(t, a, special(tea.KeyEscape))
	if a.active != PageHome {
		t.Fatalf("esc left us on %q", a.active)
	}
	if n := ticks.fire(a); n != 1 {
		t.Fatalf("the tick in flight: %d, want 1", n)
	}
	for range 3 {
		if n := ticks.fire(a); n != 0 {
			t.Fatalf("after leaving, %d more ticks were scheduled", n)
		}
	}
	if p.lab.now != 3*100*time.Millisecond {
		t.Errorf("the clock moved to %v after leaving", p.lab.now)
	}
	home := a.pages[PageHome]
	press(t, a, text("r")...) // back to the lab by its letter
	if a.active != PageLabRateLimit || a.pages[PageHome] != home {
		t.Fatalf("r opened %q", a.active)
	}
	if n := ticks.fire(a); n != 1 {
		t.Fatalf("back on the lab: %d ticks, want 1", n)
	}
	if p.lab.now != 4*100*time.Millisecond {
		t.Errorf("clock at %v after coming back", p.lab.now)
	}
}

// TestPausedLabSchedulesNoTicks: a paused lab, left and entered again,
// stays paused and idle.
func TestPausedLabSchedulesNoTicks(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabRateLimit}, 80, 24)
	ticks := &tickRecorder{}
	a.common.Tick = ticks.tick
	press(t, a, text("p")...)
	press(t, a, special(tea.KeyEscape))
	press(t, a, text("r")...)
	ticks.pending = nil
	if n := ticks.fire(a); n != 0 {
		t.Errorf("a paused lab scheduled %d ticks", n)
	}
}

// TestCloseLeavesNoGoroutine: the shortener lab's own service (a flusher
// goroutine with a ticker) is closed by App.Close, and its goroutine is
// gone. Goroutines are told apart by their stacks, so that other tests'
// goroutines winding down do not count.
func TestCloseLeavesNoGoroutine(t *testing.T) {
	before := shortenerGoroutines()
	a := newTestApp(t, Options{Start: PageLabShortener}, 80, 24)
	if shortenerGoroutines() <= before {
		t.Fatal("the shortener's service started no goroutine")
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.common.Ctx.Err(); err == nil {
		t.Error("Close left the run's context alive")
	}
	// The flusher has signalled that it is done; let it return.
	n := shortenerGoroutines()
	for i := 0; i < 10_000 && n > before; i++ {
		runtime.Gosched()
		n = shortenerGoroutines()
	}
	if n > before {
		t.Errorf("%d shortener goroutines after Close, %d before the app", n, before)
	}
}

// shortenerGoroutines counts the goroutines running shortener code.
func shortenerGoroutines() int {
	buf := make([]byte, 1<<20)
	n := 0
	for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
		if strings.Contains(g, "designs/shortener.") {
			n++
		}
	}
	return n
}

// TestQuitCancelsContext: q and ctrl+c cancel the context pages use for
// their service calls.
func TestQuitCancelsContext(t *testing.T) {
	for _, k := range []tea.KeyPressMsg{text("q")[0], ctrl('c')} {
		a := newTestApp(t, Options{}, 80, 24)
		if !isQuit(press(t, a, k)) {
			t.Fatalf("%v does not quit", k)
		}
		if a.common.Ctx.Err() == nil {
			t.Errorf("%v left the context alive", k)
		}
	}
}

// TestHelpToggles: ? opens the full help on every page, lists the page's
// keys and the global ones, and ? or esc closes it.
func TestHelpToggles(t *testing.T) {
	want := map[string]string{
		PageHome:         "next",
		PageEstimate:     "save",
		PageNumbers:      "previous table",
		PageLearn:        "clear filter",
		PageLabRateLimit: "edit limit",
		PageLabShortener: "strategy",
	}
	for page, key := range want {
		a := newTestApp(t, Options{Start: page}, 80, 24)
		if page == PageLabShortener {
			press(t, a, special(tea.KeyTab), special(tea.KeyTab)) // off the text fields
		}
		press(t, a, text("?")...)
		v := a.View().Content
		if !a.showAll || !strings.Contains(v, key) || !strings.Contains(v, "ctrl+c") {
			t.Errorf("%q: ? shows no full help with %q:\n%s", page, key, v)
		}
		press(t, a, text("?")...)
		if a.showAll {
			t.Errorf("%q: ? does not close the help", page)
		}
		press(t, a, text("?")...)
		press(t, a, special(tea.KeyEscape))
		if a.showAll || a.active != page {
			t.Errorf("%q: esc on the help: help %v, page %q", page, a.showAll, a.active)
		}
		a.Close()
	}
}

// TestOneMeaningPerKey: across the whole keymap, tab only ever moves
// forward (to the next field, table, pane or link) and space only pages
// down.
func TestOneMeaningPerKey(t *testing.T) {
	forward := map[string]bool{"next": true, "next table": true, "reader": true, "links": true,
		"tables": true} // tab/shift+tab in one help entry
	for path, b := range allBindings(reflect.ValueOf(DefaultKeyMap()), "keys") {
		desc := b.Help().Desc
		for _, k := range b.Keys() {
			switch {
			case k == "tab" && !forward[desc]:
				t.Errorf("%s binds tab to %q", path, desc)
			// The flashcard review shows the answer on space (issue 11):
			// the rest of the card, which is what page down means there.
			case k == "space" && desc != "page down" && path != "keys.Cards.Reveal":
				t.Errorf("%s binds space to %q", path, desc)
			}
		}
	}
}

// allBindings walks a keymap struct (and its maps) for key bindings.
func allBindings(v reflect.Value, path string) map[string]key.Binding {
	out := map[string]key.Binding{}
	if b, ok := v.Interface().(key.Binding); ok {
		out[path] = b
		return out
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			maps.Copy(out, allBindings(v.Field(i), path+"."+v.Type().Field(i).Name))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			maps.Copy(out, allBindings(v.MapIndex(k), path+"["+k.String()+"]"))
		}
	}
	return out
}

// TestFailedPageShowsError: a page whose constructor fails shows the
// error, and esc goes back.
func TestFailedPageShowsError(t *testing.T) {
	a := newTestApp(t, Options{}, 80, 24)
	a.common.Opts.Preset = "nosuch" // the estimate page refuses it
	press(t, a, special(tea.KeyEnter))
	v := a.View().Content
	if a.active != PageEstimate || !strings.Contains(v, `unknown preset "nosuch"`) {
		t.Fatalf("the constructor's error is not shown:\n%s", v)
	}
	press(t, a, special(tea.KeyEscape))
	a.common.Opts.Preset = ""
	press(t, a, special(tea.KeyEnter))
	if _, ok := a.pages[PageEstimate].(*estimatePage); !ok {
		t.Error("the page was not built again on the next visit")
	}
}

// TestHomeJumpsAreFree: a mode's letter on the home menu is bound to
// nothing else there (l once meant both "open" and "Learn").
func TestHomeJumpsAreFree(t *testing.T) {
	k := DefaultKeyMap()
	used := map[string]string{}
	for name, b := range map[string]key.Binding{"open": k.Home.Open, "up": k.Nav.Up, "down": k.Nav.Down,
		"next": k.Nav.Next, "prev": k.Nav.Prev, "quit": k.Global.Quit, "help": k.Global.Help} {
		for _, s := range b.Keys() {
			used[s] = name
		}
	}
	for page, b := range k.Home.Jump {
		for _, s := range b.Keys() {
			if other, ok := used[s]; ok {
				t.Errorf("%s jumps to %s and also means %s", s, page, other)
			}
		}
	}
}

// The full help of every page lists each key once: a key bound twice in
// one view would either be a conflict or help that says the same thing
// twice. The learn page is checked in the list and in the reader.
func TestFullHelpListsEachKeyOnce(t *testing.T) {
	pages := []string{PageHome, PageEstimate, PageNumbers, PageLearn, PageLabRateLimit, PageLabShortener,
		PageQuiz, PageMock, PageDrill, PageDrillCards, PageStats, PageDrillEstimate, PageLabCache,
		PageLabQuorum, PageLabHashRing, PageLabBalancer, PageLabBreaker, PageLabSharding, PageLabFanout, PageLabQueue}
	check := func(name string, a *App) {
		seen := map[string]string{}
		for _, grp := range a.helpGroups(a.pages[a.active]) {
			for _, b := range grp {
				if !b.Enabled() {
					continue
				}
				for _, k := range b.Keys() {
					if prev, ok := seen[k]; ok {
						t.Errorf("%s: %q is listed as %q and as %q", name, k, prev, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
	}
	for _, page := range pages {
		opts := Options{Start: page}
		switch page {
		case PageMock:
			opts.Mock = MockOptions{Problem: "twitter", Seed: 1, Only: -1}
		case PageDrillEstimate:
			opts.Drill = &drills.EstimationOptions{Seed: 42, Preset: "twitter", Quantity: estimate.SWriteQPS}
		}
		a := newTestApp(t, opts, 80, 24)
		check("page "+page, a)
		switch page {
		case PageLearn:
			press(t, a, special(tea.KeyEnter))
			if !a.pages[a.active].(*learnPage).reading {
				t.Fatal("enter did not open the reader")
			}
			check("learn reader", a)
		case PageLabRateLimit:
			press(t, a, text(a.common.Keys.RateLimit.Edit.Keys()[0])...)
			if !a.pages[a.active].(*rateLimitPage).edit.open {
				t.Fatal("e did not open the form")
			}
			check("rate-limit form", a)
		case PageLabShortener:
			press(t, a, special(tea.KeyTab), special(tea.KeyTab), special(tea.KeyTab))
			if a.pages[a.active].(*shortenerPage).focus != shFocusLinks {
				t.Fatal("tab did not reach the links")
			}
			check("shortener links", a)
		case PageMock:
			press(t, a, ctrl('n'), ctrl('n'), ctrl('n'))
			check("mock deep dive", a)
			press(t, a, ctrl('n'), ctrl('n'))
			if !a.pages[a.active].(*mockPage).m.Finished {
				t.Fatal("five steps did not finish the mock")
			}
			check("mock end", a)
		case PageDrillEstimate:
			press(t, a, text("10K")...)
			press(t, a, special(tea.KeyEnter))
			if a.pages[a.active].(*drillEstimatePage).result == nil {
				t.Fatal("enter did not grade the drill")
			}
			check("estimation drill graded", a)
		}
	}
}
