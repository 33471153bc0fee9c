package editor

import (
	"slices"
	"unicode"
)

// cur is the cursor's line.
func (m *Model) cur() []rune { return m.lines[m.row].r }

// setCur replaces the cursor's line and marks the text changed.
func (m *Model) setCur(r []rune) {
	l := &m.lines[m.row]
	*l = line{r: r, rows: l.rows[:0], cells: l.cells[:0]}
	m.rev++
}

// insert puts text at the cursor; a "\n" in it splits the line.
func (m *Model) insert(text []rune) {
	if len(text) == 0 {
		return
	}
	r := m.cur()
	after := slices.Clone(r[m.col:])
	parts := splitLines(text)
	if len(parts) == 1 {
		m.setCur(append(append(r[:m.col:m.col], parts[0]...), after...))
		m.col += len(parts[0])
		return
	}
	m.setCur(append(r[:m.col:m.col], parts[0]...))
	last := len(parts) - 1
	added := make([]line, last)
	for i, p := range parts[1:last] {
		added[i] = line{r: slices.Clone(p)}
	}
	added[last-1] = line{r: append(slices.Clone(parts[last]), after...)}
	m.lines = slices.Insert(m.lines, m.row+1, added...)
	m.row += last
	m.col = len(parts[last])
}

// splitLines cuts text at each '\n'.
func splitLines(text []rune) [][]rune {
	var parts [][]rune
	start := 0
	for i, c := range text {
		if c == '\n' {
			parts = append(parts, text[start:i])
			start = i + 1
		}
	}
	return append(parts, text[start:])
}

// deleteRange removes runes [from, to) of the cursor's line and puts the
// cursor at from.
func (m *Model) deleteRange(from, to int) {
	if from >= to {
		return
	}
	m.setCur(slices.Delete(m.cur(), from, to))
	m.col = from
}

// deleteBack deletes the unit before the cursor; at the start of a line
// it joins the line to the one above.
func (m *Model) deleteBack() {
	if m.col == 0 {
		m.joinPrev()
		return
	}
	m.deleteRange(m.prevUnit(), m.col)
}

// deleteForward deletes the unit under the cursor; at the end of a line
// it joins the next line to it.
func (m *Model) deleteForward() {
	if m.col >= len(m.cur()) {
		m.joinNext()
		return
	}
	n, _ := unitAt(m.cur(), m.col)
	m.deleteRange(m.col, m.col+n)
}

// joinPrev appends the cursor's line to the one above it.
func (m *Model) joinPrev() {
	if m.row == 0 {
		return
	}
	m.row--
	m.col = len(m.cur())
	m.joinNext()
}

// joinNext appends the next line to the cursor's line.
func (m *Model) joinNext() {
	if m.row+1 >= len(m.lines) {
		return
	}
	next := m.lines[m.row+1].r
	m.setCur(append(m.cur(), next...))
	m.lines = slices.Delete(m.lines, m.row+1, m.row+2)
}

// deleteWordBack deletes the spaces before the cursor and the word before
// them; at the start of a line it joins the line to the one above.
func (m *Model) deleteWordBack() {
	if m.col == 0 {
		m.joinPrev()
		return
	}
	r, i := m.cur(), m.col
	for i > 0 && unicode.IsSpace(r[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(r[i-1]) {
		i--
	}
	m.deleteRange(m.unitOf(i), m.col)
}

// deleteWordForward deletes the spaces after the cursor and the word
// after them; at the end of a line it joins the next line to it.
func (m *Model) deleteWordForward() {
	r := m.cur()
	if m.col >= len(r) {
		m.joinNext()
		return
	}
	i := m.col
	for i < len(r) && unicode.IsSpace(r[i]) {
		i++
	}
	for i < len(r) && !unicode.IsSpace(r[i]) {
		i++
	}
	m.deleteRange(m.col, m.boundary(i))
}

// right moves past the unit under the cursor, or to the next line.
func (m *Model) right() {
	if m.col < len(m.cur()) {
		n, _ := unitAt(m.cur(), m.col)
		m.col += n
	} else if m.row+1 < len(m.lines) {
		m.row, m.col = m.row+1, 0
	}
}

// left moves before the unit before the cursor, or to the line above.
func (m *Model) left() {
	if m.col > 0 {
		m.col = m.prevUnit()
	} else if m.row > 0 {
		m.row--
		m.col = len(m.cur())
	}
}

// wordLeft moves to the start of the word before the cursor, across line
// ends.
func (m *Model) wordLeft() {
	for {
		if m.col == 0 {
			if m.row == 0 {
				return
			}
			m.row--
			m.col = len(m.cur())
			continue
		}
		if !unicode.IsSpace(m.cur()[m.col-1]) {
			break
		}
		m.col--
	}
	for m.col > 0 && !unicode.IsSpace(m.cur()[m.col-1]) {
		m.col--
	}
}

// wordRight moves past the next word, across line ends; with a non-nil
// change it rewrites each rune of that word.
func (m *Model) wordRight(change func(rune) rune) {
	for m.col >= len(m.cur()) || unicode.IsSpace(m.cur()[m.col]) {
		if m.col >= len(m.cur()) {
			if m.row+1 >= len(m.lines) {
				return
			}
			m.row, m.col = m.row+1, 0
			continue
		}
		m.col++
	}
	r, i := m.cur(), m.col
	for i < len(r) && !unicode.IsSpace(r[i]) {
		i++
	}
	if change != nil {
		w := slices.Clone(r)
		for j := m.col; j < i; j++ {
			w[j] = change(w[j])
		}
		if !slices.Equal(w, r) {
			m.setCur(w)
		}
	}
	m.col = i
}

// transpose swaps the unit before the cursor with the one under it, or
// at the end of a line the last two, and moves right when it can.
func (m *Model) transpose() {
	r := m.cur()
	if m.col == 0 {
		return
	}
	mid, end := m.col, len(r)
	if mid == end {
		if mid = m.prevUnit(); mid == 0 {
			return // one unit only
		}
	} else {
		n, _ := unitAt(r, mid)
		end = mid + n
	}
	from := m.unitOf(mid - 1)
	if w := slices.Concat(r[:from], r[mid:end], r[from:mid], r[end:]); !slices.Equal(w, r) {
		m.setCur(w)
	}
	m.col = end
}

// sanitize turns tabs into four spaces, CR LF and CR into LF, and drops
// other control characters.
func sanitize(r []rune) []rune {
	out := r[:0:0]
	for i := 0; i < len(r); i++ {
		switch c := r[i]; {
		case c == '\t':
			out = append(out, ' ', ' ', ' ', ' ')
		case c == '\r':
			if i+1 < len(r) && r[i+1] == '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '\n':
			out = append(out, c)
		case unicode.IsControl(c):
		default:
			out = append(out, c)
		}
	}
	return out
}
