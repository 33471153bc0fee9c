package content

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdParser returns the parser for Markdown the way glamour renders it
// (CommonMark plus GitHub tables), built on first use so that commands
// that never search do not pay for it. A goldmark parser is safe for
// concurrent use.
var mdParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
})

// plainText flattens a Markdown body for search and snippets. It parses
// the body with goldmark and keeps the text of its inline nodes: list and
// quote markers, emphasis, code backticks, table pipes and delimiter
// rows, link targets and backslash escapes all disappear, as when the
// Markdown is rendered, so "**term**: text" reads "term: text"; the text
// inside a code span is kept as written. A '*' or '`' that pairs with
// nothing is dropped too. Headings are returned apart, space-separated,
// so a snippet never runs a heading into the paragraph under it. Code
// blocks are returned apart too, in code, without their rules and
// box-drawing symbols: a snippet is then never a slice of a diagram,
// while the words in one can still match. Raw HTML is left out. Runs of
// white space become one space.
func plainText(body string) (plain, headings, code string) {
	src := []byte(body)
	doc := mdParser().Parse(text.NewReader(src))
	p := plainWriter{buf: make([]byte, 0, len(body))}
	var c, h plainWriter
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock || n.Kind() == east.KindTableCell {
				p.space() // words of adjacent blocks and cells stay apart
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			h.inline(n, src)
			h.space()
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				c.diagram(strings.TrimRight(string(seg.Value(src)), "\r\n"))
				c.space()
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			p.inline(n, src)
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			p.text(n.URL(src))
		case *ast.Text:
			p.prose(n, src)
		}
		return ast.WalkContinue, nil
	})
	return p.String(), h.String(), c.String()
}

// inline writes the text of n's descendants as written, only folding
// white space: a heading's words, or a code span's text.
func (w *plainWriter) inline(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			w.text(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				w.space()
			}
			continue
		}
		w.inline(c, src)
	}
}

// prose writes a text node of a paragraph: backslash escapes become the
// character they escape, and a '*' or '`' left over from markup that
// paired with nothing is dropped without a trace.
func (w *plainWriter) prose(t *ast.Text, src []byte) {
	v := t.Segment.Value(src)
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	for len(v) > 0 {
		i := bytes.IndexAny(v, "*`")
		if i < 0 {
			w.text(v)
			break
		}
		w.text(v[:i])
		v = v[i+1:]
	}
	if t.SoftLineBreak() || t.HardLineBreak() {
		w.space()
	}
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

// text appends s as it is, only folding white space.
func (w *plainWriter) text(s []byte) {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			w.byte(s[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if unicode.IsSpace(r) {
			w.space()
		} else {
			if w.pending {
				w.buf = append(w.buf, ' ')
				w.pending = false
			}
			w.buf = append(w.buf, s[i:i+size]...)
		}
		i += size
	}
}

func (w *plainWriter) String() string { return string(w.buf) }

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

// special marks the bytes diagram must look at one by one:
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
