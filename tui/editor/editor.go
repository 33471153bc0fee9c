// Package editor is the notes editor of the mock interview: a multi-line
// plain-text editor that keeps each line's soft wrap until the line
// changes and draws only the rows on screen. A keystroke therefore costs
// the same with twenty lines of notes as with twenty thousand.
//
// It moves, deletes and wraps by what the reader sees as one character
// (a grapheme cluster: an accented letter, a flag, an emoji with a skin
// tone), and its rows measure what ansi.StringWidth and lipgloss measure.
//
// It takes the bubbles textarea's key map (textarea.DefaultKeyMap), so
// the keys are the textarea's. The textarea itself re-wraps, hashes and
// styles every line of its value on each key and each frame, about 69 ms
// per key at 2,000 lines, which is why the mock does not use it.
//
// The zero Model is not ready; make one with New.
package editor

import (
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles are the editor's looks. The zero value draws plain text with a
// plain cursor; New sets a reverse-video cursor.
type Styles struct {
	Text          lipgloss.Style // the notes
	Placeholder   lipgloss.Style // the hint shown while the notes are empty
	Prompt        lipgloss.Style // the prompt at the left of each row, focused
	BlurredPrompt lipgloss.Style // the prompt while the editor has no focus
	Cursor        lipgloss.Style // the character under the cursor
}

// line is one line of text and its wrap, kept until the text or the width
// changes.
type line struct {
	r     []rune
	rows  []int  // wrapRows(r, w)
	cells []int  // the cells of each row, from wrapRows too
	w     int    // the width rows and cells were computed for; 0 when stale
	s     string // string(r) once Value has needed it
	sOK   bool   // s is current
}

// Model is the editor's state. Methods take a pointer; copy a Model only
// to throw the old one away, since copies share their lines.
type Model struct {
	KeyMap      textarea.KeyMap
	Prompt      string // drawn at the left of every row
	Placeholder string // shown while the text is empty
	Styles      Styles

	lines    []line
	row, col int // the cursor: line and rune index in it
	goal     int // the cell column up and down aim for; -1 when unset
	top, sub int // the first row on screen: a line and a row of its wrap
	width    int // cells of text per row, without the prompt
	height   int // rows on screen
	focus    bool
	rev      uint64
}

// New returns an empty, unfocused editor, 40 cells wide and 6 rows high.
func New() Model {
	m := Model{KeyMap: textarea.DefaultKeyMap(), lines: []line{{}}, goal: -1}
	m.Styles.Cursor = lipgloss.NewStyle().Reverse(true)
	m.SetWidth(40)
	m.SetHeight(6)
	return m
}

// SetWidth sets the width of the whole editor, prompt included. The text
// gets at least two cells, so a width narrower than the prompt and two
// cells makes the editor wider than asked; Width says by how much. The
// row at the top of the screen keeps the text it started with.
func (m *Model) SetWidth(w int) {
	ready := m.width > 0 && m.top < len(m.lines) // not while New runs
	first := 0
	if ready {
		first = m.wrap(m.top)[m.sub]
	}
	m.width = max(w-ansi.StringWidth(m.Prompt), 2)
	if ready {
		s, _ := slices.BinarySearch(m.wrap(m.top), first+1)
		m.sub = s - 1
	}
	m.scroll()
}

// SetHeight sets the number of rows on screen.
func (m *Model) SetHeight(h int) {
	m.height = max(h, 1)
	m.scroll()
}

// Width is the width of the whole editor, prompt included.
func (m *Model) Width() int { return m.width + ansi.StringWidth(m.Prompt) }

// Height is the number of rows on screen.
func (m *Model) Height() int { return m.height }

// Focus gives the editor the keyboard and shows the cursor.
func (m *Model) Focus() { m.focus = true }

// Blur takes the keyboard away and hides the cursor.
func (m *Model) Blur() { m.focus = false }

// Focused reports whether the editor has the keyboard.
func (m *Model) Focused() bool { return m.focus }

// SetValue replaces the text and puts the cursor at its end. Tabs become
// four spaces, CR LF and CR become LF, and other control characters are
// dropped, as they are when typed.
func (m *Model) SetValue(s string) {
	m.lines = m.lines[:0]
	for _, l := range splitLines(sanitize([]rune(s))) {
		m.lines = append(m.lines, line{r: l[:len(l):len(l)]})
	}
	m.top, m.sub = 0, 0
	m.rev++
	m.MoveToEnd()
}

// Value is the text, lines joined by "\n". Each line is converted once
// after it changes, so calling Value after every key costs a copy of the
// text, not a conversion of it.
func (m *Model) Value() string {
	n := len(m.lines) - 1
	for i := range m.lines {
		l := &m.lines[i]
		if !l.sOK {
			l.s, l.sOK = string(l.r), true
		}
		n += len(l.s)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range m.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.lines[i].s)
	}
	return b.String()
}

