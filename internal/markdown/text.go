package markdown

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// This file prepares Markdown for glamour. glamour wraps text with
// x/ansi's Wrap, which also breaks after any '-' or '.', so it cuts flags
// and names in two ("--cache-\nfraction", "golang.\norg/x/sync") and
// keeps soft line breaks inside list items. reflow fills paragraphs and
// list items itself, breaking only at spaces outside code spans, and the
// renderer keeps those line breaks (glamour.WithPreservedNewLines).

// mdBlock is a run of Markdown prose or the body of one fenced code block.
type mdBlock struct {
	text string
	code bool
}

// splitFences cuts md at the fenced code blocks that start in the first
// column. glamour word-wraps code blocks like prose, which scrambles ASCII
// diagrams, so renderMarkdown prints them verbatim instead.
func splitFences(md string) []mdBlock {
	var blocks []mdBlock
	var cur []string
	fence := "" // the opening fence while inside a code block
	flush := func(code bool) {
		if len(cur) > 0 || code {
			blocks = append(blocks, mdBlock{text: strings.Join(cur, "\n"), code: code})
		}
		cur = nil
	}
	for _, line := range strings.Split(md, "\n") {
		switch {
		case fence == "" && (strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~")):
			flush(false)
			fence = line[:3]
		case fence != "" && strings.TrimRight(line, " ") == fence:
			flush(true)
			fence = ""
		default:
			cur = append(cur, line)
		}
	}
	if fence != "" { // unclosed: the rest is code, as CommonMark says
		flush(true)
	} else {
		flush(false)
	}
	return blocks
}

// quotesToEmphasis turns each block quote of plain text (the summary under
// a topic's title) into an emphasised paragraph. glamour wraps quoted text
// one column too wide for its "│ " marker, so the document wrap breaks
// every full line again, leaving one-word lines behind.
func quotesToEmphasis(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		if !strings.HasPrefix(lines[i], ">") {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i // the quote is lines[i:j]
		plain := true
		var text []string
		for ; j < len(lines) && strings.HasPrefix(lines[j], ">"); j++ {
			t := strings.TrimSpace(strings.TrimPrefix(lines[j], ">"))
			if t == "" || startsBlock(t) || strings.ContainsAny(t, "*_`") {
				plain = false
			}
			text = append(text, t)
		}
		if plain {
			out = append(out, "*"+strings.Join(text, " ")+"*")
		} else {
			out = append(out, lines[i:j]...)
		}
		i = j
	}
	return strings.Join(out, "\n")
}

// reflow refills the paragraphs and top-level list items of md (prose,
// without fenced code) to width columns of text, breaking only at spaces
// outside code spans; codePad is the extra width glamour gives each code
// span (its padding). Nested list items are joined onto one line and left
// to glamour. Headings, tables, quotes and indented code stay as they are.
func reflow(md string, width, codePad int) string {
	var out []string
	var unit []string // the lines of the paragraph or item being read
	marker := ""      // the list marker of the unit ("- ", "12. "); "" for a paragraph
	nested := ""      // the indentation of a nested item being joined
	flush := func() {
		switch {
		case len(unit) == 0:
		case nested != "":
			out = append(out, strings.Join(unit, " "))
		case marker != "":
			text := strings.TrimPrefix(strings.Join(unit, " "), marker)
			lines := fill(text, width-ansi.StringWidth(itemPrefix(marker)), width, codePad)
			out = append(out, marker+strings.Join(lines, "\n"+strings.Repeat(" ", len(marker))))
		default:
			out = append(out, strings.Join(fill(strings.Join(unit, " "), width, width, codePad), "\n"))
		}
		unit, marker, nested = nil, "", ""
	}
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indented := len(trimmed) < len(line)
		switch {
		case trimmed == "":
			flush()
			out = append(out, line)
		case isListItem(trimmed) && !indented:
			flush()
			marker = trimmed[:strings.IndexByte(trimmed, ' ')+1]
			unit = append(unit, trimmed)
		case isListItem(trimmed):
			flush()
			nested = line[:len(line)-len(trimmed)]
			unit = append(unit, line)
		case startsBlock(trimmed) || strings.HasPrefix(trimmed, "<") || (indented && len(unit) == 0):
			flush()
			out = append(out, line)
		default: // a paragraph line, or the continuation of one or of an item
			if len(unit) > 0 {
				unit = append(unit, strings.TrimSpace(line))
			} else {
				unit = append(unit, trimmed)
			}
		}
	}
	flush()
	return strings.Join(out, "\n")
}

