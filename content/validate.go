package content

import (
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sdprep/sdprep/estimate"
)

// MaxSummary is the longest summary, in characters, the format allows.
const MaxSummary = 120

// MaxTradeoff is the longest topic trade-off line, in characters, the
// format allows.
const MaxTradeoff = 140

// Validate checks a loaded library against the rules in FORMAT.md and
// returns every violation as an *Error naming the file and line, or nil.
// Each wraps one of the Err* kinds. It checks:
//
//   - ids are kebab-case, match their file names and are unique; aliases
//     are kebab-case and collide with no id or other alias;
//   - title and summary are present, the summary at most MaxSummary
//     characters; a topic has a tradeoff line of at most MaxTradeoff
//     characters and a valid category; a problem's preset exists
//     in the estimate package;
//   - every related id names a topic, and a topic's Related section lists
//     exactly the related ids;
//   - the body has no title heading and no text before its first section;
//     the required sections are present, non-empty and in order, with no
//     other level-2 sections; Trade-offs has non-empty "### Pros" and
//     "### Cons"; a problem's Estimation names `sdprep estimate <preset>`,
//     its High-level design has a fenced diagram and its Deep dives has at
//     least one "###" topic;
//   - a problem's mock-interview material (Problem.Mock) is complete and
//     well formed, as validator.mock describes.
func Validate(lib *Library) []error {
	v := &validator{topicIDs: map[string]bool{}}
	for _, t := range lib.topics {
		v.topicIDs[t.ID] = true
	}
	for _, t := range lib.topics {
		v.topic(t)
	}
	for _, p := range lib.problems {
		v.problem(p)
	}
	v.uniqueTopicNames(lib.topics)
	v.uniqueProblemIDs(lib.problems)
	return v.errs
}

type validator struct {
	topicIDs map[string]bool
	errs     []error
}

func (v *validator) add(kind error, file string, line int, format string, args ...any) {
	v.errs = append(v.errs, errorf(kind, file, line, format, args...))
}

// sectionRule is one level-2 section a kind of document must (or may) have.
type sectionRule struct {
	heading  string
	optional bool
}

var topicRules, problemRules = func() ([]sectionRule, []sectionRule) {
	var t, p []sectionRule
	for _, h := range TopicSections {
		t = append(t, sectionRule{heading: h, optional: h == SectionNumbersToKnow})
	}
	for _, h := range ProblemSections {
		p = append(p, sectionRule{heading: h})
	}
	return t, p
}()

func (v *validator) topic(t *Topic) {
	v.common(t.src, t.ID, "topics", t.Title, t.Summary, t.Related)
	switch {
	case t.Category == "":
		v.add(ErrMissingKey, t.File, t.src.line("category"), "category is missing (accepted: %s)", categoryList())
	case !t.Category.Valid():
		v.add(ErrInvalidValue, t.File, t.src.line("category"), "category %q is not one of %s", t.Category, categoryList())
	}
	switch n := utf8.RuneCountInString(t.Tradeoff); {
	case n == 0:
		v.add(ErrMissingKey, t.File, t.src.line("tradeoff"), "tradeoff is missing (one line stating the key trade-off)")
	case n > MaxTradeoff:
		v.add(ErrInvalidValue, t.File, t.src.line("tradeoff"), "tradeoff is %d characters; at most %d are allowed", n, MaxTradeoff)
	}
	for _, a := range t.Aliases {
		switch {
		case !isKebab(a):
			v.add(ErrInvalidValue, t.File, t.src.line("aliases"), "alias %q is not kebab-case (lower-case words joined by '-')", a)
		case a == t.ID:
			v.add(ErrDuplicate, t.File, t.src.line("aliases"), "alias %q repeats the topic's own id", a)
		}
	}
	v.sections(t.src, t.Sections, topicRules)
	if s, ok := t.Section(SectionTradeOffs); ok && s.Body != "" {
		for _, sub := range []string{"Pros", "Cons"} {
			if ss, ok := s.Subsection(sub); !ok || ss.Body == "" {
				v.add(ErrMissingSection, t.File, s.Line, "%q needs a non-empty \"### %s\" subsection", SectionTradeOffs, sub)
			}
		}
	}
	if s, ok := t.Section(SectionRelated); ok && s.Body != "" {
		v.relatedSection(t, s)
	}
}

