package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/tui/editor"
)

// Theme holds every style the app uses, by meaning rather than by colour.
// Pages never build colours inline; they pick a field here.
type Theme struct {
	App       lipgloss.Style // outer padding of the whole screen
	Header    lipgloss.Style // the top bar
	Brand     lipgloss.Style // "sdprep" in the top bar
	Crumb     lipgloss.Style // the page title in the top bar
	Title     lipgloss.Style // a heading inside a page
	Subtle    lipgloss.Style // secondary text: hints, units, derivations
	Text      lipgloss.Style // body text
	Strong    lipgloss.Style // emphasised figures
	Selected  lipgloss.Style // the highlighted row of a list or menu
	Cursor    lipgloss.Style // the marker in front of the selected row
	Label     lipgloss.Style // form labels
	Focused   lipgloss.Style // the label of the focused field
	Error     lipgloss.Style // invalid input and failures
	Success   lipgloss.Style // confirmations
	Warning   lipgloss.Style // rejections, limits reached
	Pane      lipgloss.Style // a bordered panel
	PaneFocus lipgloss.Style // a bordered panel with focus
	Tab       lipgloss.Style // an inactive tab
	TabActive lipgloss.Style // the active tab
	Bar       lipgloss.Style // admitted bars in charts
	BarAlt    lipgloss.Style // rejected bars in charts
	Help      help.Styles
	Input     textinput.Styles // text fields; the cursor does not blink
	Notes     editor.Styles    // the mock interview's notes editor
}

// palette is the set of colours a theme is built from.
type palette struct {
	accent, accentDim, text, subtle, err, ok, warn, border, selBg color.Color
}

// NewTheme returns the app's theme; noColor drops every colour and keeps
// only bold/underline, for NO_COLOR and dumb terminals.
func NewTheme(noColor bool) *Theme {
	if noColor {
		return plainTheme()
	}
	p := palette{
		accent:    lipgloss.Color("#7D56F4"),
		accentDim: lipgloss.Color("#A48BF7"),
		text:      lipgloss.Color("#DDDDDD"),
		subtle:    lipgloss.Color("#8A8A8A"),
		err:       lipgloss.Color("#FF5F87"),
		ok:        lipgloss.Color("#5FD787"),
		warn:      lipgloss.Color("#FFAF5F"),
		border:    lipgloss.Color("#5C5C5C"),
		selBg:     lipgloss.Color("#3A2F6B"),
	}
	s := lipgloss.NewStyle
	h := help.DefaultDarkStyles()
	h.ShortKey = s().Foreground(p.accentDim)
	h.FullKey = h.ShortKey
	return &Theme{
		App:       s().Padding(0, 1),
		Header:    s().MarginBottom(1),
		Brand:     s().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(p.accent).Padding(0, 1),
		Crumb:     s().Foreground(p.accentDim).Padding(0, 1),
		Title:     s().Bold(true).Foreground(p.accentDim),
		Subtle:    s().Foreground(p.subtle),
		Text:      s(),
		Strong:    s().Bold(true),
		Selected:  s().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(p.selBg),
		Cursor:    s().Foreground(p.accent).Bold(true),
		Label:     s().Foreground(p.subtle),
		Focused:   s().Foreground(p.accentDim).Bold(true),
		Error:     s().Foreground(p.err),
		Success:   s().Foreground(p.ok),
		Warning:   s().Foreground(p.warn),
		Pane:      s().Border(lipgloss.RoundedBorder()).BorderForeground(p.border).Padding(0, 1),
		PaneFocus: s().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Tab:       s().Foreground(p.subtle).Padding(0, 1),
		TabActive: s().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(p.accent).Padding(0, 1),
		Bar:       s().Foreground(p.ok),
		BarAlt:    s().Foreground(p.err),
		Help:      h,
		Input:     inputStyles(s().Foreground(p.subtle), s().Foreground(p.accentDim)),
		Notes:     notesStyles(s().Foreground(p.subtle), s().Foreground(p.accentDim)),
	}
}

// inputStyles builds text-field styles from a placeholder and prompt style.
func inputStyles(placeholder, prompt lipgloss.Style) textinput.Styles {
	var in textinput.Styles
	in.Focused = textinput.StyleState{Text: lipgloss.NewStyle(), Placeholder: placeholder, Suggestion: placeholder, Prompt: prompt}
	in.Blurred = in.Focused
	in.Cursor = textinput.CursorStyle{Blink: false}
	return in
}

// notesStyles builds the notes editor's styles from a placeholder and
// prompt style; the cursor does not blink.
func notesStyles(placeholder, prompt lipgloss.Style) editor.Styles {
	return editor.Styles{Text: lipgloss.NewStyle(), Placeholder: placeholder, Prompt: prompt, BlurredPrompt: placeholder,
		Cursor: lipgloss.NewStyle().Reverse(true)}
}

func plainTheme() *Theme {
	s := lipgloss.NewStyle
	var h help.Styles
	h.ShortKey, h.ShortDesc, h.ShortSeparator = s().Bold(true), s(), s()
	h.FullKey, h.FullDesc, h.FullSeparator, h.Ellipsis = s().Bold(true), s(), s(), s()
	return &Theme{
		App:       s().Padding(0, 1),
		Header:    s().MarginBottom(1),
		Brand:     s().Bold(true).Padding(0, 1).Reverse(true),
		Crumb:     s().Padding(0, 1),
		Title:     s().Bold(true),
		Subtle:    s(),
		Text:      s(),
		Strong:    s().Bold(true),
		Selected:  s().Reverse(true),
		Cursor:    s().Bold(true),
		Label:     s(),
		Focused:   s().Bold(true).Underline(true),
		Error:     s().Bold(true),
		Success:   s(),
		Warning:   s().Bold(true),
		Pane:      s().Border(lipgloss.NormalBorder()).Padding(0, 1),
		PaneFocus: s().Border(lipgloss.ThickBorder()).Padding(0, 1),
		Tab:       s().Padding(0, 1),
		TabActive: s().Reverse(true).Padding(0, 1),
		Bar:       s(),
		BarAlt:    s(),
		Help:      h,
		Input:     inputStyles(s().Faint(true), s()),
		Notes:     notesStyles(s().Faint(true), s()),
	}
}
