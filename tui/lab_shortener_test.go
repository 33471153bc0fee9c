package tui

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/designs/shortener"
)

// newShortenerTestPage builds the page on its own in-memory service (or on
// opts.ShortenerService), sized like the body of an 80×24 terminal. Poll
// ticks are counted in *polls instead of waiting on a timer.
func newShortenerTestPage(t *testing.T, opts Options) (*shortenerPage, *int) {
	t.Helper()
	c := &Common{Theme: NewTheme(true), Keys: DefaultKeyMap(), Now: testNow, Opts: opts}
	p, err := newShortenerPage(c)
	if err != nil {
		t.Fatal(err)
	}
	polls := stubShortenerPolls(p)
	if p.owned {
		t.Cleanup(func() { p.svc.Close() })
	}
	p.SetSize(78, 21)
	shortenerRun(t, p, p.Enter())
	return p, polls
}

// stubShortenerPolls replaces the page's timer with a counter.
func stubShortenerPolls(p *shortenerPage) *int {
	polls := new(int)
	p.after = func(time.Duration, tea.Msg) tea.Cmd {
		*polls++
		return nil
	}
	return polls
}

// shortenerRun runs cmd and feeds what it returns back into the page, as
// the runtime would, following batches and chains.
func shortenerRun(t *testing.T, p *shortenerPage, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100 {
			t.Fatal("commands keep producing commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := p.Update(msg)
			queue = append(queue, next)
		}
	}
}

// pressForTest presses keys on the page and runs what they return.
func (p *shortenerPage) pressForTest(t *testing.T, ks ...tea.KeyPressMsg) {
	t.Helper()
	for _, k := range ks {
		_, cmd := p.Update(k)
		shortenerRun(t, p, cmd)
	}
}

// shortenForTest types url and alias into the form and presses enter.
func (p *shortenerPage) shortenForTest(t *testing.T, url, alias string) {
	t.Helper()
	p.setFocus(shFocusURL)
	p.url.SetValue("")
	p.alias.SetValue("")
	p.pressForTest(t, text(url)...)
	if alias != "" {
		p.pressForTest(t, special(tea.KeyTab))
		p.pressForTest(t, text(alias)...)
	}
	p.pressForTest(t, special(tea.KeyEnter))
}

// lastEvents joins the n newest events, newest first.
func (p *shortenerPage) lastEvents(n int) string {
	var b strings.Builder
	for i := 0; i < n && i < len(p.events); i++ {
		b.WriteString(p.events[i].Text)
		b.WriteString("\n")
	}
	return b.String()
}

