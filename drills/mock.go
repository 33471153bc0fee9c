package drills

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/sdprep/sdprep/content"
)

// WarnBefore is how long before the end of a step its warning starts.
const WarnBefore = time.Minute

// MockProblem is what a mock interview needs from a problem of the content
// library. It is copied into the saved session, so a session resumes and
// exports the same way after the content changes.
type MockProblem struct {
	ID        string                  `json:"id"`
	Title     string                  `json:"title"`
	Prompt    string                  `json:"prompt"`
	Preset    string                  `json:"preset"`
	Hints     [NumSteps]string        `json:"hints"`
	FollowUps []string                `json:"follow_ups"`
	Checklist []content.ChecklistItem `json:"checklist"`
	Clarify   []content.QA            `json:"clarify"`
	DeepDives []content.DeepDive      `json:"deep_dives"`
}

// NewMockProblem takes what a mock needs from p.
func NewMockProblem(p *content.Problem) MockProblem {
	return MockProblem{
		ID: p.ID, Title: p.Title, Prompt: p.Prompt, Preset: p.Preset, Hints: p.Mock.Hints,
		FollowUps: p.Mock.FollowUps, Checklist: p.Mock.Checklist, Clarify: p.Mock.Clarify, DeepDives: p.Mock.DeepDives,
	}
}

// NoteLine is one line of a step's notes and when it was first written,
// as time into the interview.
type NoteLine struct {
	Text string        `json:"text"`
	At   time.Duration `json:"at_ns"`
}

// HintUse records a hint the candidate asked for.
type HintUse struct {
	Step Step          `json:"step"`
	At   time.Duration `json:"at_ns"`
	Text string        `json:"text"`
}

// Pin is an estimate figure the candidate pinned in step 2.
type Pin struct {
	Label string        `json:"label"`
	Value string        `json:"value"`
	At    time.Duration `json:"at_ns"`
}

// FollowUp is the interviewer's interruption: it appears once its step has
// run for Offset. Shown is zero until it has appeared.
type FollowUp struct {
	Text   string        `json:"text"`
	Step   Step          `json:"step"`
	Offset time.Duration `json:"offset_ns"` // into the step
	Shown  bool          `json:"shown"`
	At     time.Duration `json:"at_ns"` // interview time it appeared
}

// Mock is the state of one mock interview. It is a plain value, saved and
// loaded whole (as JSON; Clone copies it); every method that depends on time takes the
// current instant, so a test drives a whole interview without sleeping.
//
// The clock: Elapsed holds the time each step has run up to RunningSince;
// while the interview runs, the current step also accrues now-RunningSince.
// A paused or finished interview has a zero RunningSince.
type Mock struct {
	Problem      MockProblem             `json:"problem"`
	Plan         MockPlan                `json:"plan"`
	Seed         uint64                  `json:"seed"`
	Started      time.Time               `json:"started"`
	Step         Step                    `json:"step"`
	Only         bool                    `json:"only_step"` // practising Step alone
	Elapsed      [NumSteps]time.Duration `json:"elapsed_ns"`
	RunningSince time.Time               `json:"running_since"`
	Notes        [NumSteps][]NoteLine    `json:"notes"`
	Hints        []HintUse               `json:"hints"`
	Revealed     int                     `json:"revealed_questions"` // clarifying questions shown
	Pins         []Pin                   `json:"pins"`
	Taken        []string                `json:"deep_dives_taken"`
	FollowUp     *FollowUp               `json:"follow_up,omitempty"`
	Finished     bool                    `json:"finished"`
	Rubric       [NumRubric]int          `json:"rubric"` // 0 = not scored yet
	Overrides    map[string]bool         `json:"overrides,omitempty"`
}

// PlannedTime is the time the interview was planned to take: the whole
// plan, or the one step's share when practising a step alone.
func (m *Mock) PlannedTime() time.Duration {
	if m.Only {
		return m.Plan.Steps[m.Step]
	}
	return m.Plan.Total()
}

// Practised lists the steps this session covers: all five, or the one
// practised alone.
func (m *Mock) Practised() []Step {
	if m.Only {
		return []Step{m.Step}
	}
	return []Step{StepRequirements, StepEstimation, StepHighLevelDesign, StepDeepDive, StepWrapUp}
}

// Clone returns a copy that shares nothing the methods change, so the copy
// can be read (saved, graded) on another goroutine while the interview
// goes on. The problem is shared: nothing changes it.
func (m *Mock) Clone() *Mock {
	c := *m
	for s := range c.Notes {
		c.Notes[s] = slices.Clone(m.Notes[s])
	}
	c.Hints = slices.Clone(m.Hints)
	c.Pins = slices.Clone(m.Pins)
	c.Taken = slices.Clone(m.Taken)
	if m.FollowUp != nil {
		f := *m.FollowUp
		c.FollowUp = &f
	}
	c.Overrides = maps.Clone(m.Overrides)
	return &c
}

