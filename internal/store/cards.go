package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// CardState is the stored schedule of one flashcard: the fields of an
// FSRS card, plus when its source left the content library. The zero
// value is a new card that was never reviewed.
type CardState struct {
	// ID is the card's stable id, e.g. "topic:caching:tradeoff".
	ID string `json:"id"`
	// Due is when the card is next due.
	Due time.Time `json:"due"`
	// Stability and Difficulty are FSRS's memory state.
	Stability  float64 `json:"stability"`
	Difficulty float64 `json:"difficulty"`
	// ElapsedDays and ScheduledDays are FSRS's interval bookkeeping.
	ElapsedDays   int64 `json:"elapsed_days"`
	ScheduledDays int64 `json:"scheduled_days"`
	// Reps and Lapses count reviews and forgotten reviews.
	Reps   int64 `json:"reps"`
	Lapses int64 `json:"lapses"`
	// State is FSRS's state: 0 new, 1 learning, 2 review, 3 relearning.
	State int `json:"state"`
	// LastReview is when the card was last reviewed.
	LastReview time.Time `json:"last_review"`
	// RetiredAt is when the card's source was removed; zero while it exists.
	RetiredAt time.Time `json:"retired_at,omitzero"`
}

// Review is one entry of the review log.
type Review struct {
	// ID is the review's id; RecordReview fills it when empty.
	ID     string `json:"id"`
	CardID string `json:"card_id"`
	// Rating is 1 Again, 2 Hard, 3 Good, 4 Easy.
	Rating int `json:"rating"`
	// State, ElapsedDays and ScheduledDays are the card's before the review.
	State         int   `json:"state"`
	ElapsedDays   int64 `json:"elapsed_days"`
	ScheduledDays int64 `json:"scheduled_days"`
	// ReviewedAt is when the rating was given.
	ReviewedAt time.Time `json:"reviewed_at"`
	// Duration is how long the card was shown before the rating.
	Duration time.Duration `json:"-"`
	// Practice marks a review that did not change the card's schedule.
	Practice bool `json:"practice"`
}

const cardColumns = `id, due, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review, retired_at`

func scanCard(sc interface{ Scan(...any) error }) (CardState, error) {
	var c CardState
	var due, last int64
	var retired sql.NullInt64
	err := sc.Scan(&c.ID, &due, &c.Stability, &c.Difficulty, &c.ElapsedDays, &c.ScheduledDays, &c.Reps, &c.Lapses, &c.State, &last, &retired)
	c.Due, c.LastReview, c.RetiredAt = fromMS(due), fromMS(last), fromMS(retired.Int64)
	return c, err
}

// Cards returns every stored card, retired ones included, by id.
func (s *Store) Cards(ctx context.Context) ([]CardState, error) {
	c, err := queryCards(ctx, s.db)
	return c, s.wrap(err)
}

func queryCards(ctx context.Context, q querier) ([]CardState, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+cardColumns+` FROM cards ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CardState
	for rows.Next() {
		c, err := scanCard(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Card returns one stored card; ok is false when it was never reviewed.
func (s *Store) Card(ctx context.Context, id string) (c CardState, ok bool, err error) {
	c, err = scanCard(s.db.QueryRowContext(ctx, `SELECT `+cardColumns+` FROM cards WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return CardState{}, false, nil
	}
	return c, err == nil, s.wrap(err)
}

func upsertCard(ctx context.Context, tx *sql.Tx, c CardState) error {
	var retired any
	if !c.RetiredAt.IsZero() {
		retired = ms(c.RetiredAt)
	}
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO cards (`+cardColumns+`) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		c.ID, ms(c.Due), c.Stability, c.Difficulty, c.ElapsedDays, c.ScheduledDays, c.Reps, c.Lapses, c.State, ms(c.LastReview), retired)
	return err
}

// RecordReview stores a rating in one transaction: the review log entry
// and, unless next is nil (a practice review), the card's new schedule.
// The card row before the review is kept with the entry so UndoReview can
// restore it. It returns the review's id.
func (s *Store) RecordReview(ctx context.Context, r Review, next *CardState) (string, error) {
	if r.ID == "" {
		r.ID = s.newID()
	}
	if next != nil && next.ID != r.CardID {
		return "", fmt.Errorf("record review: card %q with a schedule for %q", r.CardID, next.ID)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		prev, err := scanCard(tx.QueryRowContext(ctx, `SELECT `+cardColumns+` FROM cards WHERE id = ?`, r.CardID))
		var before *CardState
		switch {
		case err == nil:
			before = &prev
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		undo, err := json.Marshal(before)
		if err != nil {
			return err
		}
		if err := insertReview(ctx, tx, "INSERT", r, string(undo)); err != nil {
			return err
		}
		if next == nil {
			return nil
		}
		return upsertCard(ctx, tx, *next)
	})
	return r.ID, err
}

