package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/shortener"
)

// Tuning of the shortener lab page.
const (
	shortenerBurst      = 100                    // resolves per R press
	shortenerMaxEvents  = 200                    // event log entries kept
	shortenerPollEvery  = 250 * time.Millisecond // stats refresh while clicks are unwritten
	shortenerIdlePolls  = 20                     // polls without change before giving up (5 s)
	shortenerCallBudget = 5 * time.Second        // deadline of one service call
)

// Focus positions of the shortener page, in tab order.
const (
	shFocusURL = iota
	shFocusAlias
	shFocusStrategy
	shFocusLinks
	shFocusCount
)

// shortenerPage is the URL-shortener lab: a form that shortens URLs with a
// chosen strategy, the links made so far, and an event log that explains
// each step the service took (codes, cache-aside reads, the click queue).
// Every service call runs in a command; View only renders.
type shortenerPage struct {
	c     *Common
	svc   *shortener.Service
	owned bool // the page created svc (in memory); nobody else closes it
	keys  shortenerKeys

	url, alias textinput.Model
	focus      int
	strategy   shortener.Strategy

	links  []shortLink // newest first
	sel    int         // selected link
	offset int         // first link row shown

	events []shortEvent // newest first
	stats  shortener.Stats
	status string // styled: the last form error, under the form

	polling   bool // a poll tick is scheduled
	idlePolls int  // polls in a row that saw no change
	// after schedules msg after d; tea.Tick in the app, replaced in tests
	// so that they never wait on a timer.
	after func(d time.Duration, msg tea.Msg) tea.Cmd

	width, height int
}

// shortLink is one link made on this page.
type shortLink struct {
	Code, URL string
	How       string // "counter", "hash", "random" or "alias"
	Visits    int64  // resolves from this page whose click was queued
	Clicks    int64  // clicks recorded in the store (last inspection)
}

// shortEventKind picks the style and marker of an event.
type shortEventKind int

const (
	shEvInfo shortEventKind = iota
	shEvOK
	shEvWarn
	shEvErr
)

// shortEvent is one line of the event log.
type shortEvent struct {
	Kind shortEventKind
	Text string
}

type shortenerKeys struct {
	Next, Prev, Shorten, Strategy, PrevStrategy, NextStrategy key.Binding
	Up, Down, Resolve, Burst, Back                            key.Binding
	FieldUp, FieldDown                                        key.Binding // move between fields while typing
}

func newShortenerKeys() shortenerKeys {
	return shortenerKeys{
		Next:         key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:         key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Shorten:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "shorten")),
		Strategy:     key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "strategy")),
		PrevStrategy: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "")),
		NextStrategy: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("←/→", "strategy")),
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↑/↓", "select")),
		Resolve:      key.NewBinding(key.WithKeys("enter", "o"), key.WithHelp("enter", "visit")),
		Burst:        key.NewBinding(key.WithKeys("R"), key.WithHelp("R", fmt.Sprintf("visit ×%d", shortenerBurst))),
		Back:         key.NewBinding(key.WithKeys("esc")),
		FieldUp:      key.NewBinding(key.WithKeys("up")),
		FieldDown:    key.NewBinding(key.WithKeys("down")),
	}
}

// Messages carrying the results of service calls back to the page.
type (
	shShortenedMsg struct {
		url, alias string
		strategy   shortener.Strategy
		res        shortener.ShortenResult
		err        error
		stats      shortener.Stats
	}
	shResolvedMsg struct {
		code  string
		n     int             // resolves made
		trace shortener.Trace // the single resolve (n == 1)
		burst shBurstTally    // the tally (n > 1)
		err   error
		stats shortener.Stats
	}
	shortenerStatsMsg struct {
		stats  shortener.Stats
		clicks map[string]int64 // stored clicks per code, when inspected
	}
	shortenerPollMsg struct{}
)

// shBurstTally sums what a burst of resolves did.
type shBurstTally struct {
	Hits, Misses, Queued, Dropped, MaxDepth int
}

