package editor

// wrapRows returns the index of the first rune of each display row when
// r is drawn in width cells, and the cells each row takes; it reuses the
// arrays of rows and cells. It breaks after the last space that fits and
// splits a word only when it is wider than a row, and never inside a
// unit (see grapheme.go). A line whose last row is exactly full gets an
// empty row after it, where the cursor sits at its end. There is always
// at least one row, starting at 0.
func wrapRows(r []rune, width int, rows, cells []int) ([]int, []int) {
	rows, cells = append(rows[:0], 0), cells[:0]
	width = max(width, 2)
	start, x, breakAt, breakX := 0, 0, -1, 0
	for i := 0; i < len(r); {
		n, w := unitAt(r, i)
		if x+w > width && i > start {
			next, carried := i, 0
			// Carry the word after the last space to the next row when it
			// fits there; a longer word is split where it is.
			if breakAt > start && x-breakX+w <= width {
				next, carried = breakAt, x-breakX
			}
			rows, cells = append(rows, next), append(cells, x-carried)
			x = carried
			start, breakAt = next, -1
		}
		x += w
		if r[i] == ' ' {
			breakAt, breakX = i+n, x
		}
		i += n
	}
	cells = append(cells, x)
	if x >= width {
		rows, cells = append(rows, len(r)), append(cells, 0)
	}
	return rows, cells
}

// colAt is the start of the unit in r[from:to] whose left edge is nearest
// to cell x without passing it: the column vertical movement lands on.
// Past the end it is to, or with wrapped (a row the line goes on from)
// the start of the row's last unit, since to is the next row's start.
func colAt(r []rune, from, to, x int, wrapped bool) int {
	cells := 0
	for i := from; i < to; {
		n, w := unitAt(r, i)
		if cells+w > x || wrapped && i+n >= to {
			return i
		}
		cells += w
		i += n
	}
	return to
}
