package content

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func quizBank(t testing.TB) *QuizBank {
	t.Helper()
	b, err := DefaultQuizzes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEmbeddedQuizzesAreValid is the quiz validator over the embedded
// banks: every file parses (DefaultQuizzes would fail otherwise) and
// obeys FORMAT.md.
func TestEmbeddedQuizzesAreValid(t *testing.T) {
	for _, err := range ValidateQuizzes(quizBank(t), library(t)) {
		t.Error(err)
	}
}

// TestEmbeddedQuizzesVaryTheAnswerPosition guards against a bank where the
// right answer is nearly always in the same place: every position from 1
// to 4 holds at least a tenth of the correct answers of the questions
// long enough to have it.
func TestEmbeddedQuizzesVaryTheAnswerPosition(t *testing.T) {
	b := quizBank(t)
	for pos := range 4 {
		have, eligible := 0, 0
		for _, q := range b.Questions() {
			if len(q.Options) > pos {
				eligible++
				if q.Options[pos].Correct {
					have++
				}
			}
		}
		if have*10 < eligible {
			t.Errorf("option %d is correct in %d of %d questions; spread the right answers", pos+1, have, eligible)
		}
	}
}

func TestQuizTopicFilterResolvesAliases(t *testing.T) {
	b, lib := quizBank(t), library(t)
	for _, name := range []string{"cap", "caching", "cache", "CAP theorem"} {
		tp, ok := lib.Topic(name)
		if !ok {
			t.Fatalf("%q resolves to no topic", name)
		}
		qs := b.ForTopic(tp.ID)
		if len(qs) == 0 {
			t.Errorf("topic %q (%s) has no questions", name, tp.ID)
		}
		for _, q := range qs {
			if !slices.Contains(q.Topics, tp.ID) {
				t.Errorf("%s is listed for %s but drills %v", q.ID, tp.ID, q.Topics)
			}
		}
	}
}

const sampleBank = `
## ledger-partition
topics: [cap-theorem, consistency-models]

A bank replicates balances across two sites.
The link between them fails.

What should the minority site do?

- [ ] Keep accepting withdrawals.
  Wrong: both sides could spend the same money.
- [x] Refuse writes until the
      link heals.
  Right: it gives up availability
  to keep one balance.
- [ ] Nothing changes.
  Wrong: the sites cannot agree without the link.

## second
topics: [caching]

Stem.

- [ ] A
  a
- [ ] B
  b
- [X] C
  c
`

func TestParseQuiz(t *testing.T) {
	qs, err := ParseQuiz("quizzes/sample.md", []byte(sampleBank))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 {
		t.Fatalf("got %d questions, want 2", len(qs))
	}
	q := qs[0]
	want := &Question{
		ID:     "ledger-partition",
		Topics: []string{"cap-theorem", "consistency-models"},
		Stem:   "A bank replicates balances across two sites. The link between them fails.\n\nWhat should the minority site do?",
		Options: []Option{
			{Text: "Keep accepting withdrawals.", Explanation: "Wrong: both sides could spend the same money."},
			{Text: "Refuse writes until the link heals.", Correct: true, Explanation: "Right: it gives up availability to keep one balance."},
			{Text: "Nothing changes.", Explanation: "Wrong: the sites cannot agree without the link."},
		},
		File: "quizzes/sample.md",
		Line: 2,
	}
	gotJSON, _ := json.Marshal(q)
	wantJSON, _ := json.Marshal(want)
	if string(gotJSON) != string(wantJSON) || q.File != want.File || q.Line != want.Line {
		t.Errorf("got  %s (%s:%d)\nwant %s (%s:%d)", gotJSON, q.File, q.Line, wantJSON, want.File, want.Line)
	}
	if q.Area() != "sample" || !q.IsCorrect(1) || q.IsCorrect(0) || q.IsCorrect(3) || q.IsCorrect(-1) {
		t.Errorf("Area/IsCorrect wrong for %+v", q)
	}
	if !qs[1].Options[2].Correct || qs[1].Line != 19 {
		t.Errorf("second question: %+v", qs[1])
	}
}

func TestQuizJSONKeys(t *testing.T) {
	qs, err := ParseQuiz("quizzes/sample.md", []byte(sampleBank))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(qs[0])
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})
	if want := []string{"id", "options", "stem", "topics"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	opt := m["options"].([]any)[0].(map[string]any)
	if _, ok := opt["correct"].(bool); !ok || len(opt) != 3 {
		t.Errorf("option JSON %v: want text, correct (a bool) and explanation", opt)
	}
}

func TestParseQuizErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		want      string
	}{
		{"preamble", "# Caching\n## a\n", 1, "text before the first question"},
		{"no id", "## \n", 1, "needs an id"},
		{"no topics", "## a\nstem\n", 2, "topics:"},
		{"empty question", "## a\n\n", 1, "has no"},
		{"bad list", "## a\ntopics: [x\n", 2, "not closed"},
		{"bad marker", "## a\ntopics: [x]\nstem\n- [v] no\n", 4, "option starts with"},
		{"heading inside", "## a\ntopics: [x]\nstem\n### sub\n", 4, "heading"},
		{"text after options", "## a\ntopics: [x]\nstem\n- [x] one\n  why\nstray\n", 6, "after the options"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseQuiz("quizzes/x.md", []byte(tc.src))
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrSyntax) {
				t.Fatalf("got %v, want an *Error of kind ErrSyntax", err)
			}
			if e.Line != tc.line || !strings.Contains(e.Reason, tc.want) || e.File != "quizzes/x.md" {
				t.Errorf("got %v, want line %d mentioning %q", err, tc.line, tc.want)
			}
		})
	}
}

func TestValidateQuizzes(t *testing.T) {
	lib := library(t)
	option := func(text string, correct bool) string {
		mark := markWrong
		if correct {
			mark = markCorrect
		}
		return mark + text + "\n  because " + text + "\n"
	}
	good := option("a", true) + option("b", false) + option("c", false)
	for _, tc := range []struct {
		name, src string
		kind      error
		want      string
	}{
		{"valid", "## ok\ntopics: [caching]\nstem\n" + good, nil, ""},
		{"duplicate id", "## ok\ntopics: [caching]\nstem\n" + good + "## ok\ntopics: [caching]\nstem\n" + good, ErrDuplicate, "already used at quizzes/x.md:1"},
		{"not kebab", "## Not_Kebab\ntopics: [caching]\nstem\n" + good, ErrInvalidValue, "kebab"},
		{"unknown topic", "## ok\ntopics: [cachin]\nstem\n" + good, ErrUnresolved, `"cachin" names no topic`},
		{"alias topic", "## ok\ntopics: [cap]\nstem\n" + good, ErrInvalidValue, `write the id "cap-theorem"`},
		{"no topics", "## ok\ntopics: []\nstem\n" + good, ErrMissingKey, "topics is empty"},
		{"twice", "## ok\ntopics: [caching, caching]\nstem\n" + good, ErrDuplicate, "listed twice"},
		{"no stem", "## ok\ntopics: [caching]\n" + good, ErrMissingSection, "stem"},
		{"two options", "## ok\ntopics: [caching]\nstem\n" + option("a", true) + option("b", false), ErrInvalidValue, "has 2 options; 3 to 5"},
		{"six options", "## ok\ntopics: [caching]\nstem\n" + good + option("d", false) + option("e", false) + option("f", false), ErrInvalidValue, "has 6 options"},
		{"none correct", "## ok\ntopics: [caching]\nstem\n" + option("a", false) + option("b", false) + option("c", false), ErrInvalidValue, "no option is marked correct"},
		{"all correct", "## ok\ntopics: [caching]\nstem\n" + option("a", true) + option("b", true) + option("c", true), ErrInvalidValue, "every option"},
		{"unexplained", "## ok\ntopics: [caching]\nstem\n" + good + "- [ ] d\n", ErrMissingKey, `option 4 ("d") has no explanation`},
		{"repeated text", "## ok\ntopics: [caching]\nstem\n" + good + option("A", false), ErrDuplicate, "option 4 repeats"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := LoadQuizzes(fstest.MapFS{"quizzes/x.md": {Data: []byte(tc.src)}})
			if err != nil {
				t.Fatal(err)
			}
			errs := ValidateQuizzes(b, lib)
			if tc.kind == nil {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("got %d errors %v, want one", len(errs), errs)
			}
			if !errors.Is(errs[0], tc.kind) || !strings.Contains(errs[0].Error(), tc.want) || !strings.HasPrefix(errs[0].Error(), "quizzes/x.md:") {
				t.Errorf("got %v, want %v mentioning %q", errs[0], tc.kind, tc.want)
			}
		})
	}
}

