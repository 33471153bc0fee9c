package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainText flattens a Markdown body for search and snippets. It removes
// markup lightly: list and quote markers, emphasis, code backticks,
// backslash escapes, table pipes and delimiter rows, and link targets
// (keeping the link text). Emphasis and backticks leave nothing behind,
// as when the Markdown is rendered, so "**term**: text" reads
// "term: text"; the text inside a code span is kept as written. Headings
// are returned apart, space-separated, so a snippet never runs a heading
// into the paragraph under it. Fenced code blocks are returned apart too,
// in code, without their rules and box-drawing symbols: a snippet is then
// never a slice of a diagram, while the words in one can still match.
// Runs of white space become one space. It is not a Markdown renderer; it
// only has to read well in a snippet.
func plainText(body string) (plain, headings, code string) {
	p := plainWriter{buf: make([]byte, 0, len(body))}
	var c plainWriter
	var h []byte
	fence := "" // the marker of the open fence, "" outside one
	for line := range strings.Lines(body) {
		line = strings.TrimRight(line, "\r\n")
		if m := fenceMarker(line); m != "" && (fence == "" || closesFence(m, fence)) {
			if fence == "" {
				fence = m
			} else {
				fence = ""
			}
			continue
		}
		n := headingLevel(line)
		switch {
		case fence != "":
			c.diagram(line)
			c.space()
		case n > 0:
			h = append(append(h, strings.TrimSpace(line[n:])...), ' ')
		case isDelimiterRow(line):
		default:
			p.prose(stripLineMarkers(line))
			p.space()
		}
	}
	return p.String(), string(h), c.String()
}

// closesFence reports whether marker m closes a fence opened with open:
// the same character, at least as many of it.
func closesFence(m, open string) bool {
	return m[0] == open[0] && len(m) >= len(open)
}

// isDelimiterRow reports a table's delimiter row ("|---|:--:|") or a
// thematic break ("---", "* * *"), lines that carry no words.
func isDelimiterRow(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" {
		return false
	}
	if strings.Trim(t, "|-: ") == "" {
		return strings.Contains(t, "-") && (strings.Contains(t, "|") || strings.Count(t, "-") >= 3)
	}
	for _, r := range "*_" {
		if strings.Trim(t, string(r)+" ") == "" && strings.Count(t, string(r)) >= 3 {
			return true
		}
	}
	return false
}

// plainWriter appends text, turning every run of white space into one
// space and dropping it at the start and end.
type plainWriter struct {
	buf     []byte
	pending bool // a space is owed before the next visible byte
}

func (w *plainWriter) space() { w.pending = len(w.buf) > 0 }

func (w *plainWriter) byte(c byte) {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		w.space()
		return
	}
	if w.pending {
		w.buf = append(w.buf, ' ')
		w.pending = false
	}
	w.buf = append(w.buf, c)
}

// bytes appends s, which has no white space but single spaces.
func (w *plainWriter) bytes(s string) {
	if s[0] == ' ' {
		w.space()
		s = s[1:]
	}
	trailing := s != "" && s[len(s)-1] == ' '
	if trailing {
		s = s[:len(s)-1]
	}
	if s != "" {
		if w.pending {
			w.buf = append(w.buf, ' ')
			w.pending = false
		}
		w.buf = append(w.buf, s...)
	}
	if trailing {
		w.space()
	}
}

// rune appends the rune at the start of s, or a space for Unicode white
// space, and returns its length in bytes.
func (w *plainWriter) rune(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsSpace(r) {
		w.space()
	} else {
		w.bytes(s[:size])
	}
	return size
}

// text appends s as it is, only folding white space.
func (w *plainWriter) text(s string) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			w.byte(s[i])
			i++
			continue
		}
		i += w.rune(s[i:])
	}
}

func (w *plainWriter) String() string { return string(w.buf) }

// stripLineMarkers removes a list bullet or number, or a quote marker, at
// the start of a line.
func stripLineMarkers(line string) string {
	t := strings.TrimLeft(line, " \t")
	for strings.HasPrefix(t, ">") {
		t = strings.TrimLeft(t[1:], " ")
	}
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return t[2:]
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return t[i+2:]
	}
	return t
}

