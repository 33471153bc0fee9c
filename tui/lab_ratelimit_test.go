package tui

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// newRateLimitTestPage builds the page on its own with stable, colourless
// output, sized like the body of an 80×24 terminal.
func newRateLimitTestPage(t *testing.T, cfg ratelimit.Config, seed uint64) *rateLimitPage {
	t.Helper()
	c := &Common{Theme: NewTheme(true), Keys: DefaultKeyMap(), Now: testNow, Tick: manualTicks,
		Opts: Options{NoColor: true, RateLimit: cfg, Seed: seed}}
	p, err := newRateLimitPage(c)
	if err != nil {
		t.Fatal(err)
	}
	p.SetSize(78, 21)
	p.Enter()
	return p
}

// manualTicks is the timer of the tests: the command it returns delivers
// the tick at once, when a test runs it.
func manualTicks(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg { return fn(time.Time{}) }
}

// keysForTest sends key presses to the page and feeds back the results of
// the commands they return (an algorithm switch), but not ticks: tests
// send those by hand.
func (p *rateLimitPage) keysForTest(ks ...tea.KeyPressMsg) {
	for _, k := range ks {
		_, cmd := p.Update(k)
		p.runForTest(cmd)
	}
}

func (p *rateLimitPage) runForTest(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			p.runForTest(c)
		}
	case rateLimitTickMsg:
	default:
		p.Update(msg)
	}
}

// ticksForTest advances the simulated clock by n columns, as the runtime would.
func (p *rateLimitPage) ticksForTest(n int) {
	for range n {
		p.Update(rateLimitTickMsg{gen: p.gen})
	}
}

func sendKey() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyEnter} }

// runPattern starts pattern key k at t = 0 and ticks until it is done.
func runPattern(t *testing.T, p *rateLimitPage, k string) time.Duration {
	t.Helper()
	p.keysForTest(text(k)...)
	if p.lab.traffic != trafficRunning {
		t.Fatalf("pattern %s did not start: %s", k, p.lab.err)
	}
	run := p.lab.trafficEnd - p.lab.trafficStart
	p.ticksForTest(int(run / ratelimit.BucketWidth))
	if p.lab.traffic != trafficDone {
		t.Fatalf("pattern %s still %v after %v", k, p.lab.traffic, run)
	}
	return run
}

