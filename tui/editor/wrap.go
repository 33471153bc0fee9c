package editor

import "github.com/mattn/go-runewidth"

// runeWidth is the number of terminal cells r takes.
func runeWidth(r rune) int { return runewidth.RuneWidth(r) }

// wrapRows returns the index of the first rune of each display row when
// r is drawn in width cells. It breaks after the last space that fits and
// splits a word only when it is wider than a row. A line whose last row is
// exactly full gets an empty row after it, where the cursor sits at its
// end. There is always at least one row, starting at 0.
func wrapRows(r []rune, width int, rows []int) []int {
	rows = append(rows[:0], 0)
	width = max(width, 2)
	start, x, breakAt := 0, 0, -1
	for i, c := range r {
		w := runeWidth(c)
		if x+w > width && i > start {
			next, carried := i, 0
			if breakAt > start {
				// Carry the word after the last space to the next row when
				// it fits there; a longer word is split where it is.
				if c := cellsOf(r[breakAt:i]); c+w <= width {
					next, carried = breakAt, c
				}
			}
			rows = append(rows, next)
			x = carried
			start, breakAt = next, -1
		}
		x += w
		if c == ' ' {
			breakAt = i + 1
		}
	}
	if x >= width {
		rows = append(rows, len(r))
	}
	return rows
}

// cellsOf is the width of r in cells.
func cellsOf(r []rune) int {
	n := 0
	for _, c := range r {
		n += runeWidth(c)
	}
	return n
}

// colAt is the index in r[from:to] whose left edge is nearest to cell x
// without passing it: the column vertical movement lands on.
func colAt(r []rune, from, to, x int) int {
	cells := 0
	for i := from; i < to; i++ {
		w := runeWidth(r[i])
		if cells+w > x {
			return i
		}
		cells += w
	}
	return to
}
