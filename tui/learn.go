package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/internal/markdown"
)

// Layout of the learn page.
const (
	// learnTwoPaneWidth is the body width from which the list and the
	// reader sit side by side; below it they are separate screens.
	learnTwoPaneWidth = 118
	// learnListWidth is the width of the list pane in the two-pane layout.
	learnListWidth = 36
	// learnSearchMin is the query length from which the filter searches
	// the body text too (Library.Search) instead of ids and titles.
	learnSearchMin = 3
	// learnCacheSize bounds the rendered documents kept per page.
	learnCacheSize = 64
	// learnSummaryCol is the furthest right the summaries of the list
	// start; a longer title pushes its own summary further.
	learnSummaryCol = 34
)

// learnPage is the learn mode: a filterable list of topics and problems
// and a reader that renders one with glamour, with the related topics as
// links and back/forward history.
//
// Keys go to the page in both states (Typing is always true): in the list
// printable keys type into the filter, and in the reader esc returns to
// the list rather than to the home menu. The reader handles q itself.
type learnPage struct {
	c    *Common
	lib  *content.Library
	keys LearnKeys

	filter textinput.Model
	items  []learnItem          // every topic in listing order, then every problem
	titleW map[content.Kind]int // the widest title of each kind, to align summaries
	rows   []learnRow           // what the list shows for the current filter
	sel    int                  // index into rows of the selected item; -1 when none
	top    int                  // first row shown
	query  string               // the filter text rows were built for
	hits   int                  // number of matching items

	reading bool      // the reader has the focus
	cur     *learnRef // the document in the reader; nil before the first
	vp      viewport.Model
	related []string // related topic ids of cur
	link    int      // selected related link; -1 when none
	back    []learnVisit
	fwd     []learnVisit

	cache       map[learnRenderKey]string
	shown       learnRenderKey // the rendering in the viewport
	want        learnRenderKey // the rendering the reader waits for
	wantPos     float64        // where to scroll to when it arrives (0–1)
	needsRender bool           // the size changed; render on the next message
	renderErr   error
	wideContent bool // some line is wider than the reader: ←/→ scroll

	width, height int
}

// learnRef names a document: a topic or a problem.
type learnRef struct {
	kind content.Kind
	id   string
}

// learnVisit is one step of the reader's history.
type learnVisit struct {
	ref  learnRef
	pos  float64 // scroll position, 0–1
	link int
}

// learnRenderKey identifies one rendering: a document at a width.
type learnRenderKey struct {
	ref   learnRef
	width int
}

// learnItem is one entry of the list.
type learnItem struct {
	ref     learnRef
	title   string
	summary string
	group   string // the heading it is listed under
	match   string // lower-case id, title, aliases and tags, for short filters
}

// learnRow is one row of the list: a group heading or an item.
type learnRow struct {
	heading string
	item    int    // index into items; -1 for a heading
	snippet string // the search snippet shown under the item, if any
}

// learnRenderedMsg carries a glamour rendering made in a command.
type learnRenderedMsg struct {
	key learnRenderKey
	out string
	err error
}

func newLearnPage(c *Common) (*learnPage, error) {
	lib, err := content.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the content library: %w", err)
	}
	in := newInput(c) // theme styles, so NO_COLOR also covers the filter
	in.Prompt = "Filter: "
	in.Placeholder = "name, or 3+ letters of text"
	in.CharLimit = 64
	in.Focus()
	p := &learnPage{
		c:      c,
		lib:    lib,
		keys:   c.Keys.Learn,
		filter: in,
		vp:     viewport.New(),
		link:   -1,
		cache:  map[learnRenderKey]string{},
	}
	p.vp.SetHorizontalStep(8)
	for _, t := range lib.Topics() {
		match := strings.ToLower(strings.Join(append([]string{t.ID, t.Title}, append(t.Aliases, t.Tags...)...), " "))
		p.items = append(p.items, learnItem{
			ref: learnRef{content.KindTopic, t.ID}, title: t.Title, summary: t.Summary,
			group: t.Category.Title(), match: match,
		})
	}
	for _, pr := range lib.Problems() {
		match := strings.ToLower(strings.Join(append([]string{pr.ID, pr.Title}, pr.Tags...), " "))
		p.items = append(p.items, learnItem{
			ref: learnRef{content.KindProblem, pr.ID}, title: pr.Title, summary: pr.Summary,
			group: "Problems", match: match,
		})
	}
	p.titleW = map[content.Kind]int{}
	for _, it := range p.items {
		p.titleW[it.ref.kind] = max(p.titleW[it.ref.kind], displayWidth(it.title))
	}
	p.refilter()
	if id := c.Opts.Topic; id != "" {
		ref, ok := p.resolve(id)
		if !ok {
			return nil, fmt.Errorf("unknown topic %q", id)
		}
		p.setDocument(ref)
		p.reading = true
		p.filter.Blur()
	}
	return p, nil
}

