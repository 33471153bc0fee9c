package editor

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func newEd(w, h int, text string) *Model {
	m := New()
	m.Focus()
	m.SetWidth(w)
	m.SetHeight(h)
	m.SetValue(text)
	return &m
}

func typeText(m *Model, s string) {
	for _, r := range s {
		if r == '\n' {
			m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
			continue
		}
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var (
	keyBackspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
	keyDelete    = tea.KeyPressMsg{Code: tea.KeyDelete}
	keyLeft      = tea.KeyPressMsg{Code: tea.KeyLeft}
	keyRight     = tea.KeyPressMsg{Code: tea.KeyRight}
	keyUp        = tea.KeyPressMsg{Code: tea.KeyUp}
	keyDown      = tea.KeyPressMsg{Code: tea.KeyDown}
	keyHome      = tea.KeyPressMsg{Code: tea.KeyHome}
	keyEnd       = tea.KeyPressMsg{Code: tea.KeyEnd}
	keyEnter     = tea.KeyPressMsg{Code: tea.KeyEnter}
	keyPgDown    = tea.KeyPressMsg{Code: tea.KeyPgDown}
	keyPgUp      = tea.KeyPressMsg{Code: tea.KeyPgUp}
)

func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }
func alt(r rune) tea.KeyPressMsg  { return tea.KeyPressMsg{Code: r, Mod: tea.ModAlt} }

func TestWrapRows(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []int
	}{
		{"", 10, []int{0}},
		{"short", 10, []int{0}},
		{"nine char", 10, []int{0}},
		{"ten chars!", 10, []int{0, 10}},           // full: the cursor's row follows
		{"hello world again", 10, []int{0, 6, 12}}, // breaks after spaces
		{"abcdefghijklmnop", 10, []int{0, 10}},     // a word wider than a row is split
		{"ab 一二三四五", 6, []int{0, 3, 6}},            // wide runes take two cells
		{"一二三", 5, []int{0, 2}},                    // a wide rune does not straddle the edge
		{" ww界界a界界界", 8, []int{0, 6}},              // a word too long for the next row is split where it is
		{"a bbbbbbbb", 8, []int{0, 2, 10}},
	}
	for _, tt := range tests {
		got, _ := wrapRows([]rune(tt.text), tt.width, nil, nil)
		if !slices.Equal(got, tt.want) {
			t.Errorf("wrapRows(%q, %d) = %v, want %v", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestTypingAndLines(t *testing.T) {
	m := newEd(30, 5, "")
	typeText(m, "first line\nsecond")
	if got := m.Value(); got != "first line\nsecond" {
		t.Fatalf("value %q", got)
	}
	if m.Line() != 1 || m.Column() != 6 {
		t.Fatalf("cursor %d:%d, want 1:6", m.Line(), m.Column())
	}
	// Backspace at the start of a line joins it to the one above.
	m.Update(keyHome)
	m.Update(keyBackspace)
	if got := m.Value(); got != "first linesecond" || m.Column() != 10 {
		t.Fatalf("after join: %q col %d", got, m.Column())
	}
	// Enter in the middle splits the line where the cursor is.
	m.Update(keyEnter)
	if got := m.Value(); got != "first line\nsecond" || m.Line() != 1 || m.Column() != 0 {
		t.Fatalf("after split: %q at %d:%d", got, m.Line(), m.Column())
	}
	// Delete at the end of a line joins the next one.
	m.Update(keyUp)
	m.Update(keyEnd)
	m.Update(keyDelete)
	if got := m.Value(); got != "first linesecond" {
		t.Fatalf("after delete: %q", got)
	}
}

func TestEditingKeys(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		keys  []tea.KeyPressMsg
		want  string
		wantC int
	}{
		{"ctrl+w deletes the word and spaces before the cursor", "cache in front  ", []tea.KeyPressMsg{ctrl('w')}, "cache in ", 9},
		{"alt+d deletes the next word", "cache in front", []tea.KeyPressMsg{keyHome, alt('d')}, " in front", 0},
		{"ctrl+k deletes to the end of the line", "cache in front", []tea.KeyPressMsg{keyHome, alt('f'), ctrl('k')}, "cache", 5},
		{"ctrl+u deletes to the start of the line", "cache in front", []tea.KeyPressMsg{keyHome, alt('f'), ctrl('u')}, " in front", 0},
		{"alt+b and alt+f move by words", "one two three", []tea.KeyPressMsg{alt('b'), alt('b'), ctrl('k')}, "one ", 4},
		{"alt+u uppercases the next word", "use redis now", []tea.KeyPressMsg{keyHome, alt('f'), alt('u')}, "use REDIS now", 9},
		{"alt+c capitalises the next word", "use redis now", []tea.KeyPressMsg{keyHome, alt('f'), alt('c')}, "use Redis now", 9},
		{"alt+l lowercases the next word", "USE REDIS", []tea.KeyPressMsg{keyHome, alt('l')}, "use REDIS", 3},
		{"ctrl+t swaps the last two characters at the end", "teh", []tea.KeyPressMsg{ctrl('t')}, "the", 3},
		{"left and right move by one", "abc", []tea.KeyPressMsg{keyLeft, keyLeft, keyBackspace, keyRight}, "bc", 1},
		{"tabs in typed text become spaces", "", []tea.KeyPressMsg{{Code: tea.KeyTab, Text: "\t"}}, "    ", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newEd(40, 4, tt.text)
			for _, k := range tt.keys {
				m.Update(k)
			}
			if got := m.Value(); got != tt.want || m.Column() != tt.wantC {
				t.Fatalf("got %q col %d, want %q col %d", got, m.Column(), tt.want, tt.wantC)
			}
		})
	}
}

func TestPasteSanitises(t *testing.T) {
	m := newEd(40, 4, "start ")
	if !m.Update(tea.PasteMsg{Content: "a\r\nb\tc\x07\rd"}) {
		t.Fatal("a paste did not report a change")
	}
	if got := m.Value(); got != "start a\nb    c\nd" {
		t.Fatalf("value %q", got)
	}
	if m.Line() != 2 || m.Column() != 1 {
		t.Fatalf("cursor %d:%d, want 2:1", m.Line(), m.Column())
	}
}

func TestUpdateReportsChange(t *testing.T) {
	m := newEd(40, 4, "abc")
	if m.Update(keyLeft) {
		t.Fatal("moving the cursor reported a change")
	}
	if !m.Update(keyBackspace) {
		t.Fatal("a deletion did not report a change")
	}
	m.Update(keyHome)
	if m.Update(keyBackspace) {
		t.Fatal("backspace at the start of the text reported a change")
	}
	m.Blur()
	if m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}) || m.Value() != "ac" {
		t.Fatalf("a blurred editor took a key: %q", m.Value())
	}
}

