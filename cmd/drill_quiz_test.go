package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui"
)

func TestDrillQuizFlags(t *testing.T) {
	seven := uint64(7)
	zero := uint64(0)
	tests := []struct {
		name string
		args []string
		want DrillQuizOptions
	}{
		{"defaults", nil, DrillQuizOptions{Count: 10}},
		{"topic", []string{"--topic", "cap"}, DrillQuizOptions{Topic: "cap", Count: 10}},
		{"count", []string{"--count", "3"}, DrillQuizOptions{Count: 3}},
		{"count all", []string{"--count", "all"}, DrillQuizOptions{Count: 0}},
		{"count ALL", []string{"--count", "ALL"}, DrillQuizOptions{Count: 0}},
		{"seed", []string{"--seed", "7"}, DrillQuizOptions{Count: 10, Seed: &seven}},
		{"seed zero", []string{"--seed", "0"}, DrillQuizOptions{Count: 10, Seed: &zero}},
		{"json", []string{"--format", "json", "--topic", "caching"}, DrillQuizOptions{Topic: "caching", Count: 10, Format: FormatJSON}},
		{"md", []string{"--format", "md"}, DrillQuizOptions{Count: 10, Format: FormatMarkdown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(t)
			var got *DrillQuizOptions
			c := NewCmdDrillQuiz(f, func(o *DrillQuizOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("run function not called")
			}
			if got.IO != f.IO || got.OpenTUI == nil {
				t.Error("options do not carry the factory's streams and the TUI opener")
			}
			if got.Topic != tt.want.Topic || got.Count != tt.want.Count || got.Format != tt.want.Format ||
				(got.Seed == nil) != (tt.want.Seed == nil) || (got.Seed != nil && *got.Seed != *tt.want.Seed) {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestDrillQuizBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"drill", "quiz", "--topic", "cachng"}, []string{`--topic "cachng"`, "unknown topic", "did you mean caching?"}},
		{[]string{"drill", "quiz", "--topic", "zzqqxx"}, []string{`--topic "zzqqxx"`, "sdprep learn lists all"}},
		{[]string{"drill", "quiz", "--topic", " "}, []string{`--topic " "`, "topic id or alias"}},
		{[]string{"drill", "quiz", "--count", "0"}, []string{`--count "0"`, "1 or more", `"all"`}},
		{[]string{"drill", "quiz", "--count", "abc"}, []string{`--count "abc"`, "whole number"}},
		{[]string{"drill", "quiz", "--count", "-3"}, []string{`--count "-3"`}},
		{[]string{"drill", "quiz", "--seed", "-1"}, []string{`--seed "-1"`, "whole number"}},
		{[]string{"drill", "quiz", "--format", "xml"}, []string{`--format "xml"`, "markdown"}},
		{[]string{"drill", "quiz", "extra"}, []string{"extra"}},
		{[]string{"drill", "quz"}, []string{`unknown drill mode "quz"`, "did you mean quiz?"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantUsageError(t, tt.want, tt.args...)
		})
	}
}

// quizJSON runs sdprep with args and decodes its JSON output.
func quizJSON(t *testing.T, args ...string) []content.Question {
	t.Helper()
	out, errOut, code := run(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var qs []content.Question
	if err := json.Unmarshal([]byte(out), &qs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return qs
}

func TestDrillQuizJSON(t *testing.T) {
	qs := quizJSON(t, "drill", "quiz", "--topic", "cap", "--count", "3", "--format", "json")
	if len(qs) != 3 {
		t.Fatalf("got %d questions, want 3", len(qs))
	}
	for _, q := range qs {
		if !slices.Contains(q.Topics, "cap-theorem") || q.Stem == "" || len(q.Options) < 3 {
			t.Errorf("question %+v is not a complete CAP question", q)
		}
		for _, o := range q.Options {
			if o.Text == "" || o.Explanation == "" {
				t.Errorf("%s: option without text or explanation", q.ID)
			}
		}
	}
	out, _, _ := run(t, "drill", "quiz", "--count", "1", "--format", "json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 1 {
		t.Fatalf("JSON %s: %v", out, err)
	}
	keys := make([]string, 0, len(raw[0]))
	for k := range raw[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"id", "options", "stem", "topics"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}

func TestDrillQuizCountAllAndCaching(t *testing.T) {
	bank, err := content.DefaultQuizzes()
	if err != nil {
		t.Fatal(err)
	}
	if all := quizJSON(t, "drill", "quiz", "--count", "all", "--format", "json"); len(all) != bank.Len() {
		t.Errorf("--count all printed %d questions, want the whole bank of %d", len(all), bank.Len())
	}
	caching := quizJSON(t, "drill", "quiz", "--topic", "cache", "--count", "all", "--format", "json")
	if len(caching) != len(bank.ForTopic("caching")) || len(caching) < 30 {
		t.Errorf("--topic cache printed %d questions, want every caching one (%d)", len(caching), len(bank.ForTopic("caching")))
	}
}

func TestDrillQuizSeedShuffles(t *testing.T) {
	ids := func(args ...string) []string {
		var out []string
		for _, q := range quizJSON(t, append([]string{"drill", "quiz", "--format", "json"}, args...)...) {
			out = append(out, q.ID)
		}
		return out
	}
	plain, again := ids("--count", "5"), ids("--count", "5")
	seeded, seededAgain, other := ids("--seed", "1"), ids("--seed", "1"), ids("--seed", "2")
	if !slices.Equal(plain, again) || !slices.Equal(seeded, seededAgain) {
		t.Errorf("the same flags printed different questions")
	}
	if slices.Equal(seeded, other) || slices.Equal(plain, seeded[:5]) {
		t.Errorf("--seed does not shuffle: %v, %v, %v", plain, seeded, other)
	}
}

func TestDrillQuizMarkdownAndText(t *testing.T) {
	out, _, code := run(t, "drill", "quiz", "--topic", "caching", "--count", "2") // piped: Markdown
	if code != 0 || !strings.HasPrefix(out, "# Quiz: 2 questions on Caching\n") || !strings.Contains(out, "## 2. ") || !strings.Contains(out, "✓") {
		t.Errorf("piped output is not the Markdown quiz:\n%s", out)
	}
	md, _, _ := run(t, "drill", "quiz", "--topic", "caching", "--count", "2", "--format", "markdown")
	if md != out {
		t.Error("--format markdown differs from the piped default")
	}
	txt, _, code := run(t, "drill", "quiz", "--count", "1", "--format", "text")
	if code != 0 || !strings.HasPrefix(txt, "Quiz: 1 question on every topic\n") || strings.Contains(txt, "##") {
		t.Errorf("text output:\n%s", txt)
	}
	for _, l := range strings.Split(txt, "\n") {
		if len([]rune(l)) > 80 && strings.Contains(l, " ") {
			t.Errorf("text line wider than 80 columns: %q", l)
		}
	}
}

func TestDrillQuizTopicWithoutQuestions(t *testing.T) {
	bank, err := content.DefaultQuizzes()
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := content.Default()
	var empty *content.Topic
	for _, tp := range lib.Topics() {
		if len(bank.ForTopic(tp.ID)) == 0 {
			empty = tp
			break
		}
	}
	if empty == nil {
		t.Fatal("every topic has questions; this test needs a topic without any")
	}
	out, errOut, code := run(t, "drill", "quiz", "--topic", empty.ID)
	if code != 0 || out != "" || !strings.Contains(errOut, "No quiz questions drill "+empty.Title+" ("+empty.ID+") yet") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = run(t, "drill", "quiz", "--topic", empty.ID, "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("json for no questions: exit %d, %q", code, out)
	}
}

func TestDrillQuizOpensTheQuizPageOnATerminal(t *testing.T) {
	f, out, _ := testFactory(t)
	f.IO.IsTerminal = true
	var got tui.Options
	opts := &DrillQuizOptions{IO: f.IO, Topic: "cap", Count: 0, DataDir: f.DataDir(), OpenTUI: func(o tui.Options) error { got = o; return nil }}
	if err := runDrillQuiz(opts); err != nil {
		t.Fatal(err)
	}
	bank, _ := content.DefaultQuizzes()
	if got.Start != tui.PageQuiz || got.Quiz.Topic != "cap-theorem" || got.Quiz.Count != -1 || len(got.Quiz.Pool) != len(bank.ForTopic("cap-theorem")) || got.Quiz.Log == nil {
		t.Errorf("opened %+v", got.Quiz)
	}
	if out.Len() != 0 {
		t.Errorf("printed %q before opening the quiz", out)
	}
	opts.Count, opts.Format = 4, FormatJSON // a format prints even on a terminal
	if err := runDrillQuiz(opts); err != nil || !strings.HasPrefix(out.String(), "[") {
		t.Errorf("--format json on a terminal: %v %q", err, out)
	}
}

// TestDrillQuizRecordsInTheStore runs the quiz page's log the way the
// command wires it: an answer recorded through it is in sdprep.db.
func TestDrillQuizRecordsInTheStore(t *testing.T) {
	f, _, _ := testFactory(t)
	f.IO.IsTerminal = true
	opts := &DrillQuizOptions{IO: f.IO, Count: 1, DataDir: f.DataDir(), OpenTUI: func(o tui.Options) error {
		q := o.Quiz.Pool[0]
		return o.Quiz.Log.RecordQuizAnswer(context.Background(), drills.QuizAnswer{QuestionID: q.ID, Topics: q.Topics, AnsweredAt: f.Now()})
	}}
	if err := runDrillQuiz(opts); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), f.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.QuizAttempts(context.Background(), time.Time{})
	if err != nil || len(got) != 1 {
		t.Fatalf("store holds %v, %v; want the one answer", got, err)
	}
}

func TestDrillQuizRefusesAForeignStore(t *testing.T) {
	f, _, _ := testFactory(t)
	f.IO.IsTerminal = true
	path := filepath.Join(f.DataDir(), store.FileName)
	if err := os.WriteFile(path, []byte("not a database, just text that is long enough to be read"), 0o600); err != nil {
		t.Fatal(err)
	}
	opened := false
	opts := &DrillQuizOptions{IO: f.IO, Count: 1, DataDir: f.DataDir(), OpenTUI: func(tui.Options) error { opened = true; return nil }}
	err := runDrillQuiz(opts)
	if err == nil || opened || !strings.Contains(err.Error(), path) || exitCode(err) != exitError {
		t.Errorf("err %v (exit %d), quiz opened %v", err, exitCode(err), opened)
	}
}