func (v *validator) problem(p *Problem) {
	v.common(p.src, p.ID, "problems", p.Title, p.Summary, p.Related)
	switch _, ok := estimate.PresetByName(p.Preset); {
	case p.Preset == "":
		v.add(ErrMissingKey, p.File, p.src.line("preset"), "preset is missing (accepted: %s)", strings.Join(estimate.PresetNames(), ", "))
	case !ok:
		v.add(ErrUnknownPreset, p.File, p.src.line("preset"), "preset %q is not an estimate preset (accepted: %s)", p.Preset, strings.Join(estimate.PresetNames(), ", "))
	}
	switch {
	case p.Difficulty == "":
		v.add(ErrMissingKey, p.File, p.src.line("difficulty"), "difficulty is missing (accepted: %s)", strings.Join(Difficulties, ", "))
	case !slices.Contains(Difficulties, p.Difficulty):
		v.add(ErrInvalidValue, p.File, p.src.line("difficulty"), "difficulty %q (accepted: %s)", p.Difficulty, strings.Join(Difficulties, ", "))
	}
	v.sections(p.src, p.Sections, problemRules)
	if s, ok := p.Section(SectionEstimation); ok && s.Body != "" && p.Preset != "" {
		if cmd := "sdprep estimate " + p.Preset; !strings.Contains(s.Body, cmd) {
			v.add(ErrInvalidValue, p.File, s.Line, "%q does not name `%s`", SectionEstimation, cmd)
		}
	}
	if s, ok := p.Section(SectionHighLevelDesign); ok && s.Body != "" && !hasFence(s.Body) {
		v.add(ErrMissingSection, p.File, s.Line, "%q has no fenced code block with the ASCII diagram", SectionHighLevelDesign)
	}
	if s, ok := p.Section(SectionDeepDives); ok && s.Body != "" && len(s.Subsections) == 0 {
		v.add(ErrMissingSection, p.File, s.Line, "%q has no \"###\" subsection (one per topic)", SectionDeepDives)
	}
	v.mock(p)
}

// common checks what topics and problems share: id, file name, title,
// summary, related ids and the shape of the body.
func (v *validator) common(src source, id, dir, title, summary string, related []string) {
	file := src.file
	switch want := strings.TrimSuffix(path.Base(file), ".md"); {
	case id == "":
		v.add(ErrMissingKey, file, src.line("id"), "id is missing")
	case !isKebab(id):
		v.add(ErrInvalidValue, file, src.line("id"), "id %q is not kebab-case (lower-case words joined by '-')", id)
	case id != want || path.Dir(file) != dir:
		v.add(ErrInvalidValue, file, src.line("id"), "id %q does not match the file name: the file must be %s/%s.md", id, dir, id)
	}
	if title == "" {
		v.add(ErrMissingKey, file, src.line("title"), "title is missing")
	}
	switch n := utf8.RuneCountInString(summary); {
	case n == 0:
		v.add(ErrMissingKey, file, src.line("summary"), "summary is missing")
	case n > MaxSummary:
		v.add(ErrInvalidValue, file, src.line("summary"), "summary is %d characters; at most %d are allowed", n, MaxSummary)
	}
	for i, r := range related {
		switch {
		case r == id:
			v.add(ErrUnresolved, file, src.line("related"), "related lists the document's own id %q", r)
		case !v.topicIDs[r]:
			v.add(ErrUnresolved, file, src.line("related"), "related id %q names no topic", r)
		case slices.Contains(related[:i], r):
			v.add(ErrDuplicate, file, src.line("related"), "related id %q is listed twice", r)
		}
	}
	for _, l := range src.titleLines {
		v.add(ErrSyntax, file, l, "level-1 heading in the body: the title comes from the front matter, use \"##\" sections")
	}
	if src.preamble != "" {
		v.add(ErrSyntax, file, src.preambleLine, "text before the first \"##\" section")
	}
}

