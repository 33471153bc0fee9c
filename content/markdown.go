package content

import (
	"strings"
	"sync"
)

// Section is a level-2 heading of a document and the Markdown under it.
type Section struct {
	// Heading is the heading text without the leading "## ".
	Heading string `json:"heading"`
	// Body is the Markdown between this heading and the next level-2
	// heading, trimmed of blank lines at both ends. It includes any
	// level-3 headings.
	Body string `json:"body"`
	// Line is the 1-based line of the heading in the file.
	Line int `json:"line"`
	// Subsections are the level-3 headings inside Body, each with the
	// Markdown under it. Nil when there are none.
	Subsections []Section `json:"subsections,omitempty"`

	bodyLine int // the file line Body starts on; 0 when Body is empty
}

// Subsection returns the level-3 subsection with the given heading
// (compared case-insensitively).
func (s Section) Subsection(heading string) (Section, bool) {
	return findSection(s.Subsections, heading)
}

func findSection(ss []Section, heading string) (Section, bool) {
	for _, s := range ss {
		if strings.EqualFold(s.Heading, heading) {
			return s, true
		}
	}
	return Section{}, false
}

// outline is a Markdown body cut at its level-2 headings.
type outline struct {
	// text is the whole body without blank lines at either end.
	text string
	// preamble is the text before the first level-2 heading, trimmed.
	preamble     string
	preambleLine int
	sections     []Section
	// title holds the lines of level-1 headings, which the format forbids
	// (the renderer adds the title).
	title []int
}

// mdLine is one line of a body: its text, its byte offset in the body,
// its line number in the file, and its heading level outside code fences
// (0 for ordinary lines).
type mdLine struct {
	text  string
	start int
	num   int
	level int
}

// scanLines appends the lines of body to lines and marks headings,
// skipping fenced code blocks (``` or ~~~), where a leading '#' is not a
// heading.
func scanLines(lines []mdLine, body string, firstLine int) []mdLine {
	var fence string
	for start, num := 0, firstLine; start < len(body); num++ {
		end := strings.IndexByte(body[start:], '\n')
		next := len(body)
		if end < 0 {
			end = len(body)
		} else {
			end += start
			next = end + 1
		}
		text := strings.TrimSuffix(body[start:end], "\r")
		l := mdLine{text: text, start: start, num: num}
		if marker := fenceMarker(text); marker != "" {
			switch {
			case fence == "":
				fence = marker
			case strings.HasPrefix(marker, fence) && strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(text), marker[:1])) == "":
				fence = ""
			}
		} else if fence == "" {
			l.level = headingLevel(text)
		}
		lines = append(lines, l)
		start = next
	}
	return lines
}

// fenceMarker returns the run of backticks or tildes (three or more) that
// opens a line indented by at most three spaces, or "".
func fenceMarker(text string) string {
	if text == "" || (text[0] != '`' && text[0] != '~' && text[0] != ' ') {
		return "" // the common case, decided without trimming
	}
	t := strings.TrimLeft(text, " ")
	if len(text)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return ""
	}
	return t[:n]
}

// headingLevel returns 1–6 for an ATX heading line ("## Title"), else 0.
func headingLevel(text string) int {
	n := 0
	for n < len(text) && n < 7 && text[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(text) && text[n] != ' ' && text[n] != '\t') {
		return 0
	}
	return n
}

func headingText(text string, level int) string {
	t := strings.TrimSpace(text[level:])
	// An optional closing sequence of '#' is not part of the text.
	if s := strings.TrimRight(t, "#"); s != t && (s == "" || strings.HasSuffix(s, " ")) {
		t = strings.TrimSpace(s)
	}
	return t
}

// linePool recycles the line slices of parseOutline: Load parses many
// files, and the lines are scratch space.
var linePool = sync.Pool{New: func() any { return new([]mdLine) }}

// parseOutline cuts body (whose first line is line firstLine of the file)
// into sections at its level-2 headings, and each section into
// subsections at its level-3 headings.
func parseOutline(body string, firstLine int) outline {
	buf := linePool.Get().(*[]mdLine)
	lines := scanLines((*buf)[:0], body, firstLine)
	defer func() {
		clear(lines) // drop the references to body before pooling
		*buf = lines[:0]
		linePool.Put(buf)
	}()
	var o outline
	o.text, _ = trimBlock(body, lines, 0, len(lines))
	cur := -1 // index in lines of the current level-2 heading
	flush := func(end int) {
		if cur < 0 {
			o.preamble, o.preambleLine = trimBlock(body, lines, 0, end)
			return
		}
		text, at := trimBlock(body, lines, cur+1, end)
		o.sections = append(o.sections, Section{
			Heading:     headingText(lines[cur].text, 2),
			Body:        text,
			Line:        lines[cur].num,
			Subsections: subsections(body, lines[cur+1:end]),
			bodyLine:    at,
		})
	}
	for i, l := range lines {
		switch l.level {
		case 1:
			o.title = append(o.title, l.num)
		case 2:
			flush(i)
			cur = i
		}
	}
	flush(len(lines))
	return o
}

// subsections cuts a section's lines at their level-3 headings.
func subsections(body string, lines []mdLine) []Section {
	var out []Section
	cur := -1
	flush := func(end int) {
		if cur < 0 {
			return
		}
		text, at := trimBlock(body, lines, cur+1, end)
		out = append(out, Section{Heading: headingText(lines[cur].text, 3), Body: text, Line: lines[cur].num, bodyLine: at})
	}
	for i, l := range lines {
		if l.level == 3 {
			flush(i)
			cur = i
		}
	}
	flush(len(lines))
	return out
}

// trimBlock returns the text of lines[from:to], without blank lines at
// either end or trailing spaces, and the file line it starts on (0 when
// the block is blank).
func trimBlock(body string, lines []mdLine, from, to int) (string, int) {
	for from < to && strings.TrimSpace(lines[from].text) == "" {
		from++
	}
	for to > from && strings.TrimSpace(lines[to-1].text) == "" {
		to--
	}
	if from >= to {
		return "", 0
	}
	last := lines[to-1]
	text := body[lines[from].start : last.start+len(last.text)]
	return strings.TrimRight(text, " \t"), lines[from].num
}