// prose writes a line of Markdown text without its inline markup. '*' is
// dropped without a trace, a code span is written without its backticks,
// '|' becomes a space, a backslash escape becomes the character it
// escapes, and a "[text](url)" link becomes its text.
func (w *plainWriter) prose(line string) {
	for i := 0; i < len(line); {
		if n := plainRun(line[i:]); n > 0 {
			w.bytes(line[i : i+n])
			i += n
			continue
		}
		switch c := line[i]; {
		case c == '`':
			open := backtickRun(line[i:])
			end := closingBackticks(line, i+open, open)
			if end >= 0 {
				w.text(line[i+open : end])
				i = end + open
			} else {
				i += open // no closing run: drop the backticks
			}
		case c == '*':
			i++
		case c == '|':
			w.space()
			i++
		case c == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			w.byte(line[i+1])
			i += 2
		case c == ']' && strings.HasPrefix(line[i:], "](") && strings.IndexByte(line[i:], ')') > 0:
			i += strings.IndexByte(line[i:], ')') + 1
		case c == '[' && strings.Contains(line[i:], "]("):
			i++
		case c >= utf8.RuneSelf:
			i += w.rune(line[i:])
		default:
			w.byte(c)
			i++
		}
	}
}

// backtickRun is the number of backticks s starts with.
func backtickRun(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// closingBackticks returns the offset in line, at or after from, of the
// first run of exactly n backticks, or -1.
func closingBackticks(line string, from, n int) int {
	for from < len(line) {
		i := strings.IndexByte(line[from:], '`')
		if i < 0 {
			return -1
		}
		i += from
		run := backtickRun(line[i:])
		if run == n {
			return i
		}
		from = i + run
	}
	return -1
}

// isASCIIPunct reports the characters a backslash can escape in Markdown.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// diagram writes a line of a fenced code block without the parts that
// carry no words: backticks, '*', '|', runs of two or more rule
// characters (-=+_~. in any mix, as in "+----+") and box-drawing or arrow
// symbols.
func (w *plainWriter) diagram(line string) {
	for i := 0; i < len(line); {
		if n := plainRun(line[i:]); n > 0 {
			w.bytes(line[i : i+n])
			i += n
			continue
		}
		c := line[i]
		switch {
		case c == '`' || c == '*' || c == '|':
			w.space()
			i++
			continue
		case isRule(c) && i+1 < len(line) && isRule(line[i+1]):
			for i < len(line) && isRule(line[i]) {
				i++
			}
			w.space()
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(line[i:])
			if isDiagramRune(r) || unicode.IsSpace(r) {
				w.space()
			} else {
				w.bytes(line[i : i+size])
			}
			i += size
			continue
		}
		w.byte(c)
		i++
	}
}

// special marks the bytes prose and diagram must look at one by one:
// markup, rule characters, white space other than a single space, and the
// bytes of multi-byte runes.
var special = func() (t [256]bool) {
	for _, c := range []byte("`*|[]\\-=+_~.\t\n\r\v\f") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// plainRun is the length of the prefix of s that has no special byte and
// no two spaces in a row.
func plainRun(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; special[c] || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			return i
		}
	}
	return len(s)
}

func isRule(c byte) bool {
	return c == '-' || c == '=' || c == '+' || c == '_' || c == '~' || c == '.'
}

// isDiagramRune reports box-drawing, block and arrow symbols, which carry
// no words.
func isDiagramRune(r rune) bool {
	return (r >= 0x2190 && r <= 0x21FF) || // arrows
		(r >= 0x2500 && r <= 0x25FF) // box drawing, blocks, geometric shapes
}

// lowerSameLen lower-cases s rune by rune, keeping any rune whose lower
// case has a different UTF-8 length (and any invalid byte), so byte
// offsets in the result are offsets in s.
func lowerSameLen(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	buf := []byte(s)
	for i < len(buf) {
		c := buf[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				buf[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(buf[i:])
		if lr := unicode.ToLower(r); lr != r && r != utf8.RuneError && utf8.RuneLen(lr) == size {
			utf8.EncodeRune(buf[i:], lr)
		}
		i += size
	}
	return string(buf)
}