func TestLoadQuizzesReportsEveryBadFile(t *testing.T) {
	_, err := LoadQuizzes(fstest.MapFS{
		"quizzes/a.md": {Data: []byte("intro\n")},
		"quizzes/b.md": {Data: []byte("## x\n")},
		"quizzes/c.md": {Data: []byte("## ok\ntopics: [caching]\nstem\n- [x] a\n  a\n")},
	})
	if err == nil || !strings.Contains(err.Error(), "quizzes/a.md:1") || !strings.Contains(err.Error(), "quizzes/b.md:1") {
		t.Errorf("got %v, want errors naming a.md and b.md", err)
	}
}

func TestQuizBankLookups(t *testing.T) {
	b, err := LoadQuizzes(fstest.MapFS{"quizzes/sample.md": {Data: []byte(sampleBank)}})
	if err != nil {
		t.Fatal(err)
	}
	if q, ok := b.Question("second"); !ok || q.ID != "second" {
		t.Errorf("Question(second) = %v, %v", q, ok)
	}
	if _, ok := b.Question("nope"); ok {
		t.Error("Question(nope) found something")
	}
	if got := b.ForTopic("consistency-models"); len(got) != 1 || got[0].ID != "ledger-partition" {
		t.Errorf("ForTopic(consistency-models) = %v", got)
	}
	if got := b.ForTopic("sharding"); got != nil {
		t.Errorf("ForTopic(sharding) = %v, want nil", got)
	}
	if got := b.Areas(); !slices.Equal(got, []AreaCount{{"sample", 2}}) || b.Len() != 2 {
		t.Errorf("Areas() = %v, Len() = %d", got, b.Len())
	}
}

// FuzzParseQuiz checks that ParseQuiz never panics and that whatever it
// accepts keeps its shape: ids and option texts present, stems trimmed.
func FuzzParseQuiz(f *testing.F) {
	f.Add([]byte(sampleBank))
	f.Add([]byte("## a\ntopics: [b]\n- [x] c\n  d\n- [ ]\n"))
	f.Add([]byte("\xef\xbb\xbf## a\r\ntopics: []\r\n\r\n- [X] y\r\n\tz\r\n"))
	f.Add([]byte("##\n"))
	f.Add([]byte("- [x] \n## a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseQuiz("quizzes/f.md", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Fatalf("error %v is not an *Error with a line", err)
			}
			return
		}
		for _, q := range qs {
			if q.ID == "" || q.Line < 1 || q.Topics == nil {
				t.Fatalf("question %+v lacks an id, line or topics", q)
			}
			if q.Stem != strings.TrimSpace(q.Stem) {
				t.Fatalf("stem %q is not trimmed", q.Stem)
			}
			for _, o := range q.Options {
				if o.Text == "" {
					t.Fatalf("option with empty text in %+v", q)
				}
			}
		}
	})
}

// BenchmarkLoadQuizzes measures parsing every embedded bank.
func BenchmarkLoadQuizzes(b *testing.B) {
	for b.Loop() {
		if _, err := LoadQuizzes(QuizFS()); err != nil {
			b.Fatal(err)
		}
	}
}
