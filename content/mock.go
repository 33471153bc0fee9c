package content

import (
	"fmt"
	"strings"
)

// Mock is what the mock-interview mode needs from a problem, parsed from
// three places in the file (see FORMAT.md, "Mock interview material"):
// the bullets of "## Clarifying questions", the "Read:" line of each
// "###" under "## Deep dives", and the "## Mock interview" section with
// its Checklist, Follow-ups and Hints subsections. The estimator preset
// is Problem.Preset. Every slice is non-nil after ParseProblem; Validate
// reports what is missing or malformed.
type Mock struct {
	// Clarify are the clarifying questions with the interviewer's answers,
	// in file order.
	Clarify []QA `json:"clarify"`
	// Checklist is the reference design as 8–15 components or decisions,
	// each with the keywords that show a candidate covered it.
	Checklist []ChecklistItem `json:"checklist"`
	// DeepDives are the problem's deep-dive topics, each linked to the
	// learn topics that explain it.
	DeepDives []DeepDive `json:"deep_dives"`
	// FollowUps are 3–5 interviewer interruptions ("traffic grows 10×:
	// what breaks first?"), asked during the deep dive or wrap-up.
	FollowUps []string `json:"follow_ups"`
	// Hints holds one hint per interview step, indexed like MockSteps.
	Hints [MockStepCount]string `json:"hints"`

	issues []mockIssue // malformed lines, reported by Validate
}

// QA is one clarifying question and the answer an interviewer gives.
type QA struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// ChecklistItem is one component or decision of the reference design.
type ChecklistItem struct {
	// ID is kebab-case and unique within the problem ("timeline-cache").
	ID string `json:"id"`
	// Label names the item for people ("Timeline cache of tweet ids").
	Label string `json:"label"`
	// Keywords are lower-case words and phrases whose presence in notes
	// (case-insensitive, on word boundaries) shows the item was covered.
	// A keyword whose parts are joined by AllOf ("timeline+cache") needs
	// every part on the same line, in any order (see KeywordParts). No
	// keyword repeats within a problem.
	Keywords []string `json:"keywords"`
	// Topic is the id of the learn topic to read when the item is missed.
	Topic string `json:"topic"`

	line int // the bullet's line in the file, for Validate
}

// DeepDive is one "###" topic of a problem's Deep dives section.
type DeepDive struct {
	// Title is the subsection heading ("Fan-out on write vs fan-out on read").
	Title string `json:"title"`
	// Topics are learn topic ids from the subsection's "Read:" line.
	Topics []string `json:"topics"`
}

// MockStepCount is the number of steps of a mock interview.
const MockStepCount = 5

// MockSteps names the steps of a mock interview in order; Mock.Hints and
// the "### Hints" bullets follow it.
var MockSteps = [MockStepCount]string{
	"Requirements", "Estimation", "High-level design", "Deep dive", "Bottlenecks and wrap-up",
}

// Headings of the mock material.
const (
	SectionMockInterview = "Mock interview"
	SubsectionChecklist  = "Checklist"
	SubsectionFollowUps  = "Follow-ups"
	SubsectionHints      = "Hints"
)

// Limits the validator applies to the mock material.
const (
	MinChecklist, MaxChecklist = 8, 15
	MinFollowUps, MaxFollowUps = 3, 5
	MinClarify                 = 3
)

// mockIssue is a line of mock material that does not parse.
type mockIssue struct {
	line   int
	reason string
}

// boldLead splits "**bold** rest" into its bold text and the trimmed
// rest; ok is false when the text does not start with a non-empty bold
// run.
func boldLead(text string) (bold, rest string, ok bool) {
	after, found := strings.CutPrefix(text, "**")
	if !found {
		return "", "", false
	}
	bold, rest, found = strings.Cut(after, "**")
	if !found || bold == "" {
		return "", "", false
	}
	return bold, strings.TrimSpace(rest), true
}

// parseChecklistItem parses
// "**Label** (id `item-id`, learn `topic-id`): keyword, keyword".
func parseChecklistItem(text string) (ChecklistItem, bool) {
	label, rest, ok := boldLead(text)
	if !ok {
		return ChecklistItem{}, false
	}
	var id, topic string
	for _, step := range []struct {
		prefix string
		dst    *string
	}{{"(id `", &id}, {", learn `", &topic}} {
		if rest, ok = strings.CutPrefix(rest, step.prefix); !ok {
			return ChecklistItem{}, false
		}
		if *step.dst, rest, ok = strings.Cut(rest, "`"); !ok {
			return ChecklistItem{}, false
		}
	}
	keywords, ok := strings.CutPrefix(rest, "): ")
	if !ok {
		return ChecklistItem{}, false
	}
	return ChecklistItem{ID: id, Label: label, Keywords: splitKeywords(keywords), Topic: topic}, true
}