// requireGolden compares a frame with testdata/lab_ratelimit_<name>.golden;
// `go test -update` (the flag of the golden package) rewrites the file.
func requireGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "lab_ratelimit_"+name+".golden")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("frame differs from %s (go test -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

func TestRateLimitDefaultConfig(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	if got := p.lab.cfg.String(); got != "token-bucket 10/s burst 20" {
		t.Errorf("zero config gives %q, want token-bucket 10/s burst 20", got)
	}
	p = newRateLimitTestPage(t, ratelimit.Config{Algorithm: ratelimit.SlidingLog}, 1)
	if got := p.lab.cfg.String(); got != "sliding-log 10/s" {
		t.Errorf("algorithm only gives %q, want sliding-log 10/s", got)
	}
	p = newRateLimitTestPage(t, ratelimit.Config{Algorithm: ratelimit.LeakyBucket, Limit: 5, Window: 100 * time.Millisecond}, 1)
	if got := p.lab.cfg.String(); got != "leaky-bucket 5/100ms" {
		t.Errorf("explicit config became %q", got)
	}
	c := &Common{Theme: NewTheme(true), Keys: DefaultKeyMap(), Opts: Options{RateLimit: ratelimit.Config{Limit: -1, Window: time.Second}}}
	if _, err := newRateLimitPage(c); err == nil {
		t.Error("a negative limit was accepted")
	}
}

// TestRateLimitSendAndBurst: requests at one instant against a token
// bucket of 20 refilled at 10/s.
func TestRateLimitSendAndBurst(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	l := p.lab
	p.keysForTest(sendKey())
	if len(l.sent) != 1 || l.cur.admitted != 1 || l.state.Tokens != 19 {
		t.Fatalf("one request: sent %d admitted %d tokens %v", len(l.sent), l.cur.admitted, l.state.Tokens)
	}
	p.keysForTest(text("b")...) // 2 × 20 at the same instant: 19 tokens left
	if len(l.sent) != 41 || l.cur.admitted != 20 || l.cur.rejected != 21 || l.state.Tokens != 0 {
		t.Fatalf("burst: sent %d admitted %d rejected %d tokens %v", len(l.sent), l.cur.admitted, l.cur.rejected, l.state.Tokens)
	}
	if b := l.buckets[0]; b.admitted != 20 || b.rejected != 21 {
		t.Errorf("first column %+v, want 20 admitted 21 rejected", b)
	}
	p.ticksForTest(5) // 500 ms: 5 tokens back
	if l.now != 500*time.Millisecond || l.state.Tokens != 5 || l.state.ResetAfter != 1500*time.Millisecond {
		t.Fatalf("after 500 ms: now %v tokens %v full in %v", l.now, l.state.Tokens, l.state.ResetAfter)
	}
	p.keysForTest(special(tea.KeyEnter))
	if l.cur.admitted != 21 || l.buckets[5].admitted != 1 {
		t.Errorf("enter after 500 ms: admitted %d, column 5 %+v", l.cur.admitted, l.buckets[5])
	}
	if l.cur.maxInWindow != 21 {
		t.Errorf("max in one window %d, want 21", l.cur.maxInWindow)
	}
}

// TestRateLimitMatchesSimulate: a pattern sent 100 ms at a time through
// the page gets exactly the decisions ratelimit.Simulate makes on it.
func TestRateLimitMatchesSimulate(t *testing.T) {
	const seed = 7
	for _, alg := range ratelimit.Algorithms() {
		for i, pat := range ratelimit.Patterns() {
			cfg := ratelimit.Config{Algorithm: alg, Limit: 10, Window: time.Second, Burst: 20}
			p := newRateLimitTestPage(t, cfg, seed)
			run := runPattern(t, p, string(rune('1'+i)))
			want, err := ratelimit.Simulate(cfg, pat, seed, run)
			if err != nil {
				t.Fatal(err)
			}
			l := p.lab
			if len(l.sent) != want.Offered || l.cur.admitted != want.Admitted || l.cur.rejected != want.Rejected ||
				l.cur.maxInWindow != want.MaxInWindow {
				t.Errorf("%v %v: lab sent %d admitted %d rejected %d max %d; Simulate %d %d %d %d", alg, pat,
					len(l.sent), l.cur.admitted, l.cur.rejected, l.cur.maxInWindow,
					want.Offered, want.Admitted, want.Rejected, want.MaxInWindow)
			}
			for j, b := range want.Buckets {
				if got := l.buckets[j]; got.admitted != b.Admitted || got.rejected != b.Rejected {
					t.Errorf("%v %v: column %d is %+v, Simulate %+v", alg, pat, j, got, b)
					break
				}
			}
		}
	}
}

// TestRateLimitSwitchReplays: switching algorithm replays the same requests,
// so the fixed window's edge burst and the sliding log's exact limit show on
// one traffic run; switching back gives the first counts again.
func TestRateLimitSwitchReplays(t *testing.T) {
	const seed = 3
	cfg := ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 10, Window: time.Second}
	p := newRateLimitTestPage(t, cfg, seed)
	run := runPattern(t, p, "3")
	l := p.lab
	sent, fixed := len(l.sent), *l.cur
	if fixed.maxInWindow < 2*cfg.Limit-2 {
		t.Fatalf("fixed window: max %d in a window, want about %d", fixed.maxInWindow, 2*cfg.Limit)
	}
	p.keysForTest(text("a")...)
	if l.cfg.Algorithm != ratelimit.SlidingLog {
		t.Fatalf("a moved to %v, want sliding-log", l.cfg.Algorithm)
	}
	slCfg := cfg
	slCfg.Algorithm = ratelimit.SlidingLog
	want, err := ratelimit.Simulate(slCfg, ratelimit.WindowEdge, seed, run)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.sent) != sent || l.cur.admitted != want.Admitted || l.cur.maxInWindow != cfg.Limit {
		t.Errorf("sliding log after the switch: sent %d (was %d), admitted %d (Simulate %d), max %d (want %d)",
			len(l.sent), sent, l.cur.admitted, want.Admitted, l.cur.maxInWindow, cfg.Limit)
	}
	if l.cur.admitted == fixed.admitted {
		t.Errorf("fixed window and sliding log admitted the same %d of the window-edge traffic", fixed.admitted)
	}
	if l.prev == nil || l.prevAlg != ratelimit.FixedWindow || l.prev.admitted != fixed.admitted {
		t.Fatalf("the fixed window's counts were not kept for comparison")
	}
	frame := p.View()
	if !strings.Contains(frame, "fixed-window on the same traffic") || !strings.Contains(frame, "Sliding window log:") {
		t.Errorf("frame after the switch lacks the comparison or the explanation:\n%s", frame)
	}
	// New requests are decided by both.
	p.keysForTest(sendKey())
	if l.prev.admitted+l.prev.rejected != len(l.sent) {
		t.Errorf("the previous algorithm saw %d of %d requests", l.prev.admitted+l.prev.rejected, len(l.sent))
	}
	p.keysForTest(text("aAA")...)
	if l.cfg.Algorithm != ratelimit.FixedWindow {
		t.Fatalf("a, A, A ended on %v, want fixed-window", l.cfg.Algorithm)
	}
	if l.cur.maxInWindow != fixed.maxInWindow || l.cur.admitted < fixed.admitted {
		t.Errorf("back on the fixed window: admitted %d max %d, first run %d max %d",
			l.cur.admitted, l.cur.maxInWindow, fixed.admitted, fixed.maxInWindow)
	}
}