// Up and down move by screen rows through soft-wrapped lines and keep the
// column they started from.
func TestVerticalMovementKeepsColumn(t *testing.T) {
	m := newEd(12, 6, "abcdefgh\nxy\nhello world again\nabcdefghij")
	m.MoveToBegin()
	for range 5 {
		m.Update(keyRight)
	}
	m.Update(keyDown) // "xy" is shorter: end of it
	if m.Line() != 1 || m.Column() != 2 {
		t.Fatalf("down 1: %d:%d", m.Line(), m.Column())
	}
	m.Update(keyDown) // back to column 5 on "hello world again"
	if m.Line() != 2 || m.Column() != 5 {
		t.Fatalf("down 2: %d:%d", m.Line(), m.Column())
	}
	m.Update(keyDown) // the second screen row of that line: "again" starts at 12
	if m.Line() != 2 || m.Column() != 17 {
		t.Fatalf("down 3: %d:%d", m.Line(), m.Column())
	}
	m.Update(keyDown)
	if m.Line() != 3 || m.Column() != 5 {
		t.Fatalf("down 4: %d:%d", m.Line(), m.Column())
	}
	m.Update(keyUp)
	m.Update(keyUp)
	if m.Line() != 2 || m.Column() != 5 {
		t.Fatalf("up 2: %d:%d", m.Line(), m.Column())
	}
}

func TestPlaceholderAndRowShape(t *testing.T) {
	m := New()
	m.Prompt = "│ "
	m.Placeholder = "Type your notes…"
	m.SetWidth(20)
	m.SetHeight(3)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if len(lines) != 3 || lines[0] != "│ Type your notes…  " {
		t.Fatalf("view %q", lines)
	}
	m.Focus()
	got := m.View()
	rows := strings.Split(ansi.Strip(got), "\n")
	if strings.Count(got, "\x1b[7m") != 1 || strings.TrimSpace(rows[1]) != "│" || strings.TrimSpace(rows[2]) != "│" {
		t.Fatalf("focused empty editor: want one cursor and blank rows under the placeholder, got %q", got)
	}
	typeText(&m, "x")
	if got := ansi.Strip(m.View()); strings.Contains(got, "Type") {
		t.Fatalf("placeholder shown with text: %q", got)
	}
}