// Empty reports whether there is no text, without building it.
func (m *Model) Empty() bool { return len(m.lines) == 1 && len(m.lines[0].r) == 0 }

// LineCount is the number of lines.
func (m *Model) LineCount() int { return len(m.lines) }

// Line is the cursor's line, from 0.
func (m *Model) Line() int { return m.row }

// Column is the cursor's rune index in its line.
func (m *Model) Column() int { return m.col }

// Rev changes whenever the text does; compare two values to learn whether
// anything was typed in between without building the text.
func (m *Model) Rev() uint64 { return m.rev }

// MoveToBegin puts the cursor at the start of the text.
func (m *Model) MoveToBegin() {
	m.row, m.col, m.goal = 0, 0, -1
	m.scroll()
}

// MoveToEnd puts the cursor at the end of the text.
func (m *Model) MoveToEnd() {
	m.row = len(m.lines) - 1
	m.col, m.goal = len(m.lines[m.row].r), -1
	m.scroll()
}

// Update applies a key or a paste and reports whether the text changed.
// An editor without focus ignores everything.
func (m *Model) Update(msg tea.Msg) bool {
	if !m.focus {
		return false
	}
	rev := m.rev
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.insert(sanitize([]rune(msg.Content)))
	case tea.KeyPressMsg:
		m.key(msg)
	default:
		return false
	}
	m.col = m.boundary(m.col)
	m.scroll()
	return m.rev != rev
}

// key applies one key press.
func (m *Model) key(msg tea.KeyPressMsg) {
	k := &m.KeyMap
	vertical := false
	switch {
	case key.Matches(msg, k.LineNext):
		m.vertical(1)
		vertical = true
	case key.Matches(msg, k.LinePrevious):
		m.vertical(-1)
		vertical = true
	case key.Matches(msg, k.PageDown):
		m.page(1)
		vertical = true
	case key.Matches(msg, k.PageUp):
		m.page(-1)
		vertical = true
	case key.Matches(msg, k.InsertNewline):
		m.insert([]rune{'\n'})
	case key.Matches(msg, k.DeleteCharacterBackward):
		m.deleteBack()
	case key.Matches(msg, k.DeleteCharacterForward):
		m.deleteForward()
	case key.Matches(msg, k.DeleteWordBackward):
		m.deleteWordBack()
	case key.Matches(msg, k.DeleteWordForward):
		m.deleteWordForward()
	case key.Matches(msg, k.DeleteAfterCursor):
		if m.col >= len(m.cur()) {
			m.joinNext()
		} else {
			m.setCur(m.cur()[:m.col])
		}
	case key.Matches(msg, k.DeleteBeforeCursor):
		if m.col == 0 {
			m.joinPrev()
		} else {
			m.setCur(slices.Clone(m.cur()[m.col:]))
			m.col = 0
		}
	case key.Matches(msg, k.CharacterForward):
		m.right()
	case key.Matches(msg, k.CharacterBackward):
		m.left()
	case key.Matches(msg, k.WordForward):
		m.wordRight(nil)
	case key.Matches(msg, k.WordBackward):
		m.wordLeft()
	case key.Matches(msg, k.LineStart):
		m.col = 0
	case key.Matches(msg, k.LineEnd):
		m.col = len(m.cur())
	case key.Matches(msg, k.InputBegin):
		m.row, m.col = 0, 0
	case key.Matches(msg, k.InputEnd):
		m.row = len(m.lines) - 1
		m.col = len(m.cur())
	case key.Matches(msg, k.UppercaseWordForward):
		m.wordRight(unicode.ToUpper)
	case key.Matches(msg, k.LowercaseWordForward):
		m.wordRight(unicode.ToLower)
	case key.Matches(msg, k.CapitalizeWordForward):
		first := true
		m.wordRight(func(c rune) rune {
			if first {
				first = false
				return unicode.ToTitle(c)
			}
			return c
		})
	case key.Matches(msg, k.TransposeCharacterBackward):
		m.transpose()
	default:
		if msg.Text != "" {
			m.insert(sanitize([]rune(msg.Text)))
		}
	}
	if !vertical {
		m.goal = -1
	}
}