// NewMock starts an interview of p with plan at now. The seed picks the
// follow-up and the moment it appears, so a seed replays the same
// interview. only >= 0 practises that one step alone.
func NewMock(p MockProblem, plan MockPlan, seed uint64, now time.Time, only Step) *Mock {
	m := &Mock{Problem: p, Plan: plan, Seed: seed, Started: now, RunningSince: now}
	if only >= 0 && only < NumSteps {
		m.Step, m.Only = only, true
	}
	m.FollowUp = pickFollowUp(p.FollowUps, plan, seed, m.Only, m.Step)
	return m
}

// pickFollowUp chooses one follow-up and the moment it appears: in deep
// dive or wrap-up, between 25% and 75% of the step's planned time.
func pickFollowUp(fs []string, plan MockPlan, seed uint64, only bool, step Step) *FollowUp {
	if len(fs) == 0 || (only && step != StepDeepDive && step != StepWrapUp) {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, 0x6d6f636b))
	f := &FollowUp{Text: fs[r.IntN(len(fs))], Step: StepDeepDive}
	if only {
		f.Step = step
	} else if r.IntN(int(plan.Steps[StepDeepDive]+plan.Steps[StepWrapUp])/int(time.Second)+1) >= int(plan.Steps[StepDeepDive]/time.Second) {
		f.Step = StepWrapUp
	}
	d := plan.Steps[f.Step]
	f.Offset = (d/4 + time.Duration(r.Int64N(int64(d/2)+1))).Round(time.Second)
	return f
}

// Running reports whether the clock runs (not paused, not finished).
func (m *Mock) Running() bool { return !m.RunningSince.IsZero() }

// StepElapsed is how long step s has run, at now.
func (m *Mock) StepElapsed(s Step, now time.Time) time.Duration {
	d := m.Elapsed[s]
	if s == m.Step && m.Running() && now.After(m.RunningSince) {
		d += now.Sub(m.RunningSince)
	}
	return d
}

// StepRemaining is the planned time of step s left at now; negative once
// the step runs into overtime.
func (m *Mock) StepRemaining(s Step, now time.Time) time.Duration {
	return m.Plan.Steps[s] - m.StepElapsed(s, now)
}

// Total is the interview time so far: the sum of every step's time.
func (m *Mock) Total(now time.Time) time.Duration {
	var t time.Duration
	for s := range Step(NumSteps) {
		t += m.StepElapsed(s, now)
	}
	return t
}

// Warning reports whether the current step is in its last minute.
func (m *Mock) Warning(now time.Time) bool {
	r := m.StepRemaining(m.Step, now)
	return r > 0 && r <= WarnBefore
}

// Overtime reports whether the current step has run past its plan. The
// interview never stops a step: it counts on.
func (m *Mock) Overtime(now time.Time) bool { return m.StepRemaining(m.Step, now) < 0 }

// settle folds the running segment into Elapsed and restarts it at now.
func (m *Mock) settle(now time.Time) {
	if !m.Running() {
		return
	}
	if now.After(m.RunningSince) {
		m.Elapsed[m.Step] += now.Sub(m.RunningSince)
	}
	m.RunningSince = now
}

// Pause stops the clock; Resume starts it again. Both are no-ops when
// already in that state, and neither works once finished.
func (m *Mock) Pause(now time.Time) {
	m.settle(now)
	m.RunningSince = time.Time{}
}

// Resume restarts the clock at now (also after loading a saved session).
func (m *Mock) Resume(now time.Time) {
	if m.Finished || m.Running() {
		return
	}
	m.RunningSince = now
}

// TogglePause pauses a running interview and resumes a paused one.
func (m *Mock) TogglePause(now time.Time) {
	if m.Running() {
		m.Pause(now)
	} else {
		m.Resume(now)
	}
}

// Next moves to the next step; at the last step (or when practising one
// step) it finishes the interview. It reports whether the interview is
// now finished.
func (m *Mock) Next(now time.Time) bool {
	if m.Finished {
		return true
	}
	if m.Only || m.Step == StepWrapUp {
		m.Finish(now)
		return true
	}
	m.goTo(m.Step+1, now)
	return false
}

// Prev moves back one step (not before the first, nor when practising one
// step); the clock then runs for that step again.
func (m *Mock) Prev(now time.Time) {
	if m.Finished || m.Only || m.Step == StepRequirements {
		return
	}
	m.goTo(m.Step-1, now)
}