func newShortenerPage(c *Common) (*shortenerPage, error) {
	p := &shortenerPage{c: c, keys: newShortenerKeys(), after: shTickAfter}
	if svc := c.Opts.ShortenerService; svc != nil {
		p.svc = svc
	} else {
		cfg := c.Opts.Shortener
		if cfg.Strategy < shortener.Counter || cfg.Strategy > shortener.Random {
			return nil, fmt.Errorf("%w: %v", shortener.ErrInvalidStrategy, cfg.Strategy)
		}
		if cfg.Now == nil {
			cfg.Now = c.Now
		}
		p.svc = shortener.NewService(shortener.NewMemoryStore(), cfg)
		p.owned = true
	}
	p.strategy = p.svc.Strategy()

	p.url = newInput(c)
	p.url.Prompt = ""
	p.url.Placeholder = "https://example.com/a/long/path"
	p.url.CharLimit = 2 * shortener.MaxURLLength // longer ones are typed, then refused with the reason
	p.alias = newInput(c)
	p.alias.Prompt = ""
	p.alias.Placeholder = "optional"
	p.alias.CharLimit = 2 * shortener.MaxAliasLength
	p.setFocus(shFocusURL)
	return p, nil
}

func shTickAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Init reads the service's counters (it may have served before).
func (p *shortenerPage) Init() tea.Cmd { return p.statsCmd(nil) }

func (p *shortenerPage) Title() string { return "URL shortener lab" }

// Typing is true while the URL or alias field has focus.
func (p *shortenerPage) Typing() bool { return p.focus == shFocusURL || p.focus == shFocusAlias }

func (p *shortenerPage) KeyHelp() []key.Binding {
	k := p.keys
	switch p.focus {
	case shFocusLinks:
		return []key.Binding{k.Down, k.Resolve, k.Burst, k.Next}
	case shFocusStrategy:
		return []key.Binding{k.NextStrategy, k.Shorten, k.Next}
	}
	return []key.Binding{k.Shorten, k.Next, k.Strategy}
}

func (p *shortenerPage) SetSize(w, h int) {
	p.width, p.height = w, h
	inW := max(w-shLabelWidth-1, 10)
	p.url.SetWidth(inW)
	p.alias.SetWidth(min(shAliasWidth, inW))
	p.scrollLinks()
}

func (p *shortenerPage) setFocus(f int) {
	f = (f + shFocusCount) % shFocusCount
	p.url.Blur()
	p.alias.Blur()
	p.focus = f
	switch f {
	case shFocusURL:
		p.url.Focus()
		p.url.CursorEnd()
	case shFocusAlias:
		p.alias.Focus()
		p.alias.CursorEnd()
	}
}

func (p *shortenerPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.PasteMsg:
		return p, p.updateInput(msg)
	case shShortenedMsg:
		p.onShortened(msg)
		return p, p.maybePoll()
	case shResolvedMsg:
		p.onResolved(msg)
		return p, p.maybePoll()
	case shortenerStatsMsg:
		changed := p.setStats(msg.stats)
		for i := range p.links {
			if n, ok := msg.clicks[p.links[i].Code]; ok {
				p.links[i].Clicks = n
			}
		}
		if changed {
			p.idlePolls = 0
		} else {
			p.idlePolls++
		}
		return p, p.maybePoll()
	case shortenerPollMsg:
		p.polling = false
		return p, p.statsCmd(p.codes())
	}
	return p, nil
}

func (p *shortenerPage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back) && p.Typing():
		return p, func() tea.Msg { return BackMsg{} }
	case key.Matches(msg, k.Next):
		p.setFocus(p.focus + 1)
		return p, nil
	case key.Matches(msg, k.Prev):
		p.setFocus(p.focus - 1)
		return p, nil
	case key.Matches(msg, k.Strategy):
		p.cycleStrategy(1)
		return p, nil
	}
	switch p.focus {
	case shFocusLinks:
		return p, p.linksKey(msg)
	case shFocusStrategy:
		switch {
		case key.Matches(msg, k.PrevStrategy):
			p.cycleStrategy(-1)
		case key.Matches(msg, k.NextStrategy):
			p.cycleStrategy(1)
		case key.Matches(msg, k.Shorten):
			return p, p.shortenCmd()
		case key.Matches(msg, k.Up):
			p.setFocus(shFocusAlias)
		case key.Matches(msg, k.Down):
			p.setFocus(shFocusLinks)
		}
		return p, nil
	}
	// A text field has focus.
	switch {
	case key.Matches(msg, k.Shorten):
		return p, p.shortenCmd()
	case key.Matches(msg, k.FieldUp):
		p.setFocus(p.focus - 1)
		return p, nil
	case key.Matches(msg, k.FieldDown):
		p.setFocus(p.focus + 1)
		return p, nil
	}
	return p, p.updateInput(msg)
}

