package drills

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"github.com/sdprep/sdprep/internal/store"
)

// HeatmapDays is how many days the review heatmap covers.
const HeatmapDays = 30

// passError is the largest |log10(answer/truth)| that passes an
// estimation drill: within 2×.
var passError = math.Log10(2)

// Stats is the progress report of `sdprep stats`.
type Stats struct {
	// GeneratedAt is the clock's time when the report was made.
	GeneratedAt time.Time `json:"generated_at"`
	Cards       CardStats `json:"cards"`
	Reviews     Reviews   `json:"reviews"`
	// StreakDays counts consecutive days, ending today (or yesterday when
	// today has no activity yet), with any review, quiz answer or drill.
	StreakDays int `json:"streak_days"`
	// Heatmap is the review count of each of the last HeatmapDays days,
	// oldest first, ending today.
	Heatmap    []DayCount      `json:"heatmap"`
	Topics     []TopicStats    `json:"topics"`
	Quiz       QuizStats       `json:"quiz"`
	Estimation EstimationStats `json:"estimation"`
	Mock       MockStats       `json:"mock"`
}

// CardStats counts flashcards.
type CardStats struct {
	// Total is the cards in the deck; Seen those reviewed at least once;
	// Retired stored cards whose source is gone.
	Total   int `json:"total"`
	Seen    int `json:"seen"`
	Retired int `json:"retired"`
	// DueToday counts seen cards due by the end of today, overdue ones
	// included; DueWeek by the end of the seventh day from today.
	DueToday int `json:"due_today"`
	DueWeek  int `json:"due_week"`
	// ByState counts the deck's cards by FSRS state.
	ByState map[string]int `json:"by_state"`
}

// Reviews summarises the review log.
type Reviews struct {
	Total int `json:"total"`
	Again int `json:"again"`
	// Retention is the share of reviews not rated Again (0 to 1); 0 when
	// there are none.
	Retention float64 `json:"retention"`
}

// DayCount is the number of reviews on one day.
type DayCount struct {
	Date    string `json:"date"` // YYYY-MM-DD in the clock's time zone
	Reviews int    `json:"reviews"`
}

// TopicStats is one topic's line: its cards and its quiz answers.
type TopicStats struct {
	Topic        string  `json:"topic"`
	Cards        int     `json:"cards"`
	CardsSeen    int     `json:"cards_seen"`
	QuizAnswered int     `json:"quiz_answered"`
	QuizCorrect  int     `json:"quiz_correct"`
	QuizAccuracy float64 `json:"quiz_accuracy"` // 0 to 1; 0 with no answers
}

