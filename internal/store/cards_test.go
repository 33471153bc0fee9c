package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func card(id string, due time.Time, reps int64) CardState {
	return CardState{ID: id, Due: due, Stability: 3.2, Difficulty: 5.1, ScheduledDays: 3, Reps: reps, State: 2, LastReview: due.Add(-72 * time.Hour)}
}

func TestRecordReviewAndUndo(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	first := card("topic:caching:what", t0.Add(72*time.Hour), 1)
	id1, err := s.RecordReview(ctx, Review{CardID: first.ID, Rating: 3, ReviewedAt: t0, Duration: 1500 * time.Millisecond}, &first)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Card(ctx, first.ID)
	if err != nil || !ok || got != first {
		t.Fatalf("Card = %+v, %v, %v; want %+v", got, ok, err, first)
	}
	second := card(first.ID, t0.Add(240*time.Hour), 2)
	id2, err := s.RecordReview(ctx, Review{CardID: first.ID, Rating: 4, State: 2, ReviewedAt: t0.Add(72 * time.Hour)}, &second)
	if err != nil {
		t.Fatal(err)
	}
	// Undoing the second review restores the first schedule.
	restored, err := s.UndoReview(ctx, id2)
	if err != nil || restored != first {
		t.Fatalf("UndoReview = %+v, %v; want %+v", restored, err, first)
	}
	if got, _, _ := s.Card(ctx, first.ID); got != first {
		t.Errorf("after undo Card = %+v; want %+v", got, first)
	}
	// Undoing the first review makes the card new again.
	restored, err = s.UndoReview(ctx, id1)
	if err != nil || restored != (CardState{ID: first.ID}) {
		t.Fatalf("UndoReview = %+v, %v; want a new card", restored, err)
	}
	if _, ok, _ := s.Card(ctx, first.ID); ok {
		t.Error("card row still exists after undoing its only review")
	}
	if revs, _ := s.Reviews(ctx, time.Time{}); len(revs) != 0 {
		t.Errorf("%d reviews left after undoing both", len(revs))
	}
	if _, err := s.UndoReview(ctx, id1); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo twice: %v; want ErrNotFound", err)
	}
}

func TestRecordReviewMismatchedCard(t *testing.T) {
	s := openTemp(t)
	c := card("b", t0, 1)
	if _, err := s.RecordReview(context.Background(), Review{CardID: "a", Rating: 3, ReviewedAt: t0}, &c); err == nil {
		t.Error("a schedule for another card was accepted")
	}
}

func TestPracticeReviewLeavesScheduleAlone(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	c := card("latency:l1-cache-reference", t0.Add(96*time.Hour), 1)
	if _, err := s.RecordReview(ctx, Review{CardID: c.ID, Rating: 3, ReviewedAt: t0}, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordReview(ctx, Review{CardID: c.ID, Rating: 1, State: 2, ReviewedAt: t0.Add(time.Hour), Practice: true}, nil); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Card(ctx, c.ID); got != c {
		t.Errorf("practice changed the card: %+v", got)
	}
	revs, err := s.Reviews(ctx, time.Time{})
	if err != nil || len(revs) != 2 || !revs[1].Practice || revs[1].Rating != 1 {
		t.Fatalf("Reviews = %+v, %v", revs, err)
	}
	counts, err := s.CountReviews(ctx, t0)
	if err != nil || counts != (ReviewCounts{New: 1}) {
		t.Errorf("CountReviews = %+v, %v; want 1 new, practice not counted", counts, err)
	}
	counts, err = s.CountReviews(ctx, t0.Add(time.Minute))
	if err != nil || counts != (ReviewCounts{}) {
		t.Errorf("CountReviews later = %+v, %v; want none", counts, err)
	}
}

func TestRetireCards(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	for _, id := range []string{"a", "b", "c"} {
		c := card(id, t0, 1)
		if _, err := s.RecordReview(ctx, Review{CardID: id, Rating: 3, ReviewedAt: t0}, &c); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.RetireCards(ctx, []string{"a", "c", "new-card"}, t0.Add(time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("RetireCards = %d, %v; want 1", n, err)
	}
	b, _, _ := s.Card(ctx, "b")
	if !b.RetiredAt.Equal(t0.Add(time.Hour)) {
		t.Errorf("b.RetiredAt = %v", b.RetiredAt)
	}
	if n, err := s.RetireCards(ctx, []string{"a", "c"}, t0.Add(2*time.Hour)); n != 0 || err != nil {
		t.Errorf("second RetireCards = %d, %v; want no change", n, err)
	}
	// The history stays, and the card comes back when its source does.
	if revs, _ := s.Reviews(ctx, time.Time{}); len(revs) != 3 {
		t.Errorf("%d reviews; retiring must keep all 3", len(revs))
	}
	if n, err := s.RetireCards(ctx, []string{"a", "b", "c"}, t0.Add(3*time.Hour)); n != 1 || err != nil {
		t.Errorf("un-retire = %d, %v; want 1", n, err)
	}
	if b, _, _ := s.Card(ctx, "b"); !b.RetiredAt.IsZero() {
		t.Errorf("b still retired: %v", b.RetiredAt)
	}
}

func TestAttemptsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	q := QuizAttempt{QuestionID: "cap-ledger", Topics: []string{"cap-theorem"}, Chosen: []int{2}, Correct: true, AnsweredAt: t0, Duration: 12 * time.Second}
	qid, err := s.RecordQuizAttempt(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	e := EstimationAttempt{Quantity: "write_qps", Preset: "twitter", Seed: 1<<64 - 1, Answer: 2300, Truth: 2314.8, Unit: "1/s", Error: 0.0028, Grade: "exact", AnsweredAt: t0, Duration: time.Minute}
	eid, err := s.RecordEstimationAttempt(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := s.QuizAttempts(ctx, time.Time{})
	q.ID = qid
	if err != nil || len(qs) != 1 || qs[0].ID != q.ID || qs[0].QuestionID != q.QuestionID || !qs[0].Correct ||
		qs[0].Chosen[0] != 2 || qs[0].Topics[0] != "cap-theorem" || !qs[0].AnsweredAt.Equal(t0) || qs[0].Duration != q.Duration {
		t.Errorf("QuizAttempts = %+v, %v; want %+v", qs, err, q)
	}
	es, err := s.EstimationAttempts(ctx, time.Time{})
	e.ID = eid
	if err != nil || len(es) != 1 || es[0] != e {
		t.Errorf("EstimationAttempts = %+v, %v; want %+v", es, err, e)
	}
	if qs, _ := s.QuizAttempts(ctx, t0.Add(time.Second)); len(qs) != 0 {
		t.Errorf("since filter kept %d attempts", len(qs))
	}
}
