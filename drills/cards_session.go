package drills

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// learnAhead is how soon a card rated in this session must come due to
// be shown again before the session ends (FSRS's learning steps are 1,
// 5 and 10 minutes).
const learnAhead = 20 * time.Minute

// ErrNothingToUndo is returned by Undo before the first rating.
var ErrNothingToUndo = errors.New("nothing to undo")

// ErrSessionDone is returned by Rate when no card is left.
var ErrSessionDone = errors.New("no card left in this session")

// SessionOptions configure a review session.
type SessionOptions struct {
	// Now is the clock; required.
	Now func() time.Time
	// Topic keeps only the cards of one topic id; empty keeps all.
	Topic string
	// Until is the interview date (the start of that day in the user's
	// time zone); zero for none. See Scheduler.Deadline and Plan.
	Until time.Time
	// Practice adds, after the cards due, every card already seen, weakest
	// first; rating a card that is not due leaves its schedule untouched.
	Practice bool
	// Limits are the daily limits.
	Limits Limits
}

// Item is one card to show.
type Item struct {
	Card Card
	// State is the card's schedule before this showing; the zero value
	// (with the card's id) for a new card.
	State store.CardState
	// Practice marks a card shown although it is not due.
	Practice bool
}

// Session is one sitting of flashcard review. Every rating is committed
// to the store before the next card is shown. Not safe for concurrent use.
type Session struct {
	st      *store.Store
	sched   Scheduler
	now     func() time.Time
	live    []Card // the cards in scope, in deck order
	states  map[string]store.CardState
	queue   []Item
	history []rated
	plan    Plan
	started time.Time
	shownAt time.Time
	tally   Summary
}

// rated is what Undo needs to take a rating back.
type rated struct {
	reviewID string
	item     Item
	rating   Rating
	spent    time.Duration
	requeued bool
}

// NewSession loads the schedules of deck's cards from st, retires stored
// cards that are no longer in deck, and queues what is due now within the
// daily limits: cards due (oldest due first), then new cards in deck
// order, then, with opts.Practice, the other cards already seen.
func NewSession(ctx context.Context, st *store.Store, deck []Card, opts SessionOptions) (*Session, error) {
	now := opts.Now()
	stored, err := st.Cards(ctx)
	if err != nil {
		return nil, err
	}
	if stored, err = retire(ctx, st, deck, stored, now); err != nil {
		return nil, err
	}
	counts, err := st.CountReviews(ctx, StartOfDay(now))
	if err != nil {
		return nil, err
	}
	s := &Session{st: st, sched: Scheduler{Deadline: opts.Until}, now: opts.Now, states: map[string]store.CardState{}, started: now, shownAt: now}
	for _, c := range stored {
		s.states[c.ID] = c
	}
	for _, c := range deck {
		if opts.Topic == "" || c.Topic == opts.Topic {
			s.live = append(s.live, c)
		}
	}
	s.plan = PlanDay(s.live, s.states, counts, opts.Limits, opts.Until, now)
	s.queue = s.plan.Queue
	if opts.Practice {
		s.queue = append(s.queue, s.practice(now)...)
	}
	return s, nil
}

// retire marks retired the stored cards whose source left deck (and
// un-retires those back in it), writing only when something changed, and
// returns the stored cards as they now are.
func retire(ctx context.Context, st *store.Store, deck []Card, stored []store.CardState, now time.Time) ([]store.CardState, error) {
	live := make(map[string]bool, len(deck))
	for _, c := range deck {
		live[c.ID] = true
	}
	changed := false
	for _, c := range stored {
		if live[c.ID] != c.RetiredAt.IsZero() {
			changed = true
			break
		}
	}
	if !changed {
		return stored, nil
	}
	ids := make([]string, len(deck))
	for i, c := range deck {
		ids[i] = c.ID
	}
	if _, err := st.RetireCards(ctx, ids, now); err != nil {
		return nil, err
	}
	return st.Cards(ctx)
}