func TestRateLimitAlgorithmsWrap(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	var seen []ratelimit.Algorithm
	for range ratelimit.Algorithms() {
		seen = append(seen, p.lab.cfg.Algorithm)
		p.keysForTest(text("a")...)
	}
	if p.lab.cfg.Algorithm != ratelimit.TokenBucket || len(seen) != 5 || seen[4] != ratelimit.SlidingWindow {
		t.Errorf("a cycled through %v and ended on %v", seen, p.lab.cfg.Algorithm)
	}
	p.keysForTest(text("A")...)
	if p.lab.cfg.Algorithm != ratelimit.SlidingWindow {
		t.Errorf("A from token-bucket went to %v", p.lab.cfg.Algorithm)
	}
}

func TestRateLimitSeededTraffic(t *testing.T) {
	run := func(seed uint64) ([]time.Duration, int) {
		p := newRateLimitTestPage(t, ratelimit.Config{}, seed)
		p.keysForTest(text("1")...)
		p.ticksForTest(50)
		return p.lab.sent, p.lab.cur.admitted
	}
	s1, a1 := run(11)
	s2, a2 := run(11)
	s3, _ := run(12)
	if !slices.Equal(s1, s2) || a1 != a2 {
		t.Errorf("same seed, different runs: %d sent %d admitted, then %d and %d", len(s1), a1, len(s2), a2)
	}
	if slices.Equal(s1, s3) {
		t.Error("seeds 11 and 12 sent the same requests")
	}
	// Steady traffic is 1.5× the rate: about 75 requests in 5 s.
	if len(s1) < 40 || len(s1) > 120 {
		t.Errorf("steady traffic sent %d requests in 5 s, want about 75", len(s1))
	}
}

// TestRateLimitPatternMidWindow: a pattern started inside a window starts
// at that window's start, so its edge bursts meet the fixed windows.
func TestRateLimitPatternMidWindow(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 10, Window: time.Second}, 1)
	p.ticksForTest(13) // 1.3 s
	p.keysForTest(text("3")...)
	l := p.lab
	if l.trafficStart != time.Second || l.pending[0] < 1300*time.Millisecond {
		t.Fatalf("pattern starts at %v, first request at %v", l.trafficStart, l.pending[0])
	}
	p.ticksForTest(20)
	if l.cur.maxInWindow < 18 {
		t.Errorf("fixed window max %d in a window under edge bursts, want about 20", l.cur.maxInWindow)
	}
}