// shortenerGolden compares a frame with testdata/lab_shortener_<name>.golden;
// `go test -update` (the golden package's flag) rewrites the file.
func shortenerGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "lab_shortener_"+name+".golden")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if string(want) != got {
		t.Errorf("frame differs from %s (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

func TestShortenerShortenThenResolveMissThenHit(t *testing.T) {
	p, polls := newShortenerTestPage(t, Options{})
	if !p.Typing() || p.focus != shFocusURL {
		t.Fatalf("the page must open on the URL field (focus %d)", p.focus)
	}
	p.shortenForTest(t, "https://example.com/a", "")
	if len(p.links) != 1 || p.links[0].Code != "1" || p.links[0].How != "counter" {
		t.Fatalf("links = %+v; want code 1 by the counter", p.links)
	}
	if ev := p.lastEvents(1); !strings.Contains(ev, "→ code 1 (counter strategy, id 1), stored in memory (gone when the lab exits)") {
		t.Errorf("shorten event = %q", ev)
	}
	if p.url.Value() != "" || p.focus != shFocusURL {
		t.Errorf("the form is not ready for the next URL: %q, focus %d", p.url.Value(), p.focus)
	}

	p.pressForTest(t, special(tea.KeyTab), special(tea.KeyTab), special(tea.KeyTab))
	if p.focus != shFocusLinks || p.Typing() {
		t.Fatalf("three tabs: focus %d; want the links", p.focus)
	}
	p.pressForTest(t, special(tea.KeyEnter))
	if ev := p.lastEvents(2); !strings.Contains(ev, "resolve 1: cache miss → store read → cached") ||
		!strings.Contains(ev, "click queued (queue depth") {
		t.Fatalf("first resolve events:\n%s", ev)
	}
	p.pressForTest(t, text("o")...)
	if ev := p.lastEvents(2); !strings.Contains(ev, "resolve 1: cache hit (no store read)") {
		t.Fatalf("second resolve events:\n%s", ev)
	}
	s := p.stats
	if s.CacheHits != 1 || s.CacheMisses != 1 || s.StoreReads != 1 || s.ClicksQueued != 2 {
		t.Errorf("stats = %+v; want 1 hit, 1 miss, 1 store read, 2 clicks", s)
	}
	if p.links[0].Visits != 2 {
		t.Errorf("visits = %d; want 2", p.links[0].Visits)
	}
	if *polls == 0 && shUnwritten(s) > 0 {
		t.Error("clicks wait to be written but no stats refresh was scheduled")
	}
}

func TestShortenerRefusesJavascriptURL(t *testing.T) {
	p, _ := newShortenerTestPage(t, Options{})
	p.shortenForTest(t, "javascript:alert(1)", "")
	if len(p.links) != 0 {
		t.Fatalf("a javascript: URL was stored: %+v", p.links)
	}
	const reason = `invalid url: scheme "javascript", only http and https accepted`
	if !strings.Contains(p.status, "400 "+reason) {
		t.Errorf("status = %q; want the 400 and the reason", p.status)
	}
	if e := p.events[0]; e.Kind != shEvErr || !strings.Contains(e.Text, "javascript:alert(1) refused (400): "+reason) {
		t.Errorf("event = %+v", e)
	}
	if p.url.Value() != "javascript:alert(1)" {
		t.Errorf("the refused URL was cleared (%q): it should stay to be fixed", p.url.Value())
	}
	p.pressForTest(t, special(tea.KeyBackspace))
	if p.status != "" {
		t.Errorf("editing the field kept the error %q", p.status)
	}
}

func TestShortenerAliasTakenAndInvalid(t *testing.T) {
	p, _ := newShortenerTestPage(t, Options{})
	p.shortenForTest(t, "https://example.com/x", "mine")
	if len(p.links) != 1 || p.links[0].Code != "mine" || p.links[0].How != "alias" {
		t.Fatalf("links = %+v; want the alias mine", p.links)
	}
	p.shortenForTest(t, "https://example.org/y", "mine")
	if len(p.links) != 1 || !strings.Contains(p.status, `409 alias already taken: "mine"`) {
		t.Errorf("taken alias: links %d, status %q; want a 409 conflict", len(p.links), p.status)
	}
	p.shortenForTest(t, "https://example.org/y", "api")
	if !strings.Contains(p.status, "400 invalid alias") || !strings.Contains(p.status, "reserved") {
		t.Errorf("reserved alias: status %q", p.status)
	}
}

func TestShortenerStrategyPicker(t *testing.T) {
	const seed = 7
	p, _ := newShortenerTestPage(t, Options{Shortener: shortener.Config{Seed: seed}})
	if p.strategy != shortener.Counter {
		t.Fatalf("starts on %v; want the service's counter", p.strategy)
	}
	p.pressForTest(t, ctrl('t'))
	if p.strategy != shortener.Hash {
		t.Fatalf("ctrl+t gave %v; want hash", p.strategy)
	}
	const u = "https://example.com/same"
	p.shortenForTest(t, u, "")
	p.shortenForTest(t, u, "")
	if len(p.links) != 1 || p.links[0].Code != shortener.HashCode("", u, 0) {
		t.Fatalf("hash links = %+v; want one link under HashCode(url)", p.links)
	}
	if ev := p.lastEvents(1); !strings.Contains(ev, "already stored, nothing written") {
		t.Errorf("reshortening with hash: %q", ev)
	}

	// On the picker, ←/→ switch too.
	p.setFocus(shFocusStrategy)
	p.pressForTest(t, special(tea.KeyRight))
	if p.strategy != shortener.Random {
		t.Fatalf("→ gave %v; want random", p.strategy)
	}
	ref := shortener.NewService(shortener.NewMemoryStore(), shortener.Config{Strategy: shortener.Random, Seed: seed})
	defer ref.Close()
	want, err := ref.Shorten(context.Background(), "https://example.com/r", "")
	if err != nil {
		t.Fatal(err)
	}
	p.shortenForTest(t, "https://example.com/r", "")
	if p.links[0].Code != want.Link.Code || p.links[0].How != "random" {
		t.Errorf("random code %q; want %q from seed %d", p.links[0].Code, want.Link.Code, seed)
	}
	p.setFocus(shFocusStrategy)
	p.pressForTest(t, special(tea.KeyRight), special(tea.KeyLeft), special(tea.KeyLeft))
	if p.strategy != shortener.Hash {
		t.Errorf("→ ← ← from random gave %v; want hash", p.strategy)
	}
}

func TestShortenerBurstShowsCacheHitsRising(t *testing.T) {
	p, _ := newShortenerTestPage(t, Options{})
	p.shortenForTest(t, "https://example.com/hot", "")
	p.setFocus(shFocusLinks)
	p.pressForTest(t, text("R")...)
	s := p.stats
	if s.CacheHits != 99 || s.CacheMisses != 1 || s.StoreReads != 1 {
		t.Fatalf("after R: %+v; want 99 hits, 1 miss, 1 store read", s)
	}
	if ev := p.lastEvents(2); !strings.Contains(ev, "resolve 1 ×100: 99 cache hits, 1 miss → 1 store read") ||
		!strings.Contains(ev, "100 clicks queued") {
		t.Errorf("burst events:\n%s", ev)
	}
	p.pressForTest(t, text("R")...)
	if p.stats.CacheHits != 199 || p.stats.StoreReads != 1 || p.links[0].Visits != 200 {
		t.Errorf("second burst: %+v, visits %d; want 199 hits and still 1 store read", p.stats, p.links[0].Visits)
	}
	if !strings.Contains(strings.Join(p.statsLines(78, 2), "\n"), "hit ratio 99.5%") {
		t.Errorf("stats line: %q", p.statsLines(78, 2))
	}
}

func TestShortenerFlushShowsClicksWritten(t *testing.T) {
	tick := make(chan time.Time)
	flushed := make(chan shortener.FlushReport, 1)
	p, polls := newShortenerTestPage(t, Options{Shortener: shortener.Config{
		ClickBatch: 1000,
		FlushTick:  tick,
		OnFlush:    func(r shortener.FlushReport) { flushed <- r },
	}})
	p.shortenForTest(t, "https://example.com/a", "")
	p.setFocus(shFocusLinks)
	p.pressForTest(t, special(tea.KeyEnter), special(tea.KeyEnter))
	if *polls != 1 || !p.polling {
		t.Fatalf("%d polls scheduled; want one while 2 clicks are unwritten", *polls)
	}
	if p.links[0].Clicks != 0 || shUnwritten(p.stats) != 2 {
		t.Fatalf("before the flush: clicks %d, unwritten %d", p.links[0].Clicks, shUnwritten(p.stats))
	}
	tick <- time.Time{}
	if r := <-flushed; r.Clicks != 2 || r.Err != nil {
		t.Fatalf("flush = %+v", r)
	}
	_, cmd := p.Update(shortenerPollMsg{})
	shortenerRun(t, p, cmd)
	if p.links[0].Clicks != 2 || shUnwritten(p.stats) != 0 {
		t.Errorf("after the flush: clicks %d, unwritten %d; want 2 and 0", p.links[0].Clicks, shUnwritten(p.stats))
	}
	if ev := p.lastEvents(1); !strings.Contains(ev, "click batch flushed: 2 clicks written in 1 store write") {
		t.Errorf("flush event = %q", ev)
	}
	if *polls != 1 || p.polling {
		t.Errorf("polling goes on with nothing unwritten (%d polls)", *polls)
	}
	if p.stats.StoreReads != 1 {
		t.Errorf("store reads %d; reading click counts must not count", p.stats.StoreReads)
	}
}

func TestShortenerPollingStopsWhenNothingChanges(t *testing.T) {
	p, polls := newShortenerTestPage(t, Options{Shortener: shortener.Config{FlushTick: make(chan time.Time), ClickBatch: 1000}})
	p.shortenForTest(t, "https://example.com/a", "")
	p.setFocus(shFocusLinks)
	p.pressForTest(t, special(tea.KeyEnter))
	for range shortenerIdlePolls + 5 { // the flush never comes
		_, cmd := p.Update(shortenerPollMsg{})
		shortenerRun(t, p, cmd)
	}
	// Each poll that sees no change schedules the next, up to the limit.
	if *polls != shortenerIdlePolls || p.polling {
		t.Errorf("%d polls (polling %v); want %d, then none", *polls, p.polling, shortenerIdlePolls)
	}
	p.pressForTest(t, special(tea.KeyEnter))
	if *polls != shortenerIdlePolls+1 {
		t.Errorf("a new click did not restart polling (%d polls)", *polls)
	}
}

func TestShortenerKeysWhileTyping(t *testing.T) {
	p, _ := newShortenerTestPage(t, Options{})
	p.pressForTest(t, text("q")...)
	if p.url.Value() != "q" {
		t.Errorf("q was not typed into the URL field: %q", p.url.Value())
	}
	_, cmd := p.Update(special(tea.KeyEscape))
	if cmd == nil {
		t.Fatal("esc while typing did nothing")
	}
	if _, ok := cmd().(BackMsg); !ok {
		t.Error("esc while typing does not go back")
	}
	p.Update(tea.PasteMsg{Content: "https://pasted.example"})
	if p.url.Value() != "qhttps://pasted.example" {
		t.Errorf("paste went nowhere: %q", p.url.Value())
	}
}

func TestShortenerResolveWithoutLinks(t *testing.T) {
	p, _ := newShortenerTestPage(t, Options{})
	p.setFocus(shFocusLinks)
	p.pressForTest(t, special(tea.KeyEnter))
	if !strings.Contains(p.status, "shorten a URL first") || p.stats.CacheMisses != 0 {
		t.Errorf("resolve with no links: status %q", p.status)
	}
}

func TestShortenerRejectsBadStrategy(t *testing.T) {
	c := &Common{Theme: NewTheme(true), Keys: DefaultKeyMap(), Opts: Options{Shortener: shortener.Config{Strategy: 9}}}
	if _, err := newShortenerPage(c); err == nil {
		t.Error("strategy 9 accepted")
	}
}

// gateStore holds the click writer inside AddClicks until released, so
// that clicks stay in the queue and the queue depth is the same on every
// run.
type gateStore struct {
	shortener.Store
	entered, release chan struct{}
}

func (g *gateStore) AddClicks(ctx context.Context, clicks map[string]int64) error {
	g.entered <- struct{}{}
	<-g.release
	return g.Store.AddClicks(ctx, clicks)
}

// newGatedService returns a counter service whose click writer is stuck
// in its first write (of one warm-up click on the alias "warm"): every
// later click stays in the queue.
func newGatedService(t *testing.T) *shortener.Service {
	t.Helper()
	g := &gateStore{Store: shortener.NewMemoryStore(), entered: make(chan struct{}), release: make(chan struct{})}
	svc := shortener.NewService(g, shortener.Config{ClickBatch: 1, FlushTick: make(chan time.Time), Now: testNow})
	ctx := context.Background()
	if _, err := svc.Shorten(ctx, "https://example.com/warm-up", "warm"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Resolve(ctx, "warm"); err != nil {
		t.Fatal(err)
	}
	<-g.entered
	t.Cleanup(func() {
		go func() {
			for range g.entered { // the writes Close makes
			}
		}()
		close(g.release)
		svc.Close()
		close(g.entered)
	})
	return svc
}

// shortenerPageOf returns the app's shortener page with its timer stubbed.
func shortenerPageOf(t *testing.T, a *App) *shortenerPage {
	t.Helper()
	p, ok := a.pages[PageLabShortener].(*shortenerPage)
	if !ok {
		t.Fatal("no shortener page")
	}
	return p
}

func TestShortenerGoldenLinks(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabShortener, ShortenerService: newGatedService(t)}, 80, 24)
	p := shortenerPageOf(t, a)
	stubShortenerPolls(p)
	press(t, a, text("https://example.com/articles/2026/11/how-url-shorteners-work")...)
	press(t, a, special(tea.KeyEnter))
	press(t, a, text("https://go.dev/doc/effective_go")...)
	press(t, a, special(tea.KeyEnter))
	press(t, a, special(tea.KeyTab), special(tea.KeyTab), special(tea.KeyTab)) // the links
	press(t, a, special(tea.KeyEnter), special(tea.KeyEnter))                  // go.dev twice
	press(t, a, special(tea.KeyDown), special(tea.KeyEnter))                   // example.com once
	shortenerGolden(t, "links", a.View().Content)
}

func TestShortenerGoldenErrors(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabShortener, ShortenerService: newGatedService(t)}, 80, 24)
	stubShortenerPolls(shortenerPageOf(t, a))
	press(t, a, text("javascript:alert(document.cookie)")...)
	press(t, a, special(tea.KeyEnter))
	press(t, a, ctrl('u'))
	press(t, a, text("https://example.com/new")...)
	press(t, a, special(tea.KeyTab))
	press(t, a, text("warm")...) // taken by the warm-up link
	press(t, a, special(tea.KeyEnter))
	shortenerGolden(t, "errors", a.View().Content)
}

