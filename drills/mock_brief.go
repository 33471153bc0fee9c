package drills

import (
	"fmt"
	"io"
	"strings"

	"github.com/sdprep/sdprep/content"
)

// BriefStep is one step of the plan in a brief.
type BriefStep struct {
	Step    string  `json:"step"`
	Title   string  `json:"title"`
	Minutes float64 `json:"minutes"`
	Hint    string  `json:"hint"`
}

// Brief is a problem's mock-interview material laid out for notes: what
// `sdprep mock PROBLEM --print` shows, without the TUI.
type Brief struct {
	Problem   string                  `json:"problem"`
	Title     string                  `json:"title"`
	Prompt    string                  `json:"prompt"`
	Preset    string                  `json:"preset"`
	Plan      []BriefStep             `json:"plan"`
	Clarify   []content.QA            `json:"clarifying_questions"`
	Checklist []content.ChecklistItem `json:"checklist"`
	DeepDives []content.DeepDive      `json:"deep_dives"`
	FollowUps []string                `json:"follow_ups"`
}

// NewBrief lays out p's material with plan.
func NewBrief(p MockProblem, plan MockPlan) Brief {
	b := Brief{Problem: p.ID, Title: p.Title, Prompt: strings.TrimSpace(p.Prompt), Preset: p.Preset,
		Clarify: p.Clarify, Checklist: p.Checklist, DeepDives: p.DeepDives, FollowUps: p.FollowUps}
	for s := range Step(NumSteps) {
		b.Plan = append(b.Plan, BriefStep{Step: s.String(), Title: s.Title(), Minutes: plan.Steps[s].Minutes(), Hint: p.Hints[s]})
	}
	return b
}

// Markdown writes the brief for a notes app.
func (b Brief) Markdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n%s\n\n## Plan\n\n| Step | Minutes |\n|---|---:|\n", b.Title, b.Prompt)
	for _, p := range b.Plan {
		fmt.Fprintf(&s, "| %s | %s |\n", p.Title, minutes(p.Minutes))
	}
	s.WriteString("\n## Clarifying questions\n\n")
	for _, q := range b.Clarify {
		fmt.Fprintf(&s, "- %s\n  - %s\n", q.Question, q.Answer)
	}
	fmt.Fprintf(&s, "\n## Estimation\n\nStart from `sdprep estimate %s`.\n\n## Reference checklist\n\nEach item, then the words the grader looks for; `a + b` means both on one line.\n\n", b.Preset)
	for _, it := range b.Checklist {
		kws := make([]string, len(it.Keywords))
		for i, k := range it.Keywords {
			kws[i] = strings.ReplaceAll(k, content.AllOf, " + ") // all of these words on one line
		}
		fmt.Fprintf(&s, "- **%s** (read `sdprep learn %s`): %s\n", it.Label, it.Topic, strings.Join(kws, ", "))
	}
	s.WriteString("\n## Deep dives\n\n")
	for _, d := range b.DeepDives {
		fmt.Fprintf(&s, "- %s (%s)\n", d.Title, strings.Join(d.Topics, ", "))
	}
	s.WriteString("\n## Follow-ups\n\n")
	for _, f := range b.FollowUps {
		fmt.Fprintf(&s, "- %s\n", f)
	}
	s.WriteString("\n## Hints\n\n")
	for _, p := range b.Plan {
		fmt.Fprintf(&s, "- **%s:** %s\n", p.Title, p.Hint)
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// Text writes the brief for a terminal.
func (b Brief) Text(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "%s\n\n%s\n\nPlan\n", b.Title, b.Prompt)
	for i, p := range b.Plan {
		fmt.Fprintf(&s, "  %d. %-24s %s min\n", i+1, p.Title, minutes(p.Minutes))
	}
	s.WriteString("\nClarifying questions\n")
	for _, q := range b.Clarify {
		fmt.Fprintf(&s, "  - %s\n    %s\n", q.Question, q.Answer)
	}
	fmt.Fprintf(&s, "\nEstimation: sdprep estimate %s\n\nReference checklist\n", b.Preset)
	for _, it := range b.Checklist {
		fmt.Fprintf(&s, "  - %s (sdprep learn %s)\n", it.Label, it.Topic)
	}
	s.WriteString("\nDeep dives\n")
	for _, d := range b.DeepDives {
		fmt.Fprintf(&s, "  - %s\n", d.Title)
	}
	s.WriteString("\nFollow-ups\n")
	for _, f := range b.FollowUps {
		fmt.Fprintf(&s, "  - %s\n", f)
	}
	_, err := io.WriteString(w, s.String())
	return err
}

// minutes writes a minute count without needless decimals: 5, 1.5.
func minutes(m float64) string {
	if m == float64(int(m)) {
		return fmt.Sprint(int(m))
	}
	return fmt.Sprintf("%.1f", m)
}
