package drills

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/sdprep/sdprep/internal/store"
)

// statsFixture fills a store with a known history: card reviews 4, 2 and
// 1 days ago, quiz answers and estimation drills today.
func statsFixture(t *testing.T) (*store.Store, []Card, time.Time) {
	t.Helper()
	ctx := context.Background()
	st := openStore(t)
	deck := fixtureDeck()
	now := time.Date(2026, 12, 4, 18, 0, 0, 0, time.UTC)
	clk := &clock{}
	for day, back := range []int{4, 2, 1} {
		clk.t = StartOfDay(now).AddDate(0, 0, -back).Add(9 * time.Hour)
		s, err := NewSession(ctx, st, deck[:12], SessionOptions{Now: clk.Now, Limits: Limits{NewPerDay: 3 + day}})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; ; i++ {
			if _, ok := s.Current(); !ok {
				break
			}
			r := Good
			if i%4 == 1 {
				r = Again
			}
			if err := s.Rate(ctx, r); err != nil {
				t.Fatal(err)
			}
			clk.Advance(11 * time.Minute)
		}
	}
	quiz := []struct {
		topics  []string
		correct bool
	}{{[]string{"cap-theorem"}, true}, {[]string{"cap-theorem", "pacelc"}, false}, {[]string{"caching"}, true}, {[]string{"cap-theorem"}, true}}
	for i, q := range quiz {
		if _, err := st.RecordQuizAttempt(ctx, store.QuizAttempt{QuestionID: "q", Topics: q.topics, Correct: q.correct, AnsweredAt: now.Add(-time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []struct {
		q             string
		answer, truth float64
	}{{"write_qps", 2300, 2314}, {"write_qps", 500, 2314}, {"storage", 9e15, 7e15}} {
		err := math.Abs(math.Log10(e.answer / e.truth))
		if _, rerr := st.RecordEstimationAttempt(ctx, store.EstimationAttempt{Quantity: e.q, Answer: e.answer, Truth: e.truth, Error: err, Grade: "graded", AnsweredAt: now}); rerr != nil {
			t.Fatal(rerr)
		}
	}
	// Two finished mocks (coverage 50% and 70%) and one interrupted; trade-offs
	// is the weakest line: (2+1)/2 = 1.5.
	for i, m := range []struct {
		finished bool
		coverage float64
		state    string
	}{{true, 0.5, `{"rubric":[3,3,3,3,2,4]}`}, {true, 0.7, `{"rubric":[4,3,2,3,1,0]}`}, {false, 0.1, `{"rubric":[0,0,0,0,0,0]}`}} {
		if _, err := st.SaveMock(ctx, store.MockSession{ID: fmt.Sprintf("m%d", i), Problem: "twitter", StartedAt: now, UpdatedAt: now,
			Finished: m.finished, Coverage: m.coverage, State: json.RawMessage(m.state)}); err != nil {
			t.Fatal(err)
		}
	}
	return st, deck, now
}

// fixtureDeck is a fixed deck of 20 cards over five topics, so that the
// golden reports do not change with the content library.
func fixtureDeck() []Card {
	var deck []Card
	for _, topic := range []string{"caching", "cap-theorem", "quorum", "replication", "sharding"} {
		for _, k := range []Kind{KindWhat, KindTradeoff, KindWhen, KindLatency} {
			deck = append(deck, Card{ID: "topic:" + topic + ":" + string(k), Topic: topic, Kind: k, Front: "q", Back: "a"})
		}
	}
	return deck
}

func TestComputeStats(t *testing.T) {
	st, deck, now := statsFixture(t)
	s, err := ComputeStats(context.Background(), st, deck, now)
	if err != nil {
		t.Fatal(err)
	}
	if s.Cards.Total != len(deck) || s.Cards.Seen == 0 || s.Cards.Seen > 12 {
		t.Errorf("cards = %+v", s.Cards)
	}
	if s.StreakDays != 3 {
		t.Errorf("streak = %d; want 3 (reviews 2 and 1 days ago, quizzes today)", s.StreakDays)
	}
	if s.Reviews.Total == 0 || s.Reviews.Again == 0 || s.Reviews.Retention != float64(s.Reviews.Total-s.Reviews.Again)/float64(s.Reviews.Total) {
		t.Errorf("reviews = %+v", s.Reviews)
	}
	if len(s.Heatmap) != HeatmapDays || s.Heatmap[HeatmapDays-1].Date != "2026-12-04" || s.Heatmap[HeatmapDays-4].Reviews != 0 || s.Heatmap[HeatmapDays-1].Reviews != 0 {
		t.Errorf("heatmap ends %+v", s.Heatmap[HeatmapDays-5:])
	}
	sum := 0
	for _, d := range s.Heatmap {
		sum += d.Reviews
	}
	if sum != s.Reviews.Total {
		t.Errorf("heatmap holds %d reviews of %d", sum, s.Reviews.Total)
	}
	if s.Quiz != (QuizStats{Answered: 4, Correct: 3, Accuracy: 0.75}) {
		t.Errorf("quiz = %+v", s.Quiz)
	}
	for _, ts := range s.Topics {
		if ts.Topic == "cap-theorem" && (ts.QuizAnswered != 3 || ts.QuizCorrect != 2) {
			t.Errorf("cap-theorem = %+v; want 2 of 3", ts)
		}
	}
	if e := s.Estimation; e.Attempts != 3 || e.Passed != 2 || len(e.ByQuantity) != 2 || e.ByQuantity[1].Quantity != "write_qps" || e.ByQuantity[1].Passed != 1 {
		t.Errorf("estimation = %+v", e)
	}
}

func TestStatsReports(t *testing.T) {
	st, deck, now := statsFixture(t)
	s, err := ComputeStats(context.Background(), st, deck, now)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("text", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteStatsText(&b, s); err != nil {
			t.Fatal(err)
		}
		golden.RequireEqual(t, b.Bytes())
	})
	t.Run("markdown", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteStatsMarkdown(&b, s); err != nil {
			t.Fatal(err)
		}
		golden.RequireEqual(t, b.Bytes())
	})
	t.Run("json", func(t *testing.T) {
		j, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden.RequireEqual(t, j)
	})
}

func TestStatsOfEmptyStore(t *testing.T) {
	s, err := ComputeStats(context.Background(), openStore(t), fixtureDeck(), newClock().Now())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteStatsText(&b, s); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
	j, _ := json.Marshal(s)
	if bytes.Contains(j, []byte("null")) {
		t.Errorf("empty stats JSON has nulls: %s", j)
	}
}

func TestStreakCountsFromYesterdayUntilTodayIsActive(t *testing.T) {
	now := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	day := func(back int) time.Time { return now.AddDate(0, 0, -back) }
	if got := streak([]time.Time{day(1), day(2), day(4)}, now); got != 2 {
		t.Errorf("streak = %d; want 2 (today not yet active)", got)
	}
	if got := streak([]time.Time{day(0), day(1), day(2), day(4)}, now); got != 3 {
		t.Errorf("streak = %d; want 3", got)
	}
	if got := streak([]time.Time{day(2)}, now); got != 0 {
		t.Errorf("streak = %d; want 0 after a missed day", got)
	}
}

func TestHeatmapStripAndBar(t *testing.T) {
	days := []DayCount{{Reviews: 0}, {Reviews: 1}, {Reviews: 6}, {Reviews: 11}, {Reviews: 20}}
	if got := HeatmapStrip(days); got != "·░▒▓█" {
		t.Errorf("HeatmapStrip = %q", got)
	}
	if got := Bar(0.5, 4); got != "██░░" {
		t.Errorf("Bar(0.5, 4) = %q", got)
	}
	if got := Bar(1.7, 2); got != "██" {
		t.Errorf("Bar(1.7, 2) = %q", got)
	}
}
