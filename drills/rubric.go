package drills

import "fmt"

// RubricLine is one line of the self-assessment: what is judged and a
// one-line description of each level, 1 (weak) to 4 (strong).
type RubricLine struct {
	ID     string    `json:"id"`
	Name   string    `json:"name"`
	Levels [4]string `json:"levels"`
}

// NumRubric is the number of rubric lines.
const NumRubric = 6

// Rubric is the self-assessment every mock ends with. The levels describe
// what an interviewer would have seen, so a candidate scores behaviour,
// not feelings.
var rubric = [NumRubric]RubricLine{
	{"requirements", "Requirements", [4]string{
		"Started designing without asking what the system must do or at what scale.",
		"Listed features, but left scale, consistency or latency targets unstated.",
		"Agreed functional and non-functional requirements and what is out of scope.",
		"Also found the requirement that shapes the design (read:write ratio, freshness, the hot key) and said why.",
	}},
	{"estimation", "Estimation", [4]string{
		"No numbers, or numbers off by orders of magnitude.",
		"Some numbers, but units or the peak factor were wrong or missing.",
		"QPS, storage and bandwidth right within a small factor, with units.",
		"Right numbers, and used them to make a decision (cache size, shard count, fleet size).",
	}},
	{"high-level-design", "High-level design", [4]string{
		"No end-to-end picture; components named but not connected.",
		"A working path for the main request, with gaps (no storage choice, no API).",
		"API, data model and components covering every functional requirement.",
		"A clear design that already anticipates the scale, with each component justified.",
	}},
	{"deep-dive", "Deep dive", [4]string{
		"Stayed at the surface when asked to go deeper.",
		"Went deeper on one part but missed its failure modes.",
		"Designed one or two hard parts in detail, including failures and limits.",
		"Detailed, with numbers, alternatives weighed, and the limits of the chosen approach.",
	}},
	{"tradeoffs", "Trade-offs", [4]string{
		"Presented choices as free; no alternatives.",
		"Named alternatives without saying what each costs.",
		"Stated the trade-off of each major choice (consistency, latency, cost, complexity).",
		"Tied each trade-off to a requirement and said when the choice would flip.",
	}},
	{"communication", "Communication", [4]string{
		"Hard to follow; the interviewer had to drive.",
		"Followable, but long silences or jumps between topics.",
		"Structured, checked in with the interviewer, kept to time.",
		"Led the session, used the interviewer's prompts well, and summarised decisions.",
	}},
}

// Rubric returns the self-assessment lines.
func Rubric() []RubricLine { return rubric[:] }

// SetScore records the self-assessed score (1–4) of rubric line i.
func (m *Mock) SetScore(i, score int) error {
	if i < 0 || i >= NumRubric {
		return fmt.Errorf("rubric line %d: want 0 to %d", i, NumRubric-1)
	}
	if score < 1 || score > 4 {
		return fmt.Errorf("rubric score %d for %s: want 1 to 4", score, rubric[i].Name)
	}
	m.Rubric[i] = score
	return nil
}

// RubricLines are the rubric lines this session is scored on: all six,
// or, for one step practised alone, the line of that step (wrap-up is
// scored as trade-offs).
func (m *Mock) RubricLines() []int {
	if m.Only {
		return []int{int(m.Step)}
	}
	lines := make([]int, NumRubric)
	for i := range lines {
		lines[i] = i
	}
	return lines
}

// RubricScore is the sum of the scores given (0 to 24) and how many lines
// were scored.
func (m *Mock) RubricScore() (sum, scored int) {
	for _, s := range m.Rubric {
		if s > 0 {
			sum += s
			scored++
		}
	}
	return sum, scored
}