// updateInput gives a key or a paste to the focused text field.
func (p *shortenerPage) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch p.focus {
	case shFocusURL:
		p.url, cmd = p.url.Update(msg)
	case shFocusAlias:
		p.alias, cmd = p.alias.Update(msg)
	default:
		return nil
	}
	p.status = ""
	return cmd
}

func (p *shortenerPage) linksKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Up):
		if p.sel == 0 {
			p.setFocus(shFocusStrategy)
			return nil
		}
		p.sel--
	case key.Matches(msg, k.Down):
		p.sel = min(p.sel+1, max(len(p.links)-1, 0))
	case key.Matches(msg, k.Resolve):
		return p.resolveCmd(1)
	case key.Matches(msg, k.Burst):
		return p.resolveCmd(shortenerBurst)
	}
	p.scrollLinks()
	return nil
}

func (p *shortenerPage) cycleStrategy(d int) {
	n := int(shortener.Random) + 1
	p.strategy = shortener.Strategy((int(p.strategy) + d + n) % n)
}

// shortenCmd sends the form to the service in a command.
func (p *shortenerPage) shortenCmd() tea.Cmd {
	svc, st := p.svc, p.strategy
	raw, alias := strings.TrimSpace(p.url.Value()), strings.TrimSpace(p.alias.Value())
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), shortenerCallBudget)
		defer cancel()
		res, err := svc.ShortenWith(ctx, st, raw, alias)
		return shShortenedMsg{url: raw, alias: alias, strategy: st, res: res, err: err, stats: svc.Stats()}
	}
}

// resolveCmd resolves the selected link n times in a command, as n visits.
func (p *shortenerPage) resolveCmd(n int) tea.Cmd {
	if len(p.links) == 0 {
		p.status = p.c.Theme.Error.Render("no link yet: shorten a URL first")
		return nil
	}
	svc, code := p.svc, p.links[p.sel].Code
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), shortenerCallBudget)
		defer cancel()
		m := shResolvedMsg{code: code}
		for range n {
			tr, err := svc.ResolveTraced(ctx, code)
			if err != nil {
				m.err = err
				break
			}
			m.n++
			m.trace = tr
			m.burst.add(tr)
		}
		m.stats = svc.Stats()
		return m
	}
}

func (t *shBurstTally) add(tr shortener.Trace) {
	if tr.CacheHit {
		t.Hits++
	} else {
		t.Misses++
	}
	if tr.ClickQueued {
		t.Queued++
	} else {
		t.Dropped++
	}
	t.MaxDepth = max(t.MaxDepth, tr.QueueDepth)
}

// statsCmd reads the counters and, for the given codes, the stored clicks.
func (p *shortenerPage) statsCmd(codes []string) tea.Cmd {
	svc := p.svc
	return func() tea.Msg {
		m := shortenerStatsMsg{stats: svc.Stats()}
		if len(codes) == 0 {
			return m
		}
		ctx, cancel := context.WithTimeout(context.Background(), shortenerCallBudget)
		defer cancel()
		m.clicks = make(map[string]int64, len(codes))
		for _, code := range codes {
			if l, err := svc.Inspect(ctx, code); err == nil {
				m.clicks[code] = l.Clicks
			}
		}
		return m
	}
}

// codes lists the codes of the page's links.
func (p *shortenerPage) codes() []string {
	out := make([]string, len(p.links))
	for i, l := range p.links {
		out[i] = l.Code
	}
	return out
}

