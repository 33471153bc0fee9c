package drills

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// StepSummary is one step's time against its plan.
type StepSummary struct {
	Step           string  `json:"step"`
	Title          string  `json:"title"`
	PlannedSeconds float64 `json:"planned_seconds"`
	SpentSeconds   float64 `json:"spent_seconds"`
	OvertimeSecs   float64 `json:"overtime_seconds"`
	HintUsed       bool    `json:"hint_used"`
}

// TranscriptNote is a note line with its step and time into the interview.
type TranscriptNote struct {
	Step      string  `json:"step"`
	AtSeconds float64 `json:"at_seconds"`
	Text      string  `json:"text"`
}

// TranscriptHint is a hint asked for, with its step and time.
type TranscriptHint struct {
	Step      string  `json:"step"`
	AtSeconds float64 `json:"at_seconds"`
	Text      string  `json:"text"`
}

// TranscriptPin is a pinned estimate figure.
type TranscriptPin struct {
	Label     string  `json:"label"`
	Value     string  `json:"value"`
	AtSeconds float64 `json:"at_seconds"`
}

// TranscriptFollowUp is the interviewer's follow-up and whether it was
// answered in the notes.
type TranscriptFollowUp struct {
	Text      string  `json:"text"`
	Step      string  `json:"step"`
	Shown     bool    `json:"shown"`
	AtSeconds float64 `json:"at_seconds"`
	Answered  bool    `json:"answered"`
}

// TranscriptScore is one rubric line's self-assessed score (0 = not scored).
type TranscriptScore struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Score int    `json:"score"`
	Level string `json:"level,omitempty"`
}

// Transcript is everything a finished (or interrupted) mock interview
// produced, for export and history.
type Transcript struct {
	ID           string              `json:"id,omitempty"`
	Problem      string              `json:"problem"`
	Title        string              `json:"title"`
	Started      time.Time           `json:"started_at"`
	Finished     bool                `json:"finished"`
	TotalSeconds float64             `json:"total_seconds"`
	PlanSeconds  float64             `json:"plan_seconds"`
	OnlyStep     string              `json:"only_step,omitempty"` // set when one step was practised alone
	Steps        []StepSummary       `json:"steps"`
	Notes        []TranscriptNote    `json:"notes"`
	Pins         []TranscriptPin     `json:"pins"`
	Hints        []TranscriptHint    `json:"hints"`
	FollowUp     *TranscriptFollowUp `json:"follow_up,omitempty"`
	DeepDives    []string            `json:"deep_dives_taken"`
	Rubric       []TranscriptScore   `json:"rubric"`
	RubricTotal  int                 `json:"rubric_total"`
	Coverage     Coverage            `json:"coverage_report"`
}

// Transcript builds the transcript of m at now; id is the store's id.
func (m *Mock) Transcript(id string, now time.Time) Transcript {
	t := Transcript{
		ID: id, Problem: m.Problem.ID, Title: m.Problem.Title, Started: m.Started, Finished: m.Finished,
		TotalSeconds: m.Total(now).Seconds(), PlanSeconds: m.PlannedTime().Seconds(),
		Notes: []TranscriptNote{}, Pins: []TranscriptPin{}, Hints: []TranscriptHint{},
		DeepDives: append([]string{}, m.Taken...), Coverage: m.Coverage(),
	}
	if m.Only {
		t.OnlyStep = m.Step.String()
	}
	for _, s := range m.Practised() {
		spent := m.StepElapsed(s, now)
		t.Steps = append(t.Steps, StepSummary{
			Step: s.String(), Title: s.Title(), PlannedSeconds: m.Plan.Steps[s].Seconds(),
			SpentSeconds: spent.Seconds(), OvertimeSecs: max(spent-m.Plan.Steps[s], 0).Seconds(), HintUsed: m.HintUsed(s),
		})
		for _, l := range m.Notes[s] {
			t.Notes = append(t.Notes, TranscriptNote{Step: s.String(), AtSeconds: l.At.Seconds(), Text: l.Text})
		}
	}
	for _, p := range m.Pins {
		t.Pins = append(t.Pins, TranscriptPin{Label: p.Label, Value: p.Value, AtSeconds: p.At.Seconds()})
	}
	for _, h := range m.Hints {
		t.Hints = append(t.Hints, TranscriptHint{Step: h.Step.String(), AtSeconds: h.At.Seconds(), Text: h.Text})
	}
	if f := m.FollowUp; f != nil && f.Shown { // one not yet asked stays a surprise
		t.FollowUp = &TranscriptFollowUp{Text: f.Text, Step: f.Step.String(), Shown: f.Shown, AtSeconds: f.At.Seconds(), Answered: m.FollowUpAnswered()}
	}
	for _, i := range m.RubricLines() {
		r := rubric[i]
		sc := TranscriptScore{ID: r.ID, Name: r.Name, Score: m.Rubric[i]}
		if sc.Score > 0 {
			sc.Level = r.Levels[sc.Score-1]
		}
		t.Rubric = append(t.Rubric, sc)
	}
	t.RubricTotal, _ = m.RubricScore()
	return t
}

