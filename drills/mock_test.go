package drills

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/content"
)

var mockT0 = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)

func testProblem() MockProblem {
	return MockProblem{
		ID: "twitter", Title: "Design Twitter",
		Hints:     [NumSteps]string{"ask about scale", "peak reads", "fan-out", "celebrities", "hot shards"},
		FollowUps: []string{"Traffic grows 10x: what breaks first?", "A region goes down.", "A celebrity with 100M followers tweets."},
		Checklist: []content.ChecklistItem{
			{ID: "fanout", Label: "Fan-out service", Keywords: []string{"fan-out", "fanout", "fan out on write"}, Topic: "news-feed-fan-out"},
			{ID: "cache", Label: "Timeline cache", Keywords: []string{"cache", "redis", "memcached"}, Topic: "caching"},
			{ID: "media", Label: "Object store for media", Keywords: []string{"object store", "s3", "blob store"}, Topic: "object-storage"},
			{ID: "search", Label: "Search cluster", Keywords: []string{"search cluster", "elasticsearch", "inverted index"}, Topic: "full-text-search"},
		},
		Clarify: []content.QA{{Question: "How many DAU?", Answer: "300M"}, {Question: "Ranked?", Answer: "No, chronological"}},
	}
}

func mustMockPlan(t *testing.T, total time.Duration, shares [NumSteps]int) MockPlan {
	t.Helper()
	p, err := NewMockPlan(total, shares)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewPlan(t *testing.T) {
	p := mustMockPlan(t, 45*time.Minute, DefaultShares)
	want := [NumSteps]time.Duration{5 * time.Minute, 5 * time.Minute, 10 * time.Minute, 20 * time.Minute, 5 * time.Minute}
	if p.Steps != want {
		t.Fatalf("45m plan = %v; want %v", p.Steps, want)
	}
	// 10 minutes in 5:5:10:20:5 shares, rounded to seconds; the last step
	// takes the rounding so the total is exact.
	p = mustMockPlan(t, 10*time.Minute, DefaultShares)
	want = [NumSteps]time.Duration{67 * time.Second, 67 * time.Second, 133 * time.Second, 267 * time.Second, 66 * time.Second}
	if p.Steps != want || p.Total() != 10*time.Minute {
		t.Fatalf("10m plan = %v; want %v", p.Steps, want)
	}
	for _, d := range []time.Duration{9 * time.Minute, 3*time.Hour + time.Second} {
		if _, err := NewMockPlan(d, DefaultShares); !errors.Is(err, ErrInvalidPlan) || !strings.Contains(err.Error(), "want 10m to 3h") {
			t.Errorf("NewMockPlan(%v) = %v; want the accepted range", d, err)
		}
	}
}

func TestParseShares(t *testing.T) {
	got, err := ParseShares("5, 5,10,20,5")
	if err != nil || got != DefaultShares || SharesTotal(got) != 45*time.Minute {
		t.Fatalf("ParseShares = %v, %v", got, err)
	}
	for _, bad := range []string{"", "5,5,10,20", "5,5,10,20,5,1", "5,0,10,20,5", "5,-1,10,20,5", "a,5,10,20,5", "5,5,10,20,500"} {
		if _, err := ParseShares(bad); !errors.Is(err, ErrInvalidPlan) || !strings.Contains(err.Error(), "five positive") && !strings.Contains(err.Error(), "whole number") {
			t.Errorf("ParseShares(%q) = %v; want an error saying what is accepted", bad, err)
		}
	}
}

func TestParseStep(t *testing.T) {
	for in, want := range map[string]Step{"estimation": StepEstimation, "3": StepHighLevelDesign, "deep": StepDeepDive, "WRAP-UP": StepWrapUp, "r": StepRequirements} {
		if got, err := ParseStep(in); err != nil || got != want {
			t.Errorf("ParseStep(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "6", "design", "x"} {
		if _, err := ParseStep(bad); !errors.Is(err, ErrInvalidPlan) {
			t.Errorf("ParseStep(%q) = %v; want ErrInvalidPlan", bad, err)
		}
	}
}

// A whole 45-minute interview, driven by an injected clock: step timers,
// the one-minute warning, overtime that never cuts the candidate off,
// pauses that stop the clock, hints, the follow-up and notes.
func TestMockWholeInterview(t *testing.T) {
	plan := mustMockPlan(t, 45*time.Minute, DefaultShares)
	m := NewMock(testProblem(), plan, 7, mockT0, -1)
	now := mockT0
	at := func(d time.Duration) time.Time { now = now.Add(d); return now }

	if m.Step != StepRequirements || !m.Running() {
		t.Fatalf("start: step %v running %v", m.Step, m.Running())
	}
	m.SetNotes(StepRequirements, "post tweets, follow, home timeline\n300M DAU", at(3*time.Minute))
	if !m.Warning(at(90*time.Second)) || m.Overtime(now) {
		t.Fatalf("at 4:30 of 5:00 want a warning, no overtime (remaining %v)", m.StepRemaining(StepRequirements, now))
	}
	if !m.Overtime(at(2*time.Minute)) || m.StepRemaining(StepRequirements, now) != -90*time.Second {
		t.Fatalf("at 6:30 want 1:30 overtime; remaining %v", m.StepRemaining(StepRequirements, now))
	}
	m.Pause(now)
	at(10 * time.Minute) // paused: nothing counts
	if m.Total(now) != 390*time.Second {
		t.Fatalf("paused total = %v; want 6m30s", m.Total(now))
	}
	m.Resume(now)
	m.Next(at(0))
	m.AddPin("Peak read QPS", "694K/s", at(2*time.Minute))
	m.AddPin("Peak read QPS", "700K/s", at(time.Minute)) // replaces
	if hint := m.Hint(now); hint != "peak reads" || len(m.Hints) != 1 || m.Hints[0].At != m.Total(now) {
		t.Fatalf("hint = %q, %+v", hint, m.Hints)
	}
	m.Hint(now) // asking again records nothing new
	m.Next(at(time.Minute))
	if m.ChecklistVisible() {
		t.Fatal("checklist visible during high-level design without a hint")
	}
	m.SetNotes(StepHighLevelDesign, "fan-out service writes tweet ids into Redis lists\nS3 object store for media", at(9*time.Minute))
	m.Next(at(time.Minute))
	if !m.ChecklistVisible() {
		t.Fatal("checklist hidden after high-level design")
	}
	// Walk through deep dive and wrap-up a second at a time; the follow-up
	// appears exactly once, in its step, at its offset.
	f := *m.FollowUp
	var shown string
	for i := 0; i < int((plan.Steps[StepDeepDive]+plan.Steps[StepWrapUp])/time.Second)+60 && shown == ""; i++ {
		if m.Step == StepDeepDive && m.StepElapsed(StepDeepDive, now) >= plan.Steps[StepDeepDive] {
			m.Next(now)
		}
		shown = m.DueFollowUp(at(time.Second))
	}
	if shown != f.Text || m.Step != f.Step || m.StepElapsed(f.Step, now) != f.Offset || m.DueFollowUp(at(time.Second)) != "" {
		t.Fatalf("follow-up %q at %v of %v; want %q at %v of %v", shown, m.StepElapsed(m.Step, now), m.Step, f.Text, f.Offset, f.Step)
	}
	if m.FollowUpAnswered() {
		t.Fatal("follow-up answered before any note")
	}
	m.SetNotes(m.Step, m.NotesText(m.Step)+"\n10x traffic: the timeline cache shards run hot first", at(30*time.Second))
	if !m.FollowUpAnswered() {
		t.Fatal("a note after the follow-up does not count as its answer")
	}
	for !m.Next(at(time.Minute)) {
	}
	if !m.Finished || m.Running() {
		t.Fatal("Next at the last step did not finish")
	}
	total := m.Total(now)
	at(time.Hour)
	if m.Total(now) != total {
		t.Fatal("clock runs after finish")
	}
	cov := m.Coverage()
	if len(cov.Covered) != 3 || cov.Missed[0].ID != "search" || cov.Missed[0].Topic != "full-text-search" {
		t.Fatalf("coverage = %+v", cov)
	}
}

func TestSetNotesKeepsLineTimes(t *testing.T) {
	m := NewMock(testProblem(), mustMockPlan(t, 45*time.Minute, DefaultShares), 1, mockT0, -1)
	m.SetNotes(StepRequirements, "a\nb", mockT0.Add(time.Minute))
	m.SetNotes(StepRequirements, "a\n\nb changed\nc", mockT0.Add(2*time.Minute))
	want := []NoteLine{{"a", time.Minute}, {"b changed", 2 * time.Minute}, {"c", 2 * time.Minute}}
	if !reflect.DeepEqual(m.Notes[StepRequirements], want) {
		t.Fatalf("notes = %+v; want %+v", m.Notes[StepRequirements], want)
	}
	// A line inserted in the middle, a line moved, and a repeated line:
	// every line that was there keeps its own time.
	m.SetNotes(StepRequirements, "a\nnew\nc\nb changed\na", mockT0.Add(3*time.Minute))
	want = []NoteLine{{"a", time.Minute}, {"new", 3 * time.Minute}, {"c", 2 * time.Minute}, {"b changed", 2 * time.Minute}, {"a", 3 * time.Minute}}
	if !reflect.DeepEqual(m.Notes[StepRequirements], want) {
		t.Fatalf("notes = %+v; want %+v", m.Notes[StepRequirements], want)
	}
	m.SetNotes(StepRequirements, "  \n", mockT0.Add(4*time.Minute))
	if m.Notes[StepRequirements] != nil {
		t.Fatalf("blank notes kept %+v", m.Notes[StepRequirements])
	}
}

// The seed decides the follow-up and its moment: the same seed gives the
// same interview, and the moment always falls inside steps 4-5.
func TestFollowUpSeeded(t *testing.T) {
	plan := mustMockPlan(t, 45*time.Minute, DefaultShares)
	seen := map[string]bool{}
	for seed := uint64(0); seed < 200; seed++ {
		a, b := NewMock(testProblem(), plan, seed, mockT0, -1), NewMock(testProblem(), plan, seed, mockT0, -1)
		if *a.FollowUp != *b.FollowUp {
			t.Fatalf("seed %d: %+v vs %+v", seed, a.FollowUp, b.FollowUp)
		}
		f := a.FollowUp
		if f.Step != StepDeepDive && f.Step != StepWrapUp || f.Offset < plan.Steps[f.Step]/4 || f.Offset > plan.Steps[f.Step]*3/4 {
			t.Fatalf("seed %d: follow-up at %v into %v", seed, f.Offset, f.Step)
		}
		seen[f.Step.String()+f.Text] = true
	}
	if len(seen) < 4 {
		t.Fatalf("200 seeds gave only %d step/text combinations", len(seen))
	}
	if m := NewMock(testProblem(), plan, 1, mockT0, StepEstimation); m.FollowUp != nil || !m.Only || m.Step != StepEstimation {
		t.Fatalf("one-step practice of estimation: %+v", m)
	}
}

// A saved session loads with its clocks where they stopped.
func TestMockSnapshotRoundTrip(t *testing.T) {
	m := NewMock(testProblem(), mustMockPlan(t, 30*time.Minute, DefaultShares), 3, mockT0, -1)
	m.SetNotes(StepRequirements, "users post and read", mockT0.Add(time.Minute))
	m.Next(mockT0.Add(2 * time.Minute))
	m.AddPin("Write QPS", "7K/s", mockT0.Add(3*time.Minute))
	m.Overrule("media")
	now := mockT0.Add(4 * time.Minute)
	m.Pause(now)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back Mock
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, m) {
		t.Fatalf("round trip differs:\n%+v\n%+v", back, *m)
	}
	later := now.Add(time.Hour)
	back.Resume(later)
	if back.Total(later.Add(time.Minute)) != 5*time.Minute || back.StepElapsed(StepEstimation, later.Add(time.Minute)) != 3*time.Minute {
		t.Fatalf("resumed clocks: total %v", back.Total(later.Add(time.Minute)))
	}
}

// A clone is equal to its original and does not move when the original
// changes in any way the interview changes it.
func TestMockCloneSharesNothingMutable(t *testing.T) {
	m := NewMock(testProblem(), mustMockPlan(t, 30*time.Minute, DefaultShares), 3, mockT0, -1)
	m.SetNotes(StepRequirements, "users post and read", mockT0.Add(time.Minute))
	m.Hint(mockT0.Add(time.Minute))
	m.AddPin("Write QPS", "7K/s", mockT0.Add(2*time.Minute))
	m.ToggleDeepDive("a")
	m.ToggleDeepDive("b")
	m.Overrule("media")
	c := m.Clone()
	if !reflect.DeepEqual(c, m) {
		t.Fatalf("clone differs:\n%+v\n%+v", *c, *m)
	}
	want, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	m.Notes[StepRequirements][0].Text = "changed in place"
	m.Hints[0].Text = "changed"
	m.Pins[0].Value = "changed"
	m.ToggleDeepDive("a") // removes in place
	m.FollowUp.Shown = !m.FollowUp.Shown
	m.Overrule("media")
	m.Overrule("cache")
	got, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("clone changed with its original:\n%s\n%s", got, want)
	}
}

func TestMatchCoverage(t *testing.T) {
	items := testProblem().Checklist
	lines := []string{
		"Clients call the API gateway",
		"Fan-Out workers push ids to followers",
		"Caches: timelines in Redis",
		"objectstore is not two words", // no match for "object store"
		"research team",                // "search" inside a word does not count
	}
	c := MatchCoverage(items, lines, nil)
	if c.Fraction != 0.5 || len(c.Covered) != 2 {
		t.Fatalf("coverage = %+v", c)
	}
	if c.Covered[0].ID != "fanout" || c.Covered[0].Line != lines[1] || c.Covered[0].LineNo != 2 {
		t.Fatalf("fan-out covered by %+v", c.Covered[0])
	}
	if c.Covered[1].ID != "cache" || c.Covered[1].Keyword != "cache" {
		t.Fatalf("plural 'Caches' should match 'cache': %+v", c.Covered[1])
	}
	over := MatchCoverage(items, lines, map[string]bool{"fanout": false, "search": true})
	if over.Fraction != 0.5 || over.Covered[0].ID != "cache" || over.Covered[1].ID != "search" || over.Missed[0].ID != "fanout" {
		t.Fatalf("overrides not applied: %+v", over)
	}
	if !over.Covered[1].Overruled || !over.Missed[0].Overruled || over.Covered[0].Overruled {
		t.Fatalf("overruled items not marked, or a matched one marked: %+v", over)
	}
	var md strings.Builder
	if err := over.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "(marked missed by hand)") || !strings.Contains(md.String(), "(marked covered by hand)") {
		t.Fatalf("markdown does not say which items were overruled:\n%s", md.String())
	}
	if MatchCoverage(nil, lines, nil).Fraction != 0 {
		t.Fatal("empty checklist")
	}
}

