package drills

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sdprep/sdprep/content"
)

// CoveredItem is a checklist item found in the notes, with the first line
// that mentions it. Overruled is set when the candidate marked the match
// as wrong (it then counts as missed).
type CoveredItem struct {
	Item    string `json:"item"`
	ID      string `json:"id"`
	Line    string `json:"line"`
	LineNo  int    `json:"line_number,omitempty"` // 1-based, in graded files
	Keyword string `json:"keyword"`
	// Overruled is set when the candidate marked the item covered by hand.
	Overruled bool `json:"overruled,omitempty"`
}

// MissedItem is a checklist item the notes do not mention, with the topic
// to read.
type MissedItem struct {
	Item  string `json:"item"`
	ID    string `json:"id"`
	Topic string `json:"topic"`
	// Overruled is set when the candidate marked a matched item missed.
	Overruled bool `json:"overruled,omitempty"`
}

// Coverage is the result of matching notes against a checklist.
// Fraction is covered items over all items (0 to 1).
type Coverage struct {
	Fraction float64       `json:"coverage"`
	Covered  []CoveredItem `json:"covered"`
	Missed   []MissedItem  `json:"missed"`
}

// MarshalJSON encodes c with empty lists as [] rather than null, so a
// script can range over covered and missed without a null check, even
// for a Coverage built by hand.
func (c Coverage) MarshalJSON() ([]byte, error) {
	type plain Coverage // without this method
	if c.Covered == nil {
		c.Covered = []CoveredItem{}
	}
	if c.Missed == nil {
		c.Missed = []MissedItem{}
	}
	return json.Marshal(plain(c))
}

// Percent is the coverage in whole per cent, rounded to nearest.
func (c Coverage) Percent() int { return int(c.Fraction*100 + 0.5) }

// MatchCoverage matches lines of notes against items. Matching is
// deterministic, case-insensitive and on word boundaries: a keyword
// matches where its words appear as whole words, in order, separated by
// any punctuation or space ("fan-out" matches "fan out" and "Fan-Out"),
// and a trailing plural s or es is allowed ("caches"). An all-of keyword
// ("timeline+cache", see content.AllOf) matches a line that holds every
// one of its parts so, in any order ("cache of each user's timeline").
// An item is covered by the first line, in order, that holds any of its
// keywords. Covered and Missed are never nil, so they encode as [].
//
// overrides lets the candidate overrule the matcher: an item id mapped to
// false is missed even if matched, to true covered even if not (its line
// is then empty).
func MatchCoverage(items []content.ChecklistItem, lines []string, overrides map[string]bool) Coverage {
	ix := newLineIndex(lines)
	c := Coverage{Covered: []CoveredItem{}, Missed: []MissedItem{}}
	for _, it := range items {
		cov, found := findItem(it, lines, ix)
		overruled := false
		if o, ok := overrides[it.ID]; ok && o != found {
			overruled, found = true, o
			cov = CoveredItem{Item: it.Label, ID: it.ID, Overruled: true}
		}
		if found {
			c.Covered = append(c.Covered, cov)
		} else {
			c.Missed = append(c.Missed, MissedItem{Item: it.Label, ID: it.ID, Topic: it.Topic, Overruled: overruled})
		}
	}
	if len(items) > 0 {
		c.Fraction = float64(len(c.Covered)) / float64(len(items))
	}
	return c
}

// NoteLines flattens every step's notes into lines, in step order, for
// matching.
func (m *Mock) NoteLines() []string {
	var out []string
	for s := range Step(NumSteps) {
		for _, l := range m.Notes[s] {
			out = append(out, l.Text)
		}
	}
	return out
}

// Coverage matches the interview's notes against the problem's checklist,
// with the candidate's overrides.
func (m *Mock) Coverage() Coverage {
	return MatchCoverage(m.Problem.Checklist, m.NoteLines(), m.Overrides)
}

// Overrule flips the matcher's verdict on a checklist item: a covered item
// becomes missed and a missed one covered. A second call undoes it.
func (m *Mock) Overrule(id string) {
	if _, ok := m.Overrides[id]; ok {
		delete(m.Overrides, id)
		return
	}
	matched := slices.ContainsFunc(MatchCoverage(m.Problem.Checklist, m.NoteLines(), nil).Covered,
		func(c CoveredItem) bool { return c.ID == id })
	if m.Overrides == nil {
		m.Overrides = map[string]bool{}
	}
	m.Overrides[id] = !matched
}

// Markdown writes the coverage report: covered items with the line that
// covered them, missed items with the topic to read.
func (c Coverage) Markdown(w io.Writer) error {
	var b strings.Builder
	writeCoverageMarkdown(&b, c)
	_, err := io.WriteString(w, strings.TrimPrefix(b.String(), "\n"))
	return err
}

// Text writes the coverage report for a terminal.
func (c Coverage) Text(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Coverage: %d%% (%d of %d checklist items)\n", c.Percent(), len(c.Covered), len(c.Covered)+len(c.Missed))
	if len(c.Covered) > 0 {
		b.WriteString("\nCovered\n")
		for _, it := range c.Covered {
			switch {
			case it.Line == "":
				fmt.Fprintf(&b, "  ✓ %s (marked covered by hand)\n", it.Item)
			case it.LineNo > 0:
				fmt.Fprintf(&b, "  ✓ %s  line %d: %s\n", it.Item, it.LineNo, it.Line)
			default:
				fmt.Fprintf(&b, "  ✓ %s: %s\n", it.Item, it.Line)
			}
		}
	}
	if len(c.Missed) > 0 {
		b.WriteString("\nMissed\n")
		for _, it := range c.Missed {
			fmt.Fprintf(&b, "  ✗ %s  read: sdprep learn %s\n", it.Item, it.Topic)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// GradeNotes matches notes written anywhere else (an editor, a typed-up
// whiteboard) against a problem's checklist, with the matcher the end of
// a mock uses. Line numbers in the result are the notes' own.
func GradeNotes(checklist []content.ChecklistItem, notes string) Coverage {
	return MatchCoverage(checklist, strings.Split(notes, "\n"), nil)
}