// Markdown writes the transcript as a document for a notes app.
func (t Transcript) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Mock interview: %s\n\n", t.Title)
	state := "finished"
	if !t.Finished {
		state = "interrupted"
	}
	fmt.Fprintf(&b, "- Problem: `%s`\n- Started: %s\n- Time: %s of %s planned (%s)\n- Coverage: %d%% (%d of %d checklist items)\n",
		t.Problem, t.Started.UTC().Format("2006-01-02 15:04 MST"), clockSecs(t.TotalSeconds), clockSecs(t.PlanSeconds), state,
		t.Coverage.Percent(), len(t.Coverage.Covered), len(t.Coverage.Covered)+len(t.Coverage.Missed))
	if t.OnlyStep != "" && len(t.Steps) == 1 {
		fmt.Fprintf(&b, "- Practised one step alone: %s\n", t.Steps[0].Title)
	}
	if t.RubricTotal > 0 {
		fmt.Fprintf(&b, "- Self-assessment: %d / %d\n", t.RubricTotal, 4*len(t.Rubric))
	}
	b.WriteString("\n## Time per step\n\n| Step | Planned | Spent | Overtime | Hint |\n|---|---:|---:|---:|---|\n")
	for _, s := range t.Steps {
		hint := ""
		if s.HintUsed {
			hint = "yes"
		}
		over := ""
		if s.OvertimeSecs > 0 {
			over = "+" + clockSecs(s.OvertimeSecs)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", s.Title, clockSecs(s.PlannedSeconds), clockSecs(s.SpentSeconds), over, hint)
	}
	if len(t.Pins) > 0 {
		b.WriteString("\n## Pinned figures\n\n")
		for _, p := range t.Pins {
			fmt.Fprintf(&b, "- %s: **%s** (at %s)\n", p.Label, p.Value, clockSecs(p.AtSeconds))
		}
	}
	b.WriteString("\n## Notes\n")
	for _, s := range t.Steps {
		fmt.Fprintf(&b, "\n### %s\n\n", s.Title)
		n := 0
		for _, l := range t.Notes {
			if l.Step == s.Step {
				fmt.Fprintf(&b, "- `%s` %s\n", clockSecs(l.AtSeconds), l.Text)
				n++
			}
		}
		if n == 0 {
			b.WriteString("_No notes._\n")
		}
	}
	if len(t.DeepDives) > 0 {
		fmt.Fprintf(&b, "\nDeep dives taken on: %s.\n", strings.Join(t.DeepDives, ", "))
	}
	if len(t.Hints) > 0 {
		b.WriteString("\n## Hints used\n\n")
		for _, h := range t.Hints {
			fmt.Fprintf(&b, "- `%s` (%s) %s\n", clockSecs(h.AtSeconds), h.Step, h.Text)
		}
	}
	if f := t.FollowUp; f != nil && f.Shown {
		ans := "not answered in the notes"
		if f.Answered {
			ans = "answered"
		}
		fmt.Fprintf(&b, "\n## Follow-up\n\n> %s\n\nAsked at %s during %s; %s.\n", f.Text, clockSecs(f.AtSeconds), f.Step, ans)
	}
	writeCoverageMarkdown(&b, t.Coverage)
	if t.RubricTotal > 0 {
		b.WriteString("\n## Self-assessment\n\n| Line | Score | What it means |\n|---|---:|---|\n")
		for _, r := range t.Rubric {
			fmt.Fprintf(&b, "| %s | %d | %s |\n", r.Name, r.Score, r.Level)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCoverageMarkdown writes the covered and missed checklist items.
func writeCoverageMarkdown(b *strings.Builder, c Coverage) {
	fmt.Fprintf(b, "\n## Coverage: %d%%\n\n", c.Percent())
	if len(c.Covered) > 0 {
		b.WriteString("Covered:\n\n")
		for _, it := range c.Covered {
			if it.Line == "" {
				fmt.Fprintf(b, "- [x] %s (marked covered by hand)\n", it.Item)
				continue
			}
			fmt.Fprintf(b, "- [x] %s: \"%s\"\n", it.Item, it.Line)
		}
	}
	if len(c.Missed) > 0 {
		if len(c.Covered) > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("Missed:\n\n")
		for _, it := range c.Missed {
			by := ""
			if it.Overruled {
				by = " (marked missed by hand)"
			}
			fmt.Fprintf(b, "- [ ] %s%s: read `sdprep learn %s`\n", it.Item, by, it.Topic)
		}
	}
}

// clockSecs writes seconds as a m:ss clock.
func clockSecs(s float64) string { return FormatClock(time.Duration(s * float64(time.Second))) }