// A step practised alone has a transcript of that step: its plan, its
// time and its rubric line, and no follow-up it never asked.
func TestTranscriptOfOneStepAlone(t *testing.T) {
	m := NewMock(testProblem(), mustMockPlan(t, 45*time.Minute, DefaultShares), 1, mockT0, StepEstimation)
	m.SetNotes(StepEstimation, "300M DAU", mockT0.Add(time.Minute))
	m.Next(mockT0.Add(2 * time.Minute))
	if err := m.SetScore(int(StepEstimation), 3); err != nil {
		t.Fatal(err)
	}
	tr := m.Transcript("s1", mockT0.Add(3*time.Minute))
	if tr.OnlyStep != "estimation" || len(tr.Steps) != 1 || tr.Steps[0].Step != "estimation" || tr.PlanSeconds != 300 {
		t.Fatalf("one-step transcript: only %q, steps %+v, plan %v s", tr.OnlyStep, tr.Steps, tr.PlanSeconds)
	}
	if len(tr.Rubric) != 1 || tr.Rubric[0].ID != "estimation" || tr.RubricTotal != 3 {
		t.Fatalf("rubric %+v total %d", tr.Rubric, tr.RubricTotal)
	}
	var b strings.Builder
	if err := tr.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Practised one step alone: Estimation", "2:00 of 5:00 planned", "Self-assessment: 3 / 4"} {
		if !strings.Contains(b.String(), want) {
			t.Fatalf("markdown lacks %q:\n%s", want, b.String())
		}
	}
	full := NewMock(testProblem(), mustMockPlan(t, 45*time.Minute, DefaultShares), 1, mockT0, -1)
	if full.FollowUp == nil || full.Transcript("s2", mockT0).FollowUp != nil {
		t.Fatal("a follow-up not yet asked is in the transcript")
	}
}