// sections checks that the required sections are present, non-empty and
// in order, and that there are no others.
func (v *validator) sections(src source, sections []Section, rules []sectionRule) {
	seen := make([]bool, len(rules))
	last := -1
	for _, s := range sections {
		i := slices.IndexFunc(rules, func(r sectionRule) bool { return r.heading == s.Heading })
		switch {
		case i < 0:
			v.add(ErrUnknownSection, src.file, s.Line, "unknown section %q (expected, in order: %s)", s.Heading, ruleList(rules))
			continue
		case seen[i]:
			v.add(ErrUnknownSection, src.file, s.Line, "section %q repeats", s.Heading)
			continue
		case i < last:
			v.add(ErrMissingSection, src.file, s.Line, "section %q is out of order (expected: %s)", s.Heading, ruleList(rules))
		}
		seen[i], last = true, max(last, i)
		if s.Body == "" {
			v.add(ErrMissingSection, src.file, s.Line, "section %q is empty", s.Heading)
		}
	}
	for i, r := range rules {
		if !seen[i] && !r.optional {
			v.add(ErrMissingSection, src.file, missingAt(src, sections, rules, i), "required section \"## %s\" is missing", r.heading)
		}
	}
}

// missingAt is the line where the missing rules[i] belongs: the heading
// of the first section that should follow it, else the start of the body.
func missingAt(src source, sections []Section, rules []sectionRule, i int) int {
	for _, s := range sections {
		if j := slices.IndexFunc(rules, func(r sectionRule) bool { return r.heading == s.Heading }); j > i {
			return s.Line
		}
	}
	if n := len(sections); n > 0 {
		return sections[n-1].Line
	}
	return src.endLine
}

// relatedSection checks that the bullets of a topic's Related section
// name exactly its related ids.
func (v *validator) relatedSection(t *Topic, s Section) {
	var listed []string
	for i, line := range strings.Split(s.Body, "\n") {
		rest, ok := strings.CutPrefix(line, "- ")
		if !ok {
			continue
		}
		id := bulletID(rest)
		listed = append(listed, id)
		if !slices.Contains(t.Related, id) {
			v.add(ErrUnresolved, t.File, s.bodyLine+i, "the Related section lists %q, which is not in the related key", id)
		}
	}
	for _, r := range t.Related {
		if !slices.Contains(listed, r) {
			v.add(ErrUnresolved, t.File, s.Line, "related id %q has no bullet in the Related section", r)
		}
	}
}

// bulletID is the id a Related bullet starts with: "caching — why",
// "`caching`: why" and "caching: why" all give "caching".
func bulletID(s string) string {
	s = strings.TrimLeft(s, "`*[ ")
	end := 0
	for end < len(s) && (s[end] == '-' || (s[end] >= 'a' && s[end] <= 'z') || (s[end] >= '0' && s[end] <= '9')) {
		end++
	}
	return s[:end]
}

// uniqueTopicNames reports ids and aliases used twice, on the later file
// in path order.
func (v *validator) uniqueTopicNames(topics []*Topic) {
	topics = slices.SortedFunc(slices.Values(topics), func(a, b *Topic) int { return strings.Compare(a.File, b.File) })
	owner := map[string]*Topic{}
	for _, t := range topics {
		if prev, ok := owner[t.ID]; ok && t.ID != "" {
			v.add(ErrDuplicate, t.File, t.src.line("id"), "id %q is already used by %s", t.ID, prev.File)
			continue
		}
		owner[t.ID] = t
	}
	for _, t := range topics {
		for _, a := range t.Aliases {
			if prev, ok := owner[a]; ok && prev != t {
				v.add(ErrDuplicate, t.File, t.src.line("aliases"), "alias %q is already the id or an alias of %s", a, prev.File)
				continue
			}
			owner[a] = t
		}
	}
}

func (v *validator) uniqueProblemIDs(problems []*Problem) {
	problems = slices.SortedFunc(slices.Values(problems), func(a, b *Problem) int { return strings.Compare(a.File, b.File) })
	owner := map[string]*Problem{}
	for _, p := range problems {
		if prev, ok := owner[p.ID]; ok && p.ID != "" {
			v.add(ErrDuplicate, p.File, p.src.line("id"), "id %q is already used by %s", p.ID, prev.File)
			continue
		}
		owner[p.ID] = p
	}
}

// isKebab reports whether s is lower-case words of letters and digits
// joined by single hyphens.
func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '-' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func hasFence(body string) bool {
	for line := range strings.Lines(body) {
		if fenceMarker(strings.TrimRight(line, "\r\n")) != "" {
			return true
		}
	}
	return false
}

func categoryList() string {
	names := make([]string, len(categoryOrder))
	for i, c := range categoryOrder {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

func ruleList(rules []sectionRule) string {
	names := make([]string, len(rules))
	for i, r := range rules {
		names[i] = r.heading
		if r.optional {
			names[i] += " (optional)"
		}
	}
	return strings.Join(names, ", ")
}
