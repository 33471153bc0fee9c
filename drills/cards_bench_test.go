package drills

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// benchDeck is a synthetic deck of n cards over 50 topics.
func benchDeck(n int) []Card {
	deck := make([]Card, n)
	for i := range deck {
		deck[i] = Card{ID: fmt.Sprintf("bench:%05d", i), Topic: fmt.Sprintf("topic-%02d", i%50), Front: "front", Back: "back"}
	}
	return deck
}

// benchStore writes a store with every card of deck scheduled (a tenth
// of them due at now) and reviews review-log rows, in one transaction.
func benchStore(b *testing.B, deck []Card, reviews int, now time.Time) string {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i, c := range deck {
		due := now.Add(time.Duration(i%10) * 24 * time.Hour)
		if _, err := tx.Exec(`INSERT INTO cards (id, due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review)
			VALUES (?, ?, 12.5, 5.2, 4, 9, 6, 1, 2, ?)`, c.ID, due.UnixMilli(), due.Add(-9*24*time.Hour).UnixMilli()); err != nil {
			b.Fatal(err)
		}
	}
	for i := range reviews {
		at := StartOfDay(now).Add(-time.Duration(reviews-i) * time.Minute) // all before today
		if _, err := tx.Exec(`INSERT INTO reviews (id, card_id, rating, state, elapsed_days, scheduled_days, reviewed_at, duration_ms)
			VALUES (?, ?, ?, 2, 3, 5, ?, 4000)`, fmt.Sprintf("r%06d", i), deck[i%len(deck)].ID, 1+i%4, at.UnixMilli()); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkOpenFirstDueCard opens the store and shows the first due card
// with 5,000 cards and 100,000 review-log rows (target: under 100 ms).
func BenchmarkOpenFirstDueCard(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	deck := benchDeck(5000)
	dir := benchStore(b, deck, 100_000, now)
	b.ResetTimer()
	for b.Loop() {
		st, err := store.Open(ctx, dir)
		if err != nil {
			b.Fatal(err)
		}
		s, err := NewSession(ctx, st, deck, SessionOptions{Now: func() time.Time { return now }})
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := s.Current(); !ok {
			b.Fatal("no card due")
		}
		_ = s.Preview()
		st.Close()
	}
}

// BenchmarkRecordAnswer rates the current card: FSRS, then one
// transaction holding the review and the new schedule (target: under 5 ms).
func BenchmarkRecordAnswer(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	deck := benchDeck(5000)
	dir := benchStore(b, deck, 100_000, now)
	st, err := store.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	clk := &clock{t: now}
	opts := SessionOptions{Now: clk.Now, Practice: true}
	s, err := NewSession(ctx, st, deck, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if s.Remaining() == 0 {
			b.StopTimer()
			if s, err = NewSession(ctx, st, deck, opts); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		clk.Advance(time.Second)
		if err := s.Rate(ctx, Good); err != nil {
			b.Fatal(err)
		}
	}
}
