package editor

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// fuzzKeys are the keys FuzzEditor presses: every binding of the default
// key map and text that is wide, combining, joined, or not text at all.
var fuzzKeys = []tea.KeyPressMsg{
	keyBackspace, keyDelete, keyLeft, keyRight, keyUp, keyDown, keyHome, keyEnd, keyEnter, keyPgUp, keyPgDown,
	ctrl('w'), ctrl('k'), ctrl('u'), ctrl('t'), alt('d'), alt('f'), alt('b'), alt('u'), alt('l'), alt('c'),
	{Code: tea.KeyHome, Mod: tea.ModCtrl}, {Code: tea.KeyEnd, Mod: tea.ModCtrl},
	{Code: 'a', Text: "a"}, {Code: 'B', Text: "B"}, {Code: ' ', Text: " "}, {Code: 'x', Text: "x"},
	{Code: '界', Text: "界"}, {Code: 0x301, Text: "\u0301"}, {Code: 0x1F44D, Text: "👍"},
	{Code: 0x1F3FD, Text: "🏽"}, {Code: 0x200D, Text: "\u200d"}, {Code: 0xFE0F, Text: "\ufe0f"},
	{Code: 0x1F1FA, Text: "🇺"}, {Code: 0x1100, Text: "\u1100"}, {Code: 0x1161, Text: "\u1161"},
	{Code: 0x200B, Text: "\u200b"}, {Code: tea.KeyTab, Text: "\t"}, {Code: 'ß', Text: "ß"},
}

// fuzzPastes are the pastes FuzzEditor makes.
var fuzzPastes = []string{"x\r\ny", "\r", "\n\n", "a\tb", "one two three four five six seven", "\x1b[31mred\x07", "👨\u200d👩\u200d👧 é"}

// fuzzRunes are the starts of the blocks FuzzEditor types single runes
// from: combining marks, prepended marks, Indic and Thai vowels, Hangul
// jamo and syllables, flags, skin tones, emoji, variation selectors,
// zero-width and bidi formats, line separators and tags.
var fuzzRunes = []rune{0x300, 0x600, 0x93E, 0xE30, 0x1100, 0x1160, 0x11A8, 0xAC00,
	0x1F1E6, 0x1F3FB, 0x1F468, 0xFE00, 0x200B, 0x2028, 0x202A, 0xE0020}

// fuzzStep applies one action chosen by op (and arg) to m and reports
// what Update said when it was a key or a paste; other actions report
// whether the text changed.
func fuzzStep(m *Model, op, arg byte) bool {
	switch n := int(op) % (len(fuzzKeys) + len(fuzzPastes) + 6); {
	case n < len(fuzzKeys):
		return m.Update(fuzzKeys[n])
	case n < len(fuzzKeys)+len(fuzzPastes):
		return m.Update(tea.PasteMsg{Content: fuzzPastes[n-len(fuzzKeys)]})
	case n == len(fuzzKeys)+len(fuzzPastes):
		m.SetWidth(int(arg % 40))
	case n == len(fuzzKeys)+len(fuzzPastes)+1:
		m.SetHeight(int(arg % 12))
	case n == len(fuzzKeys)+len(fuzzPastes)+2:
		if arg%2 == 0 {
			m.Blur()
		} else {
			m.Focus()
		}
	case n == len(fuzzKeys)+len(fuzzPastes)+3:
		before := m.Value()
		m.SetValue(strings.Repeat(fuzzPastes[int(arg)%len(fuzzPastes)]+" ", int(arg%5)))
		return m.Value() != before
	case n == len(fuzzKeys)+len(fuzzPastes)+4:
		c := fuzzRunes[int(arg/16)%len(fuzzRunes)] + rune(arg%16)
		return m.Update(tea.KeyPressMsg{Code: c, Text: string(c)})
	default:
		if arg%2 == 0 {
			m.MoveToBegin()
		} else {
			m.MoveToEnd()
		}
	}
	return false
}

