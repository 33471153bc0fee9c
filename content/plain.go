package content

import (
	"strings"
	"unicode/utf8"
)

// plainText flattens a Markdown body to one line of text for search and
// snippets. It removes markup lightly: fence lines, list and quote
// markers, emphasis, code backticks, table pipes, link targets (keeping
// the link text) and the rules and box lines of ASCII diagrams. Headings
// are returned apart, space-separated, so a snippet never runs a heading
// into the paragraph under it. It is not a Markdown renderer; it only has
// to read well in a snippet.
func plainText(body string) (plain, headings string) {
	var b, h strings.Builder
	b.Grow(len(body))
	inFence := false
	for line := range strings.Lines(body) {
		line = strings.TrimRight(line, "\r\n")
		if fenceMarker(line) != "" {
			inFence = !inFence
			continue
		}
		if !inFence {
			if n := headingLevel(line); n > 0 {
				h.WriteString(line[n:])
				h.WriteByte(' ')
				continue
			}
			line = stripLineMarkers(line)
		}
		writeInline(&b, line)
		b.WriteByte(' ')
	}
	return strings.Join(strings.Fields(b.String()), " "), h.String()
}

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

// writeInline copies line to b without inline markup: backticks, '*',
// '|', the "(url)" of a "[text](url)" link and its brackets, runs of two
// or more rule characters (-=+_~. in any mix, as in "+----+") and
// box-drawing or arrow symbols.
func writeInline(b *strings.Builder, line string) {
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == '`' || c == '*' || c == '|':
			b.WriteByte(' ')
			i++
			continue
		case c == ']' && strings.HasPrefix(line[i:], "]("):
			if j := strings.IndexByte(line[i:], ')'); j > 0 {
				i += j + 1
				continue
			}
		case c == '[':
			if j := strings.Index(line[i:], "]("); j > 0 {
				i++
				continue
			}
		case isRule(c) && i+1 < len(line) && isRule(line[i+1]):
			for i < len(line) && isRule(line[i]) {
				i++
			}
			b.WriteByte(' ')
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(line[i:])
			if isDiagramRune(r) {
				b.WriteByte(' ')
			} else {
				b.WriteString(line[i : i+size])
			}
			i += size
			continue
		}
		b.WriteByte(c)
		i++
	}
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
