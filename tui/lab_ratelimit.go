package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// The rate-limiter lab runs on a simulated clock: every tick advances it by
// one chart column (ratelimit.BucketWidth, 100 ms) and requests are decided
// with AllowAt at simulated instants, so a run is a pure function of the
// keys pressed, the ticks and the seed.
const (
	// rlKey is the one key every request of the lab is counted under.
	rlKey = "lab"
	// rlMaxHistory caps the requests remembered for replay: enough for
	// hours at the default rate, and a replay of all of them stays fast.
	rlMaxHistory = 500_000
	// rlKeepBuckets is how many chart columns are kept: wider than any
	// terminal the chart is drawn on.
	rlKeepBuckets = 1200
	// rlMinRun is the shortest a traffic pattern runs when the limit allows.
	rlMinRun = 20 * time.Second
)

// rlEpochNanos is the simulated start before alignment: the instant
// ratelimit.Simulate starts at, so the lab and the simulation share their
// fixed-window boundaries.
const rlEpochNanos = int64(1_700_000_000) * int64(time.Second)

// defaultLabConfig is the lab's limit when Options.RateLimit gives none.
var defaultLabConfig = ratelimit.Config{Algorithm: ratelimit.TokenBucket, Limit: 10, Window: time.Second, Burst: 20}

// labConfig fills in the default limit when cfg gives neither a limit nor
// a window, keeping the chosen algorithm.
func labConfig(cfg ratelimit.Config) ratelimit.Config {
	if cfg.Limit == 0 && cfg.Window == 0 {
		alg := cfg.Algorithm
		burst := cfg.Burst
		cfg = defaultLabConfig
		cfg.Algorithm = alg
		if burst > 0 {
			cfg.Burst = burst
		}
	}
	return cfg
}

// rlBucket counts the decisions in one chart column.
type rlBucket struct{ admitted, rejected int }

// rlTally is one algorithm's decisions on the lab's traffic.
type rlTally struct {
	lim                *ratelimit.Memory
	admitted, rejected int
	recent             []time.Duration // admitted offsets; recent[recentLo:] are within one window
	recentLo           int
	maxInWindow        int // most admitted within any span one window long
}

func newTally(cfg ratelimit.Config) *rlTally {
	lim, _ := ratelimit.NewMemory(cfg) // cfg was validated by newRLLab
	return &rlTally{lim: lim}
}

// decide asks the limiter about one request at base+off and counts it.
func (t *rlTally) decide(base time.Time, off, window time.Duration) bool {
	if !t.lim.AllowAt(rlKey, base.Add(off)).Allowed {
		t.rejected++
		return false
	}
	t.admitted++
	t.recent = append(t.recent, off)
	for off-t.recent[t.recentLo] >= window {
		t.recentLo++
	}
	t.maxInWindow = max(t.maxInWindow, len(t.recent)-t.recentLo)
	if t.recentLo > 1024 && t.recentLo > len(t.recent)/2 {
		t.recent = append(t.recent[:0], t.recent[t.recentLo:]...)
		t.recentLo = 0
	}
	return true
}

// rlTraffic is the state of the generated traffic pattern.
type rlTraffic int

const (
	trafficNone    rlTraffic = iota // no pattern started since the last reset
	trafficRunning                  // requests are still pending
	trafficDone                     // every request of the pattern was sent
	trafficStopped                  // the user stopped it
)

// rlLab is the lab's model without the UI: a limiter, a simulated clock,
// every request sent so far and the counts derived from them. After an
// algorithm switch the previous algorithm keeps deciding the same requests
// alongside, for comparison.
type rlLab struct {
	cfg  ratelimit.Config
	seed int64
	base time.Time     // simulated instant of offset 0, on a window boundary
	now  time.Duration // simulated time since base

	sent    []time.Duration // every request, in time order
	cur     *rlTally        // the current algorithm
	prev    *rlTally        // the algorithm before the last switch, or nil
	prevAlg ratelimit.Algorithm
	first   int // bucket index of buckets[0]
	buckets []rlBucket
	state   ratelimit.State

	pattern      ratelimit.Pattern
	traffic      rlTraffic
	pending      []time.Duration // the pattern's offsets, absolute
	next         int             // first pending request not yet sent
	trafficStart time.Duration
	trafficEnd   time.Duration
	runs         int // patterns started since the last reset: seeds each
	err          string
}

func newRLLab(cfg ratelimit.Config, seed int64) (*rlLab, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	w := int64(cfg.Window)
	l := &rlLab{cfg: cfg, seed: seed, base: time.Unix(0, rlEpochNanos-rlEpochNanos%w)}
	l.reset()
	return l, nil
}

// reset forgets every request and the clock, keeping the algorithm.
func (l *rlLab) reset() {
	l.now = 0
	l.sent = l.sent[:0]
	l.traffic, l.pending, l.next, l.runs = trafficNone, nil, 0, 0
	l.prev, l.err = nil, ""
	l.replay()
}

