package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// View shows the list or the reader, or both side by side from
// learnTwoPaneWidth columns.
func (p *learnPage) View() string {
	if !p.twoPane() {
		if p.reading && p.cur != nil {
			return p.readerView(p.width)
		}
		return p.listView(p.width)
	}
	left := fitBlock(p.listView(learnListWidth), learnListWidth, p.height)
	sep := strings.TrimSuffix(strings.Repeat(p.c.Theme.Subtle.Render(" │ ")+"\n", p.height), "\n")
	var right string
	if p.cur != nil {
		right = p.readerView(p.readerWidth())
	} else {
		right = p.previewView(p.readerWidth())
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, left, sep, right)
}

// fitBlock pads or cuts s to exactly w×h cells.
func fitBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = padRight(truncate(l, w), w)
	}
	return strings.Join(lines, "\n")
}

// previewView fills the reader pane of the two-pane layout before any
// document is open: the selected entry's title and summary.
func (p *learnPage) previewView(w int) string {
	t := p.c.Theme
	if p.sel < 0 {
		return t.Subtle.Render("Nothing selected.")
	}
	it := p.items[p.rows[p.sel].item]
	return t.Title.Render(wrap(it.title, w)) + "\n\n" + wrap(it.summary, w) + "\n\n" +
		t.Subtle.Render("Enter reads it here; esc in the reader comes back to the list.")
}

func (p *learnPage) ShortHelp() []key.Binding {
	k := p.keys
	if !p.reading {
		b := []key.Binding{k.Up, k.Open}
		if p.cur != nil {
			b = append(b, k.ToReader)
		}
		return b
	}
	// The app adds esc and ctrl+c; all of it fits in 80 columns.
	b := []key.Binding{k.ScrollUp, k.NextLink}
	switch {
	case p.link >= 0:
		b = append(b, k.Follow)
	case p.wideContent:
		b = append(b, k.Left)
	}
	return append(b, k.Close, k.HistoryBack)
}

func (p *learnPage) FullHelp() [][]key.Binding {
	k := p.keys
	if !p.reading {
		b := []key.Binding{k.Open}
		if p.cur != nil {
			b = append(b, k.ToReader)
		}
		return [][]key.Binding{{k.Up, k.PageUp, k.PageDown}, append(b, withHelp(k.Clear, "clear filter, back"))}
	}
	return [][]key.Binding{
		{k.ScrollUp, k.PageUpR, k.PageDownR, k.Top, k.Bottom, k.Left},
		{k.NextLink, k.PrevLink, k.Follow, k.HistoryBack, k.HistoryFwd, k.Find, k.Close, k.Quit},
	}
}