// QuizStats totals the quiz answers.
type QuizStats struct {
	Answered int     `json:"answered"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

// EstimationStats totals the estimation drills, by quantity asked.
type EstimationStats struct {
	Attempts   int             `json:"attempts"`
	Passed     int             `json:"passed"`
	Accuracy   float64         `json:"accuracy"`
	ByQuantity []QuantityStats `json:"by_quantity"`
}

// QuantityStats is one quantity's drills. Passed counts answers within
// 2× of the truth; MeanError is the mean |log10(answer/truth)|.
type QuantityStats struct {
	Quantity  string  `json:"quantity"`
	Attempts  int     `json:"attempts"`
	Passed    int     `json:"passed"`
	Accuracy  float64 `json:"accuracy"`
	MeanError float64 `json:"mean_error"`
}

// ComputeStats reads everything from st and reports on deck at now (in
// now's time zone).
func ComputeStats(ctx context.Context, st *store.Store, deck []Card, now time.Time) (*Stats, error) {
	cards, err := st.Cards(ctx)
	if err != nil {
		return nil, err
	}
	reviews, err := st.Reviews(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	quiz, err := st.QuizAttempts(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	est, err := st.EstimationAttempts(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	mocks, err := st.MockSessions(ctx)
	if err != nil {
		return nil, err
	}
	s := &Stats{GeneratedAt: now, Mock: mockStats(mocks)}
	states := map[string]store.CardState{}
	for _, c := range cards {
		states[c.ID] = c
		if !c.RetiredAt.IsZero() {
			s.Cards.Retired++
		}
	}
	s.Cards = cardStats(deck, states, now, s.Cards.Retired)
	var days []time.Time
	for _, r := range reviews {
		s.Reviews.Total++
		if Rating(r.Rating) == Again {
			s.Reviews.Again++
		}
		days = append(days, r.ReviewedAt)
	}
	s.Reviews.Retention = ratio(s.Reviews.Total-s.Reviews.Again, s.Reviews.Total)
	s.Heatmap = heatmap(days, now)
	for _, a := range quiz {
		days = append(days, a.AnsweredAt)
	}
	for _, a := range est {
		days = append(days, a.AnsweredAt)
	}
	s.StreakDays = streak(days, now)
	s.Topics, s.Quiz = topicStats(deck, states, quiz)
	s.Estimation = estimationStats(est)
	return s, nil
}

func cardStats(deck []Card, states map[string]store.CardState, now time.Time, retired int) CardStats {
	cs := CardStats{Total: len(deck), Retired: retired, ByState: map[string]int{}}
	for _, s := range []State{StateNew, StateLearning, StateReview, StateRelearning} {
		cs.ByState[s.String()] = 0
	}
	endToday := StartOfDay(now).AddDate(0, 0, 1)
	endWeek := endToday.AddDate(0, 0, 7)
	for _, c := range deck {
		st, ok := states[c.ID]
		if !ok {
			cs.ByState[StateNew.String()]++
			continue
		}
		cs.Seen++
		cs.ByState[State(st.State).String()]++
		if st.Due.Before(endToday) {
			cs.DueToday++
		}
		if st.Due.Before(endWeek) {
			cs.DueWeek++
		}
	}
	return cs
}

// heatmap counts times per day over the HeatmapDays days ending on now's day.
func heatmap(times []time.Time, now time.Time) []DayCount {
	first := StartOfDay(now).AddDate(0, 0, 1-HeatmapDays)
	out := make([]DayCount, HeatmapDays)
	index := map[string]int{}
	for i := range out {
		d := first.AddDate(0, 0, i)
		out[i].Date = d.Format(time.DateOnly)
		index[out[i].Date] = i
	}
	for _, t := range times {
		if i, ok := index[t.In(now.Location()).Format(time.DateOnly)]; ok {
			out[i].Reviews++
		}
	}
	return out
}

// streak counts consecutive active days back from today, or from
// yesterday when today has no activity yet.
func streak(times []time.Time, now time.Time) int {
	active := map[string]bool{}
	for _, t := range times {
		active[t.In(now.Location()).Format(time.DateOnly)] = true
	}
	day := StartOfDay(now)
	if !active[day.Format(time.DateOnly)] {
		day = day.AddDate(0, 0, -1)
	}
	n := 0
	for active[day.Format(time.DateOnly)] {
		n++
		day = day.AddDate(0, 0, -1)
	}
	return n
}

// topicStats lists the topics with cards seen or quiz answers, by topic id.
func topicStats(deck []Card, states map[string]store.CardState, quiz []store.QuizAttempt) ([]TopicStats, QuizStats) {
	by := map[string]*TopicStats{}
	get := func(id string) *TopicStats {
		if by[id] == nil {
			by[id] = &TopicStats{Topic: id}
		}
		return by[id]
	}
	for _, c := range deck {
		t := get(c.Topic)
		t.Cards++
		if _, ok := states[c.ID]; ok {
			t.CardsSeen++
		}
	}
	var qs QuizStats
	for _, a := range quiz {
		qs.Answered++
		if a.Correct {
			qs.Correct++
		}
		for _, id := range a.Topics {
			t := get(id)
			t.QuizAnswered++
			if a.Correct {
				t.QuizCorrect++
			}
		}
	}
	qs.Accuracy = ratio(qs.Correct, qs.Answered)
	out := []TopicStats{}
	for _, t := range by {
		if t.CardsSeen == 0 && t.QuizAnswered == 0 {
			continue
		}
		t.QuizAccuracy = ratio(t.QuizCorrect, t.QuizAnswered)
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b TopicStats) int { return cmp.Compare(a.Topic, b.Topic) })
	return out, qs
}

func estimationStats(attempts []store.EstimationAttempt) EstimationStats {
	var es EstimationStats
	by := map[string]*QuantityStats{}
	for _, a := range attempts {
		q := by[a.Quantity]
		if q == nil {
			q = &QuantityStats{Quantity: a.Quantity}
			by[a.Quantity] = q
		}
		q.Attempts++
		q.MeanError += a.Error
		es.Attempts++
		if a.Error <= passError {
			q.Passed++
			es.Passed++
		}
	}
	for _, q := range by {
		q.Accuracy = ratio(q.Passed, q.Attempts)
		q.MeanError /= float64(q.Attempts)
		es.ByQuantity = append(es.ByQuantity, *q)
	}
	slices.SortFunc(es.ByQuantity, func(a, b QuantityStats) int { return cmp.Compare(a.Quantity, b.Quantity) })
	es.Accuracy = ratio(es.Passed, es.Attempts)
	if es.ByQuantity == nil {
		es.ByQuantity = []QuantityStats{}
	}
	return es
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}