func TestRateLimitStopResetPause(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	l := p.lab
	p.keysForTest(text("2")...)
	p.ticksForTest(30)
	p.keysForTest(text("s")...)
	sent := len(l.sent)
	if l.traffic != trafficStopped || sent == 0 {
		t.Fatalf("after s: traffic %v, %d sent", l.traffic, sent)
	}
	p.ticksForTest(30)
	if len(l.sent) != sent || l.now != 6*time.Second {
		t.Errorf("stopped traffic kept sending (%d → %d) or the clock stalled (%v)", sent, len(l.sent), l.now)
	}

	// Pause: the tick in flight is dropped and the clock stands still.
	_, cmd := p.Update(text("p")[0])
	if cmd != nil || !p.paused {
		t.Fatal("p did not pause")
	}
	old := p.gen
	p.Update(rateLimitTickMsg{gen: old})
	if l.now != 6*time.Second {
		t.Errorf("the clock moved while paused: %v", l.now)
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "paused") || !strings.Contains(v, "p resume") {
		t.Error("paused state not shown")
	}
	_, cmd = p.Update(text("p")[0])
	if cmd == nil || p.paused || p.gen == old {
		t.Fatal("p did not resume with a new chain of ticks")
	}
	p.Update(rateLimitTickMsg{gen: old}) // from the chain before the pause
	if l.now != 6*time.Second {
		t.Errorf("a stale tick moved the clock to %v", l.now)
	}
	p.ticksForTest(1)
	if l.now != 6100*time.Millisecond {
		t.Errorf("the new chain does not move the clock: %v", l.now)
	}

	p.keysForTest(text("a")...)
	p.keysForTest(text("r")...)
	if len(l.sent) != 0 || l.now != 0 || l.traffic != trafficNone || l.prev != nil || l.cur.admitted != 0 {
		t.Errorf("reset left sent %d now %v traffic %v", len(l.sent), l.now, l.traffic)
	}
	if l.cfg.Algorithm != ratelimit.LeakyBucket {
		t.Errorf("reset changed the algorithm to %v", l.cfg.Algorithm)
	}
}

// TestRateLimitHighRate: a limit too high for a 20 s pattern gets a
// shorter run rather than an error.
func TestRateLimitHighRate(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{Limit: 100_000, Window: time.Second}, 1)
	p.keysForTest(text("3")...)
	if p.lab.err != "" || p.lab.traffic != trafficRunning {
		t.Fatalf("window-edge at 100k/s: %s", p.lab.err)
	}
	if run := p.lab.trafficEnd - p.lab.trafficStart; run >= rlMinRun || run < 2*time.Second {
		t.Errorf("run of %v, want shorter than %v", run, rlMinRun)
	}
	p = newRateLimitTestPage(t, ratelimit.Config{Limit: 1_000_000, Window: time.Second}, 1)
	p.keysForTest(text("3")...)
	if p.lab.err == "" || p.lab.traffic != trafficNone || !strings.Contains(p.View(), "window-edge:") {
		t.Errorf("window-edge at 1M/s: no error shown (%q)", p.lab.err)
	}
}

func TestRateLimitHistoryCap(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{Limit: 200_000, Window: time.Second, Burst: 200_000}, 1)
	p.keysForTest(text("bb")...)
	if len(p.lab.sent) != rlMaxHistory || !strings.Contains(p.lab.err, "history full") {
		t.Errorf("after 800k requests: %d kept, status %q", len(p.lab.sent), p.lab.err)
	}
}