// LearnProblemPrefix marks a problem id in Options.Topic ("problem/uber"):
// some problem ids are also topic aliases ("rate-limiter").
const LearnProblemPrefix = "problem/"

// resolve finds a topic by id or alias, else a problem by id; with
// LearnProblemPrefix, only a problem.
func (p *learnPage) resolve(id string) (learnRef, bool) {
	if pid, ok := strings.CutPrefix(id, LearnProblemPrefix); ok {
		if pr, ok := p.lib.Problem(pid); ok {
			return learnRef{content.KindProblem, pr.ID}, true
		}
		return learnRef{}, false
	}
	if t, ok := p.lib.Topic(id); ok {
		return learnRef{content.KindTopic, t.ID}, true
	}
	if pr, ok := p.lib.Problem(id); ok {
		return learnRef{content.KindProblem, pr.ID}, true
	}
	return learnRef{}, false
}

// Enter starts rendering the document in the reader if it is not on
// screen at the current width. Before the first size, the app's window
// size message (which follows SetSize) starts it.
func (p *learnPage) Enter() tea.Cmd {
	if p.cur == nil || p.shown == p.key() {
		return nil
	}
	if p.width > 0 {
		p.needsRender = false
		return p.requestRender()
	}
	p.needsRender = true
	return nil
}

func (p *learnPage) Leave() {}

func (p *learnPage) Title() string {
	if p.reading && p.cur != nil {
		return "Learn › " + p.docTitle(*p.cur)
	}
	return "Learn"
}

// Typing is always true: see learnPage.
func (p *learnPage) Typing() bool { return true }

func (p *learnPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.filter.SetWidth(max(p.listWidth()-lipgloss.Width(p.filter.Prompt)-1, 1))
	p.vp.SetWidth(max(p.readerWidth(), 1))
	p.vp.SetHeight(max(h-2, 1))
	p.scrollList()
	if p.cur == nil || p.shown.width == p.renderWidth() {
		return
	}
	// A new width needs a new rendering; keep the old one on screen until
	// it arrives (SetSize cannot return the command: the next message
	// starts it).
	if out, ok := p.cache[p.key()]; ok {
		p.setContent(p.key(), out, p.position())
		return
	}
	p.needsRender = true
}

// twoPane reports whether the list and the reader are shown side by side.
func (p *learnPage) twoPane() bool { return p.width >= learnTwoPaneWidth }

// listWidth is the width of the list.
func (p *learnPage) listWidth() int {
	if p.twoPane() {
		return learnListWidth
	}
	return p.width
}

// readerWidth is the width of the reader.
func (p *learnPage) readerWidth() int {
	if p.twoPane() {
		return p.width - learnListWidth - 3
	}
	return p.width
}

// renderWidth is the width documents are rendered at.
func (p *learnPage) renderWidth() int { return markdown.Width(p.readerWidth()) }

func (p *learnPage) key() learnRenderKey { return learnRenderKey{*p.cur, p.renderWidth()} }

// position is the reader's scroll position as a fraction of its lines.
func (p *learnPage) position() float64 {
	n := p.vp.TotalLineCount()
	if n == 0 {
		return 0
	}
	return float64(p.vp.YOffset()) / float64(n)
}

// Update handles keys and the renderings made in commands. A rendering
// that a size change asked for starts on the first message after it,
// whatever that message is.
func (p *learnPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	var cmds []tea.Cmd
	if p.needsRender && p.width > 0 && p.cur != nil {
		p.needsRender = false
		cmds = append(cmds, p.requestRender())
	}
	switch msg := msg.(type) {
	case learnRenderedMsg:
		p.rendered(msg)
	case tea.KeyPressMsg:
		if key.Matches(msg, p.c.Keys.Global.Help) {
			// The filter matches names and words: ? is never part of one.
			return p, tea.Batch(append(cmds, toggleHelp)...)
		}
		if p.reading {
			cmds = append(cmds, p.readerKey(msg))
		} else {
			cmds = append(cmds, p.listKey(msg))
		}
	}
	return p, tea.Batch(cmds...)
}
