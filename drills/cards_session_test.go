package drills

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time          { return c.t }
func (c *clock) Advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} }
func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSessionRateRequeueAndUndo(t *testing.T) {
	ctx := context.Background()
	st, clk := openStore(t), newClock()
	s, err := NewSession(ctx, st, Deck(library(t)), SessionOptions{Now: clk.Now, Topic: "caching", Limits: Limits{NewPerDay: 5}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Remaining() != 3 {
		t.Fatalf("caching has %d cards queued; want its 3", s.Remaining())
	}
	first, _ := s.Current()
	p := s.Preview()
	if got := []string{FormatInterval(p[0].Interval), FormatInterval(p[1].Interval), FormatInterval(p[2].Interval)}; got[0] != "1m" || got[1] != "5m" || got[2] != "10m" {
		t.Errorf("new-card intervals %v; want 1m 5m 10m", got)
	}
	if p[3].Interval < 24*time.Hour {
		t.Errorf("Easy on a new card gives %v; want days", p[3].Interval)
	}
	clk.Advance(4 * time.Second)
	if err := s.Rate(ctx, Good); err != nil {
		t.Fatal(err)
	}
	// A learning step of 10 minutes brings the card back in this session.
	if s.Remaining() != 3 {
		t.Errorf("after Good on a new card %d remain; want 3 (requeued)", s.Remaining())
	}
	saved, ok, err := st.Card(ctx, first.Card.ID)
	if err != nil || !ok || saved.State != int(StateLearning) {
		t.Fatalf("stored card = %+v, %v, %v; want learning", saved, ok, err)
	}
	if sum := s.Summary(); sum.Reviewed != 1 || sum.Time != 4*time.Second {
		t.Errorf("Summary = %+v", sum)
	}
	if err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Current(); cur.Card.ID != first.Card.ID || s.Remaining() != 3 {
		t.Errorf("after undo: current %s, %d remaining; want %s first of 3", cur.Card.ID, s.Remaining(), first.Card.ID)
	}
	if _, ok, _ := st.Card(ctx, first.Card.ID); ok {
		t.Error("undo left the card's schedule in the store")
	}
	if sum := s.Summary(); sum.Reviewed != 0 || sum.Time != 0 {
		t.Errorf("Summary after undo = %+v", sum)
	}
	if err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("second undo: %v", err)
	}
}

func TestSessionSchedulesGrowAndPersist(t *testing.T) {
	ctx := context.Background()
	st, clk := openStore(t), newClock()
	deck := Deck(library(t))[:4]
	var last time.Duration
	for day := range 5 {
		s, err := NewSession(ctx, st, deck, SessionOptions{Now: clk.Now})
		if err != nil {
			t.Fatal(err)
		}
		for range 20 {
			if _, ok := s.Current(); !ok {
				break
			}
			if err := s.Rate(ctx, Good); err != nil {
				t.Fatal(err)
			}
			clk.Advance(11 * time.Minute)
		}
		if s.Remaining() != 0 {
			t.Fatalf("day %d: %d cards left after rating all Good", day, s.Remaining())
		}
		c, _, _ := st.Card(ctx, deck[0].ID)
		iv := c.Due.Sub(c.LastReview)
		if day > 0 && iv <= last {
			t.Errorf("day %d: interval %v did not grow from %v", day, iv, last)
		}
		last = iv
		clk.t = c.Due.Add(time.Hour) // come back when it is due
	}
	if last < 7*24*time.Hour {
		t.Errorf("after 5 Good reviews the interval is %v; want over a week", last)
	}
}

func TestPracticeLeavesScheduleAlone(t *testing.T) {
	ctx := context.Background()
	st, clk := openStore(t), newClock()
	deck := Deck(library(t))[:2]
	s, _ := NewSession(ctx, st, deck, SessionOptions{Now: clk.Now})
	for range 2 {
		if err := s.Rate(ctx, Easy); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := st.Cards(ctx)
	clk.Advance(time.Hour)
	p, err := NewSession(ctx, st, deck, SessionOptions{Now: clk.Now, Practice: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Remaining() != 2 {
		t.Fatalf("practice queue has %d cards; want both seen cards", p.Remaining())
	}
	for range 2 {
		if it, _ := p.Current(); !it.Practice {
			t.Error("a not-due card is not marked practice")
		}
		if err := p.Rate(ctx, Again); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := st.Cards(ctx)
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("practice changed %s:\n%+v\n%+v", before[i].ID, before[i], after[i])
		}
	}
	revs, _ := st.Reviews(ctx, time.Time{})
	if len(revs) != 4 || !revs[2].Practice || !revs[3].Practice {
		t.Errorf("reviews = %+v; want 2 scheduled then 2 practice", revs)
	}
}

func TestPracticeIsWeakestFirst(t *testing.T) {
	now := newClock().Now()
	deck := []Card{{ID: "strong"}, {ID: "weak"}, {ID: "unseen"}}
	s := &Session{live: deck, states: map[string]store.CardState{
		"strong": {ID: "strong", State: 2, Stability: 50, LastReview: now.Add(-24 * time.Hour), Due: now.Add(40 * 24 * time.Hour)},
		"weak":   {ID: "weak", State: 2, Stability: 2, LastReview: now.Add(-24 * time.Hour), Due: now.Add(24 * time.Hour)},
	}}
	got := s.practice(now)
	if len(got) != 2 || got[0].Card.ID != "weak" || got[1].Card.ID != "strong" {
		t.Errorf("practice order = %v; want weak, strong (unseen cards are not practice)", got)
	}
}

func TestUntilRaisesQuotaAndShortensIntervals(t *testing.T) {
	now := newClock().Now()
	deadline := StartOfDay(now).AddDate(0, 0, 4)
	deck := Deck(library(t))
	p := PlanDay(deck, nil, store.ReviewCounts{}, Limits{}, deadline, now)
	if want := (len(deck) + 3) / 4; p.NewQuota != want || len(p.Queue) != want {
		t.Errorf("quota %d, queue %d; want %d a day to see %d cards in 4 days", p.NewQuota, len(p.Queue), want, len(deck))
	}
	strong := store.CardState{ID: "x", State: 2, Stability: 100, Difficulty: 3, Reps: 5, LastReview: now.Add(-30 * 24 * time.Hour), Due: now}
	for _, o := range (Scheduler{Deadline: deadline}).Preview(strong, now) {
		if !o.Next.Due.Before(deadline) {
			t.Errorf("%s: due %v is not before the interview %v", o.Rating, o.Next.Due, deadline)
		}
	}
	if o := (Scheduler{Deadline: deadline}).Preview(strong, now)[Easy-1]; !o.Next.Due.Equal(deadline.AddDate(0, 0, -1)) {
		t.Errorf("Easy due %v; want the day before the interview", o.Next.Due)
	}
	// With no deadline the same card goes far out.
	if o := (Scheduler{}).Preview(strong, now)[Easy-1]; o.Interval < 30*24*time.Hour {
		t.Errorf("Easy without a deadline: %v", o.Interval)
	}
}

func TestPlanLimits(t *testing.T) {
	now := newClock().Now()
	deck := Deck(library(t))[:30]
	states := map[string]store.CardState{}
	for i, c := range deck[:10] {
		states[c.ID] = store.CardState{ID: c.ID, State: 2, Due: now.Add(-time.Duration(i) * time.Hour), LastReview: now.Add(-48 * time.Hour)}
	}
	states[deck[9].ID] = store.CardState{ID: deck[9].ID, State: 2, Due: now.Add(-time.Hour), RetiredAt: now}
	p := PlanDay(deck, states, store.ReviewCounts{New: 18, Review: 195}, Limits{}, time.Time{}, now)
	if p.ReviewQuota != 5 || p.NewQuota != 2 || len(p.Queue) != 7 {
		t.Fatalf("plan = quotas %d/%d, queue %d; want 5 reviews + 2 new", p.ReviewQuota, p.NewQuota, len(p.Queue))
	}
	if p.Queue[0].Card.ID != deck[8].ID {
		t.Errorf("first due is %s; want the most overdue, %s", p.Queue[0].Card.ID, deck[8].ID)
	}
	if p.DueByState[StateReview] != 5 || p.DueByState[StateNew] != 2 {
		t.Errorf("DueByState = %v", p.DueByState)
	}
}

func TestLimitsSettings(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	l, err := LoadLimits(ctx, st)
	if err != nil || l != (Limits{NewPerDay: 20, ReviewsPerDay: 200}) {
		t.Fatalf("defaults = %+v, %v", l, err)
	}
	if err := SaveLimits(ctx, st, Limits{NewPerDay: 35}); err != nil {
		t.Fatal(err)
	}
	if l, _ := LoadLimits(ctx, st); l != (Limits{NewPerDay: 35, ReviewsPerDay: 200}) {
		t.Errorf("after save = %+v", l)
	}
	if err := st.SetSetting(ctx, SettingReviewsPerDay, "lots"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLimits(ctx, st); err == nil {
		t.Error("a bad stored limit was accepted")
	}
}

func TestFormatInterval(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second: "now", time.Minute: "1m", 10 * time.Minute: "10m", 5 * time.Hour: "5h",
		3 * 24 * time.Hour: "3d", 75 * 24 * time.Hour: "2.5mo", 60 * 24 * time.Hour: "2mo", 438 * 24 * time.Hour: "1.2y",
	} {
		if got := FormatInterval(d); got != want {
			t.Errorf("FormatInterval(%v) = %q; want %q", d, got, want)
		}
	}
}

func TestLearningStepsCountAsDueAhead(t *testing.T) {
	now := newClock().Now()
	deck := []Card{{ID: "learning"}, {ID: "review"}}
	states := map[string]store.CardState{
		"learning": {ID: "learning", State: int(StateLearning), Due: now.Add(10 * time.Minute), LastReview: now},
		"review":   {ID: "review", State: int(StateReview), Due: now.Add(10 * time.Minute), LastReview: now},
	}
	p := PlanDay(deck, states, store.ReviewCounts{}, Limits{}, time.Time{}, now)
	if len(p.Queue) != 1 || p.Queue[0].Card.ID != "learning" {
		t.Errorf("queue = %+v; want only the card in a learning step", p.Queue)
	}
}

func TestSessionRetiresCardsWhoseSourceIsGone(t *testing.T) {
	ctx := context.Background()
	st, clk := openStore(t), newClock()
	deck := Deck(library(t))[:3]
	s, _ := NewSession(ctx, st, deck, SessionOptions{Now: clk.Now})
	for range 3 {
		if err := s.Rate(ctx, Easy); err != nil {
			t.Fatal(err)
		}
	}
	clk.Advance(time.Hour)
	if _, err := NewSession(ctx, st, deck[1:], SessionOptions{Now: clk.Now}); err != nil {
		t.Fatal(err)
	}
	gone, _, _ := st.Card(ctx, deck[0].ID)
	kept, _, _ := st.Card(ctx, deck[1].ID)
	if !gone.RetiredAt.Equal(clk.Now()) || !kept.RetiredAt.IsZero() {
		t.Errorf("retired_at: removed card %v, kept card %v", gone.RetiredAt, kept.RetiredAt)
	}
	if revs, _ := st.Reviews(ctx, time.Time{}); len(revs) != 3 {
		t.Errorf("%d reviews; retiring keeps all 3", len(revs))
	}
	// Back in the deck, it is live again.
	if _, err := NewSession(ctx, st, deck, SessionOptions{Now: clk.Now}); err != nil {
		t.Fatal(err)
	}
	if c, _, _ := st.Card(ctx, deck[0].ID); !c.RetiredAt.IsZero() {
		t.Errorf("card still retired after its source came back")
	}
}