// unwritten is the number of clicks queued but not yet written to the
// store (clicks lost in a failed batch stay counted here).
func shUnwritten(s shortener.Stats) int64 { return max(s.ClicksQueued-s.ClicksFlushed, 0) }

// maybePoll schedules a stats refresh while clicks wait to be written, so
// the flush of the batch shows up; it stops when nothing is pending or
// nothing has changed for a while (a store that keeps failing).
func (p *shortenerPage) maybePoll() tea.Cmd {
	if p.polling || shUnwritten(p.stats) == 0 || p.idlePolls >= shortenerIdlePolls {
		return nil
	}
	p.polling = true
	return p.after(shortenerPollEvery, shortenerPollMsg{})
}

// shNewerStats reports whether a is a later snapshot than b: every counter
// only grows, so a later snapshot has a larger (or equal) sum.
func shNewerStats(a, b shortener.Stats) bool {
	return statsProgress(a) >= statsProgress(b)
}

// statsProgress sums the counters that only grow.
func statsProgress(s shortener.Stats) int64 {
	return s.CacheHits + s.CacheMisses + s.StoreReads + s.ClicksQueued + s.ClicksDropped +
		s.ClicksFlushed + s.Flushes + s.FlushErrors + s.Shortens + s.Attempts
}

// setStats takes a snapshot unless an older one arrived late, logs the
// click batches written since the last one, and reports whether a counter
// moved (the queue depth going up and down alone is not progress).
func (p *shortenerPage) setStats(s shortener.Stats) bool {
	if !shNewerStats(s, p.stats) {
		return false
	}
	old := p.stats
	p.stats = s
	if n := s.ClicksFlushed - old.ClicksFlushed; n > 0 {
		batches := s.Flushes - old.Flushes - (s.FlushErrors - old.FlushErrors)
		p.log(shEvOK, fmt.Sprintf("click batch flushed: %s written in %s",
			shPlural(n, "click"), shPlural(max(batches, 1), "store write")))
	}
	if n := s.FlushErrors - old.FlushErrors; n > 0 {
		p.log(shEvErr, fmt.Sprintf("%s of clicks failed to write: those clicks are lost", shPlural(n, "batch")))
	}
	return statsProgress(s) > statsProgress(old)
}

// onShortened logs the outcome of a shorten and adds the link.
func (p *shortenerPage) onShortened(m shShortenedMsg) {
	p.setStats(m.stats)
	t := p.c.Theme
	if m.err != nil {
		reason := m.err.Error()
		p.status = t.Error.Render(fmt.Sprintf("✗ %d %s", shHTTPStatus(m.err), reason))
		subject := "shorten " + shClip(m.url, 40)
		if m.url == "" {
			subject = "shorten (no URL)"
		}
		if m.alias != "" {
			subject += " as " + shClip(m.alias, 20)
		}
		p.log(shEvErr, fmt.Sprintf("%s refused (%d): %s", subject, shHTTPStatus(m.err), reason))
		return
	}
	res := m.res
	l := res.Link
	p.status = ""
	p.url.SetValue("")
	p.alias.SetValue("")
	if p.Typing() {
		p.setFocus(shFocusURL) // ready for the next URL
	}
	if res.Existing {
		p.log(shEvInfo, fmt.Sprintf("shorten %s → code %s again: the hash of the same URL, already stored, nothing written",
			shClip(l.URL, 40), l.Code))
	} else {
		p.log(shEvOK, fmt.Sprintf("shorten %s → %s, stored (durable before the 201)", shClip(l.URL, 40), shCodeStory(res)))
	}
	if i := p.linkIndex(l.Code); i >= 0 {
		p.sel = i
	} else {
		how := res.Strategy.String()
		if res.Alias {
			how = "alias"
		}
		p.links = append([]shortLink{{Code: l.Code, URL: l.URL, How: how, Clicks: l.Clicks}}, p.links...)
		p.sel = 0
	}
	p.scrollLinks()
}