// FuzzEditor decodes its input into a size, a prompt and a sequence of
// keys, pastes, resizes and focus changes, and checks every invariant of
// the editor after each of them.
func FuzzEditor(f *testing.F) {
	f.Add([]byte{20, 4, 1, 23, 0, 25, 0, 8, 0, 24, 0, 3, 0})
	f.Add([]byte{6, 2, 0, 29, 0, 30, 0, 29, 0, 31, 0, 2, 0, 0, 0, 48, 3})
	f.Add([]byte{3, 1, 1, 40, 2, 46, 1, 9, 0, 10, 0, 5, 0, 4, 0})
	f.Add([]byte{12, 3, 2, 44, 0, 44, 1, 6, 0, 11, 0, 12, 0, 47, 7, 47, 2, 28, 0})
	f.Fuzz(runFuzzData)
}

// runFuzzData runs one input of FuzzEditor.
func runFuzzData(t *testing.T, data []byte) {
	if len(data) < 3 {
		return
	}
	m := New()
	m.Prompt = []string{"", "> ", "│ ", "界"}[data[2]%4]
	m.Placeholder = "Type your notes…"
	m.SetWidth(int(data[0] % 50))
	m.SetHeight(int(data[1] % 12))
	m.Focus()
	for i := 3; i+1 < len(data) && i < 400; i += 2 {
		before, rev := m.Value(), m.Rev()
		changed := fuzzStep(&m, data[i], data[i+1])
		after := m.Value()
		if after != before && m.Rev() == rev {
			t.Fatalf("step %d: the text changed from %q to %q and Rev did not", i, before, after)
		}
		if changed != (after != before) {
			t.Fatalf("step %d: Update reported a change %v, but the text went from %q to %q", i, changed, before, after)
		}
		checkInvariants(t, &m)
	}
}

// checkInvariants checks the frame and the caches: Height rows of Width
// cells, one cursor on screen when focused, none when not, a full screen
// when the text is long enough, and caches that match the text.
func checkInvariants(t *testing.T, m *Model) {
	t.Helper()
	checkFrame(t, m)
	if m.row < 0 || m.row >= len(m.lines) || m.col < 0 || m.col > len(m.cur()) {
		t.Fatalf("cursor %d:%d out of the text\n%s", m.row, m.col, dumpState(m))
	}
	if b := unitStart(m.cur(), 0, m.col); b != m.col {
		t.Fatalf("cursor %d:%d inside a grapheme cluster (which starts at %d)\n%s", m.row, m.col, b, dumpState(m))
	}
	view := m.View()
	want := 0
	if m.focus {
		want = 1
	}
	if got := strings.Count(view, "\x1b[7m"); got != want {
		t.Fatalf("%d cursors in the frame, want %d: %q", got, want, view)
	}
	if !m.Empty() && visibleRows(m) < min(totalRows(m), m.height) {
		t.Fatalf("%d rows shown of %d, with %d on screen\n%s", visibleRows(m), totalRows(m), m.height, dumpState(m))
	}
	for i, l := range m.lines {
		if l.sOK && l.s != string(l.r) {
			t.Fatalf("line %d keeps a stale string %q for %q", i, l.s, string(l.r))
		}
	}
	if got := strings.Split(ansi.Strip(view), "\n"); m.Empty() && m.Placeholder == "" && strings.TrimSpace(strings.Join(got, "")) != strings.TrimSpace(strings.Repeat(m.Prompt, len(got))) {
		t.Fatalf("an empty editor drew text: %q", got)
	}
}

// visibleRows is the number of text rows from the top of the screen to
// the end of the text, at most Height.
func visibleRows(m *Model) int {
	i, s, n := m.top, m.sub, 1
	for ok := true; n < m.height; n++ {
		if i, s, ok = m.next(i, s); !ok {
			break
		}
	}
	return n
}

// totalRows is the number of screen rows of the whole text.
func totalRows(m *Model) int {
	n := 0
	for i := range m.lines {
		n += len(m.wrap(i))
	}
	return n
}