// The screen follows the cursor a row at a time and shows only the rows
// in view.
func TestScrollFollowsCursor(t *testing.T) {
	var text []string
	for i := range 100 {
		text = append(text, fmt.Sprintf("line %d", i))
	}
	m := newEd(20, 5, strings.Join(text, "\n"))
	rows := strings.Split(ansi.Strip(m.View()), "\n")
	if strings.TrimSpace(rows[0]) != "line 95" || strings.TrimSpace(rows[4]) != "line 99" {
		t.Fatalf("at the end: %q", rows)
	}
	for range 5 {
		m.Update(keyUp)
	}
	rows = strings.Split(ansi.Strip(m.View()), "\n")
	if strings.TrimSpace(rows[0]) != "line 94" {
		t.Fatalf("one row past the top: %q", rows)
	}
	m.Update(keyPgUp)
	rows = strings.Split(ansi.Strip(m.View()), "\n")
	if strings.TrimSpace(rows[0]) != "line 90" || m.Line() != 90 {
		t.Fatalf("page up: line %d, %q", m.Line(), rows)
	}
	m.Update(keyPgDown)
	if m.Line() != 94 {
		t.Fatalf("page down: line %d", m.Line())
	}
	// Deleting lines at the end pulls the view back so the screen stays full.
	m.MoveToEnd()
	for range 30 {
		m.Update(ctrl('u'))
		m.Update(keyBackspace)
	}
	rows = strings.Split(ansi.Strip(m.View()), "\n")
	if strings.TrimSpace(rows[4]) == "" || m.LineCount() != 70 {
		t.Fatalf("after deleting: %d lines, %q", m.LineCount(), rows)
	}
}

// ref is the simplest possible editor: the text as one rune slice and
// the cursor as an index in it.
type ref struct {
	text []rune
	at   int
}

func (r *ref) lineStart() int {
	i := r.at
	for i > 0 && r.text[i-1] != '\n' {
		i--
	}
	return i
}

func (r *ref) lineEnd() int {
	i := r.at
	for i < len(r.text) && r.text[i] != '\n' {
		i++
	}
	return i
}

func (r *ref) apply(k tea.KeyPressMsg) {
	switch k.Code {
	case tea.KeyBackspace:
		if r.at > 0 {
			r.text = slices.Delete(r.text, r.at-1, r.at)
			r.at--
		}
	case tea.KeyDelete:
		if r.at < len(r.text) {
			r.text = slices.Delete(r.text, r.at, r.at+1)
		}
	case tea.KeyLeft:
		r.at = max(r.at-1, 0)
	case tea.KeyRight:
		r.at = min(r.at+1, len(r.text))
	case tea.KeyHome:
		r.at = r.lineStart()
	case tea.KeyEnd:
		r.at = r.lineEnd()
	case tea.KeyEnter:
		r.text = slices.Insert(r.text, r.at, '\n')
		r.at++
	default:
		rs := []rune(k.Text)
		r.text = slices.Insert(r.text, r.at, rs...)
		r.at += len(rs)
	}
}

func (r *ref) cursor() (row, col int) {
	for _, c := range r.text[:r.at] {
		if c == '\n' {
			row++
		}
	}
	return row, r.at - r.lineStart()
}

// Random keys leave the same text and cursor as the reference editor,
// every frame has the editor's exact size, and the cursor is always on
// screen.
func TestRandomKeysMatchReference(t *testing.T) {
	keys := []tea.KeyPressMsg{keyBackspace, keyDelete, keyLeft, keyRight, keyHome, keyEnd, keyEnter,
		{Code: 'a', Text: "a"}, {Code: ' ', Text: " "}, {Code: 'w', Text: "w"}, {Code: '界', Text: "界"}}
	moves := []tea.KeyPressMsg{keyUp, keyDown, keyPgUp, keyPgDown}
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		w, h := 6+rng.IntN(20), 1+rng.IntN(8)
		m := newEd(w+2, h, "")
		m.Prompt = "> "
		m.SetWidth(w + 2)
		var r ref
		for step := range 400 {
			if rng.IntN(6) == 0 {
				// Vertical moves have no reference; resync it from the editor.
				m.Update(moves[rng.IntN(len(moves))])
				r.at = 0
				for i := range m.Line() {
					r.at += len(m.lines[i].r) + 1
				}
				r.at += m.Column()
			} else {
				k := keys[rng.IntN(len(keys))]
				m.Update(k)
				r.apply(k)
			}
			if got, want := m.Value(), string(r.text); got != want {
				t.Fatalf("seed %d step %d: value %q, want %q", seed, step, got, want)
			}
			if row, col := r.cursor(); m.Line() != row || m.Column() != col {
				t.Fatalf("seed %d step %d: cursor %d:%d, want %d:%d", seed, step, m.Line(), m.Column(), row, col)
			}
			checkFrame(t, m)
		}
	}
}

