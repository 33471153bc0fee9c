package editor

import (
	"slices"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The editor moves, deletes, wraps and measures text by units: a
// grapheme cluster that takes cells, with the zero-width clusters after
// it (or, at the start of a line, before it). A unit is what the user
// sees as one character: "e" with a combining accent, a flag, an emoji
// with a skin tone or a family joined with ZWJ. Its width is the one
// ansi.StringWidth gives, so a row measures what lipgloss measures.

// clusterWindow is how many runes clusterAt converts at first; a longer
// cluster doubles it until the cluster ends inside.
const clusterWindow = 4

// clusterAt returns the length in runes and the width in cells of the
// grapheme cluster that starts at r[i].
func clusterAt(r []rune, i int) (n, w int) {
	if r[i] < utf8.RuneSelf && (i+1 == len(r) || r[i+1] < utf8.RuneSelf) {
		return 1, 1 // printable ASCII (control characters never get in)
	}
	var buf [4 * clusterWindow]byte
	for win := clusterWindow; ; win *= 2 {
		end := min(i+win, len(r))
		b := buf[:0]
		for _, c := range r[i:end] {
			b = utf8.AppendRune(b, c)
		}
		c, w := ansi.FirstGraphemeCluster(b, ansi.GraphemeWidth)
		if n := utf8.RuneCount(c); i+n < end || end == len(r) {
			return n, w
		}
	}
}

// unitAt returns the length in runes and the width in cells of the unit
// that starts at r[i], which must be the start of a unit.
func unitAt(r []rune, i int) (n, w int) {
	if r[i] < utf8.RuneSelf && (i+1 == len(r) || r[i+1] < utf8.RuneSelf) {
		return 1, 1
	}
	for i+n < len(r) {
		cn, cw := clusterAt(r, i+n)
		if w > 0 && cw > 0 {
			break
		}
		n, w = n+cn, w+cw
	}
	return n, w
}

// cellsOf is the width in cells of r, which starts at the start of a
// unit.
func cellsOf(r []rune) int {
	cells := 0
	for i := 0; i < len(r); {
		n, w := unitAt(r, i)
		i, cells = i+n, cells+w
	}
	return cells
}

// unitStart is the start of the unit that holds r[col], found by walking
// from from, the start of a unit at or before col; at the end of r it is
// col.
func unitStart(r []rune, from, col int) int {
	for i := from; i < len(r); {
		n, _ := unitAt(r, i)
		if i+n > col {
			return i
		}
		i += n
	}
	return col
}

// joinsBefore reports whether the first rune of r would join the last
// character of prompt into one cluster (a combining mark, a joiner, a
// skin tone), so that a row starting with it needs a break from the
// prompt to measure what it draws.
func joinsBefore(prompt string, r []rune) bool {
	if len(r) == 0 || r[0] < utf8.RuneSelf || prompt == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prompt)
	return joins(last, r[0])
}

// joinsAfter reports whether the last rune of r would take the character
// after it into its cluster (a prepended mark), so that the padding after
// a row ending with it needs a break.
func joinsAfter(r []rune) bool {
	return len(r) > 0 && r[len(r)-1] >= utf8.RuneSelf && joins(r[len(r)-1], ' ')
}

// joins reports whether a and b make one grapheme cluster.
func joins(a, b rune) bool {
	var buf [2 * utf8.UTFMax]byte
	s := utf8.AppendRune(utf8.AppendRune(buf[:0], a), b)
	c, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	return len(c) == len(s)
}

// rowStart is the first rune of the row of the cursor's line that holds
// rune col.
func (m *Model) rowStart(col int) int {
	rows := m.wrap(m.row)
	s, _ := slices.BinarySearch(rows, col+1)
	return rows[s-1]
}

// prevUnit is the start of the unit before the cursor, which is not at
// the start of its line.
func (m *Model) prevUnit() int { return m.unitOf(m.col - 1) }

// unitOf is the start of the unit of the cursor's line that holds rune
// col.
func (m *Model) unitOf(col int) int { return unitStart(m.cur(), m.rowStart(col), col) }

// boundary is col when a unit of the cursor's line starts there (or it
// is the line's end), and otherwise the end of the unit that holds it.
func (m *Model) boundary(col int) int {
	start := m.unitOf(col)
	if start == col {
		return col
	}
	n, _ := unitAt(m.cur(), start)
	return start + n
}
