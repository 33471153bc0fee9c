package cmd

import (
	"strings"
	"unicode/utf8"

	"github.com/sdprep/sdprep/internal/english"
)

// countNoun writes n with thousands separators and the noun, with an s
// unless n is 1.
func countNoun(n int, noun string) string { return english.Count(n, noun) }

// writeAligned writes a table with the first column left-aligned and the
// others right-aligned, two spaces apart.
func writeAligned(b *strings.Builder, header []string, rows [][]string) {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0:
				b.WriteString(cell + pad)
			default:
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
}

// wrapText breaks s into lines of at most width runes, each after the
// first starting with indent (the first line too, when indent is set).
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(s) {
		if line != indent && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}
