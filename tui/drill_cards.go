package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// cardsPage is the flashcard review: a card's question, space for the
// answer, 1–4 to rate it with the interval each rating gives, u to undo.
//
// The session is only touched inside commands, one at a time (busy), so
// every rating is committed to the store before the next card is shown,
// and View renders from snap, a copy taken when the command finished.
type cardsPage struct {
	c        *Common
	keys     CardsKeys
	st       *store.Store
	ownStore bool // opened here from DataDir; closed by Close
	session  *drills.Session
	busy     bool
	snap     cardsSnap
	practice bool // --practice, or p on the end screen
	revealed bool
	err      error // the last operation's failure, shown on the page
	width    int
	height   int
}

// cardsSnap is what the view shows, copied from the session after each
// command.
type cardsSnap struct {
	loaded    bool
	item      drills.Item
	ok        bool // a card is showing; false on the end screen
	preview   [4]drills.Outcome
	remaining int
	summary   drills.Summary
	canUndo   bool
	plan      drills.Plan
}

// cardsMsg is the result of loading a session, rating or undoing.
type cardsMsg struct {
	session *drills.Session // set by a load
	st      *store.Store
	own     bool
	snap    cardsSnap
	err     error
}

func newCardsPage(c *Common) *cardsPage {
	return &cardsPage{c: c, keys: c.Keys.Cards, practice: c.Opts.Cards.Practice}
}

// Enter loads a session on the first visit, and a fresh one when the
// last session had ended (cards may have come due since).
func (p *cardsPage) Enter() tea.Cmd {
	if p.busy || (p.snap.loaded && p.snap.ok) {
		return nil
	}
	return p.load()
}

func (p *cardsPage) Leave()           {}
func (p *cardsPage) Title() string    { return "Flashcards" }
func (p *cardsPage) Typing() bool     { return false }
func (p *cardsPage) SetSize(w, h int) { p.width, p.height = w, h }

// Close closes the store when the page opened it.
func (p *cardsPage) Close() error {
	if p.ownStore && p.st != nil {
		return p.st.Close()
	}
	return nil
}

func (p *cardsPage) ShortHelp() []key.Binding {
	var out []key.Binding
	switch {
	case !p.snap.loaded:
		return nil
	case !p.snap.ok && p.practice:
		out = []key.Binding{p.keys.Restart}
	case !p.snap.ok:
		out = []key.Binding{p.keys.Restart, p.keys.Practice}
	case !p.revealed:
		out = []key.Binding{p.keys.Reveal}
	default:
		out = []key.Binding{p.keys.Rate}
	}
	if p.snap.canUndo {
		out = append(out, p.keys.Undo)
	}
	return out
}

func (p *cardsPage) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Reveal, k.Undo, k.Restart, k.Practice}, {k.Again, k.Hard, k.Good, k.Easy}}
}

func (p *cardsPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case cardsMsg:
		p.busy = false
		p.err = msg.err
		if msg.st != nil {
			p.st, p.ownStore = msg.st, msg.own
		}
		if msg.session != nil {
			p.session = msg.session
		}
		if msg.snap.loaded {
			p.snap = msg.snap
			p.revealed = false
		}
		return p, nil
	case tea.KeyPressMsg:
		if p.busy || !p.snap.loaded {
			return p, nil
		}
		return p, p.key(msg)
	}
	return p, nil
}

// key handles a key press on a loaded page.
func (p *cardsPage) key(km tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(km, k.Undo) && p.snap.canUndo:
		return p.run(func(s *drills.Session) error { return s.Undo(p.c.ctx()) })
	case !p.snap.ok && key.Matches(km, k.Restart):
		return p.load()
	case !p.snap.ok && !p.practice && key.Matches(km, k.Practice):
		p.practice = true
		return p.load()
	case p.snap.ok && !p.revealed && key.Matches(km, k.Reveal):
		p.revealed = true
	case p.snap.ok && p.revealed:
		for i, b := range []key.Binding{k.Again, k.Hard, k.Good, k.Easy} {
			if key.Matches(km, b) {
				r := drills.Ratings[i]
				return p.run(func(s *drills.Session) error { return s.Rate(p.c.ctx(), r) })
			}
		}
	}
	return nil
}

// run applies op to the session in a command and reports the new state.
func (p *cardsPage) run(op func(*drills.Session) error) tea.Cmd {
	p.busy = true
	s := p.session
	return func() tea.Msg {
		err := op(s)
		return cardsMsg{snap: snapshot(s), err: err}
	}
}

// load opens the store (unless the command gave one), builds the deck
// and starts a session, in a command.
func (p *cardsPage) load() tea.Cmd {
	p.busy = true
	c, st, own, practice := p.c, p.st, p.ownStore, p.practice
	return func() tea.Msg {
		ctx := c.ctx()
		var err error
		if st == nil {
			if st = c.Opts.Store; st == nil {
				if st, err = store.Open(ctx, c.Opts.DataDir); err != nil {
					return cardsMsg{err: err}
				}
				own = true
			}
		}
		fail := func(err error) tea.Msg { return cardsMsg{st: st, own: own, err: err} }
		lib, err := content.Default()
		if err != nil {
			return fail(err)
		}
		limits, err := drills.LoadLimits(ctx, st)
		if err != nil {
			return fail(err)
		}
		o := c.Opts.Cards
		if o.Limits.NewPerDay > 0 {
			limits.NewPerDay = o.Limits.NewPerDay
		}
		if o.Limits.ReviewsPerDay > 0 {
			limits.ReviewsPerDay = o.Limits.ReviewsPerDay
		}
		s, err := drills.NewSession(ctx, st, drills.Deck(lib), drills.SessionOptions{
			Now: c.now, Topic: o.Topic, Until: o.Until, Practice: practice, Limits: limits,
		})
		if err != nil {
			return fail(err)
		}
		return cardsMsg{session: s, st: st, own: own, snap: snapshot(s)}
	}
}

// snapshot copies what the view needs from s.
func snapshot(s *drills.Session) cardsSnap {
	it, ok := s.Current()
	snap := cardsSnap{loaded: true, item: it, ok: ok, remaining: s.Remaining(), summary: s.Summary(), canUndo: s.CanUndo(), plan: s.Plan()}
	if ok {
		snap.preview = s.Preview()
	}
	return snap
}