// practice lists the seen cards in scope that are not already queued,
// weakest (lowest FSRS retrievability) first.
func (s *Session) practice(now time.Time) []Item {
	queued := map[string]bool{}
	for _, it := range s.queue {
		queued[it.Card.ID] = true
	}
	var out []Item
	for _, c := range s.live {
		if st, ok := s.states[c.ID]; ok && !queued[c.ID] {
			out = append(out, Item{Card: c, State: st, Practice: true})
		}
	}
	r := func(it Item) float64 { return Retrievability(it.State, now) }
	slices.SortStableFunc(out, func(a, b Item) int {
		return cmp.Or(cmp.Compare(r(a), r(b)), cmp.Compare(b.State.Lapses, a.State.Lapses))
	})
	return out
}

// Plan is the day's queue and the limits that shaped it.
func (s *Session) Plan() Plan { return s.plan }

// Current is the card to show; ok is false when the session is over.
func (s *Session) Current() (it Item, ok bool) {
	if len(s.queue) == 0 {
		return Item{}, false
	}
	return s.queue[0], true
}

// Remaining is how many showings are queued, the current one included.
func (s *Session) Remaining() int { return len(s.queue) }

// Preview is what each rating would do to the current card now. For a
// practice card the schedule does not change, but the outcome still
// shows FSRS's interval for reference.
func (s *Session) Preview() [4]Outcome {
	it, _ := s.Current()
	return s.sched.Preview(it.State, s.now())
}

// Rate commits r for the current card in one transaction and moves on.
// A card that comes due again within minutes (a learning step) is queued
// again at the end. On error nothing changes.
func (s *Session) Rate(ctx context.Context, r Rating) error {
	it, ok := s.Current()
	if !ok {
		return ErrSessionDone
	}
	if !r.Valid() {
		return errors.New("rating: want 1 (again) to 4 (easy)")
	}
	now := s.now()
	out := s.sched.Preview(it.State, now)[r-1]
	rev := out.Log
	rev.Duration = now.Sub(s.shownAt)
	practice := it.Practice && it.State.Due.After(now)
	var next *store.CardState
	if practice {
		rev.Practice = true
	} else {
		next = &out.Next
	}
	id, err := s.st.RecordReview(ctx, rev, next)
	if err != nil {
		return err
	}
	s.queue = s.queue[1:]
	h := rated{reviewID: id, item: it, rating: r, spent: rev.Duration}
	if next != nil {
		s.states[it.Card.ID] = *next
		if !next.Due.After(now.Add(learnAhead)) {
			s.queue = append(s.queue, Item{Card: it.Card, State: *next})
			h.requeued = true
		}
	}
	s.history = append(s.history, h)
	s.tally.add(r, rev.Duration, 1)
	s.shownAt = now
	return nil
}

// Undo takes the last rating back: the review is deleted, the card's
// schedule restored, and the card shown again.
func (s *Session) Undo(ctx context.Context) error {
	if len(s.history) == 0 {
		return ErrNothingToUndo
	}
	h := s.history[len(s.history)-1]
	restored, err := s.st.UndoReview(ctx, h.reviewID)
	if err != nil {
		return err
	}
	s.history = s.history[:len(s.history)-1]
	if restored.LastReview.IsZero() {
		delete(s.states, h.item.Card.ID)
	} else {
		s.states[h.item.Card.ID] = restored
	}
	if h.requeued {
		for i := len(s.queue) - 1; i >= 0; i-- {
			if s.queue[i].Card.ID == h.item.Card.ID {
				s.queue = slices.Delete(s.queue, i, i+1)
				break
			}
		}
	}
	s.queue = slices.Insert(s.queue, 0, h.item)
	s.tally.add(h.rating, -h.spent, -1)
	s.shownAt = s.now()
	return nil
}

// CanUndo reports whether there is a rating to take back.
func (s *Session) CanUndo() bool { return len(s.history) > 0 }

// Summary is the session so far, with the next due date of the cards in
// scope.
func (s *Session) Summary() Summary {
	sum := s.tally
	for _, c := range s.live {
		st, ok := s.states[c.ID]
		if ok && (sum.NextDue.IsZero() || st.Due.Before(sum.NextDue)) {
			sum.NextDue = st.Due
		}
	}
	return sum
}