// checkFrame checks that the frame has Height rows of Width cells and that
// the cursor is on one of them.
func checkFrame(t *testing.T, m *Model) {
	t.Helper()
	view := m.View()
	rows := strings.Split(view, "\n")
	if len(rows) != m.Height() {
		t.Fatalf("%d rows, want %d", len(rows), m.Height())
	}
	for _, row := range rows {
		if w := ansi.StringWidth(row); w != m.Width() {
			t.Fatalf("row %q is %d cells, want %d\n%s", row, w, m.Width(), dumpState(m))
		}
	}
	for i, l := range m.lines {
		rows, cells := wrapRows(l.r, m.width, nil, nil)
		if l.w == m.width && (!slices.Equal(l.rows, rows) || !slices.Equal(l.cells, cells)) {
			t.Fatalf("line %d keeps a stale wrap\n%s", i, dumpState(m))
		}
	}
	i, s, n := m.top, m.sub, 0
	for (i != m.row || s != m.cursorRow()) && n < m.height {
		i, s, _ = m.next(i, s)
		n++
	}
	if n >= m.height {
		t.Fatalf("cursor %d:%d is off screen (top %d:%d, height %d)", m.row, m.col, m.top, m.sub, m.height)
	}
}

// BenchmarkKeystroke types a letter and deletes it in turn, drawing the
// frame after each key, with n lines of text at 78×16. The editor's cost
// does not grow with n; the bubbles textarea, the baseline in the same
// run, re-wraps and restyles every line on each key and frame.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{50, 2000, 20000} {
		var text strings.Builder
		for i := range n {
			fmt.Fprintf(&text, "line %d of notes about the design %s\n", i, strings.Repeat("x", i%20))
		}
		keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, keyBackspace}
		b.Run(fmt.Sprintf("lines=%d/editor", n), func(b *testing.B) {
			m := newEd(78, 16, text.String())
			b.ResetTimer()
			for i := range b.N {
				m.Update(keys[i%2])
				_ = m.View()
			}
		})
		if n > 2000 {
			continue // the textarea takes most of a second a key here
		}
		b.Run(fmt.Sprintf("lines=%d/textarea", n), func(b *testing.B) {
			ta := textarea.New()
			ta.MaxHeight = 0
			ta.SetWidth(78)
			ta.SetHeight(16)
			ta.SetValue(text.String())
			ta.Focus()
			b.ResetTimer()
			for i := range b.N {
				ta, _ = ta.Update(keys[i%2])
				_ = ta.View()
			}
		})
	}
}

// dumpState describes the editor for a failure message.
func dumpState(m *Model) string {
	s := fmt.Sprintf("width %d, top %d:%d, cursor %d:%d\n", m.width, m.top, m.sub, m.row, m.col)
	for i, l := range m.lines {
		rows, _ := wrapRows(l.r, m.width, nil, nil)
		s += fmt.Sprintf("  %d %q rows %v (fresh %v)\n", i, string(l.r), l.rows, rows)
	}
	return s
}

// Every row starts after the one before, fits its width, and holds at
// least one rune unless it is the cursor's row after a full last row.
func FuzzWrapRows(f *testing.F) {
	for _, s := range []string{"", "hello world again", "一二三 abc", " ww界界a界界界", "a\u0301b", strings.Repeat("x", 300)} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		width = 2 + abs(width)%200
		// The editor's lines hold no control characters and no newline.
		r := slices.DeleteFunc(sanitize([]rune(s)), func(c rune) bool { return c == '\n' })
		rows, cells := wrapRows(r, width, nil, nil)
		if len(cells) != len(rows) {
			t.Fatalf("%d rows and %d widths", len(rows), len(cells))
		}
		if rows[0] != 0 {
			t.Fatalf("first row starts at %d", rows[0])
		}
		for k, from := range rows {
			to := len(r)
			if k+1 < len(rows) {
				to = rows[k+1]
				if to <= from {
					t.Fatalf("rows %v do not increase", rows)
				}
			} else if from == len(r) && k > 0 && cellsOf(r[rows[k-1]:from]) < width {
				t.Fatalf("an empty last row after a row that is not full: %v", rows)
			}
			if c := cellsOf(r[from:to]); c > width || c != cells[k] {
				t.Fatalf("row %d of %q is %d cells (said %d), at most %d (%v)", k, s, c, cells[k], width, rows)
			}
			if w := ansi.StringWidth(string(r[from:to])); w != cells[k] {
				t.Fatalf("row %d of %q measures %d cells, said %d", k, s, w, cells[k])
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
