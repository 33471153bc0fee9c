package drills

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/sdprep/sdprep/content"
)

// Errors of a QuizSession, checked with errors.Is.
var (
	// ErrQuizOver: the session has no current question.
	ErrQuizOver = errors.New("the quiz is over")
	// ErrAlreadyAnswered: the current question has its answer; call Next.
	ErrAlreadyAnswered = errors.New("the question is already answered")
	// ErrNotAnswered: Next before the current question was answered.
	ErrNotAnswered = errors.New("the question is not answered yet")
	// ErrNoSuchOption: an option index the question does not have.
	ErrNoSuchOption = errors.New("no such option")
)

// QuizSession is one run through a list of questions: each is shown,
// answered once, and then the session moves on. It records nothing
// itself; the caller stores each QuizAnswer that Answer returns. Time is
// an input: the session never reads a clock.
//
// A QuizSession is not safe for concurrent use.
type QuizSession struct {
	questions []*content.Question
	answers   []QuizAnswer
	pos       int
	shownAt   time.Time
}

// NewQuizSession starts a session on questions, showing the first at
// start. An empty list gives a session that is already over.
func NewQuizSession(questions []*content.Question, start time.Time) *QuizSession {
	return &QuizSession{questions: slices.Clone(questions), shownAt: start}
}

// Len is the number of questions in the session.
func (s *QuizSession) Len() int { return len(s.questions) }

// Pos is the 0-based index of the current question; Len when over.
func (s *QuizSession) Pos() int { return s.pos }

// Over reports whether every question has been answered and passed.
func (s *QuizSession) Over() bool { return s.pos >= len(s.questions) }

// Current is the question being asked, or nil when the session is over.
func (s *QuizSession) Current() *content.Question {
	if s.Over() {
		return nil
	}
	return s.questions[s.pos]
}

// Answered reports whether the current question has been answered, and
// with which answer.
func (s *QuizSession) Answered() (QuizAnswer, bool) {
	if s.Over() || len(s.answers) <= s.pos {
		return QuizAnswer{}, false
	}
	return s.answers[s.pos], true
}

// Answer answers the current question with option choice (0-based) at
// time at and returns the answer to record. Choosing any correct option
// scores. It fails with ErrQuizOver, ErrAlreadyAnswered or
// ErrNoSuchOption, changing nothing.
func (s *QuizSession) Answer(choice int, at time.Time) (QuizAnswer, error) {
	q := s.Current()
	switch {
	case q == nil:
		return QuizAnswer{}, ErrQuizOver
	case len(s.answers) > s.pos:
		return QuizAnswer{}, ErrAlreadyAnswered
	case choice < 0 || choice >= len(q.Options):
		return QuizAnswer{}, fmt.Errorf("option %d: %w (the question has options 1 to %d)", choice+1, ErrNoSuchOption, len(q.Options))
	}
	a := QuizAnswer{
		QuestionID: q.ID,
		Topics:     slices.Clone(q.Topics),
		Chosen:     choice,
		Correct:    q.IsCorrect(choice),
		AnsweredAt: at,
		Duration:   max(0, at.Sub(s.shownAt)),
	}
	s.answers = append(s.answers, a)
	return a, nil
}

// Next moves to the next question, shown at time at. It fails with
// ErrNotAnswered before the current question is answered, and with
// ErrQuizOver after the last one.
func (s *QuizSession) Next(at time.Time) error {
	switch {
	case s.Over():
		return ErrQuizOver
	case len(s.answers) <= s.pos:
		return ErrNotAnswered
	}
	s.pos++
	s.shownAt = at
	return nil
}

// Answers returns the answers given so far, in order.
func (s *QuizSession) Answers() []QuizAnswer { return slices.Clone(s.answers) }

// Summary scores the answers given so far.
func (s *QuizSession) Summary() QuizSummary { return SummarizeQuiz(s.answers) }
