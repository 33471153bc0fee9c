package drills

import (
	"context"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// StoreQuizLog is the QuizLog of the progress store: each answer is one
// row of quiz_attempts, written in its own transaction.
func StoreQuizLog(st *store.Store) QuizLog { return storeQuizLog{st} }

type storeQuizLog struct{ st *store.Store }

func (l storeQuizLog) RecordQuizAnswer(ctx context.Context, a QuizAnswer) error {
	_, err := l.st.RecordQuizAttempt(ctx, store.QuizAttempt{
		QuestionID: a.QuestionID,
		Topics:     a.Topics,
		Chosen:     []int{a.Chosen},
		Correct:    a.Correct,
		AnsweredAt: a.AnsweredAt,
		Duration:   a.Duration,
	})
	return err
}

func (l storeQuizLog) QuizAnswers(ctx context.Context) ([]QuizAnswer, error) {
	attempts, err := l.st.QuizAttempts(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	out := make([]QuizAnswer, len(attempts))
	for i, a := range attempts {
		chosen := -1 // an imported attempt may record no option
		if len(a.Chosen) > 0 {
			chosen = a.Chosen[0]
		}
		out[i] = QuizAnswer{QuestionID: a.QuestionID, Topics: a.Topics, Chosen: chosen, Correct: a.Correct, AnsweredAt: a.AnsweredAt, Duration: a.Duration}
	}
	return out, nil
}
