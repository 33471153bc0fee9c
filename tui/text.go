package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/sdprep/sdprep/internal/english"
)

// padRight pads styled or plain text with spaces to width cells.
func padRight(s string, width int) string {
	if w := lipgloss.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// truncate cuts styled text to width cells, ANSI-aware, with an ellipsis.
func truncate(s string, width int) string {
	if width <= 0 || lipgloss.Width(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// wrap word-wraps plain or styled text to width cells.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	return ansi.Wrap(s, width, "")
}

// indent prefixes every line of s with pad.
func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// displayWidth is the number of terminal cells s occupies.
// firstLines keeps at most n lines of s.
func firstLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	for i, c := range s {
		if c == '\n' {
			if n--; n == 0 {
				return s[:i]
			}
		}
	}
	return s
}

func displayWidth(s string) int { return lipgloss.Width(s) }

// shortenLeft keeps the end of plain text s within width cells, cutting
// from the left behind an ellipsis: a path keeps its file name.
func shortenLeft(s string, width int) string {
	if width <= 0 || displayWidth(s) <= width {
		return s
	}
	return "…" + ansi.TruncateLeft(s, displayWidth(s)-width+1, "")
}

// plural writes n, with thousands separators, and the noun, plural unless
// n is 1 (internal/english, the one plural helper).
func plural[N ~int | ~int64](n N, noun string) string { return english.Count(n, noun) }
