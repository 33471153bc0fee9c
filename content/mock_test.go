package content

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"unicode/utf8"
)

func TestParseMockOfAnEmbeddedProblem(t *testing.T) {
	p, ok := library(t).Problem("twitter")
	if !ok {
		t.Fatal("no twitter problem")
	}
	m := p.Mock
	if len(m.Clarify) != 9 || m.Clarify[0].Question != "Which features are in scope?" ||
		!strings.HasPrefix(m.Clarify[0].Answer, "Posting, following,") || strings.Contains(m.Clarify[0].Answer, "\n") {
		t.Errorf("Clarify = %d items, first %+v", len(m.Clarify), m.Clarify[0])
	}
	fan := m.Checklist[1]
	if fan.ID != "fan-out" || fan.Label != "Fan-out on write to follower timelines" || fan.Topic != "news-feed-fan-out" ||
		fan.Keywords[0] != "fan-out+write" || fan.Keywords[len(fan.Keywords)-1] != "fanned out+follower" {
		t.Errorf("checklist item 2 = %+v", fan)
	}
	if len(m.DeepDives) != 6 || m.DeepDives[0].Title != "Fan-out on write vs fan-out on read" ||
		strings.Join(m.DeepDives[0].Topics, ",") != "news-feed-fan-out,message-queue" {
		t.Errorf("DeepDives = %+v", m.DeepDives)
	}
	if len(m.FollowUps) != 4 || !strings.HasPrefix(m.FollowUps[0], "Traffic grows 10×") {
		t.Errorf("FollowUps = %q", m.FollowUps)
	}
	for i, h := range m.Hints {
		if h == "" || strings.HasPrefix(h, "**") {
			t.Errorf("hint %d (%s) = %q", i, MockSteps[i], h)
		}
	}
}

// covered reports the first line of notes that mentions one of the
// item's keywords (every part of an all-of keyword), case-insensitively
// and on word boundaries, the way the mock's coverage report matches.
func covered(notes string, it ChecklistItem) (string, bool) {
	for _, line := range strings.Split(notes, "\n") {
		low := strings.ToLower(strings.Join(strings.Fields(line), " "))
		for _, k := range it.Keywords {
			if !slices.ContainsFunc(KeywordParts(k), func(p string) bool { return !containsWord(low, p) }) {
				return line, true
			}
		}
	}
	return "", false
}

func containsWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

// TestChecklistKeywordsMatchThemselves guards against keywords the
// matcher can never find, such as ones with stray spaces or capitals.
func TestChecklistKeywordsMatchThemselves(t *testing.T) {
	for _, p := range library(t).Problems() {
		for _, it := range p.Mock.Checklist {
			for _, k := range it.Keywords {
				if _, ok := covered("we use "+k+" here", it); !ok || strings.Join(strings.Fields(k), " ") != k {
					t.Errorf("%s: item %q: keyword %q does not match itself", p.File, it.ID, k)
				}
			}
		}
	}
}

func FuzzParseMock(f *testing.F) {
	f.Add(validProblem("pastebin", "pastebin"))
	f.Add("---\nid: x\n---\n## Clarifying questions\n- **Q?**\n  more\n```\n- **no**\n```\n## Mock interview\n### Hints\n- **Requirements:**x\n")
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParseProblem("problems/x.md", []byte(src))
		if err != nil {
			if !errors.Is(err, ErrSyntax) {
				t.Fatalf("error %v is not a syntax error", err)
			}
			return
		}
		m := p.Mock
		if m.Clarify == nil || m.Checklist == nil || m.DeepDives == nil || m.FollowUps == nil {
			t.Fatalf("nil slice in %+v", m)
		}
		for _, qa := range m.Clarify {
			if !strings.HasSuffix(qa.Question, "?") || qa.Answer == "" {
				t.Fatalf("bad QA %+v", qa)
			}
		}
		for _, is := range m.issues {
			if is.line < 1 || is.reason == "" {
				t.Fatalf("issue without a line or reason: %+v", is)
			}
		}
	})
}
