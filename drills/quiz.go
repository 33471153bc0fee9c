package drills

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sdprep/sdprep/content"
)

// DefaultQuizCount is how many questions a quiz asks unless told.
const DefaultQuizCount = 10

// QuizAnswer is one answered quiz question, as a QuizLog keeps it.
type QuizAnswer struct {
	// QuestionID is the question's id in the quiz bank.
	QuestionID string `json:"question_id"`
	// Topics are the topic ids the question drills, copied so that
	// statistics survive edits to the bank.
	Topics []string `json:"topics"`
	// Chosen is the 0-based index of the option picked.
	Chosen int `json:"chosen"`
	// Correct reports whether the option picked is a right answer.
	Correct bool `json:"correct"`
	// AnsweredAt is when the answer was given.
	AnsweredAt time.Time `json:"answered_at"`
	// Duration is the time from showing the question to the answer.
	Duration time.Duration `json:"-"`
}

// QuizLog is where quiz answers are kept between sessions. The progress
// store provides the real one; a nil QuizLog keeps nothing.
type QuizLog interface {
	// RecordQuizAnswer stores one answer, durably, before it returns.
	RecordQuizAnswer(ctx context.Context, a QuizAnswer) error
	// QuizAnswers returns every stored answer, oldest first.
	QuizAnswers(ctx context.Context) ([]QuizAnswer, error)
}

// QuizRecord is the latest attempt at one question.
type QuizRecord struct {
	// Correct reports whether the latest attempt was right.
	Correct bool
	// At is when it was made.
	At time.Time
}

// QuizHistory maps question ids to their latest attempt. A question never
// answered is absent; the nil history means nothing was ever answered.
type QuizHistory map[string]QuizRecord

// QuizHistoryOf builds the history of a list of answers, in any order:
// for each question, the answer with the latest AnsweredAt wins (the later
// one in the list on a tie).
func QuizHistoryOf(answers []QuizAnswer) QuizHistory {
	h := QuizHistory{}
	for _, a := range answers {
		if prev, ok := h[a.QuestionID]; !ok || !a.AnsweredAt.Before(prev.At) {
			h[a.QuestionID] = QuizRecord{Correct: a.Correct, At: a.AnsweredAt}
		}
	}
	return h
}

// Selection groups, in the order SelectQuiz takes them.
const (
	groupMissed = iota // the latest attempt was wrong
	groupNew           // never answered
	groupRight         // the latest attempt was right
)

// SelectQuiz picks up to count questions from pool for one quiz (all of
// them when count <= 0 or count >= len(pool)) and returns them in the
// order to ask them. Missed questions come back first: it takes, in turn,
//
//  1. the questions whose latest attempt in h was wrong,
//  2. the questions never answered,
//  3. the questions whose latest attempt was right, longest ago first,
//
// shuffling within each group (and among equal times) with seed, and
// then shuffles the questions taken, so a quiz does not open with the
// ones missed last time. The same pool, count, seed and history give the
// same quiz. pool is not modified.
func SelectQuiz(pool []*content.Question, count int, seed uint64, h QuizHistory) []*content.Question {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	qs := slices.Clone(pool)
	rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	group := func(q *content.Question) int {
		switch r, ok := h[q.ID]; {
		case !ok:
			return groupNew
		case !r.Correct:
			return groupMissed
		}
		return groupRight
	}
	slices.SortStableFunc(qs, func(a, b *content.Question) int {
		ga, gb := group(a), group(b)
		if ga != gb || ga != groupRight {
			return cmp.Compare(ga, gb)
		}
		return h[a.ID].At.Compare(h[b.ID].At)
	})
	if count > 0 && count < len(qs) {
		qs = qs[:count]
	}
	rng.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	return qs
}
