package drills

import (
	"slices"
	"testing"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// TestStoreQuizLogRoundTrip records a session's answers in a real store,
// reopens it and checks that the history brings the missed one back.
func TestStoreQuizLogRoundTrip(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	s := NewQuizSession(testQuestions(3), t0)
	log := StoreQuizLog(st)
	for i := range 3 {
		a, err := s.Answer(0, t0.Add(time.Duration(i+1)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if err := log.RecordQuizAnswer(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		_ = s.Next(t0.Add(time.Duration(i+1) * time.Minute))
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := StoreQuizLog(st).QuizAnswers(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !slices.Equal(got[1].Topics, []string{"cap-theorem", "quorum"}) || got[0].Chosen != 0 || got[0].Duration != time.Minute {
		t.Fatalf("read back %+v", got)
	}
	for i, a := range got {
		if want := s.Answers()[i]; a.QuestionID != want.QuestionID || a.Correct != want.Correct || !a.AnsweredAt.Equal(want.AnsweredAt) {
			t.Errorf("answer %d: got %+v, want %+v", i, a, want)
		}
	}
	// Answer 0 is right only for q0 (whose option 0 is correct).
	qs := SelectQuiz(testQuestions(3), 2, 1, QuizHistoryOf(got))
	if !sameSet(ids(qs), []string{"q1", "q2"}) {
		t.Errorf("after missing q1 and q2, a 2-question quiz asks %v", ids(qs))
	}
}
