package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// quizTestBank is a small bank in the real format, so that frames do not
// change when the embedded bank is edited.
const quizTestBank = `
## lock-minority
topics: [cap-theorem, distributed-coordination]

Job workers use a lock service so that exactly one worker runs the nightly billing job. The lock
service runs on five nodes. A network partition splits them into a group of three and a group of
two.

What must the group of two do when a worker asks it for the lock?

- [ ] Grant the lock if nobody holds it on its side of the partition.
  The group of three may grant it to another worker at the same time, and two workers would bill
  every customer twice.
- [ ] Grant the lock with a shorter lease than usual.
  A shorter lease shortens the overlap but does not remove it.
- [x] Refuse or wait: only a side holding a majority (three of five) may grant locks.
  A lock service must be consistent (CP); the minority gives up availability.

## hit-ratio
topics: [caching]

Every read checks a cache first (1 ms). A miss then reads the database (20 ms more). The hit ratio
is 95%. What is the average read latency?

- [ ] 1 ms
  That is the latency of a hit.
- [x] 2 ms
  1 + 0.05 × 20 = 2 ms.
- [ ] 20 ms
  That is a miss.

## seats
topics: [cap-theorem]

Which keeps every concert seat sold at most once during a partition? More than one can be right.

- [x] Only the majority side sells each seat.
  The CP choice per seat.
- [ ] Both sides sell and refund duplicates.
  Two buyers hold one seat.
- [x] Each region owns a fixed block of seats.
  One home per seat.
`

func quizTestPool(t *testing.T) []*content.Question {
	t.Helper()
	qs, err := content.ParseQuiz("quizzes/test.md", []byte(quizTestBank))
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// memQuizLog is a QuizLog in memory; err makes every call fail.
type memQuizLog struct {
	answers []drills.QuizAnswer
	err     error
}

func (m *memQuizLog) RecordQuizAnswer(_ context.Context, a drills.QuizAnswer) error {
	if m.err != nil {
		return m.err
	}
	m.answers = append(m.answers, a)
	return nil
}

func (m *memQuizLog) QuizAnswers(context.Context) ([]drills.QuizAnswer, error) {
	return slices.Clone(m.answers), m.err
}

func newQuizApp(t *testing.T, q QuizOptions, w, h int) (*App, *quizPage) {
	t.Helper()
	if q.Pool == nil {
		q.Pool = quizTestPool(t)
	}
	if q.Seed == nil {
		seed := uint64(1)
		q.Seed = &seed
	}
	return startQuizApp(t, Options{Start: PageQuiz, Quiz: q, DataDir: t.TempDir()}, w, h)
}

// startQuizApp builds the app as newTestApp does, but runs the first
// page's Enter command (the quiz page reads its history there).
func startQuizApp(t *testing.T, opts Options, w, h int) (*App, *quizPage) {
	t.Helper()
	opts.NoColor, opts.Now = true, testNow
	a, err := NewApp(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	a.common.Tick = heldTicks
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	drain(a, a.Init())
	return a, a.pages[PageQuiz].(*quizPage)
}

// answerRight and answerWrong press the number of a right or a wrong
// option of the question on screen.
func answerRight(t *testing.T, a *App, p *quizPage) {
	t.Helper()
	q := p.session.Current()
	i := slices.IndexFunc(q.Options, func(o content.Option) bool { return o.Correct })
	press(t, a, text(fmt.Sprint(i+1))...)
}

func answerWrong(t *testing.T, a *App, p *quizPage) {
	t.Helper()
	q := p.session.Current()
	i := slices.IndexFunc(q.Options, func(o content.Option) bool { return !o.Correct })
	press(t, a, text(fmt.Sprint(i+1))...)
}

func TestQuizAskingGolden(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Topic: "cap-theorem", Count: -1}, 80, 24)
	for p.session.Current().ID != "lock-minority" {
		answerRight(t, a, p)
		press(t, a, special(tea.KeyEnter))
	}
	golden.RequireEqual(t, a.View().Content)
}

func TestQuizAnsweredGolden(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Count: -1}, 80, 24)
	for p.session.Current().ID != "lock-minority" {
		answerRight(t, a, p)
		press(t, a, special(tea.KeyEnter))
	}
	press(t, a, text("1")...)
	golden.RequireEqual(t, a.View().Content)
}

