package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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

// rateLimitTickMsg advances the lab's clock by one column. gen identifies
// the chain of ticks, so that pausing and resuming never runs two chains.
type rateLimitTickMsg struct{ gen int }

// rateLimitPage is the rate-limiter lab: keys send requests or start a
// traffic pattern, and a chart shows what the limiter admits per 100 ms.
type rateLimitPage struct {
	c       *Common
	keys    RateLimitKeys
	lab     *rlLab
	edit    rlEditor
	paused  bool
	visible bool // between Enter and Leave: only then does the clock tick
	gen     int

	width, height int
	layout        rlLayout
}

func newRateLimitPage(c *Common) (*rateLimitPage, error) {
	cfg := labConfig(c.Opts.RateLimit)
	lab, err := newRLLab(cfg, c.Opts.Seed)
	if err != nil {
		return nil, err
	}
	p := &rateLimitPage{
		c:    c,
		lab:  lab,
		keys: c.Keys.RateLimit,
		edit: newRLEditor(c),
	}
	return p, nil
}

// Enter starts a new chain of clock ticks (unless paused).
func (p *rateLimitPage) Enter() tea.Cmd {
	p.visible = true
	p.gen++
	if p.paused {
		return nil
	}
	return p.tick()
}

// Leave stops the clock: the tick in flight belongs to an old chain and
// schedules no other, so a lab nobody sees neither simulates nor redraws.
// A pending algorithm switch still lands; it is a single message.
func (p *rateLimitPage) Leave() {
	p.visible = false
	p.gen++
}

func (p *rateLimitPage) Title() string { return "Rate limiter lab" }

// Typing is true while the limit form is open.
func (p *rateLimitPage) Typing() bool { return p.edit.open }

// ShortHelp lists the keys that fit the help bar at 80 columns; the hint
// line under the status names the patterns and the other keys.
func (p *rateLimitPage) ShortHelp() []key.Binding {
	k := p.keys
	if p.edit.open {
		return []key.Binding{p.c.Keys.Nav.Next, k.Apply, k.Cancel}
	}
	return []key.Binding{k.Send, k.Algorithm, k.Burst, k.Traffic}
}

func (p *rateLimitPage) FullHelp() [][]key.Binding {
	k := p.keys
	if p.edit.open {
		return [][]key.Binding{{p.c.Keys.Nav.Next, p.c.Keys.Nav.Prev, k.Apply, k.Cancel}}
	}
	return [][]key.Binding{
		{k.Send, k.Burst, k.Steady, k.Spike, k.Edge, k.Stop},
		{k.NextAlg, k.PrevAlg, k.Pause, k.Reset, k.Edit},
	}
}

func (p *rateLimitPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.relayout()
}

// tick schedules the next step of the clock in the current chain.
func (p *rateLimitPage) tick() tea.Cmd {
	gen := p.gen
	return p.c.tick(ratelimit.BucketWidth, func(time.Time) tea.Msg { return rateLimitTickMsg{gen: gen} })
}

func (p *rateLimitPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case rateLimitTickMsg:
		if msg.gen != p.gen || p.paused || !p.visible {
			return p, nil
		}
		p.lab.advance(ratelimit.BucketWidth)
		return p, p.tick()
	case rlReplayedMsg:
		if p.lab.applySwitch(msg) {
			p.relayout()
		}
		return p, nil
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p *rateLimitPage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	if p.edit.open {
		return p, p.editKey(msg)
	}
	k, l := p.keys, p.lab
	switch {
	case key.Matches(msg, k.Edit):
		p.openEditor()
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
	case key.Matches(msg, k.NextAlg):
		return p, p.setAlgorithm(1)
	case key.Matches(msg, k.PrevAlg):
		return p, p.setAlgorithm(-1)
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

// setAlgorithm moves by step through ratelimit.Algorithms, wrapping,
// from the algorithm shown or the one a pending switch is computing. The
// replay of every request sent so far runs in the returned command.
func (p *rateLimitPage) setAlgorithm(step int) tea.Cmd {
	algs := ratelimit.Algorithms()
	i := 0
	for j, a := range algs {
		if a == p.lab.target() {
			i = j
		}
	}
	return p.lab.switchCmd(algs[(i+step+len(algs))%len(algs)])
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