// parseMock reads the mock material of p from its sections.
func parseMock(p *Problem) Mock {
	m := Mock{Clarify: []QA{}, Checklist: []ChecklistItem{}, DeepDives: []DeepDive{}, FollowUps: []string{}}
	if s, ok := p.Section(SectionClarifyingQuestions); ok {
		for _, b := range bullets(s) {
			q, a, ok := boldLead(b.text)
			if !ok || !strings.HasSuffix(q, "?") || a == "" {
				m.issue(b.line, "a clarifying question is written `- **Question?** Answer.`, got %q", clip(b.text))
				continue
			}
			m.Clarify = append(m.Clarify, QA{Question: q, Answer: a})
		}
	}
	for _, d := range p.DeepDiveTopics() {
		m.DeepDives = append(m.DeepDives, DeepDive{Title: d.Heading, Topics: readLine(d.Body)})
	}
	s, ok := p.Section(SectionMockInterview)
	if !ok {
		return m
	}
	if sub, ok := s.Subsection(SubsectionChecklist); ok {
		for _, b := range bullets(sub) {
			it, ok := parseChecklistItem(b.text)
			if !ok {
				m.issue(b.line, "a checklist item is written \"- **Label** (id `item-id`, learn `topic-id`): keyword, keyword\", got %q", clip(b.text))
				continue
			}
			it.line = b.line
			m.Checklist = append(m.Checklist, it)
		}
	}
	if sub, ok := s.Subsection(SubsectionFollowUps); ok {
		for _, b := range bullets(sub) {
			m.FollowUps = append(m.FollowUps, b.text)
		}
	}
	if sub, ok := s.Subsection(SubsectionHints); ok {
		for i, b := range bullets(sub) {
			label, hint, ok := boldLead(b.text)
			switch {
			case i >= MockStepCount:
				m.issue(b.line, "more than %d hints: one per step (%s)", MockStepCount, strings.Join(MockSteps[:], ", "))
			case !ok || label != MockSteps[i]+":" || hint == "":
				m.issue(b.line, "hint %d is written `- **%s:** hint`, got %q", i+1, MockSteps[i], clip(b.text))
			default:
				m.Hints[i] = hint
			}
		}
	}
	return m
}

func (m *Mock) issue(line int, format string, args ...any) {
	m.issues = append(m.issues, mockIssue{line: line, reason: fmt.Sprintf(format, args...)})
}

// bullet is one top-level "- " list item with its continuation lines
// joined by single spaces.
type bullet struct {
	text string
	line int
}

// bullets returns the top-level "- " items of s. Indented lines continue
// the item above them; other lines, and fenced blocks, are not items.
func bullets(s Section) []bullet {
	var out []bullet
	inFence, open := false, false
	for i, line := range strings.Split(s.Body, "\n") {
		if fenceMarker(line) != "" {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "- "); ok {
			out = append(out, bullet{text: strings.TrimSpace(rest), line: s.bodyLine + i})
			open = true
			continue
		}
		switch t := strings.TrimSpace(line); {
		case t == "":
		case open && strings.HasPrefix(line, " "):
			out[len(out)-1].text += " " + t
		default:
			open = false
		}
	}
	return out
}

// readLine returns the ids in backticks on the "Read:" line of a deep
// dive, or an empty slice.
func readLine(body string) []string {
	ids := []string{}
	for _, line := range strings.Split(body, "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "Read:")
		for ok {
			var id string
			if _, rest, ok = strings.Cut(rest, "`"); !ok {
				break
			}
			if id, rest, ok = strings.Cut(rest, "`"); ok && id != "" {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// AllOf joins the parts of an all-of checklist keyword: "timeline+cache"
// matches a note line that holds both "timeline" and "cache", in any
// order, where "cache" alone would match any line about any cache.
const AllOf = "+"

// KeywordParts splits a checklist keyword into its all-of parts, each
// trimmed: "timeline+cache" gives [timeline cache], and a plain keyword
// or phrase ("object store") is a single part. Empty parts ("timeline+")
// are kept, for the validator to report.
func KeywordParts(k string) []string {
	parts := strings.Split(k, AllOf)
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// splitKeywords splits a comma-separated keyword list, trimming each and
// dropping a final full stop.
func splitKeywords(s string) []string {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	var out []string
	for _, k := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(k))
	}
	return out
}
