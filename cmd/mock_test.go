package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/content"
	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

func TestMockFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *MockOptions
	c := NewCmdMock(f, func(o *MockOptions) error { got = o; return nil })
	c.SetArgs([]string{"twitter", "--duration", "30m", "--steps", "5,5,10,20,5", "--seed", "7", "--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Problem != "twitter" || got.Duration != "30m" || got.Steps != "5,5,10,20,5" || got.Seed != 7 || got.Format != FormatJSON {
		t.Fatalf("options %+v", got)
	}
	plan, err := mockPlan(got.Duration, got.Steps)
	if err != nil || plan.Total() != 30*time.Minute {
		t.Fatalf("plan %v, %v", plan.Steps, err)
	}
	// --steps without --duration are minutes.
	if plan, err := mockPlan("", "3,5,10,15,7"); err != nil || plan.Total() != 40*time.Minute || plan.Steps[0] != 3*time.Minute {
		t.Fatalf("steps alone: %v, %v", plan.Steps, err)
	}
}

func TestMockPrint(t *testing.T) {
	out, errOut, code := run(t, "mock", "twitter", "--print", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var b drills.Brief
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if b.Problem != "twitter" || len(b.Plan) != drills.NumSteps || b.Plan[3].Minutes != 20 || len(b.Checklist) < 8 || len(b.FollowUps) < 3 || len(b.Clarify) == 0 {
		t.Fatalf("brief %+v", b)
	}
	md, _, _ := run(t, "mock", "twitter", "--print", "--format", "markdown")
	for _, want := range []string{"# Design Twitter", "## Plan", "## Reference checklist", "## Follow-ups", "sdprep estimate twitter"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown brief lacks %q", want)
		}
	}
}

func TestMockGrade(t *testing.T) {
	notes := filepath.Join("..", "drills", "testdata", "notes", "twitter.md")
	out, errOut, code := run(t, "mock", "twitter", "--grade", notes, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var cov struct {
		Coverage float64 `json:"coverage"`
		Covered  []struct {
			Item, Line string
		} `json:"covered"`
		Missed []struct {
			Item, Topic string
		} `json:"missed"`
	}
	if err := json.Unmarshal([]byte(out), &cov); err != nil {
		t.Fatal(err)
	}
	if cov.Coverage < 0.8 || len(cov.Covered) == 0 || cov.Covered[0].Line == "" {
		t.Fatalf("coverage %+v", cov)
	}
	for _, m := range cov.Missed {
		if m.Topic == "" {
			t.Errorf("missed %q names no topic", m.Item)
		}
	}
	if _, errOut, code := run(t, "mock", "twitter", "--grade", "/nonexistent/notes.md"); code != exitError || !strings.Contains(errOut, "--grade") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

// --grade --format json lists covered and missed items as [] when there
// are none, never as null.
func TestMockGradeJSONHasNoNullLists(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	twitter, _ := lib.Problem("twitter")
	var all []string // one line per item, naming every part of its first keyword
	for _, it := range twitter.Mock.Checklist {
		all = append(all, strings.ReplaceAll(it.Keywords[0], content.AllOf, " and "))
	}
	for _, tt := range []struct {
		name, notes, want string
		coverage          float64
	}{
		{"nothing covered", "we talked about the weather\n", `"covered": []`, 0},
		{"everything covered", strings.Join(all, "\n"), `"missed": []`, 1},
		{"empty notes", "", `"covered": []`, 0},
	} {
		f, out, errOut := testFactory(t)
		f.IO.In = strings.NewReader(tt.notes)
		if code := Execute(context.Background(), f, []string{"mock", "twitter", "--grade", "-", "--format", "json"}); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errOut)
		}
		var cov struct {
			Coverage float64 `json:"coverage"`
		}
		if err := json.Unmarshal(out.Bytes(), &cov); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := out.String(); !strings.Contains(got, tt.want) || strings.Contains(got, "null") || cov.Coverage != tt.coverage {
			t.Errorf("%s: want %s, no null and coverage %v; got\n%s", tt.name, tt.want, tt.coverage, got)
		}
	}
}

func TestMockBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"mock", "twiter", "--print"}, []string{`unknown problem "twiter"`, "did you mean twitter?"}},
		{[]string{"mock", "twitter", "--steps", "1,2"}, []string{`--steps "1,2"`, "five positive"}},
		{[]string{"mock", "twitter", "--steps", "5,0,10,20,5"}, []string{`--steps "5,0,10,20,5"`}},
		{[]string{"mock", "twitter", "--duration", "5m"}, []string{`--duration "5m"`, "10m to 3h"}},
		{[]string{"mock", "twitter", "--duration", "4h"}, []string{`--duration "4h"`, "10m to 3h"}},
		{[]string{"mock", "twitter", "--step", "design"}, []string{`--step "design"`, "deep-dive"}},
		{[]string{"mock", "--print"}, []string{"need a problem"}},
		{[]string{"mock", "twitter"}, []string{"needs a terminal"}},
		{[]string{"mock", "export", "zzzz"}, []string{`session "zzzz"`, "sdprep mock history"}},
		{[]string{"mock", "resume", "zzzz"}, []string{`session "zzzz"`}},
	} {
		wantUsageError(t, tt.want, tt.args...)
	}
}

// A session saved by the mock page lists in history and exports whole.
func TestMockHistoryAndExport(t *testing.T) {
	f, out, errOut := testFactory(t)
	if code := Execute(context.Background(), f, []string{"mock", "history"}); code != 0 || !strings.Contains(out.String(), "No mock interviews yet") {
		t.Fatalf("empty history: exit %d %q %q", code, out, errOut)
	}
	lib := library(t)
	p, _ := lib.Problem("url-shortener")
	plan, _ := drills.NewMockPlan(30*time.Minute, drills.DefaultShares)
	t0 := f.Now()
	m := drills.NewMock(drills.NewMockProblem(p), plan, 1, t0, -1)
	m.SetNotes(drills.StepHighLevelDesign, "base62 codes in a key-value store\nredirect with 302", t0.Add(time.Minute))
	m.AddPin("Peak read QPS", "46K/s", t0.Add(2*time.Minute))
	m.Finish(t0.Add(3 * time.Minute))
	state, _ := json.Marshal(m)
	st, err := store.Open(context.Background(), f.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.SaveMock(context.Background(), store.MockSession{Problem: p.ID, StartedAt: t0, UpdatedAt: t0.Add(3 * time.Minute),
		Finished: true, Total: m.Total(t0.Add(3 * time.Minute)), Coverage: m.Coverage().Fraction, State: state})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := Execute(context.Background(), f, []string{"mock", "history", "--format", "json"}); code != 0 {
		t.Fatalf("history: exit %d %s", code, errOut)
	}
	var rows []mockHistoryRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil || len(rows) != 1 || rows[0].ID != id || rows[0].TotalSeconds != 180 {
		t.Fatalf("history %s: %v", out, err)
	}
	file := filepath.Join(t.TempDir(), "t.md")
	if code := Execute(context.Background(), f, []string{"mock", "export", "last", "-o", file}); code != 0 {
		t.Fatalf("export: exit %d %s", code, errOut)
	}
	md, _ := os.ReadFile(file)
	for _, want := range []string{"base62 codes in a key-value store", "redirect with 302", "Peak read QPS: **46K/s**", "## Coverage:"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("transcript lacks %q:\n%s", want, md)
		}
	}
	errOut.Reset()
	if code := Execute(context.Background(), f, []string{"mock", "resume", id}); code != exitUsage || !strings.Contains(errOut.String(), "is finished") {
		t.Errorf("resume of a finished session: exit %d, %q", code, errOut)
	}
}
