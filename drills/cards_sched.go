package drills

import (
	"fmt"
	"math"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
	"github.com/sdprep/sdprep/internal/store"
)

// Rating is the answer to a card, on keys 1–4.
type Rating int

// Ratings, as FSRS defines them.
const (
	Again Rating = Rating(fsrs.Again)
	Hard  Rating = Rating(fsrs.Hard)
	Good  Rating = Rating(fsrs.Good)
	Easy  Rating = Rating(fsrs.Easy)
)

// Ratings lists the four ratings in key order.
var Ratings = [4]Rating{Again, Hard, Good, Easy}

// String is the button label: "Again", "Hard", "Good", "Easy".
func (r Rating) String() string { return fsrs.Rating(r).String() }

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= Again && r <= Easy }

// State is a card's FSRS state.
type State int

// Card states, as FSRS defines them.
const (
	StateNew        State = State(fsrs.New)
	StateLearning   State = State(fsrs.Learning)
	StateReview     State = State(fsrs.Review)
	StateRelearning State = State(fsrs.Relearning)
)

// String is the state's JSON name: "new", "learning", "review", "relearning".
func (s State) String() string {
	switch s {
	case StateNew:
		return "new"
	case StateLearning:
		return "learning"
	case StateReview:
		return "review"
	case StateRelearning:
		return "relearning"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

// Scheduler wraps FSRS (go-fsrs v3, default parameters, no fuzz, so the
// same history always gives the same schedule) and the --until deadline.
// The zero value schedules with no deadline.
type Scheduler struct {
	// Deadline, when set, is the interview date (the start of that day):
	// a due date that would fall on or after it is moved to the day
	// before, or to the deadline itself when that day has come.
	Deadline time.Time
}

// Outcome is what one rating would do to a card.
type Outcome struct {
	Rating Rating
	// Next is the card's schedule after the rating.
	Next store.CardState
	// Interval is from now to Next.Due.
	Interval time.Duration
	// Log is the review log entry FSRS writes for the rating.
	Log store.Review
}

// Preview returns the outcome of each rating, in key order, for card st
// (the zero CardState with an ID for a new card) reviewed at now.
func (s Scheduler) Preview(st store.CardState, now time.Time) [4]Outcome {
	f := fsrs.NewFSRS(params()) // a fresh copy: go-fsrs writes a seed into its parameters
	logs := f.Repeat(toFSRS(st), now)
	var out [4]Outcome
	for i, r := range Ratings {
		info := logs[fsrs.Rating(r)]
		next := fromFSRS(st.ID, info.Card)
		next.Due = s.clamp(next.Due, now)
		next.ScheduledDays = max(0, int64(math.Round(next.Due.Sub(now).Hours()/24)))
		out[i] = Outcome{
			Rating: r, Next: next, Interval: next.Due.Sub(now),
			Log: store.Review{
				CardID: st.ID, Rating: int(r), State: int(info.ReviewLog.State),
				ElapsedDays: int64(info.ReviewLog.ElapsedDays), ScheduledDays: int64(info.ReviewLog.ScheduledDays),
				ReviewedAt: now,
			},
		}
	}
	return out
}

// clamp applies the deadline to a due date.
func (s Scheduler) clamp(due, now time.Time) time.Time {
	if s.Deadline.IsZero() || due.Before(s.Deadline) {
		return due
	}
	if dayBefore := s.Deadline.AddDate(0, 0, -1); dayBefore.After(now) {
		return dayBefore
	}
	return s.Deadline
}

// Retrievability is FSRS's estimate of the chance to recall st at now;
// 0 for a new card.
func Retrievability(st store.CardState, now time.Time) float64 {
	return fsrs.NewFSRS(params()).GetRetrievability(toFSRS(st), now)
}

func params() fsrs.Parameters {
	p := fsrs.DefaultParam()
	p.EnableFuzz = false
	return p
}

func toFSRS(st store.CardState) fsrs.Card {
	return fsrs.Card{
		Due: st.Due, Stability: st.Stability, Difficulty: st.Difficulty,
		ElapsedDays: uint64(st.ElapsedDays), ScheduledDays: uint64(st.ScheduledDays),
		Reps: uint64(st.Reps), Lapses: uint64(st.Lapses), State: fsrs.State(st.State), LastReview: st.LastReview,
	}
}

func fromFSRS(id string, c fsrs.Card) store.CardState {
	return store.CardState{
		ID: id, Due: c.Due.UTC(), Stability: c.Stability, Difficulty: c.Difficulty,
		ElapsedDays: int64(c.ElapsedDays), ScheduledDays: int64(c.ScheduledDays),
		Reps: int64(c.Reps), Lapses: int64(c.Lapses), State: int(c.State), LastReview: c.LastReview.UTC(),
	}
}

// FormatInterval renders a scheduling interval the way the rating
// buttons show it: "1m", "10m", "5h", "3d", "2.5mo", "1.2y".
func FormatInterval(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(math.Round(d.Minutes())))
	case d < day:
		return fmt.Sprintf("%dh", int(math.Round(d.Hours())))
	case d < 30*day:
		return fmt.Sprintf("%dd", int(math.Round(d.Hours()/24)))
	case d < 365*day:
		return trimFloat(d.Hours()/24/30) + "mo"
	}
	return trimFloat(d.Hours()/24/365) + "y"
}

// trimFloat prints one decimal and drops a trailing ".0".
func trimFloat(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