// replay decides every request sent so far again, through a fresh limiter
// of the current algorithm, and rebuilds the chart.
func (l *rlLab) replay() {
	l.cur = newTally(l.cfg)
	now := bucketIndex(l.now)
	l.first = max(now-rlKeepBuckets+1, 0)
	l.buckets = make([]rlBucket, now-l.first+1, rlKeepBuckets)
	for _, off := range l.sent {
		l.count(off, l.cur.decide(l.base, off, l.cfg.Window))
	}
	l.inspect()
}

func bucketIndex(d time.Duration) int { return int(d / ratelimit.BucketWidth) }

// count adds one decision at offset off to the chart.
func (l *rlLab) count(off time.Duration, allowed bool) {
	idx := bucketIndex(off)
	l.grow(idx)
	if idx < l.first {
		return
	}
	if b := &l.buckets[idx-l.first]; allowed {
		b.admitted++
	} else {
		b.rejected++
	}
}

// grow makes sure the chart has a column for bucket idx, dropping the
// oldest columns beyond rlKeepBuckets.
func (l *rlLab) grow(idx int) {
	for l.first+len(l.buckets) <= idx {
		if len(l.buckets) == rlKeepBuckets {
			copy(l.buckets, l.buckets[1:])
			l.buckets = l.buckets[:len(l.buckets)-1]
			l.first++
		}
		l.buckets = append(l.buckets, rlBucket{})
	}
}

// record sends one request at offset off; false when the history is full.
func (l *rlLab) record(off time.Duration) bool {
	if len(l.sent) >= rlMaxHistory {
		l.err = fmt.Sprintf("history full (%s requests): press r to reset", humanize.Comma(rlMaxHistory))
		if l.traffic == trafficRunning {
			l.traffic = trafficStopped
		}
		return false
	}
	l.sent = append(l.sent, off)
	l.count(off, l.cur.decide(l.base, off, l.cfg.Window))
	if l.prev != nil {
		l.prev.decide(l.base, off, l.cfg.Window)
	}
	return true
}

// send sends n requests at the current instant.
func (l *rlLab) send(n int) {
	for range n {
		if !l.record(l.now) {
			break
		}
	}
	l.inspect()
}

// advance moves the clock on by d, sending the pattern's requests that
// fall before the new instant.
func (l *rlLab) advance(d time.Duration) {
	to := l.now + d
	for l.traffic == trafficRunning && l.next < len(l.pending) && l.pending[l.next] < to {
		if !l.record(l.pending[l.next]) {
			break
		}
		l.next++
	}
	l.now = to
	if l.traffic == trafficRunning && l.next == len(l.pending) && l.now >= l.trafficEnd {
		l.traffic = trafficDone
	}
	l.grow(bucketIndex(l.now))
	l.inspect()
}

// patternRun is how long a pattern runs for a window w: at least
// rlMinRun and four windows, in whole pairs of windows (the spike period).
func patternRun(w time.Duration) time.Duration {
	run := max(rlMinRun, 4*w)
	run = (run + 2*w - 1) / (2 * w) * (2 * w)
	return min(run, ratelimit.MaxSimDuration)
}

// startPattern replaces any running pattern with a new run of p. The run
// starts at the current window's start, so its window-edge bursts line up
// with the fixed windows; requests before now are left out.
func (l *rlLab) startPattern(p ratelimit.Pattern) error {
	w := l.cfg.Window
	run := patternRun(w)
	var tr []time.Duration
	var err error
	for {
		tr, err = ratelimit.Traffic(p, l.cfg, run, l.seed+int64(l.runs))
		if err == nil || run <= 2*w {
			break
		}
		// Too many requests for this limit: try a shorter run.
		run = max((run/2+2*w-1)/(2*w)*(2*w), 2*w)
	}
	if err != nil {
		return err
	}
	origin := l.now - l.now%w
	l.pending = l.pending[:0]
	for _, off := range tr {
		if at := origin + off; at >= l.now {
			l.pending = append(l.pending, at)
		}
	}
	l.runs++
	l.pattern, l.traffic, l.next = p, trafficRunning, 0
	l.trafficStart, l.trafficEnd = origin, origin+run
	l.err = ""
	return nil
}

// stopPattern drops the pattern's requests not yet sent.
func (l *rlLab) stopPattern() {
	if l.traffic == trafficRunning {
		l.traffic = trafficStopped
	}
}

// setAlgorithm switches to a and replays every request sent so far
// through a fresh limiter of that algorithm. The old algorithm's tally
// stays, and keeps deciding new requests, for comparison.
func (l *rlLab) setAlgorithm(a ratelimit.Algorithm) {
	if a == l.cfg.Algorithm {
		return
	}
	l.prev, l.prevAlg = l.cur, l.cfg.Algorithm
	l.cfg.Algorithm = a
	l.replay()
}