func (m *Mock) goTo(s Step, now time.Time) {
	running := m.Running()
	m.settle(now)
	m.Step = s
	if running {
		m.RunningSince = now
	}
}

// Finish stops the clock for good.
func (m *Mock) Finish(now time.Time) {
	m.Pause(now)
	m.Finished = true
}

// Hint returns the hint for the current step and records its use with the
// time; asking again returns the same hint without a second record.
func (m *Mock) Hint(now time.Time) string {
	text := m.Problem.Hints[m.Step]
	for _, h := range m.Hints {
		if h.Step == m.Step {
			return text
		}
	}
	m.Hints = append(m.Hints, HintUse{Step: m.Step, At: m.Total(now), Text: text})
	return text
}

// HintUsed reports whether the hint of step s was asked for.
func (m *Mock) HintUsed(s Step) bool {
	for _, h := range m.Hints {
		if h.Step == s {
			return true
		}
	}
	return false
}

// RevealQuestion shows the next clarifying question and its answer; it
// reports false when all are shown.
func (m *Mock) RevealQuestion() bool {
	if m.Revealed >= len(m.Problem.Clarify) {
		return false
	}
	m.Revealed++
	return true
}

// ChecklistVisible reports whether the reference component list may be
// shown: after the high-level-design step, or once its hint was used.
func (m *Mock) ChecklistVisible() bool {
	return m.Finished || m.Step > StepHighLevelDesign || m.HintUsed(StepHighLevelDesign)
}

// AddPin pins an estimate figure; pinning the same label again replaces
// its value.
func (m *Mock) AddPin(label, value string, now time.Time) {
	for i := range m.Pins {
		if m.Pins[i].Label == label {
			m.Pins[i].Value, m.Pins[i].At = value, m.Total(now)
			return
		}
	}
	m.Pins = append(m.Pins, Pin{Label: label, Value: value, At: m.Total(now)})
}

// ToggleDeepDive marks a deep-dive topic as taken on, or not.
func (m *Mock) ToggleDeepDive(topic string) {
	for i, t := range m.Taken {
		if t == topic {
			m.Taken = append(m.Taken[:i], m.Taken[i+1:]...)
			return
		}
	}
	m.Taken = append(m.Taken, topic)
}

// SetNotes replaces the notes of step s with text. Each line keeps the
// time it was first written: a line already present keeps its time, a new
// or changed line gets the time now. Blank lines are not kept.
func (m *Mock) SetNotes(s Step, text string, now time.Time) {
	at := m.Total(now)
	var texts []string
	for raw := range strings.SplitSeq(text, "\n") {
		if t := strings.TrimRight(raw, " \t\r"); strings.TrimSpace(t) != "" {
			texts = append(texts, t)
		}
	}
	// Lines before and after the edit keep their place; match those by
	// position, and only the lines between them by text.
	old := m.Notes[s]
	lines := make([]NoteLine, len(texts))
	pre := 0
	for pre < len(old) && pre < len(texts) && old[pre].Text == texts[pre] {
		lines[pre] = old[pre]
		pre++
	}
	post := 0
	for post < len(old)-pre && post < len(texts)-pre && old[len(old)-1-post].Text == texts[len(texts)-1-post] {
		lines[len(texts)-1-post] = old[len(old)-1-post]
		post++
	}
	times := map[string][]time.Duration{}
	for _, l := range old[pre : len(old)-post] {
		times[l.Text] = append(times[l.Text], l.At)
	}
	for i := pre; i < len(texts)-post; i++ {
		t, when := texts[i], at
		if ts := times[t]; len(ts) > 0 {
			when, times[t] = ts[0], ts[1:]
		}
		lines[i] = NoteLine{Text: t, At: when}
	}
	if len(lines) == 0 {
		lines = nil
	}
	m.Notes[s] = lines
}

// NotesText is step s's notes as one text, as the editor shows them.
func (m *Mock) NotesText(s Step) string {
	var b strings.Builder
	for i, l := range m.Notes[s] {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// DueFollowUp returns the follow-up when it has just become due at now,
// and records that it was shown; it returns "" before that and after.
func (m *Mock) DueFollowUp(now time.Time) string {
	f := m.FollowUp
	if f == nil || f.Shown || m.Step != f.Step || m.StepElapsed(f.Step, now) < f.Offset {
		return ""
	}
	f.Shown, f.At = true, m.Total(now)
	return f.Text
}

// FollowUpAnswered reports whether the follow-up was shown and a note line
// was written in its step after it appeared.
func (m *Mock) FollowUpAnswered() bool {
	f := m.FollowUp
	if f == nil || !f.Shown {
		return false
	}
	for _, l := range m.Notes[f.Step] {
		if l.At >= f.At {
			return true
		}
	}
	return false
}