func TestQuizSummaryGolden(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Count: -1, Log: &memQuizLog{}}, 80, 24)
	for !p.session.Over() {
		if p.session.Current().ID == "hit-ratio" {
			answerRight(t, a, p)
		} else {
			answerWrong(t, a, p)
		}
		press(t, a, special(tea.KeyEnter))
	}
	golden.RequireEqual(t, a.View().Content)
}

// TestQuizFramesFit checks every state at the smallest size the app lays
// out and at 80×24: no line is wider than the terminal and the frame has
// exactly its height.
func TestQuizFramesFit(t *testing.T) {
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		a, p := newQuizApp(t, QuizOptions{Count: -1}, size[0], size[1])
		check := func(state string) {
			t.Helper()
			lines := strings.Split(a.View().Content, "\n")
			if len(lines) != size[1] {
				t.Errorf("%dx%d %s: %d lines", size[0], size[1], state, len(lines))
			}
			for _, l := range lines {
				if w := displayWidth(l); w > size[0] {
					t.Errorf("%dx%d %s: line of width %d: %q", size[0], size[1], state, w, l)
				}
			}
		}
		check("asking")
		for !p.session.Over() {
			answerWrong(t, a, p)
			check("answered")
			press(t, a, special(tea.KeyEnter))
		}
		check("summary")
	}
}

func TestQuizFlowRecordsEveryAnswer(t *testing.T) {
	log := &memQuizLog{}
	a, p := newQuizApp(t, QuizOptions{Count: -1, Log: log}, 80, 24)
	if p.session.Len() != 3 {
		t.Fatalf("asking %d questions, want the whole pool of 3", p.session.Len())
	}
	first := p.session.Current().ID
	answerWrong(t, a, p)
	if v := a.View().Content; !strings.Contains(v, "Not right: the answer") || !strings.Contains(v, "Your answer.") {
		t.Errorf("a wrong answer shows no verdict:\n%s", v)
	}
	if len(log.answers) != 1 || log.answers[0].QuestionID != first || log.answers[0].Correct {
		t.Fatalf("recorded %+v, want one wrong answer to %s", log.answers, first)
	}
	press(t, a, text("2")...) // a second answer to the same question is ignored
	if len(log.answers) != 1 {
		t.Errorf("answered twice: %+v", log.answers)
	}
	press(t, a, special(tea.KeyEnter))
	answerRight(t, a, p)
	press(t, a, special(tea.KeyEnter))
	answerRight(t, a, p)
	press(t, a, special(tea.KeyEnter))
	if p.state != quizOver || len(log.answers) != 3 {
		t.Fatalf("state %v with %d answers recorded", p.state, len(log.answers))
	}
	v := a.View().Content
	if !strings.Contains(v, "2 of 3 right (66%)") || !strings.Contains(v, "sdprep learn") {
		t.Errorf("summary lacks the score or the learn pages:\n%s", v)
	}
	// A new quiz brings the missed question back first in the selection:
	// with one question asked, it is the one missed.
	p.opts.Count = 1
	press(t, a, text("r")...)
	if p.state != quizAsking || p.session.Len() != 1 || p.session.Current().ID != first {
		t.Errorf("new quiz asks %v, want the missed %s", p.session.Current(), first)
	}
}

func TestQuizWaitsForTheAnswerToBeSaved(t *testing.T) {
	log := &memQuizLog{}
	a, p := newQuizApp(t, QuizOptions{Count: -1, Log: log}, 80, 24)
	q := p.session.Current()
	_, save := a.Update(text("1")[0]) // the save command has not run yet
	press(t, a, special(tea.KeyEnter))
	if p.session.Current() != q || !strings.Contains(a.View().Content, "saving") {
		t.Fatalf("moved on before the answer was saved")
	}
	drain(a, save)
	press(t, a, special(tea.KeyEnter))
	if p.session.Current() == q || len(log.answers) != 1 {
		t.Errorf("did not move on after the save (%d answers)", len(log.answers))
	}
}

func TestQuizSaveAndHistoryErrorsAreShown(t *testing.T) {
	log := &memQuizLog{err: errors.New("disk full")}
	a, p := newQuizApp(t, QuizOptions{Count: -1, Log: log}, 80, 24)
	if p.state != quizAsking || !strings.Contains(a.View().Content, "history unavailable") {
		t.Fatalf("a failed history read did not start the quiz with a warning:\n%s", a.View().Content)
	}
	press(t, a, text("1")...)
	if v := a.View().Content; !strings.Contains(v, "answer not saved: disk full") {
		t.Errorf("a failed save is not shown:\n%s", v)
	}
	press(t, a, special(tea.KeyEnter))
	if p.session.Pos() != 1 {
		t.Errorf("a failed save blocks the quiz")
	}
}

