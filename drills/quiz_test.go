package drills

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/content"
)

// t0 is the fixed instant quiz tests start at.
var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// testQuestions builds n questions q0…q(n-1) with three options each;
// option i%3 is the correct one and the topics alternate.
func testQuestions(n int) []*content.Question {
	topics := [][]string{{"caching"}, {"cap-theorem", "quorum"}}
	qs := make([]*content.Question, n)
	for i := range qs {
		q := &content.Question{ID: fmt.Sprintf("q%d", i), Topics: topics[i%2], Stem: fmt.Sprintf("Stem %d?", i)}
		for j := range 3 {
			q.Options = append(q.Options, content.Option{Text: fmt.Sprintf("option %d", j+1), Correct: j == i%3, Explanation: fmt.Sprintf("why %d", j+1)})
		}
		qs[i] = q
	}
	return qs
}

func ids(qs []*content.Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

func TestQuizHistoryOfKeepsTheLatestAttempt(t *testing.T) {
	h := QuizHistoryOf([]QuizAnswer{
		{QuestionID: "a", Correct: true, AnsweredAt: t0.Add(2 * time.Hour)},
		{QuestionID: "a", Correct: false, AnsweredAt: t0},
		{QuestionID: "b", Correct: true, AnsweredAt: t0},
		{QuestionID: "b", Correct: false, AnsweredAt: t0},
	})
	want := QuizHistory{"a": {Correct: true, At: t0.Add(2 * time.Hour)}, "b": {Correct: false, At: t0}}
	if len(h) != len(want) || h["a"] != want["a"] || h["b"] != want["b"] {
		t.Errorf("got %v, want %v", h, want)
	}
}

func TestSelectQuizIsReproducible(t *testing.T) {
	pool := testQuestions(20)
	a := ids(SelectQuiz(pool, 10, 42, nil))
	b := ids(SelectQuiz(pool, 10, 42, nil))
	c := ids(SelectQuiz(pool, 10, 43, nil))
	if !slices.Equal(a, b) {
		t.Errorf("seed 42 gave %v, then %v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("seeds 42 and 43 gave the same quiz %v", a)
	}
	if got := ids(pool); !slices.Equal(got, ids(testQuestions(20))) {
		t.Errorf("SelectQuiz reordered its pool: %v", got)
	}
}

func TestSelectQuizCount(t *testing.T) {
	pool := testQuestions(12)
	for _, tc := range []struct{ count, want int }{{0, 12}, {-1, 12}, {5, 5}, {12, 12}, {50, 12}} {
		if got := SelectQuiz(pool, tc.count, 1, nil); len(got) != tc.want {
			t.Errorf("count %d: got %d questions, want %d", tc.count, len(got), tc.want)
		}
	}
	if got := SelectQuiz(nil, 10, 1, nil); len(got) != 0 {
		t.Errorf("empty pool gave %v", ids(got))
	}
}

// TestSelectQuizBringsMissedQuestionsBack checks the stated rule: missed
// questions first, then new ones, then right ones longest ago first.
func TestSelectQuizBringsMissedQuestionsBack(t *testing.T) {
	pool := testQuestions(10)
	h := QuizHistory{
		"q1": {Correct: false, At: t0},
		"q4": {Correct: false, At: t0.Add(time.Hour)},
		"q7": {Correct: false, At: t0.Add(-time.Hour)},
		"q0": {Correct: true, At: t0.Add(3 * time.Hour)},
		"q2": {Correct: true, At: t0.Add(time.Hour)},
		"q9": {Correct: true, At: t0.Add(2 * time.Hour)},
	}
	missed := []string{"q1", "q4", "q7"}
	fresh := []string{"q3", "q5", "q6", "q8"}
	for seed := range uint64(50) {
		got := ids(SelectQuiz(pool, 3, seed, h))
		if !sameSet(got, missed) {
			t.Fatalf("seed %d, count 3: got %v, want the missed %v", seed, got, missed)
		}
		got = ids(SelectQuiz(pool, 7, seed, h))
		if !sameSet(got, append(slices.Clone(missed), fresh...)) {
			t.Fatalf("seed %d, count 7: got %v, want missed then new", seed, got)
		}
		got = ids(SelectQuiz(pool, 9, seed, h))
		if !sameSet(got, append(append(slices.Clone(missed), fresh...), "q2", "q9")) {
			t.Fatalf("seed %d, count 9: got %v, want the two right answers longest ago (q2, q9)", seed, got)
		}
	}
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestSelectQuizPicksDistinctQuestions is a property test over seeds and
// counts: every pick is from the pool, none twice.
func TestSelectQuizPicksDistinctQuestions(t *testing.T) {
	pool := testQuestions(30)
	h := QuizHistory{"q3": {Correct: false, At: t0}, "q4": {Correct: true, At: t0}}
	for seed := range uint64(200) {
		count := int(seed % 35)
		got := ids(SelectQuiz(pool, count, seed, h))
		seen := map[string]bool{}
		for _, id := range got {
			if seen[id] || !slices.Contains(ids(pool), id) {
				t.Fatalf("seed %d: %v repeats or invents %s", seed, got, id)
			}
			seen[id] = true
		}
		if want := min(len(pool), count); count > 0 && len(got) != want {
			t.Fatalf("seed %d count %d: got %d questions", seed, count, len(got))
		}
	}
}

func TestQuizSession(t *testing.T) {
	qs := testQuestions(3) // correct options: q0 → 0, q1 → 1, q2 → 2
	s := NewQuizSession(qs, t0)
	if s.Len() != 3 || s.Pos() != 0 || s.Over() || s.Current().ID != "q0" {
		t.Fatalf("fresh session: len %d pos %d over %v", s.Len(), s.Pos(), s.Over())
	}
	if err := s.Next(t0); !errors.Is(err, ErrNotAnswered) {
		t.Errorf("Next before answering: %v, want ErrNotAnswered", err)
	}
	if _, err := s.Answer(3, t0); !errors.Is(err, ErrNoSuchOption) {
		t.Errorf("Answer(3): %v, want ErrNoSuchOption", err)
	}
	if _, err := s.Answer(-1, t0); !errors.Is(err, ErrNoSuchOption) {
		t.Errorf("Answer(-1): %v, want ErrNoSuchOption", err)
	}
	a, err := s.Answer(0, t0.Add(20*time.Second))
	if err != nil || !a.Correct || a.QuestionID != "q0" || a.Chosen != 0 || a.Duration != 20*time.Second || !slices.Equal(a.Topics, []string{"caching"}) {
		t.Fatalf("Answer(0) = %+v, %v", a, err)
	}
	if got, ok := s.Answered(); !ok || got.QuestionID != "q0" {
		t.Errorf("Answered() = %+v, %v", got, ok)
	}
	if _, err := s.Answer(1, t0); !errors.Is(err, ErrAlreadyAnswered) {
		t.Errorf("second answer: %v, want ErrAlreadyAnswered", err)
	}
	if err := s.Next(t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Answered(); ok {
		t.Error("a new question reports an answer")
	}
	if a, _ := s.Answer(0, t0.Add(90*time.Second)); a.Correct || a.Duration != 30*time.Second {
		t.Errorf("wrong answer to q1 = %+v", a)
	}
	_ = s.Next(t0.Add(2 * time.Minute))
	_, _ = s.Answer(0, t0.Add(3*time.Minute))
	if err := s.Next(t0.Add(4 * time.Minute)); err != nil || !s.Over() || s.Current() != nil || s.Pos() != 3 {
		t.Fatalf("after the last question: err %v over %v", err, s.Over())
	}
	if _, err := s.Answer(0, t0); !errors.Is(err, ErrQuizOver) {
		t.Errorf("Answer after the end: %v", err)
	}
	if err := s.Next(t0); !errors.Is(err, ErrQuizOver) {
		t.Errorf("Next after the end: %v", err)
	}
	sum := s.Summary()
	want := QuizSummary{Answered: 3, Correct: 1, Missed: []string{"q1", "q2"}, Topics: []TopicMiss{
		{Topic: "cap-theorem", Missed: 1, Learn: "sdprep learn cap-theorem"},
		{Topic: "quorum", Missed: 1, Learn: "sdprep learn quorum"},
		{Topic: "caching", Missed: 1, Learn: "sdprep learn caching"},
	}}
	if fmt.Sprint(sum) != fmt.Sprint(want) || sum.Percent() != 33 || len(s.Answers()) != 3 {
		t.Errorf("summary %+v (%d%%), want %+v (33%%)", sum, sum.Percent(), want)
	}
}

func TestSummarizeQuizOrdersTopicsByMisses(t *testing.T) {
	s := SummarizeQuiz([]QuizAnswer{
		{QuestionID: "a", Topics: []string{"cdn"}},
		{QuestionID: "b", Topics: []string{"caching", "cdn"}},
		{QuestionID: "c", Topics: []string{"caching"}, Correct: true},
		{QuestionID: "d", Topics: []string{"sharding", "caching"}},
	})
	var got []string
	for _, m := range s.Topics {
		got = append(got, fmt.Sprintf("%s:%d", m.Topic, m.Missed))
	}
	if want := []string{"cdn:2", "caching:2", "sharding:1"}; !slices.Equal(got, want) {
		t.Errorf("topics %v, want %v", got, want)
	}
	if empty := SummarizeQuiz(nil); empty.Percent() != 0 || empty.Missed == nil || empty.Topics == nil {
		t.Errorf("empty summary %+v", empty)
	}
}

func TestQuizMarkdown(t *testing.T) {
	qs := testQuestions(2)
	qs[1].Stem = "A *starred* <id> and `code` and [link] and snake_case.\n\nSecond paragraph?"
	golden.RequireEqual(t, []byte(QuizMarkdown("Quiz: 2 questions", qs)))
}

// TestEmbeddedBankSelection runs the selection over the real bank: a
// caching quiz only asks caching questions.
func TestEmbeddedBankSelection(t *testing.T) {
	bank, err := content.DefaultQuizzes()
	if err != nil {
		t.Fatal(err)
	}
	pool := bank.ForTopic("caching")
	got := SelectQuiz(pool, 10, 7, nil)
	if len(got) != 10 {
		t.Fatalf("got %d caching questions, want 10", len(got))
	}
	for _, q := range got {
		if !q.Drills("caching") {
			t.Errorf("%s does not drill caching", q.ID)
		}
	}
}

func TestQuizText(t *testing.T) {
	qs := testQuestions(1)
	qs[0].Stem = "A long stem that has to wrap because it is much longer than the narrow width we print at.\n\nAnd a second paragraph."
	qs[0].Options[1].Explanation = "An explanation long enough to wrap onto a second line under the option."
	golden.RequireEqual(t, []byte(QuizText("Quiz: 1 question", qs, 40)))
}

func TestWrapWordsKeepsLongWordsWhole(t *testing.T) {
	got := wrapWords("  short averyveryverylongword end", 10, "    ")
	if want := "  short\n    averyveryverylongword\n    end"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
