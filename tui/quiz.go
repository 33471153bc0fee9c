package tui

import (
	"context"
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// QuizOptions configure the quiz page.
type QuizOptions struct {
	// Pool is the questions to choose from; nil means the whole bank.
	Pool []*content.Question
	// Topic is the topic id the pool was filtered on, shown in the
	// header; empty means every topic.
	Topic string
	// Count is how many questions to ask: 0 means
	// drills.DefaultQuizCount, a negative count the whole pool.
	Count int
	// Seed, when not nil, makes the first quiz's selection reproducible;
	// nil seeds it from the clock. A new quiz from the page ("r") is
	// always seeded from the clock.
	Seed *uint64
	// Log records every answer before the next question is shown, and
	// its history brings missed questions back first. nil means the page
	// opens the progress store in Options.DataDir itself (and keeps
	// nothing when there is no DataDir or the store cannot be opened).
	Log drills.QuizLog
}

// quizState is what the quiz page shows.
type quizState int

const (
	quizLoading  quizState = iota // reading the history to select questions
	quizAsking                    // a question waits for an answer
	quizAnswered                  // the explanations of the answered question
	quizOver                      // the score and what to read
	quizEmpty                     // the pool has no question
)

// quizPage asks scenario questions one at a time. A number key answers;
// the page then shows every option's explanation, records the answer
// through the log and, on enter, moves on. The end shows the score, the
// topics missed and the learn pages to read.
type quizPage struct {
	c    *Common
	keys QuizKeys
	lib  *content.Library
	opts QuizOptions
	pool []*content.Question

	log      drills.QuizLog // opts.Log, or the store the page opened
	owned    *store.Store   // the store the page opened; Close closes it
	openedDB bool           // the page has tried to open the store

	state   quizState
	session *drills.QuizSession
	gen     int  // bumped by each new quiz; results of older ones are dropped
	begun   int  // quizzes begun; the first uses opts.Seed
	saving  bool // the latest answer is being recorded
	status  string

	vp            viewport.Model
	width, height int
}

// Messages of the quiz page's commands.
type (
	quizHistoryMsg struct {
		gen     int
		history drills.QuizHistory
		err     error
	}
	quizSavedMsg struct {
		gen int
		err error
	}
	// quizStoreMsg brings the store the page opened, with its history.
	quizStoreMsg struct {
		gen     int
		st      *store.Store
		history drills.QuizHistory
		err     error
	}
)

func newQuizPage(c *Common) (*quizPage, error) {
	lib, err := content.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the content library: %w", err)
	}
	p := &quizPage{c: c, keys: c.Keys.Quiz, lib: lib, opts: c.Opts.Quiz, log: c.Opts.Quiz.Log, vp: viewport.New()}
	p.vp.KeyMap = quizViewportKeys(c.Keys.Nav)
	p.pool = p.opts.Pool
	if p.pool == nil {
		bank, err := content.DefaultQuizzes()
		if err != nil {
			return nil, fmt.Errorf("loading the quiz bank: %w", err)
		}
		p.pool = bank.Questions()
	}
	if len(p.pool) == 0 {
		p.state = quizEmpty
	}
	return p, nil
}

// Enter starts the first quiz on the first visit; later visits carry on
// where the user left. A visit while the history is still loading asks
// for it again (the older read's result is dropped).
func (p *quizPage) Enter() tea.Cmd {
	if p.state != quizLoading {
		return nil
	}
	return p.start()
}

// start begins a new quiz: it reads the history (a command, when there is
// a log) and then selects the questions.
func (p *quizPage) start() tea.Cmd {
	p.gen++
	p.state, p.session, p.saving, p.status = quizLoading, nil, false, ""
	gen, log, ctx := p.gen, p.log, p.c.ctx()
	switch dir := p.c.Opts.DataDir; {
	case log != nil:
		return func() tea.Msg {
			answers, err := log.QuizAnswers(ctx)
			return quizHistoryMsg{gen: gen, history: drills.QuizHistoryOf(answers), err: err}
		}
	case !p.openedDB && dir != "":
		p.openedDB = true
		return func() tea.Msg {
			st, err := store.Open(ctx, dir)
			if err != nil {
				return quizStoreMsg{gen: gen, err: err}
			}
			answers, err := drills.StoreQuizLog(st).QuizAnswers(ctx)
			return quizStoreMsg{gen: gen, st: st, history: drills.QuizHistoryOf(answers), err: err}
		}
	}
	p.begin(nil)
	return nil
}

// Close closes the progress store the page opened, if any.
func (p *quizPage) Close() error {
	if p.owned == nil {
		return nil
	}
	st := p.owned
	p.owned, p.log = nil, nil
	return st.Close()
}

// begin selects the questions with history h and asks the first.
func (p *quizPage) begin(h drills.QuizHistory) {
	count := p.opts.Count
	if count == 0 {
		count = drills.DefaultQuizCount
	}
	seed := uint64(p.c.now().UnixNano()) + uint64(p.gen)
	if p.opts.Seed != nil && p.begun == 0 {
		seed = *p.opts.Seed
	}
	p.begun++
	qs := drills.SelectQuiz(p.pool, max(count, 0), seed, h)
	p.session = drills.NewQuizSession(qs, p.c.now())
	p.state = quizAsking
	p.refresh()
	p.vp.GotoTop()
}