func TestQuizIgnoresOptionsItDoesNotHave(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Count: -1}, 80, 24)
	press(t, a, text("5")...)
	if p.state != quizAsking || !strings.Contains(a.View().Content, "options 1 to 3") {
		t.Errorf("key 5 on a 3-option question: state %v\n%s", p.state, a.View().Content)
	}
}

func TestQuizDropsStaleResults(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Count: -1, Log: &memQuizLog{}}, 80, 24)
	before := p.session
	a.Update(quizHistoryMsg{gen: p.gen - 1})
	a.Update(quizSavedMsg{gen: p.gen - 1, err: errors.New("old")})
	if p.session != before || p.status != "" {
		t.Errorf("a result of an older quiz changed the page")
	}
}

func TestQuizFromTheWholeBank(t *testing.T) {
	_, p := startQuizApp(t, Options{Start: PageQuiz}, 80, 24)
	if p.session == nil || p.session.Len() != drills.DefaultQuizCount || p.log != nil {
		t.Fatalf("default quiz without a data directory: %v, log %v", p.session, p.log)
	}
}

// TestQuizOpensTheStoreItself is the quiz opened from a menu: no log is
// given, so the page records into the data directory's store.
func TestQuizOpensTheStoreItself(t *testing.T) {
	dir := t.TempDir()
	a, p := startQuizApp(t, Options{Start: PageQuiz, DataDir: dir, Quiz: QuizOptions{Pool: quizTestPool(t), Count: 2}}, 80, 24)
	if p.owned == nil || p.log == nil {
		t.Fatalf("the page did not open the store: %s", p.status)
	}
	answerWrong(t, a, p)
	press(t, a, special(tea.KeyEnter))
	answerRight(t, a, p)
	missed := p.session.Answers()[0].QuestionID
	if err := a.Close(); err != nil || p.owned != nil {
		t.Fatalf("Close: %v", err)
	}
	st, err := store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.QuizAttempts(t.Context(), time.Time{})
	// Both answers carry the test's fixed time, so the store's order
	// between them is arbitrary: look them up by question.
	if err != nil || len(got) != 2 {
		t.Fatalf("store holds %+v, %v", got, err)
	}
	for _, at := range got {
		if (at.QuestionID == missed) == at.Correct {
			t.Errorf("stored %+v; %s was the one missed", at, missed)
		}
	}
	// The next quiz from the menu starts with the question missed.
	_, p = startQuizApp(t, Options{Start: PageQuiz, DataDir: dir, Quiz: QuizOptions{Pool: quizTestPool(t), Count: 1}}, 80, 24)
	if p.session.Current().ID != missed {
		t.Errorf("next quiz asks %s, want the missed %s", p.session.Current().ID, missed)
	}
}

func TestQuizRunsWhenTheStoreCannotOpen(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	a, p := startQuizApp(t, Options{Start: PageQuiz, DataDir: file, Quiz: QuizOptions{Pool: quizTestPool(t)}}, 80, 24)
	if p.state != quizAsking || !strings.Contains(a.View().Content, "progress not saved") {
		t.Errorf("state %v:\n%s", p.state, a.View().Content)
	}
}

func TestQuizEmptyPool(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Pool: []*content.Question{}}, 80, 24)
	if p.state != quizEmpty || !strings.Contains(a.View().Content, "no questions") {
		t.Errorf("empty pool: state %v\n%s", p.state, a.View().Content)
	}
	press(t, a, text("1")...) // nothing to answer; nothing breaks
}

func TestQuizSaysWhereTheTextContinues(t *testing.T) {
	a, p := newQuizApp(t, QuizOptions{Count: -1}, 60, 16)
	for p.session.Current().ID != "lock-minority" {
		answerRight(t, a, p)
		press(t, a, special(tea.KeyEnter))
	}
	if v := a.View().Content; !strings.Contains(v, "↓ more") {
		t.Errorf("a question taller than the view has no ↓ hint:\n%s", v)
	}
	press(t, a, text("1")...)
	if v := a.View().Content; !strings.Contains(v, "↑") {
		t.Errorf("after scrolling to the options, no ↑ hint:\n%s", v)
	}
}