// itemPrefix is what glamour prints before the first line of a list item
// with the marker: "• " for bullets, "3. " for numbers.
func itemPrefix(marker string) string {
	if strings.ContainsRune("-*+", rune(marker[0])) {
		return "• "
	}
	return marker[:len(marker)-2] + ". "
}

// fill breaks text into lines of at most first (the first line) and rest
// (the others) cells as glamour will show them, at spaces outside code
// spans. A code span too long for a line is split into several spans.
func fill(text string, first, rest, codePad int) []string {
	var lines []string
	line, lineW := "", 0
	avail := max(first, 8)
	put := func(tok string, w int) {
		switch {
		case line == "":
			line, lineW = tok, w
		case lineW+1+w <= avail:
			line, lineW = line+" "+tok, lineW+1+w
		default:
			lines = append(lines, line)
			avail = max(rest, 8)
			line, lineW = tok, w
		}
	}
	for _, tok := range tokens(text) {
		w := tokenWidth(tok, codePad)
		if w <= max(rest, 8) || !strings.Contains(tok, "`") {
			put(tok, w)
			continue
		}
		left := avail // what is left of the current line
		if line != "" {
			left = avail - lineW - 1
		}
		for _, piece := range splitCode(tok, left-codePad, max(rest, 8)-codePad) {
			put(piece, tokenWidth(piece, codePad))
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// tokens splits text at the spaces that are outside code spans.
func tokens(text string) []string {
	var toks []string
	inCode, start := false, 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '`':
			inCode = !inCode
		case ' ':
			if !inCode {
				if i > start {
					toks = append(toks, text[start:i])
				}
				start = i + 1
			}
		}
	}
	if start < len(text) {
		toks = append(toks, text[start:])
	}
	return toks
}

// tokenWidth is the width glamour gives tok: emphasis markers and
// backticks vanish, each code span gains codePad cells.
func tokenWidth(tok string, codePad int) int {
	w, inCode := 0, false
	for _, r := range tok {
		switch {
		case r == '`':
			if !inCode {
				w += codePad
			}
			inCode = !inCode
		case r == '*' && !inCode:
		default:
			w += ansi.StringWidth(string(r))
		}
	}
	return w
}

// splitCode splits a token holding one long code span ("(`a b c`),") at
// its spaces into several code spans: the first holds at most first cells
// of code (to finish the current line), the others at most width.
func splitCode(tok string, first, width int) []string {
	open := strings.IndexByte(tok, '`')
	closing := strings.LastIndexByte(tok, '`')
	if open < 0 || closing <= open {
		return []string{tok}
	}
	var pieces []string
	cur, limit := "", first
	for _, w := range strings.Fields(tok[open+1 : closing]) {
		switch {
		case cur == "" && ansi.StringWidth(w) > limit:
			limit = width // not even one word fits: start on the next line
		case cur != "" && ansi.StringWidth(cur)+1+ansi.StringWidth(w) > limit:
			pieces = append(pieces, "`"+cur+"`")
			cur, limit = "", width
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	pieces = append(pieces, "`"+cur+"`")
	pieces[0] = tok[:open] + pieces[0]
	pieces[len(pieces)-1] += tok[closing+1:]
	return pieces
}

// isListItem reports whether a line, without its indentation, opens a
// bullet ("- ", "* ", "+ ") or numbered ("1. ", "2) ") list item.
func isListItem(s string) bool {
	if len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && s[1] == ' ' {
		return true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// startsBlock reports whether a line opens a block that must stay on its
// own line: a list item, a heading, a quote, a table row or a fence.
func startsBlock(s string) bool {
	return isListItem(s) || strings.HasPrefix(s, "#") || strings.HasPrefix(s, ">") ||
		strings.HasPrefix(s, "|") || strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~")
}