func (p *quizPage) Leave()        {}
func (p *quizPage) Title() string { return "Quiz" }
func (p *quizPage) Typing() bool  { return false }

func (p *quizPage) SetSize(w, h int) {
	p.width, p.height = w, h
	p.vp.SetWidth(w)
	p.vp.SetHeight(max(h-quizChrome, 1))
	p.refresh()
}

func (p *quizPage) ShortHelp() []key.Binding {
	switch p.state {
	case quizAsking:
		return []key.Binding{p.answerKey(), p.keys.Scroll}
	case quizAnswered:
		return []key.Binding{p.keys.Next, p.keys.Scroll}
	case quizOver:
		return []key.Binding{p.keys.Restart, p.keys.Scroll}
	}
	return nil
}

func (p *quizPage) FullHelp() [][]key.Binding {
	n := p.c.Keys.Nav
	return [][]key.Binding{{p.keys.Answer, p.keys.Next, p.keys.Restart}, {n.Up, n.Down, n.PageUp, n.PageDown, n.Top, n.Bottom}}
}

// answerKey is the answer binding with help naming the options of the
// current question ("1-4").
func (p *quizPage) answerKey() key.Binding {
	b := p.keys.Answer
	if q := p.session.Current(); q != nil {
		b.SetHelp(fmt.Sprintf("1-%d", len(q.Options)), "answer")
	}
	return b
}

func (p *quizPage) Update(msg tea.Msg) (Page, tea.Cmd) {
	switch msg := msg.(type) {
	case quizHistoryMsg:
		if msg.gen == p.gen && p.state == quizLoading {
			if msg.err != nil {
				// Without the history the quiz still runs, in plain
				// shuffled order.
				p.status = p.c.Theme.Warning.Render("history unavailable, missed questions not first: " + msg.err.Error())
			}
			p.begin(msg.history)
		}
		return p, nil
	case quizStoreMsg:
		switch {
		case msg.st != nil && p.owned == nil:
			p.owned, p.log = msg.st, drills.StoreQuizLog(msg.st)
		case msg.st != nil:
			msg.st.Close() // a second open overtaken by the first
		}
		if msg.gen == p.gen && p.state == quizLoading {
			if msg.err != nil && p.log == nil {
				p.status = p.c.Theme.Warning.Render("progress not saved: " + msg.err.Error())
			} else if msg.err != nil {
				p.status = p.c.Theme.Warning.Render("history unavailable, missed questions not first: " + msg.err.Error())
			}
			p.begin(msg.history)
		}
		return p, nil
	case quizSavedMsg:
		if msg.gen == p.gen {
			p.saving = false
			if msg.err != nil {
				p.status = p.c.Theme.Error.Render("answer not saved: " + msg.err.Error())
			}
		}
		return p, nil
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *quizPage) key(km tea.KeyPressMsg) tea.Cmd {
	switch {
	case p.state == quizAsking && key.Matches(km, p.keys.Answer):
		return p.answer(int(km.Code - '1'))
	case p.state == quizAnswered && key.Matches(km, p.keys.Next):
		p.next()
		return nil
	case p.state == quizOver && key.Matches(km, p.keys.Restart):
		return p.start()
	}
	p.vp, _ = p.vp.Update(km)
	return nil
}

// answer answers the current question with option i and records it.
func (p *quizPage) answer(i int) tea.Cmd {
	a, err := p.session.Answer(i, p.c.now())
	if errors.Is(err, drills.ErrNoSuchOption) {
		p.status = p.c.Theme.Warning.Render(fmt.Sprintf("this question has options 1 to %d", len(p.session.Current().Options)))
		return nil
	}
	if err != nil {
		return nil
	}
	p.state, p.status = quizAnswered, ""
	p.refresh()
	p.vp.SetYOffset(p.optionsLine())
	if p.log == nil {
		return nil
	}
	p.saving = true
	// A quit right after answering must not abort the commit in flight.
	gen, log, ctx := p.gen, p.log, context.WithoutCancel(p.c.ctx())
	return func() tea.Msg { return quizSavedMsg{gen: gen, err: log.RecordQuizAnswer(ctx, a)} }
}

// next shows the next question, or the score after the last. It waits
// while the answer is being recorded, so that every answer is stored
// before the next question appears.
func (p *quizPage) next() {
	if p.saving {
		p.status = p.c.Theme.Subtle.Render("saving the answer…")
		return
	}
	if err := p.session.Next(p.c.now()); err != nil {
		return
	}
	p.state, p.status = quizAsking, ""
	if p.session.Over() {
		p.state = quizOver
	}
	p.refresh()
	p.vp.GotoTop()
}

// refresh rebuilds the scrolled content for the current state and width.
func (p *quizPage) refresh() {
	if p.width == 0 {
		return
	}
	p.vp.SetContent(p.body())
}