// inspect refreshes the limiter state shown in the state panel.
func (l *rlLab) inspect() { l.state = l.cur.lim.Inspect(rlKey, l.base.Add(l.now)) }

// rateLimitTickMsg advances the lab's clock by one column. gen identifies
// the chain of ticks, so that pausing and resuming never runs two chains.
type rateLimitTickMsg struct{ gen int }

type rateLimitKeys struct {
	Send, Burst, Steady, Spike, Edge, Traffic, Stop, Next, Prev, Algorithm, Pause, Reset key.Binding
}

// rateLimitPage is the rate-limiter lab: keys send requests or start a
// traffic pattern, and a chart shows what the limiter admits per 100 ms.
type rateLimitPage struct {
	c      *Common
	keys   rateLimitKeys
	lab    *rlLab
	paused bool
	gen    int

	width, height int
	layout        rlLayout
}

func newRateLimitPage(c *Common) (*rateLimitPage, error) {
	cfg := labConfig(c.Opts.RateLimit)
	lab, err := newRLLab(cfg, int64(c.Opts.Seed))
	if err != nil {
		return nil, err
	}
	p := &rateLimitPage{
		c:   c,
		lab: lab,
		keys: rateLimitKeys{
			Send:      key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "send")),
			Burst:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "burst")),
			Steady:    key.NewBinding(key.WithKeys("1")),
			Spike:     key.NewBinding(key.WithKeys("2")),
			Edge:      key.NewBinding(key.WithKeys("3")),
			Traffic:   key.NewBinding(key.WithKeys("1", "2", "3"), key.WithHelp("1-3", "traffic")),
			Stop:      key.NewBinding(key.WithKeys("s")),
			Next:      key.NewBinding(key.WithKeys("a", "tab")),
			Prev:      key.NewBinding(key.WithKeys("A", "shift+tab")),
			Algorithm: key.NewBinding(key.WithKeys("a", "A"), key.WithHelp("a/A", "algorithm")),
			Pause:     key.NewBinding(key.WithKeys("p")),
			Reset:     key.NewBinding(key.WithKeys("r")),
		},
	}
	return p, nil
}

func (p *rateLimitPage) Init() tea.Cmd { return p.tick() }
func (p *rateLimitPage) Title() string { return "Rate limiter lab" }
func (p *rateLimitPage) Typing() bool  { return false }

// KeyHelp lists the keys that fit the help bar at 80 columns; the hint
// line under the status names the patterns and the other keys.
func (p *rateLimitPage) KeyHelp() []key.Binding {
	k := p.keys
	return []key.Binding{k.Send, k.Burst, k.Traffic, k.Algorithm}
}

func (p *rateLimitPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.relayout()
}

// tick schedules the next step of the clock in the current chain.
func (p *rateLimitPage) tick() tea.Cmd {
	gen := p.gen
	return tea.Tick(ratelimit.BucketWidth, func(time.Time) tea.Msg { return rateLimitTickMsg{gen: gen} })
}

func (p *rateLimitPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case rateLimitTickMsg:
		if msg.gen != p.gen || p.paused {
			return p, nil
		}
		p.lab.advance(ratelimit.BucketWidth)
		return p, p.tick()
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p *rateLimitPage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k, l := p.keys, p.lab
	switch {
	case key.Matches(msg, k.Send):
		l.send(1)
	case key.Matches(msg, k.Burst):
		l.send(2 * l.cfg.Capacity())
	case key.Matches(msg, k.Steady):
		p.start(ratelimit.Steady)
	case key.Matches(msg, k.Spike):
		p.start(ratelimit.Spike)
	case key.Matches(msg, k.Edge):
		p.start(ratelimit.WindowEdge)
	case key.Matches(msg, k.Stop):
		l.stopPattern()
	case key.Matches(msg, k.Next):
		p.setAlgorithm(1)
	case key.Matches(msg, k.Prev):
		p.setAlgorithm(-1)
	case key.Matches(msg, k.Reset):
		l.reset()
		p.relayout()
	case key.Matches(msg, k.Pause):
		return p, p.togglePause()
	}
	return p, nil
}

func (p *rateLimitPage) start(pat ratelimit.Pattern) {
	if err := p.lab.startPattern(pat); err != nil {
		p.lab.err = pat.String() + ": " + err.Error()
	}
}

// setAlgorithm moves by step through ratelimit.Algorithms, wrapping.
func (p *rateLimitPage) setAlgorithm(step int) {
	algs := ratelimit.Algorithms()
	i := 0
	for j, a := range algs {
		if a == p.lab.cfg.Algorithm {
			i = j
		}
	}
	p.lab.setAlgorithm(algs[(i+step+len(algs))%len(algs)])
	p.relayout()
}

// togglePause stops or restarts the clock. Resuming starts a new chain of
// ticks; the tick still in flight from the old chain is then ignored.
func (p *rateLimitPage) togglePause() tea.Cmd {
	p.paused = !p.paused
	if p.paused {
		return nil
	}
	p.gen++
	return p.tick()
}
