package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/content"
)

func TestLearnFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want LearnOptions
	}{
		{name: "bare", args: nil, want: LearnOptions{}},
		{name: "topic", args: []string{"caching"}, want: LearnOptions{ID: "caching"}},
		{name: "topic json", args: []string{"cap-theorem", "--format", "json"}, want: LearnOptions{ID: "cap-theorem", Format: "json"}},
		{name: "search", args: []string{"--search", "stampede"}, want: LearnOptions{Search: "stampede"}},
		{name: "search markdown", args: []string{"--search", "leader election", "--format", "markdown"},
			want: LearnOptions{Search: "leader election", Format: "markdown"}},
		{name: "problem", args: []string{"problem", "twitter"}, want: LearnOptions{Problem: true, ID: "twitter"}},
		{name: "problem list json", args: []string{"problem", "--format", "json"}, want: LearnOptions{Problem: true, Format: "json"}},
		{name: "interactive", args: []string{"-i"}, want: LearnOptions{Interactive: true}},
		{name: "interactive topic", args: []string{"--interactive", "caching"}, want: LearnOptions{ID: "caching", Interactive: true}},
		{name: "interactive problem", args: []string{"problem", "uber", "-i"}, want: LearnOptions{Problem: true, ID: "uber", Interactive: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(t)
			var got *LearnOptions
			c := NewCmdLearn(f, func(o *LearnOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil {
				t.Fatal("run function not called")
			}
			if got.IO != f.IO {
				t.Error("options do not carry the factory's streams")
			}
			got.IO = nil
			if *got != tt.want {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestLearnFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"learn", "caching", "--search", "x"}, []string{"--search", `"x"`}},
		{[]string{"learn", "--search", " "}, []string{"--search"}},
		{[]string{"learn", "caching", "--format", "yaml"}, []string{"--format", `"yaml"`, "json"}},
		{[]string{"learn", "-i"}, []string{"--interactive", "terminal"}},
		{[]string{"learn", "-i", "--search", "cache"}, []string{"--interactive", "--search"}},
		{[]string{"learn", "a", "b"}, []string{"at most one"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantUsageError(t, tt.want, tt.args...)
		})
	}
}

// library loads the embedded content for assertions.
func library(t testing.TB) *content.Library {
	t.Helper()
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestLearnListGroupedByCategory(t *testing.T) {
	lib := library(t)
	out, errOut, code := run(t, "learn", "--format", "text")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Every category heading, in order, each followed by its own topics,
	// then the problems.
	pos := 0
	for _, g := range lib.Categories() {
		i := strings.Index(out[pos:], "\n"+g.Title+"\n")
		if pos == 0 && strings.HasPrefix(out, g.Title+"\n") {
			i = -1
		} else if i < 0 {
			t.Fatalf("no heading %q after offset %d", g.Title, pos)
		}
		pos += i + 1
		for _, tp := range g.Topics {
			j := strings.Index(out[pos:], "  "+tp.ID+" ")
			if j < 0 {
				t.Errorf("%s is not listed under %s", tp.ID, g.Title)
			}
		}
	}
	pi := strings.Index(out, "\nProblems\n")
	if pi < pos {
		t.Fatalf("problems are not listed after the topics")
	}
	for _, p := range lib.ProblemEntries() {
		if !strings.Contains(out[pi:], "  "+p.ID+" ") {
			t.Errorf("problem %s not listed", p.ID)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape codes in piped output")
	}
}

func TestLearnListOnATerminalFitsTheWidth(t *testing.T) {
	f, out, _ := testFactory(t)
	f.IO.IsTerminal, f.IO.NoColor = true, false
	f.IO.Width = func() int { return 80 }
	if code := Execute(context.Background(), f, []string{"learn"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, l := range strings.Split(out.String(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line is %d wide: %q", w, l)
		}
	}
	if !strings.Contains(out.String(), "sdprep learn <topic>") {
		t.Error("no hint on how to read a topic")
	}
}

func TestLearnListMarkdownAndJSON(t *testing.T) {
	lib := library(t)
	out, _, code := run(t, "learn")
	if code != 0 || !strings.HasPrefix(out, "# Topics\n") || !strings.Contains(out, "\n# Problems\n") {
		t.Fatalf("piped listing is not the markdown list (exit %d):\n%.300s", code, out)
	}
	out, _, code = run(t, "learn", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(lib.Topics()) {
		t.Fatalf("%d entries, %d topics", len(entries), len(lib.Topics()))
	}
	for _, e := range entries {
		for _, k := range []string{"id", "title", "category", "tags", "summary"} {
			if _, ok := e[k]; !ok {
				t.Errorf("entry %v lacks %q", e["id"], k)
			}
		}
	}
}

func TestLearnTopicPipedIsMarkdown(t *testing.T) {
	lib := library(t)
	for _, id := range []string{"caching", "cap-theorem", "CAP theorem", "cache"} {
		out, errOut, code := run(t, "learn", id)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", id, code, errOut)
		}
		if strings.Contains(out, "\x1b") {
			t.Errorf("%s: escape codes in piped output", id)
		}
		tp, _ := lib.Topic(id)
		if out != tp.Markdown() {
			t.Errorf("%s: piped output is not the topic's markdown", id)
		}
	}
}

func TestLearnTopicOnATerminal(t *testing.T) {
	for _, tt := range []struct {
		name    string
		noColor bool
		width   int
		wrap    int
	}{
		{"colour at 100", false, 100, 100},
		{"NO_COLOR at 80", true, 80, 80},
		{"wide terminal wraps at 120", false, 200, 120},
		{"unknown width wraps at 80", false, 0, 80},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, out, _ := testFactory(t)
			f.IO.IsTerminal, f.IO.NoColor = true, tt.noColor
			f.IO.Width = func() int { return tt.width }
			if code := Execute(context.Background(), f, []string{"learn", "caching"}); code != 0 {
				t.Fatalf("exit %d", code)
			}
			s := out.String()
			if !strings.Contains(s, "\x1b[") {
				t.Error("no styling on a terminal")
			}
			colour := strings.Contains(s, "38;5;") || strings.Contains(s, "48;5;")
			if colour == tt.noColor {
				t.Errorf("colour codes present: %v, NO_COLOR: %v", colour, tt.noColor)
			}
			widest := 0
			for _, l := range strings.Split(s, "\n") {
				if strings.Contains(l, "──") || strings.Contains(l, "─►") {
					continue // diagram lines are printed verbatim
				}
				widest = max(widest, ansi.StringWidth(l))
			}
			if widest > tt.wrap || widest < tt.wrap-15 {
				t.Errorf("widest prose line %d, want wrapped at %d", widest, tt.wrap)
			}
			plain := ansi.Strip(s)
			for _, want := range []string{"Caching", "What it is", "Interview tips", "stampede"} {
				if !strings.Contains(plain, want) {
					t.Errorf("rendered topic lacks %q", want)
				}
			}
		})
	}
}

func TestLearnTopicFormats(t *testing.T) {
	out, _, code := run(t, "learn", "cap-theorem", "--format", "text")
	if code != 0 {
		t.Fatal(code)
	}
	if strings.Contains(out, "\x1b") || strings.Contains(out, "**") {
		t.Errorf("text format has markup or escapes:\n%.300s", out)
	}
	if !strings.Contains(out, "# CAP theorem") || !strings.Contains(out, "partition") {
		t.Errorf("text format lacks the topic:\n%.300s", out)
	}

	out, _, code = run(t, "learn", "cap-theorem", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var tp content.Topic
	if err := json.Unmarshal([]byte(out), &tp); err != nil {
		t.Fatal(err)
	}
	if tp.ID != "cap-theorem" || tp.Category != content.Data || len(tp.Sections) == 0 || len(tp.Related) == 0 || tp.Body == "" {
		t.Errorf("json topic incomplete: id %q category %q, %d sections, %d related", tp.ID, tp.Category, len(tp.Sections), len(tp.Related))
	}
}

func TestLearnSearch(t *testing.T) {
	out, errOut, code := run(t, "learn", "--search", "stampede", "--format", "text")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "topic") || !strings.Contains(out, "caching") || !strings.Contains(strings.ToLower(out), "stampede") {
		t.Errorf("search output lacks the caching hit:\n%s", out)
	}

	out, _, code = run(t, "learn", "--search", "stampede", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var hits []content.Hit
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ID != "caching" || hits[0].Kind != content.KindTopic || hits[0].Snippet == "" {
		t.Errorf("hits %+v", hits)
	}

	out, errOut, code = run(t, "learn", "--search", "zzqqxx", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("no hits in json: exit %d, %q %q", code, out, errOut)
	}
	out, errOut, code = run(t, "learn", "--search", "zzqqxx")
	if code != 0 || out != "" || !strings.Contains(errOut, `"zzqqxx"`) {
		t.Errorf("no hits: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestLearnUnknownID(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"learn", "cachng"}, []string{`unknown topic "cachng"`, "did you mean caching", "(sdprep learn lists all)"}},
		{[]string{"learn", "zzqqxx"}, []string{`unknown topic "zzqqxx"`, "sdprep learn lists all"}},
		{[]string{"learn", "twitter"}, []string{`unknown topic "twitter"`, "sdprep learn problem twitter"}},
		{[]string{"learn", "problem", "twiter"}, []string{`unknown problem "twiter"`, "did you mean twitter", "sdprep learn problem lists all"}},
		{[]string{"learn", "problem", "caching"}, []string{`unknown problem "caching"`, "sdprep learn caching"}},
		{[]string{"learn", "-i", "cachng"}, []string{"--interactive"}}, // not a terminal: refused first
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := run(t, tt.args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want 2; stderr %q", code, errOut)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
			oneLine(t, errOut)
			if !strings.HasPrefix(errOut, "sdprep: ") {
				t.Errorf("stderr %q lacks the sdprep: prefix", errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q lacks %q", errOut, w)
				}
			}
		})
	}
}

func TestLearnProblem(t *testing.T) {
	out, errOut, code := run(t, "learn", "problem", "twitter")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# Design Twitter", "## Prompt", "## Estimation", "sdprep estimate twitter"} {
		if !strings.Contains(out, want) {
			t.Errorf("problem lacks %q", want)
		}
	}
	out, _, code = run(t, "learn", "problem", "twitter", "--format", "json")
	var p content.Problem
	if code != 0 || json.Unmarshal([]byte(out), &p) != nil || p.Preset != "twitter" || len(p.Sections) != len(content.ProblemSections) {
		t.Errorf("json problem: exit %d, preset %q, %d sections", code, p.Preset, len(p.Sections))
	}
	out, _, code = run(t, "learn", "problem", "--format", "text")
	if code != 0 || !strings.Contains(out, "url-shortener") || strings.Contains(out, "Architecture") {
		t.Errorf("problem listing: exit %d\n%s", code, out)
	}
}

func TestLearnCompletion(t *testing.T) {
	out, _, code := run(t, "__complete", "learn", "cach")
	if code != 0 || !strings.Contains(out, "caching") {
		t.Errorf("completion of a topic: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "__complete", "learn", "problem", "twi")
	if code != 0 || !strings.Contains(out, "twitter") {
		t.Errorf("completion of a problem: exit %d\n%s", code, out)
	}
	lib := library(t)
	if got := len(topicCompletions()); got != len(lib.Topics()) {
		t.Errorf("%d completions for %d topics", got, len(lib.Topics()))
	}
}

// BenchmarkLearnTopic is `sdprep learn caching` on a 100-column terminal,
// from the parsed options to the bytes written, with the renderer warm
// (see tui.BenchmarkRenderTopic for the cold figure).
func BenchmarkLearnTopic(b *testing.B) {
	out := &bytes.Buffer{}
	ios := &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: out, IsTerminal: true, Width: func() int { return 100 }}
	opts := &LearnOptions{IO: ios, ID: "caching"}
	for b.Loop() {
		out.Reset()
		if err := runLearn(opts); err != nil {
			b.Fatal(err)
		}
	}
}
