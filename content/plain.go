package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainText flattens a Markdown body to one line of text for search and
// snippets. It removes markup lightly: fence lines, list and quote
// markers, emphasis, code backticks, table pipes, link targets (keeping
// the link text) and the rules and box lines of ASCII diagrams. Headings
// are returned apart, space-separated, so a snippet never runs a heading
// into the paragraph under it. Runs of white space become one space. It
// is not a Markdown renderer; it only has to read well in a snippet.
func plainText(body string) (plain, headings string) {
	p := plainWriter{buf: make([]byte, 0, len(body))}
	var h []byte
	inFence := false
	for line := range strings.Lines(body) {
		line = strings.TrimRight(line, "\r\n")
		if fenceMarker(line) != "" {
			inFence = !inFence
			continue
		}
		if !inFence {
			if n := headingLevel(line); n > 0 {
				h = append(append(h, strings.TrimSpace(line[n:])...), ' ')
				continue
			}
			line = stripLineMarkers(line)
		}
		p.inline(line)
		p.space()
	}
	return p.String(), string(h)
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

// inline writes line without inline markup: backticks, '*', '|', the
// "(url)" of a "[text](url)" link and its brackets, runs of two or more
// rule characters (-=+_~. in any mix, as in "+----+") and box-drawing or
// arrow symbols.
func (w *plainWriter) inline(line string) {
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
		case c == ']' && strings.HasPrefix(line[i:], "]("):
			if j := strings.IndexByte(line[i:], ')'); j > 0 {
				i += j + 1
				continue
			}
		case c == '[':
			if strings.Contains(line[i:], "](") {
				i++
				continue
			}
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

// special marks the bytes inline must look at one by one: markup, rule
// characters, white space other than a single space, and the bytes of
// multi-byte runes.
var special = func() (t [256]bool) {
	for _, c := range []byte("`*|[]-=+_~.\t\n\r\v\f") {
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
