package drills

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// Limits are the daily caps of a review session. The zero value means
// the defaults (DefaultNewPerDay, DefaultReviewsPerDay).
type Limits struct {
	// NewPerDay caps the new cards introduced a day.
	NewPerDay int `json:"new_per_day"`
	// ReviewsPerDay caps the reviews of cards already seen a day.
	ReviewsPerDay int `json:"reviews_per_day"`
}

// Default limits, and the setting keys that override them in the store.
const (
	DefaultNewPerDay     = 20
	DefaultReviewsPerDay = 200

	SettingNewPerDay     = "new_per_day"
	SettingReviewsPerDay = "reviews_per_day"
)

// withDefaults fills zero fields with the defaults.
func (l Limits) withDefaults() Limits {
	if l.NewPerDay <= 0 {
		l.NewPerDay = DefaultNewPerDay
	}
	if l.ReviewsPerDay <= 0 {
		l.ReviewsPerDay = DefaultReviewsPerDay
	}
	return l
}

// LoadLimits reads the limits stored as settings, with the defaults for
// those not set.
func LoadLimits(ctx context.Context, st *store.Store) (Limits, error) {
	var l Limits
	for key, dst := range map[string]*int{SettingNewPerDay: &l.NewPerDay, SettingReviewsPerDay: &l.ReviewsPerDay} {
		v, ok, err := st.Setting(ctx, key)
		if err != nil {
			return Limits{}, err
		}
		if !ok {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return Limits{}, fmt.Errorf("setting %s: %q: want a whole number ≥ 1", key, v)
		}
		*dst = n
	}
	return l.withDefaults(), nil
}

// SaveLimits stores l's non-zero fields as settings.
func SaveLimits(ctx context.Context, st *store.Store, l Limits) error {
	for key, v := range map[string]int{SettingNewPerDay: l.NewPerDay, SettingReviewsPerDay: l.ReviewsPerDay} {
		if v > 0 {
			if err := st.SetSetting(ctx, key, strconv.Itoa(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Plan is a day's queue of scheduled cards and the counts behind it.
type Plan struct {
	// Queue is what is due now: cards due (oldest first; a card in a
	// learning step counts from 20 minutes ahead) within the review
	// limit, then new cards within the new-card quota.
	Queue []Item
	// NewQuota is how many new cards may still be introduced today: the
	// limit minus those already introduced, raised by --until so that
	// every card is seen before the deadline.
	NewQuota int
	// ReviewQuota is how many reviews are left under the daily limit.
	ReviewQuota int
	// Unseen is how many cards in scope were never reviewed.
	Unseen int
	// DueByState counts Queue by state.
	DueByState map[State]int
}

// PlanDay builds the day's queue for cards (in deck order) from their
// stored states, given what was already reviewed today.
//
// With a deadline, the new-card quota is at least the unseen cards
// divided by the days left before it, rounded up, so that studying every
// day shows every card at least once before the interview.
func PlanDay(cards []Card, states map[string]store.CardState, today store.ReviewCounts, limits Limits, deadline, now time.Time) Plan {
	limits = limits.withDefaults()
	p := Plan{DueByState: map[State]int{}}
	var due, unseen []Item
	for _, c := range cards {
		st, ok := states[c.ID]
		switch {
		case !ok:
			unseen = append(unseen, Item{Card: c, State: store.CardState{ID: c.ID}})
		case st.RetiredAt.IsZero() && !st.Due.After(dueBy(st, now)):
			due = append(due, Item{Card: c, State: st})
		}
	}
	p.Unseen = len(unseen)
	slices.SortStableFunc(due, func(a, b Item) int { return cmp.Compare(a.State.Due.UnixMilli(), b.State.Due.UnixMilli()) })
	newLimit := limits.NewPerDay
	if !deadline.IsZero() {
		days := int(deadline.Sub(StartOfDay(now)).Hours() / 24)
		newLimit = max(newLimit, (len(unseen)+max(days, 1)-1)/max(days, 1))
	}
	p.NewQuota = max(0, newLimit-today.New)
	p.ReviewQuota = max(0, limits.ReviewsPerDay-today.Review)
	p.Queue = append(due[:min(len(due), p.ReviewQuota)], unseen[:min(len(unseen), p.NewQuota)]...)
	for _, it := range p.Queue {
		p.DueByState[State(it.State.State)]++
	}
	return p
}

// dueBy is the latest due time at which st counts as due now: now, or
// for a card in a learning step (minutes apart) now plus learnAhead, so
// that a session reopened soon after another finishes its steps.
func dueBy(st store.CardState, now time.Time) time.Time {
	if s := State(st.State); s == StateLearning || s == StateRelearning {
		return now.Add(learnAhead)
	}
	return now
}

// StartOfDay is midnight at the start of t's day in t's location.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Summary is a session's tally.
type Summary struct {
	// Reviewed counts ratings given; Again those rated Again.
	Reviewed int `json:"reviewed"`
	Again    int `json:"again"`
	// Time is the time spent looking at cards before rating them.
	Time time.Duration `json:"-"`
	// NextDue is the earliest due date of a seen card in scope; zero
	// when no card has been seen.
	NextDue time.Time `json:"next_due,omitzero"`
}

// AgainRate is the share of ratings that were Again, 0 when none.
func (s Summary) AgainRate() float64 {
	if s.Reviewed == 0 {
		return 0
	}
	return float64(s.Again) / float64(s.Reviewed)
}

// add counts one rating (sign 1) or takes one back (sign -1).
func (s *Summary) add(r Rating, d time.Duration, sign int) {
	s.Reviewed += sign
	if r == Again {
		s.Again += sign
	}
	s.Time += d
}