func TestRateLimitChartScrolls(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	p.keysForTest(text("b")...)
	// The legend shows each glyph once; the bars add more.
	if strings.Count(p.View(), glyphRejected) < 2 {
		t.Fatal("a burst of 40 shows no rejected bar")
	}
	p.ticksForTest(200) // 20 s: the burst has scrolled off a 78-column chart
	if v := p.View(); strings.Count(v, glyphRejected) != 1 || strings.Count(v, glyphAdmitted) != 1+20 || !strings.Contains(v, "t 20s") {
		t.Errorf("after 20 s the burst is still on the chart:\n%s", v)
	}
	p.ticksForTest(2 * rlKeepBuckets)
	if len(p.lab.buckets) != rlKeepBuckets || p.lab.first != bucketIndex(p.lab.now)-rlKeepBuckets+1 {
		t.Errorf("kept %d columns from %d at %v", len(p.lab.buckets), p.lab.first, p.lab.now)
	}
}

// TestRateLimitFits: every algorithm fits 80×24, 120×40 and 60×16, with
// the explanation whole at 80×24 and up.
func TestRateLimitFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
		for _, alg := range ratelimit.Algorithms() {
			a := newTestApp(t, Options{Start: PageLabRateLimit, RateLimit: ratelimit.Config{Algorithm: alg}}, size[0], size[1])
			p := a.pages[PageLabRateLimit].(*rateLimitPage)
			press(t, a, text("3")...)
			for range 25 {
				a.Update(rateLimitTickMsg{gen: p.gen})
			}
			press(t, a, text("ba")...) // the comparison line takes a row
			frame := a.View().Content
			lines := strings.Split(frame, "\n")
			if len(lines) > size[1] {
				t.Errorf("%v at %v: %d lines", alg, size, len(lines))
			}
			for i, l := range lines {
				if w := displayWidth(l); w > size[0] {
					t.Errorf("%v at %v: line %d is %d wide", alg, size, i, w)
				}
			}
			if size[0] >= 80 && len(p.layout.explain) != len(strings.Split(wrap(ratelimit.Explain(p.lab.cfg.Algorithm), size[0]-2), "\n")) {
				t.Errorf("%v at %v: explanation cut to %d lines", p.lab.cfg.Algorithm, size, len(p.layout.explain))
			}
			if size[1] >= 24 && p.layout.chartRows < rlMinChart {
				t.Errorf("%v at %v: chart of %d rows", alg, size, p.layout.chartRows)
			}
		}
	}
}