func TestTranscriptMarkdownHasEverything(t *testing.T) {
	m := NewMock(testProblem(), mustMockPlan(t, 45*time.Minute, DefaultShares), 2, mockT0, -1)
	m.SetNotes(StepRequirements, "home timeline newest first", mockT0.Add(time.Minute))
	m.Next(mockT0.Add(6 * time.Minute))
	m.AddPin("Storage over 5 years", "1.1 PB", mockT0.Add(7*time.Minute))
	m.Hint(mockT0.Add(8 * time.Minute))
	m.Next(mockT0.Add(10 * time.Minute))
	m.SetNotes(StepHighLevelDesign, "fan-out service into redis lists", mockT0.Add(12*time.Minute))
	m.Finish(mockT0.Add(13 * time.Minute))
	for i := range NumRubric {
		if err := m.SetScore(i, 3); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.SetScore(0, 5); err == nil {
		t.Fatal("score 5 accepted")
	}
	tr := m.Transcript("12", mockT0.Add(20*time.Minute))
	var b bytes.Buffer
	if err := tr.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# Mock interview: Design Twitter", "home timeline newest first", "fan-out service into redis lists",
		"Storage over 5 years: **1.1 PB**", "Coverage: 50%", "+1:00", "peak reads", "Self-assessment: 18 / 24",
		"read `sdprep learn object-storage`", "(finished)", "_No notes._",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if tr.TotalSeconds != 13*60 || tr.Steps[0].OvertimeSecs != 60 {
		t.Fatalf("total %v, overtime %v", tr.TotalSeconds, tr.Steps[0].OvertimeSecs)
	}
}

func TestFormatClock(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0:00", 59*time.Second + 900*time.Millisecond: "0:59",
		5 * time.Minute: "5:00", -90 * time.Second: "+1:30", 75 * time.Minute: "1:15:00"} {
		if got := FormatClock(d); got != want {
			t.Errorf("FormatClock(%v) = %q; want %q", d, got, want)
		}
	}
}