// insertReview adds r to the log; verb is "INSERT" or "INSERT OR IGNORE".
func insertReview(ctx context.Context, tx *sql.Tx, verb string, r Review, undo any) error {
	_, err := tx.ExecContext(ctx, verb+` INTO reviews (id, card_id, rating, state, elapsed_days, scheduled_days, reviewed_at, duration_ms, practice, undo)
		VALUES (?,?,?,?,?,?,?,?,?,?)`,
		r.ID, r.CardID, r.Rating, r.State, r.ElapsedDays, r.ScheduledDays, ms(r.ReviewedAt), r.Duration.Milliseconds(), r.Practice, undo)
	return err
}

// UndoReview deletes review id and puts its card back as it was before
// the review, in one transaction. It returns the restored card (the zero
// CardState with the id set when the card was new).
func (s *Store) UndoReview(ctx context.Context, id string) (CardState, error) {
	var restored CardState
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var cardID string
		var undo sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT card_id, undo FROM reviews WHERE id = ?`, id).Scan(&cardID, &undo)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("undo review %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if !undo.Valid {
			return fmt.Errorf("undo review %q: %w", id, ErrNotUndoable)
		}
		var before *CardState
		if err := json.Unmarshal([]byte(undo.String), &before); err != nil {
			return fmt.Errorf("undo review %q: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM reviews WHERE id = ?`, id); err != nil {
			return err
		}
		if before == nil {
			restored = CardState{ID: cardID}
			_, err = tx.ExecContext(ctx, `DELETE FROM cards WHERE id = ?`, cardID)
			return err
		}
		restored = *before
		return upsertCard(ctx, tx, *before)
	})
	return restored, err
}

// Reviews returns the review log from since on (all of it for the zero
// time), oldest first.
func (s *Store) Reviews(ctx context.Context, since time.Time) ([]Review, error) {
	r, err := queryReviews(ctx, s.db, since)
	return r, s.wrap(err)
}

func queryReviews(ctx context.Context, q querier, since time.Time) ([]Review, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, card_id, rating, state, elapsed_days, scheduled_days, reviewed_at, duration_ms, practice
		FROM reviews WHERE reviewed_at >= ? ORDER BY reviewed_at, id`, ms(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var at, dur int64
		if err := rows.Scan(&r.ID, &r.CardID, &r.Rating, &r.State, &r.ElapsedDays, &r.ScheduledDays, &at, &dur, &r.Practice); err != nil {
			return nil, err
		}
		r.ReviewedAt, r.Duration = fromMS(at), time.Duration(dur)*time.Millisecond
		out = append(out, r)
	}
	return out, rows.Err()
}

// ReviewCounts are the scheduled (non-practice) reviews in a period.
type ReviewCounts struct {
	// New counts first reviews of new cards; Review counts the others.
	New, Review int
}

// CountReviews counts the scheduled reviews from since on, for the daily
// limits.
func (s *Store) CountReviews(ctx context.Context, since time.Time) (ReviewCounts, error) {
	var c ReviewCounts
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(sum(state = 0), 0), coalesce(sum(state <> 0), 0)
		FROM reviews WHERE reviewed_at >= ? AND practice = 0`, ms(since)).Scan(&c.New, &c.Review)
	return c, s.wrap(err)
}

// RetireCards marks retired, at time at, every stored card whose id is
// not in live, and un-retires stored cards whose id is back. Rows and
// their reviews are never deleted. It returns how many rows changed and
// writes nothing when none would.
func (s *Store) RetireCards(ctx context.Context, live []string, at time.Time) (int, error) {
	ids, err := json.Marshal(live)
	if err != nil {
		return 0, err
	}
	const liveSet = `(SELECT value FROM json_each(?))`
	var pending int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM cards WHERE
		(retired_at IS NULL AND id NOT IN `+liveSet+`) OR (retired_at IS NOT NULL AND id IN `+liveSet+`)`,
		string(ids), string(ids)).Scan(&pending); err != nil || pending == 0 {
		return 0, s.wrap(err)
	}
	var n int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cards SET retired_at = ? WHERE retired_at IS NULL AND id NOT IN `+liveSet, ms(at), string(ids))
		if err != nil {
			return err
		}
		a, _ := res.RowsAffected()
		res, err = tx.ExecContext(ctx, `UPDATE cards SET retired_at = NULL WHERE retired_at IS NOT NULL AND id IN `+liveSet, string(ids))
		if err != nil {
			return err
		}
		b, _ := res.RowsAffected()
		n = a + b
		return nil
	})
	return int(n), err
}
