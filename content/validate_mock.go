package content

import (
	"fmt"
	"slices"
	"strings"
)

// mock checks a problem's mock-interview material: at least MinClarify
// answered clarifying questions; a Read line naming existing topics under
// every deep dive; MinChecklist–MaxChecklist checklist items with unique
// kebab-case ids, labels, existing topics and keywords that are non-empty,
// lower-case, unique within the problem and, when written as all-of
// parts, without empty or repeated parts; MinFollowUps–MaxFollowUps
// follow-ups; and one hint per step.
func (v *validator) mock(p *Problem) {
	m := p.Mock
	for _, is := range m.issues {
		v.add(ErrSyntax, p.File, is.line, "%s", is.reason)
	}
	if s, ok := p.Section(SectionClarifyingQuestions); ok && s.Body != "" && len(m.Clarify) < MinClarify {
		v.add(ErrMissingSection, p.File, s.Line, "%q has %d answered questions; at least %d are needed", SectionClarifyingQuestions, len(m.Clarify), MinClarify)
	}
	for _, d := range p.DeepDiveTopics() {
		dd := DeepDive{Topics: readLine(d.Body)}
		if len(dd.Topics) == 0 {
			v.add(ErrMissingSection, p.File, d.Line, "deep dive %q has no \"Read: `topic-id`\" line linking it to learn topics", d.Heading)
		}
		for _, id := range dd.Topics {
			if !v.topicIDs[id] {
				v.add(ErrUnresolved, p.File, d.Line, "deep dive %q reads %q, which names no topic", d.Heading, id)
			}
		}
	}
	s, ok := p.Section(SectionMockInterview)
	if !ok || s.Body == "" {
		return // sections() reports it
	}
	for _, sub := range []string{SubsectionChecklist, SubsectionFollowUps, SubsectionHints} {
		if ss, ok := s.Subsection(sub); !ok || ss.Body == "" {
			v.add(ErrMissingSection, p.File, s.Line, "%q needs a non-empty \"### %s\" subsection", SectionMockInterview, sub)
		}
	}
	v.checklist(p, s)
	if n := len(m.FollowUps); n < MinFollowUps || n > MaxFollowUps {
		v.add(ErrInvalidValue, p.File, subLine(s, SubsectionFollowUps), "%d follow-ups; %d to %d are accepted", n, MinFollowUps, MaxFollowUps)
	}
	for i, h := range m.Hints {
		if h == "" {
			v.add(ErrMissingSection, p.File, subLine(s, SubsectionHints), "no hint for step %q (write `- **%s:** hint` under \"### %s\")", MockSteps[i], MockSteps[i], SubsectionHints)
		}
	}
}

func (v *validator) checklist(p *Problem, s Section) {
	items := p.Mock.Checklist
	if n := len(items); n < MinChecklist || n > MaxChecklist {
		v.add(ErrInvalidValue, p.File, subLine(s, SubsectionChecklist), "%d checklist items; %d to %d are accepted", n, MinChecklist, MaxChecklist)
	}
	ids := map[string]bool{}
	owner := map[string]string{} // keyword → item id
	for _, it := range items {
		line := it.line
		switch {
		case !isKebab(it.ID):
			v.add(ErrInvalidValue, p.File, line, "checklist id %q is not kebab-case", it.ID)
		case ids[it.ID]:
			v.add(ErrDuplicate, p.File, line, "checklist id %q repeats", it.ID)
		}
		ids[it.ID] = true
		if !v.topicIDs[it.Topic] {
			v.add(ErrUnresolved, p.File, line, "checklist item %q: learn topic %q names no topic", it.ID, it.Topic)
		}
		if slices.Contains(it.Keywords, "") || len(it.Keywords) == 0 {
			v.add(ErrInvalidValue, p.File, line, "checklist item %q has an empty keyword (keywords are separated by commas)", it.ID)
		}
		for _, k := range it.Keywords {
			switch prev, dup := owner[canonicalKeyword(k)]; {
			case k == "":
			case k != strings.ToLower(k):
				v.add(ErrInvalidValue, p.File, line, "checklist item %q: keyword %q is not lower-case (matching ignores case)", it.ID, k)
			case partsIssue(k) != "":
				v.add(ErrInvalidValue, p.File, line, "checklist item %q: keyword %q %s", it.ID, k, partsIssue(k))
			case dup:
				v.add(ErrDuplicate, p.File, line, "checklist item %q: keyword %q is already a keyword of %q", it.ID, k, prev)
			default:
				owner[canonicalKeyword(k)] = it.ID
			}
		}
	}
}

// partsIssue says what is wrong with the all-of parts of keyword k (an
// empty part, a part given twice), or returns "" when they are fine.
func partsIssue(k string) string {
	parts := KeywordParts(k)
	if slices.Contains(parts, "") {
		return "has an empty part (an all-of keyword joins non-empty parts with " + AllOf + ", as in timeline" + AllOf + "cache)"
	}
	slices.Sort(parts)
	for i := 1; i < len(parts); i++ {
		if parts[i] == parts[i-1] {
			return fmt.Sprintf("repeats the part %q", parts[i])
		}
	}
	return ""
}

// canonicalKeyword is k with its all-of parts sorted, so that
// "cache+timeline" and "timeline+cache" count as the same keyword.
func canonicalKeyword(k string) string {
	parts := KeywordParts(k)
	slices.Sort(parts)
	return strings.Join(parts, AllOf)
}

// subLine is the line of the "###" subsection of s named heading, or of
// s itself when there is none.
func subLine(s Section, heading string) int {
	if ss, ok := s.Subsection(heading); ok {
		return ss.Line
	}
	return s.Line
}