// TestRateLimitThroughApp opens the lab from the command line's start page
// and from the home menu, and routes ticks and keys to it.
func TestRateLimitThroughApp(t *testing.T) {
	a, err := NewApp(t.Context(), Options{Start: PageLabRateLimit, NoColor: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Init() == nil {
		t.Fatal("the lab starts no clock")
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := a.View().Content
	if !strings.Contains(v, "Rate limiter lab") || !strings.Contains(v, "token-bucket 10/s burst 20") || !strings.Contains(v, "100 ms per column") {
		t.Fatalf("first frame:\n%s", v)
	}
	p := a.pages[PageLabRateLimit].(*rateLimitPage)
	a.Update(rateLimitTickMsg{gen: p.gen})
	a.Update(sendKey())
	if p.lab.now != ratelimit.BucketWidth || len(p.lab.sent) != 1 {
		t.Errorf("through the app: now %v, %d sent", p.lab.now, len(p.lab.sent))
	}
	if !isQuit(press(t, a, text("q")...)) {
		t.Error("q does not quit the lab")
	}
	press(t, a, special(tea.KeyEscape))
	if a.active != PageHome {
		t.Fatalf("esc left us on %q", a.active)
	}

	h := newTestApp(t, Options{}, 80, 24)
	for i, e := range menu {
		if e.Page != PageLabRateLimit {
			continue
		}
		for range i {
			h.Update(special(tea.KeyDown))
		}
		_, cmd := h.Update(special(tea.KeyEnter))
		if cmd == nil {
			t.Fatal("enter on the lab's entry does nothing")
		}
		h.Update(cmd()) // OpenPageMsg; the clock's first tick is not run
		if h.active != PageLabRateLimit {
			t.Fatalf("the menu opened %q", h.active)
		}
		return
	}
	t.Fatal("the home menu has no rate limiter lab")
}

// TestRateLimitGolden: frames at 80×24 under a spike on the token bucket,
// on the fixed window under window-edge traffic, compared with the leaky
// bucket it was switched from, and with a few requests sent by hand.
func TestRateLimitGolden(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabRateLimit, Seed: 1}, 80, 24)
	p := a.pages[PageLabRateLimit].(*rateLimitPage)
	tick := func(n int) {
		for range n {
			a.Update(rateLimitTickMsg{gen: p.gen})
		}
	}
	tick(5)
	press(t, a, text("b")...)
	tick(10)
	press(t, a, text("2")...)
	tick(47)
	requireGolden(t, "spike_token_bucket", a.View().Content)

	press(t, a, text("r3")...)
	tick(64)
	press(t, a, text("aa")...)
	requireGolden(t, "edge_fixed_window", a.View().Content)

	// After a reset, three requests sent by hand a tenth of a second apart.
	press(t, a, text("r")...)
	for range 3 {
		press(t, a, sendKey())
		tick(1)
	}
	requireGolden(t, "manual_fixed_window", a.View().Content)
}

// TestRateLimitChartHeightStable: cycling through the algorithms at
// 80×24 keeps the chart's height and its top row, whatever the length of
// each explanation and although the comparison line appears.
func TestRateLimitChartHeightStable(t *testing.T) {
	a := newTestApp(t, Options{Start: PageLabRateLimit, Seed: 1}, 80, 24)
	p := a.pages[PageLabRateLimit].(*rateLimitPage)
	press(t, a, text("b")...)
	topRow := func() int {
		for i, l := range strings.Split(ansi.Strip(a.View().Content), "\n") {
			if strings.Contains(l, "┤") {
				return i
			}
		}
		return -1
	}
	rows, top := p.layout.chartRows, topRow()
	if rows < rlGoodChart || top < 0 {
		t.Fatalf("chart of %d rows at row %d", rows, top)
	}
	for range 2 * len(ratelimit.Algorithms()) {
		press(t, a, text("a")...)
		if p.layout.chartRows != rows || topRow() != top {
			t.Errorf("%v: chart of %d rows at row %d; was %d at %d", p.lab.cfg.Algorithm, p.layout.chartRows, topRow(), rows, top)
		}
		if got, want := len(p.layout.explain), len(strings.Split(wrap(ratelimit.Explain(p.lab.cfg.Algorithm), 78), "\n")); got != want {
			t.Errorf("%v: explanation cut to %d of %d lines", p.lab.cfg.Algorithm, got, want)
		}
	}
}

// TestRateLimitEmptyScale: the empty chart's top is the limiter's
// capacity, at least rlMinScale, and a taller column raises it.
func TestRateLimitEmptyScale(t *testing.T) {
	top := func(p *rateLimitPage) string {
		for _, l := range strings.Split(ansi.Strip(p.View()), "\n") {
			if label, _, ok := strings.Cut(l, "┤"); ok {
				return strings.TrimSpace(label)
			}
		}
		return ""
	}
	for _, c := range []struct {
		cfg  ratelimit.Config
		want string
	}{
		// An empty chart is scaled to 1 whatever the limit.
		{ratelimit.Config{}, "1"},
		{ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 5, Window: time.Second}, "1"},
		{ratelimit.Config{Algorithm: ratelimit.SlidingLog, Limit: 100, Window: time.Minute}, "1"},
	} {
		p := newRateLimitTestPage(t, c.cfg, 1)
		if got := top(p); got != c.want {
			t.Errorf("%v: empty chart tops at %q, want %q", p.lab.cfg, got, c.want)
		}
	}
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	p.keysForTest(text("b")...) // 40 at once
	if got := top(p); got != "40" {
		t.Errorf("after a burst of 40 the chart tops at %q", got)
	}
}

