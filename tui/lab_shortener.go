package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/designs/shortener"
)

// Tuning of the shortener lab page.
const (
	shortenerBurst      = 100                    // resolves per R press
	shortenerMaxEvents  = 200                    // event log entries kept
	shortenerPollEvery  = 250 * time.Millisecond // stats refresh while clicks are unwritten
	shortenerIdlePolls  = 20                     // polls without change before giving up (5 s)
	shortenerCallBudget = 5 * time.Second        // deadline of one service call
	shortenerListPage   = 50                     // links read from the store at a time
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
	keys  ShortenerKeys

	url, alias textinput.Model
	focus      int
	strategy   shortener.Strategy

	links   []shortLink // newest first: a prefix of the store's links
	total   int         // links in the store; -1 until listed (or unlistable)
	listing bool        // a page of links is being read
	listErr string      // why the store's links cannot be listed
	sel     int         // selected link
	offset  int         // first link row shown

	events []shortEvent // newest first
	stats  shortener.Stats
	status string // styled: the last form error, under the form

	visible   bool // between Enter and Leave: only then does it poll
	polling   bool // a poll tick is scheduled
	idlePolls int  // polls in a row that saw no change
	// after schedules msg after d; tea.Tick in the app, replaced in tests
	// so that they never wait on a timer.
	after func(d time.Duration, msg tea.Msg) tea.Cmd

	width, height int
}

func newShortenerPage(c *Common) (*shortenerPage, error) {
	p := &shortenerPage{c: c, keys: c.Keys.Shortener, after: c.after, total: -1}
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

// after schedules msg after d on the app's timer.
func (c *Common) after(d time.Duration, msg tea.Msg) tea.Cmd {
	return c.tick(d, func(time.Time) tea.Msg { return msg })
}

// Enter reads the service's counters (it may have served before, or
// flushed clicks while the page was away).
func (p *shortenerPage) Enter() tea.Cmd {
	p.visible, p.idlePolls = true, 0
	cmds := []tea.Cmd{p.statsCmd(p.codes())}
	if p.total < 0 && p.listErr == "" {
		cmds = append(cmds, p.listCmd())
	}
	return tea.Batch(cmds...)
}

// Leave stops polling; the poll in flight schedules no other.
func (p *shortenerPage) Leave() {
	p.visible = false
	p.status = ""
}

// Close closes the service if the page created it; a service given in
// Options belongs to the caller. It is called once, by App.Close.
func (p *shortenerPage) Close() error {
	if !p.owned {
		return nil
	}
	p.owned = false
	return p.svc.Close()
}

// Title names the store the links live in.
func (p *shortenerPage) Title() string { return "URL shortener lab · " + p.svc.StoreKind() + " store" }

// Typing is true while the URL or alias field has focus.
func (p *shortenerPage) Typing() bool { return p.focus == shFocusURL || p.focus == shFocusAlias }

// focusedValue is the text of the focused field ("" when none is).
func (p *shortenerPage) focusedValue() string {
	switch p.focus {
	case shFocusURL:
		return p.url.Value()
	case shFocusAlias:
		return p.alias.Value()
	}
	return ""
}

func (p *shortenerPage) ShortHelp() []key.Binding {
	k := p.keys
	switch p.focus {
	case shFocusLinks:
		return []key.Binding{k.Down, k.Resolve, k.Burst, k.Next}
	case shFocusStrategy:
		return []key.Binding{k.NextStrategy, k.Shorten, k.Next}
	}
	return []key.Binding{k.Shorten, k.Next, k.Strategy}
}

func (p *shortenerPage) FullHelp() [][]key.Binding {
	k := p.keys
	if p.focus == shFocusLinks {
		return [][]key.Binding{{k.Next, k.Prev}, {k.Down, k.Up, k.Resolve, k.Burst}}
	}
	return [][]key.Binding{
		{k.Next, k.Prev, k.FieldUp, k.FieldDown, p.c.Keys.Nav.ClearField},
		{k.Shorten, k.Strategy, k.NextStrategy, k.PrevStrategy},
	}
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
	case shListedMsg:
		p.onListed(msg)
		return p, nil
	case shortenerPollMsg:
		p.polling = false
		if !p.visible {
			return p, nil
		}
		return p, p.statsCmd(p.codes())
	}
	return p, nil
}

func (p *shortenerPage) handleKey(msg tea.KeyPressMsg) (Page, tea.Cmd) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Back) && p.Typing():
		return p, back
	case key.Matches(msg, p.c.Keys.Global.Help) && p.Typing() && p.focusedValue() == "":
		// An empty URL or alias cannot start with "?", so there it opens
		// the help; once typing has begun it is text (query strings).
		return p, toggleHelp
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