// shCodeStory says how the code was picked.
func shCodeStory(res shortener.ShortenResult) string {
	code := res.Link.Code
	var s string
	switch {
	case res.Alias:
		s = fmt.Sprintf("alias %s (custom: taken only if free, atomically)", code)
	case res.Strategy == shortener.Counter:
		id, _ := shortener.DecodeBase62(code)
		s = fmt.Sprintf("code %s (counter strategy, id %d)", code, id)
	case res.Strategy == shortener.Hash:
		s = fmt.Sprintf("code %s (hash strategy: SHA-256 of the URL, 7 base62 digits)", code)
	default:
		s = fmt.Sprintf("code %s (random strategy: 7 seeded random base62 digits)", code)
	}
	if res.Attempts > 1 {
		s += fmt.Sprintf(" after %s", shPlural(int64(res.Attempts-1), "collision"))
	}
	return s
}

// onResolved logs what the resolves did and counts the visits.
func (p *shortenerPage) onResolved(m shResolvedMsg) {
	p.setStats(m.stats)
	p.idlePolls = 0 // new clicks: watch them until they are written
	if i := p.linkIndex(m.code); i >= 0 {
		p.links[i].Visits += int64(m.burst.Queued)
	}
	switch {
	case m.n == 1:
		tr := m.trace
		if tr.CacheHit {
			p.log(shEvOK, fmt.Sprintf("resolve %s: cache hit (no store read) → 302", m.code))
		} else {
			step := "cache miss → store read → cached"
			if tr.Evicted {
				step += ", evicting the least recently used link"
			}
			p.log(shEvInfo, fmt.Sprintf("resolve %s: %s → 302", m.code, step))
		}
		p.logClicks(m, fmt.Sprintf("click queued (queue depth %s)", humanize.Comma(int64(tr.QueueDepth))))
	case m.n > 1:
		b := m.burst
		p.log(shEvOK, fmt.Sprintf("resolve %s ×%s: %s, %s → %s", m.code, humanize.Comma(int64(m.n)),
			shPlural(int64(b.Hits), "cache hit"), shPlural(int64(b.Misses), "miss"), shPlural(int64(b.Misses), "store read")))
		p.logClicks(m, fmt.Sprintf("%s queued (queue depth at most %s)", shPlural(int64(b.Queued), "click"), humanize.Comma(int64(b.MaxDepth))))
	}
	if m.err != nil {
		p.log(shEvErr, fmt.Sprintf("resolve %s failed (%d): %v", m.code, shHTTPStatus(m.err), m.err))
	}
}

// logClicks logs where the clicks of m went.
func (p *shortenerPage) logClicks(m shResolvedMsg, queued string) {
	if m.burst.Queued > 0 {
		p.log(shEvInfo, fmt.Sprintf("%s, %s waiting to be written", queued, humanize.Comma(shUnwritten(m.stats))))
	}
	if d := m.burst.Dropped; d > 0 {
		p.log(shEvWarn, fmt.Sprintf("%s dropped: queue full or closed (counted; the redirect did not wait)", shPlural(int64(d), "click")))
	}
}

func (p *shortenerPage) log(kind shortEventKind, text string) {
	p.events = append([]shortEvent{{Kind: kind, Text: text}}, p.events...)
	if len(p.events) > shortenerMaxEvents {
		p.events = p.events[:shortenerMaxEvents]
	}
}

func (p *shortenerPage) linkIndex(code string) int {
	for i, l := range p.links {
		if l.Code == code {
			return i
		}
	}
	return -1
}

// shHTTPStatus is the status the HTTP API answers for err.
func shHTTPStatus(err error) int {
	switch {
	case errors.Is(err, shortener.ErrInvalidURL), errors.Is(err, shortener.ErrInvalidAlias),
		errors.Is(err, shortener.ErrInvalidStrategy):
		return 400
	case errors.Is(err, shortener.ErrNotFound):
		return 404
	case errors.Is(err, shortener.ErrAliasTaken):
		return 409
	}
	return 500
}

// shPlural writes n, with thousands separators, and the noun, with an s
// unless n is 1 ("batch" takes es).
func shPlural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "ss") {
		return humanize.Comma(n) + " " + noun + "es"
	}
	return humanize.Comma(n) + " " + noun + "s"
}

// clip shortens s to n characters for the event log.
func shClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
