package editor

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Text that is one character on screen but several runes (a skin tone, a
// family joined with ZWJ, an emoji presentation selector, Hangul jamo, a
// flag, a mark at the start of a line) fills every row to exactly Width
// cells as ansi.StringWidth (and so lipgloss) measures them.
func TestClustersFillRowsExactly(t *testing.T) {
	for _, s := range []string{"👍🏽", "👨\u200d👩\u200d👧", "☺\ufe0f", "\u1100\u1161", "🇺🇸", "🏽x", "\u0301ab", "e\u0301"} {
		for _, prompt := range []string{"", "│ ", "界"} {
			m := New()
			m.Prompt = prompt
			m.Focus()
			m.SetWidth(9)
			m.SetHeight(4)
			m.SetValue(strings.Repeat(s, 7))
			for _, moves := range []int{0, 1, 3} {
				for range moves {
					m.Update(keyLeft)
				}
				for k, row := range strings.Split(m.View(), "\n") {
					if w := ansi.StringWidth(row); w != m.Width() {
						t.Fatalf("%q with prompt %q, row %d %q is %d cells, want %d", s, prompt, k, row, w, m.Width())
					}
				}
			}
		}
	}
}

// A row never ends inside a character: "👍🏽" is two runes of one
// character, two cells wide.
func TestWrapKeepsClustersWhole(t *testing.T) {
	rows, cells := wrapRows([]rune("👍🏽👍🏽👍🏽"), 5, nil, nil)
	if !slices.Equal(rows, []int{0, 4}) || !slices.Equal(cells, []int{4, 2}) {
		t.Fatalf("rows %v cells %v, want [0 4] [4 2]", rows, cells)
	}
}

// Left, right, backspace, delete and ctrl+t take a whole character: a
// flag, an accented letter written as two runes, an emoji with a tone.
func TestKeysTakeWholeCharacters(t *testing.T) {
	m := newEd(40, 3, "a🇺🇸e\u0301b")
	var cols []int
	for range 4 {
		m.Update(keyLeft)
		cols = append(cols, m.Column())
	}
	if !slices.Equal(cols, []int{5, 3, 1, 0}) {
		t.Fatalf("left stops at %v, want [5 3 1 0]", cols)
	}
	m.Update(keyRight)
	m.Update(keyRight)
	if m.Column() != 3 {
		t.Fatalf("right twice: column %d, want 3", m.Column())
	}
	m.Update(keyBackspace)
	m.Update(keyDelete)
	if got := m.Value(); got != "ab" {
		t.Fatalf("backspace and delete left %q, want \"ab\"", got)
	}
	m.SetValue("a👍🏽")
	m.Update(ctrl('t'))
	if got := m.Value(); got != "👍🏽a" || m.Column() != 3 {
		t.Fatalf("ctrl+t: %q at %d, want \"👍🏽a\" at 3", got, m.Column())
	}
}

// Transposing two equal characters changes nothing and says so.
func TestTransposeEqualIsNoChange(t *testing.T) {
	m := newEd(40, 3, "aa")
	rev := m.Rev()
	if m.Update(ctrl('t')) || m.Rev() != rev {
		t.Fatal("ctrl+t on \"aa\" reported a change")
	}
}

// A resize keeps the text that was at the top of the screen there,
// instead of the row of the same number in the new wrap.
func TestResizeKeepsTopText(t *testing.T) {
	var words []string
	for i := range 60 {
		words = append(words, fmt.Sprintf("w%02d", i))
	}
	m := newEd(20, 4, strings.Join(words, " ")+"\n1\n2\n3\n4")
	m.MoveToBegin()
	for range 7 {
		m.Update(keyDown) // the screen shows rows 4-7 of the long line
	}
	first := m.wrap(m.top)[m.sub]
	if first != 80 {
		t.Fatalf("the top row starts at rune %d, want 80", first)
	}
	m.SetWidth(40)
	rows := m.wrap(m.top)
	if end := m.rowEnd(m.top, m.sub); rows[m.sub] > first || end <= first {
		t.Fatalf("rune %d was at the top; now the top row is runes %d-%d", first, rows[m.sub], end)
	}
	checkFrame(t, m)
}

// A placeholder with a newline shows its first line and keeps the frame
// Height rows high.
func TestPlaceholderFirstLine(t *testing.T) {
	m := New()
	m.Placeholder = "first\nsecond\tthird"
	m.SetWidth(20)
	m.SetHeight(3)
	rows := strings.Split(ansi.Strip(m.View()), "\n")
	if len(rows) != 3 || strings.TrimSpace(rows[0]) != "first" {
		t.Fatalf("view %q", rows)
	}
}

// On a line of zero-width text the cursor still takes a cell.
func TestCursorOnZeroWidthText(t *testing.T) {
	m := newEd(20, 2, "\u200b")
	m.MoveToBegin()
	view := m.View()
	_, after, _ := strings.Cut(view, "\x1b[7m")
	under, _, _ := strings.Cut(after, "\x1b[m")
	if w := ansi.StringWidth(under); w != 1 {
		t.Fatalf("the cursor is %d cells wide: %q", w, view)
	}
	checkFrame(t, m)
}

// BenchmarkKeystrokeWide is BenchmarkKeystroke on Chinese notes with
// emoji: every character goes through grapheme segmentation, still only
// for the line that changed and the cursor.
func BenchmarkKeystrokeWide(b *testing.B) {
	for _, n := range []int{50, 2000, 20000} {
		var text strings.Builder
		for i := range n {
			fmt.Fprintf(&text, "第%d行 关于设计的笔记 👍🏽 café %s\n", i, strings.Repeat("界", i%20))
		}
		keys := []tea.KeyPressMsg{{Code: '界', Text: "界"}, keyBackspace}
		b.Run(fmt.Sprintf("lines=%d/editor", n), func(b *testing.B) {
			m := newEd(78, 16, text.String())
			for i := 0; b.Loop(); i++ {
				m.Update(keys[i%2])
				_ = m.View()
			}
		})
	}
}