func TestShortenerFromHomeMenu(t *testing.T) {
	a := newTestApp(t, Options{}, 80, 24)
	press(t, a, text("S")...)
	if a.active != PageLabShortener {
		t.Fatalf("S opened %q", a.active)
	}
	p := shortenerPageOf(t, a)
	t.Cleanup(func() { p.svc.Close() })
	stubShortenerPolls(p)
	v := a.View().Content
	if !strings.Contains(v, "URL shortener lab") || !strings.Contains(v, "62^7 ≈ 3.52 trillion codes") {
		t.Fatalf("page not shown:\n%s", v)
	}
	if isQuit(press(t, a, text("q")...)) {
		t.Error("q typed into the URL field quit the app")
	}
	press(t, a, special(tea.KeyBackspace))
	press(t, a, text("https://example.com")...)
	press(t, a, special(tea.KeyEnter))
	if len(p.links) != 1 || !strings.Contains(a.View().Content, "https://example.com") {
		t.Fatalf("shortening through the app: links %+v", p.links)
	}
	press(t, a, special(tea.KeyEscape))
	if a.active != PageHome {
		t.Errorf("esc left us on %q", a.active)
	}
}

func TestShortenerFramesFit(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
		a := newTestApp(t, Options{Start: PageLabShortener}, size[0], size[1])
		p := shortenerPageOf(t, a)
		t.Cleanup(func() { p.svc.Close() })
		stubShortenerPolls(p)
		for i := range 8 {
			press(t, a, text("https://example.com/a/rather/long/path/to/fill/the/row/"+strings.Repeat("x", i))...)
			press(t, a, special(tea.KeyEnter))
		}
		press(t, a, text("javascript:alert(1)")...)
		press(t, a, special(tea.KeyEnter))
		press(t, a, special(tea.KeyTab), special(tea.KeyTab), special(tea.KeyTab))
		press(t, a, text("R")...)
		for range 9 {
			press(t, a, special(tea.KeyDown))
		}
		lines := strings.Split(a.View().Content, "\n")
		if len(lines) > size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if displayWidth(l) > size[0] {
				t.Errorf("%v: line %d is %d wide: %q", size, i, displayWidth(l), l)
			}
		}
		body := ansi.Strip(strings.Join(lines, "\n"))
		if !strings.Contains(body, "▸ 1 ") {
			t.Errorf("%v: the selected last link is scrolled out of view:\n%s", size, body)
		}
		if wide := size[0] >= 120; wide != strings.Contains(body, "How it works") {
			t.Errorf("%v: explanation shown = %v", size, !wide)
		}
	}
}

