package editor

import (
	"strings"
)

// wrap is line i's rows at the current width, computed once per change.
func (m *Model) wrap(i int) []int {
	l := &m.lines[i]
	if l.w != m.width {
		l.rows, l.cells = wrapRows(l.r, m.width, l.rows, l.cells)
		l.w = m.width
	}
	return l.rows
}

// rowEnd is one past the last rune of row s of line i.
func (m *Model) rowEnd(i, s int) int {
	rows := m.wrap(i)
	if s+1 < len(rows) {
		return rows[s+1]
	}
	return len(m.lines[i].r)
}

// cursorRow is the row of its line's wrap that the cursor is on.
func (m *Model) cursorRow() int {
	rows := m.wrap(m.row)
	s := len(rows) - 1
	for s > 0 && rows[s] > m.col {
		s--
	}
	return s
}

// next is the screen row after (i, s); ok is false at the end.
func (m *Model) next(i, s int) (int, int, bool) {
	if s+1 < len(m.wrap(i)) {
		return i, s + 1, true
	}
	if i+1 < len(m.lines) {
		return i + 1, 0, true
	}
	return i, s, false
}

// prev is the screen row before (i, s); ok is false at the start.
func (m *Model) prev(i, s int) (int, int, bool) {
	if s > 0 {
		return i, s - 1, true
	}
	if i > 0 {
		return i - 1, len(m.wrap(i-1)) - 1, true
	}
	return i, s, false
}

// vertical moves the cursor n screen rows down (or up when n < 0),
// keeping to the cell column it started from.
func (m *Model) vertical(n int) {
	s := m.cursorRow()
	if m.goal < 0 {
		m.goal = cellsOf(m.cur()[m.wrap(m.row)[s]:m.col])
	}
	i, ok := m.row, true
	for ; n > 0 && ok; n-- {
		i, s, ok = m.next(i, s)
	}
	for ; n < 0 && ok; n++ {
		i, s, ok = m.prev(i, s)
	}
	m.row = i
	m.col = colAt(m.cur(), m.wrap(i)[s], m.rowEnd(i, s), m.goal, s+1 < len(m.wrap(i)))
}

// page moves the cursor and the view a screen down (dir 1) or up (-1).
func (m *Model) page(dir int) {
	step := max(m.height-1, 1)
	for range step {
		var ok bool
		if dir > 0 {
			m.top, m.sub, ok = m.next(m.top, m.sub)
		} else {
			m.top, m.sub, ok = m.prev(m.top, m.sub)
		}
		if !ok {
			break
		}
	}
	m.vertical(dir * step)
}

// scroll moves the view as little as it can to show the cursor, and
// back from the end so the screen stays full when the text is long
// enough. It looks at most two screens of rows, however long the text.
func (m *Model) scroll() {
	if len(m.lines) == 0 || m.height == 0 {
		return
	}
	m.top = min(m.top, len(m.lines)-1)
	m.sub = min(m.sub, len(m.wrap(m.top))-1)
	ci, cs := m.row, m.cursorRow()
	if ci < m.top || ci == m.top && cs < m.sub {
		m.top, m.sub = ci, cs
	} else {
		i, s, n := m.top, m.sub, 0
		for (i != ci || s != cs) && n < m.height {
			i, s, _ = m.next(i, s)
			n++
		}
		if n >= m.height {
			m.top, m.sub = ci, cs
			for range m.height - 1 {
				m.top, m.sub, _ = m.prev(m.top, m.sub)
			}
		}
	}
	// Fill the screen: with fewer rows than fit below the top, pull the
	// view back.
	i, s, n := m.top, m.sub, 1
	for ok := true; n < m.height; n++ {
		if i, s, ok = m.next(i, s); !ok {
			break
		}
	}
	for ; n < m.height; n++ {
		var ok bool
		if m.top, m.sub, ok = m.prev(m.top, m.sub); !ok {
			break
		}
	}
}

// View draws the rows on screen, each exactly Width cells wide.
func (m *Model) View() string {
	prompt := m.Styles.BlurredPrompt.Render(m.Prompt)
	if m.focus {
		prompt = m.Styles.Prompt.Render(m.Prompt)
	}
	var b strings.Builder
	b.Grow(m.height * (m.width + len(prompt) + 16))
	i, s, ok := m.top, m.sub, true
	cs := m.cursorRow()
	for n := range m.height {
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(prompt)
		switch {
		case n == 0 && m.Empty() && m.Placeholder != "":
			m.placeholderRow(&b)
			ok = false
		case ok:
			m.drawRow(&b, i, s, m.focus && i == m.row && s == cs)
			i, s, ok = m.next(i, s)
		default:
			b.WriteString(strings.Repeat(" ", m.width))
		}
	}
	return b.String()
}

// placeholderRow draws the placeholder's first line, cut to the width,
// with the cursor on its first character when focused.
func (m *Model) placeholderRow(b *strings.Builder) {
	ph := splitLines(sanitize([]rune(m.Placeholder)))[0]
	ph = ph[:colAt(ph, 0, len(ph), m.width, false)]
	cells := cellsOf(ph)
	if joinsBefore(m.Prompt, ph) {
		b.WriteString(sgrReset)
	}
	if m.focus && len(ph) > 0 {
		n, _ := unitAt(ph, 0)
		b.WriteString(m.Styles.Cursor.Render(string(ph[:n])))
		ph = ph[n:]
	}
	b.WriteString(m.Styles.Placeholder.Render(string(ph)))
	m.pad(b, ph, cells)
}

// pad fills a row whose text ends with r and takes cells cells out to
// the width. A rune that would take the first space into its cluster
// gets a break first, so the row measures as drawn.
func (m *Model) pad(b *strings.Builder, r []rune, cells int) {
	if joinsAfter(r) {
		b.WriteString(sgrReset)
	}
	b.WriteString(strings.Repeat(" ", max(m.width-cells, 0)))
}

// sgrReset ends any style; the editor writes it where text that would
// join across it must be measured apart (see joinsBefore).
const sgrReset = "\x1b[m"

// drawRow draws row s of line i, with the cursor when it is there.
func (m *Model) drawRow(b *strings.Builder, i, s int, cursor bool) {
	from, to := m.wrap(i)[s], m.rowEnd(i, s)
	seg, cells := m.lines[i].r[from:to], m.lines[i].cells[s]
	if joinsBefore(m.Prompt, seg) {
		b.WriteString(sgrReset) // a mark at the start stays off the prompt
	}
	if !cursor {
		b.WriteString(m.Styles.Text.Render(string(seg)))
		m.pad(b, seg, cells)
		return
	}
	c := m.col - from
	b.WriteString(m.Styles.Text.Render(string(seg[:c])))
	if c == len(seg) {
		if joinsAfter(seg) {
			b.WriteString(sgrReset)
		}
		b.WriteString(m.Styles.Cursor.Render(" "))
		m.pad(b, nil, cells+1)
		return
	}
	n, w := unitAt(seg, c)
	if w == 0 {
		// Only a line of zero-width text has such a unit: show the
		// cursor on a space before it.
		b.WriteString(m.Styles.Cursor.Render(" "))
		n, cells = 0, cells+1
	} else {
		b.WriteString(m.Styles.Cursor.Render(string(seg[c : c+n])))
	}
	b.WriteString(m.Styles.Text.Render(string(seg[c+n:])))
	m.pad(b, seg, cells)
}