// TestRateLimitManualStatus: requests sent by hand show in the status
// line instead of "no traffic yet".
func TestRateLimitManualStatus(t *testing.T) {
	p := newRateLimitTestPage(t, ratelimit.Config{}, 1)
	status := func() string { return strings.SplitN(ansi.Strip(p.View()), "\n", 2)[0] }
	if !strings.HasSuffix(status(), "no traffic yet") {
		t.Errorf("fresh status %q", status())
	}
	p.keysForTest(text("b")...)
	p.keysForTest(sendKey())
	if s := status(); !strings.HasSuffix(s, "manual requests") || strings.Contains(s, "no traffic") {
		t.Errorf("after 41 manual sends the status is %q", s)
	}
	p.keysForTest(text("r")...)
	if !strings.HasSuffix(status(), "no traffic yet") {
		t.Errorf("after reset the status is %q", status())
	}
}

// TestRateLimitAxisMarks: the axis marks window starts when a window spans
// a readable number of columns, and seconds otherwise.
func TestRateLimitAxisMarks(t *testing.T) {
	for _, c := range []struct {
		window time.Duration
		legend string
		marks  int // on the 76-column axis at t = 0 (the scale is 1: one digit)
	}{
		{time.Second, "┴ window start, every 1s", 8},
		{100 * time.Millisecond, "┴ every 1s", 8},
		{500 * time.Millisecond, "┴ window start, every 500ms", 16},
		{time.Minute, "┴ every 1s", 8},
	} {
		p := newRateLimitTestPage(t, ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 5, Window: c.window}, 1)
		frame := p.View()
		if !strings.Contains(frame, c.legend) {
			t.Errorf("window %v: legend lacks %q:\n%s", c.window, c.legend, frame)
		}
		for _, line := range strings.Split(frame, "\n") {
			if strings.Contains(line, "└") {
				if got := strings.Count(line, "┴"); got != c.marks {
					t.Errorf("window %v: %d marks on %q, want %d", c.window, got, line, c.marks)
				}
			}
		}
	}
}

func TestFmtDur(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0s", 1250 * time.Millisecond: "1.3s", 1566 * time.Millisecond: "1.6s", 2 * time.Second: "2s",
		650 * time.Millisecond: "650ms", 999600 * time.Microsecond: "1s", 59960 * time.Millisecond: "1min",
		12340 * time.Millisecond: "12.3s", time.Minute: "1min", 90 * time.Second: "1min 30s", time.Hour: "1h",
		time.Hour + time.Minute: "1h 1min", 1234567 * time.Nanosecond: "1ms", 1500 * time.Nanosecond: "2µs",
		-time.Second: "0s",
	} {
		if got := fmtDur(d); got != want {
			t.Errorf("fmtDur(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestRateLimitSwitchRunsInCommand: a switch returns at once with the
// replay as a command; requests sent before it lands are decided by the
// new algorithm when it does, and a reset drops a replay still running.
func TestRateLimitSwitchRunsInCommand(t *testing.T) {
	cfg := ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: 10, Window: time.Second}
	p := newRateLimitTestPage(t, cfg, 1)
	runPattern(t, p, "3")
	l := p.lab
	_, cmd := p.Update(text("a")[0])
	if cmd == nil || l.cfg.Algorithm != ratelimit.FixedWindow || !l.switchPending {
		t.Fatalf("the switch ran inside Update: algorithm %v, pending %v", l.cfg.Algorithm, l.switchPending)
	}
	if !strings.Contains(p.View(), "replaying") {
		t.Errorf("no sign of the replay in the status line:\n%s", p.View())
	}
	p.keysForTest(sendKey(), sendKey()) // decided by the fixed window meanwhile
	p.Update(cmd())
	if l.cfg.Algorithm != ratelimit.SlidingLog || l.switchPending {
		t.Fatalf("after the replay: %v, pending %v", l.cfg.Algorithm, l.switchPending)
	}
	if got := l.cur.admitted + l.cur.rejected; got != len(l.sent) {
		t.Errorf("the sliding log decided %d of %d requests", got, len(l.sent))
	}
	_, cmd = p.Update(text("a")[0])
	p.keysForTest(text("r")...)
	p.Update(cmd())
	if l.cfg.Algorithm != ratelimit.SlidingLog || l.switchPending {
		t.Errorf("a replay landed after a reset: %v", l.cfg.Algorithm)
	}
}