func TestShPlural(t *testing.T) {
	for _, c := range []struct {
		n          int64
		noun, want string
	}{
		{0, "click", "0 clicks"}, {1, "click", "1 click"}, {42000, "click", "42,000 clicks"},
		{1, "batch", "1 batch"}, {3, "batch", "3 batches"}, {2, "cache hit", "2 cache hits"},
	} {
		if got := plural(c.n, c.noun); got != c.want {
			t.Errorf("plural(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

// TestShortenerListsStoredLinks: the lab names its store, lists the links
// already in it newest first, and reads further pages as the selection
// moves down.
func TestShortenerListsStoredLinks(t *testing.T) {
	at := testNow()
	clock := func() time.Time { at = at.Add(time.Second); return at }
	svc := shortener.NewService(shortener.NewMemoryStore(), shortener.Config{Now: clock})
	t.Cleanup(func() { svc.Close() })
	for i := range 120 {
		if _, err := svc.Shorten(t.Context(), fmt.Sprintf("https://example.com/%d", i), ""); err != nil {
			t.Fatal(err)
		}
	}
	a := newTestApp(t, Options{Start: PageLabShortener, ShortenerService: svc}, 80, 24)
	drain(a, a.Init())
	p := a.pages[PageLabShortener].(*shortenerPage)
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "memory store") || !strings.Contains(v, "Links (50 of 120, newest first)") {
		t.Fatalf("first frame:\n%s", v)
	}
	if p.links[0].URL != "https://example.com/119" || p.links[49].URL != "https://example.com/70" {
		t.Errorf("not newest first: %s … %s", p.links[0].URL, p.links[49].URL)
	}
	press(t, a, special(tea.KeyTab), special(tea.KeyTab), special(tea.KeyTab)) // to the links
	for range 30 {
		press(t, a, special(tea.KeyPgDown))
	}
	if len(p.links) != 120 || p.sel != 119 || p.links[119].URL != "https://example.com/0" {
		t.Errorf("after paging down: %d links, selected %d", len(p.links), p.sel)
	}
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Links (120, newest first)") || !strings.Contains(v, "example.com/0 ") {
		t.Errorf("last page:\n%s", v)
	}
}

// ? opens the help from an empty field and is text once a URL is typed
// (query strings need it).
func TestShortenerQuestionMark(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabShortener}, 80, 24)
	press(t, a, text("?")...)
	if !a.showAll {
		t.Fatal("? in the empty URL field did not open the help")
	}
	press(t, a, text("?")...)
	press(t, a, text("https://e.com/a?b=1")...)
	p := a.pages[PageLabShortener].(*shortenerPage)
	if a.showAll || p.url.Value() != "https://e.com/a?b=1" {
		t.Fatalf("help %v, URL %q", a.showAll, p.url.Value())
	}
}
