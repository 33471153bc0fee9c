package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/content"
)

// The list half of the learn page: the filter, the rows it selects and
// their rendering.

func (p *learnPage) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Clear):
		if p.filter.Value() == "" {
			return back
		}
		p.filter.SetValue("")
		p.refilter()
		return nil
	case key.Matches(msg, k.Up):
		p.moveSelection(-1)
		return nil
	case key.Matches(msg, k.Down):
		p.moveSelection(1)
		return nil
	case key.Matches(msg, k.PageUp):
		p.moveSelection(-max(p.listHeight()/2, 1))
		return nil
	case key.Matches(msg, k.PageDown):
		p.moveSelection(max(p.listHeight()/2, 1))
		return nil
	case key.Matches(msg, k.Open):
		if p.sel >= 0 {
			return p.visit(p.items[p.rows[p.sel].item].ref)
		}
		return nil
	case key.Matches(msg, k.ToReader):
		if p.cur != nil {
			p.reading = true
			p.filter.Blur()
		}
		return nil
	}
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if p.filter.Value() != p.query {
		p.refilter()
	}
	return cmd
}

// refilter rebuilds the rows for the filter text: everything grouped when
// it is empty, ids, titles, aliases and tags that contain it when it is
// short, and from learnSearchMin characters the full-text search hits
// (with snippets, best first, so that a word found only in a body finds
// its topic) followed by the other names that contain it.
func (p *learnPage) refilter() {
	q := strings.TrimSpace(p.filter.Value())
	p.query = p.filter.Value()
	p.rows, p.hits = nil, 0
	if len([]rune(q)) >= learnSearchMin {
		found := map[int]bool{}
		for _, h := range p.lib.Search(q) {
			if i := p.itemIndex(learnRef{h.Kind, h.ID}); i >= 0 {
				p.rows = append(p.rows, learnRow{item: i, snippet: h.Snippet})
				found[i] = true
			}
		}
		// Search matches whole words from their start; keep the names
		// that merely contain the text ("harding"), as shorter queries did.
		lq := strings.ToLower(q)
		for i, it := range p.items {
			if !found[i] && strings.Contains(it.match, lq) {
				p.rows = append(p.rows, learnRow{item: i})
			}
		}
		p.hits = len(p.rows)
	} else {
		lq := strings.ToLower(q)
		group := ""
		for i, it := range p.items {
			if !strings.Contains(it.match, lq) {
				continue
			}
			if it.group != group {
				group = it.group
				p.rows = append(p.rows, learnRow{heading: group, item: -1})
			}
			p.rows = append(p.rows, learnRow{item: i})
			p.hits++
		}
	}
	p.sel, p.top = -1, 0
	p.moveSelection(1)
}

func (p *learnPage) itemIndex(ref learnRef) int {
	for i, it := range p.items {
		if it.ref == ref {
			return i
		}
	}
	return -1
}

// moveSelection moves the selection by n items, skipping headings, and
// keeps it on screen.
func (p *learnPage) moveSelection(n int) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		next := p.sel + step
		for next >= 0 && next < len(p.rows) && p.rows[next].item < 0 {
			next += step
		}
		if next < 0 || next >= len(p.rows) {
			break
		}
		p.sel = next
	}
	p.scrollList()
}

// listHeight is the number of lines the list rows get, under the filter
// and the status line.
func (p *learnPage) listHeight() int { return max(p.height-2, 1) }

// rowLines is the height of row i: a heading takes a blank line before it
// (except at the top), an item with a snippet two lines.
func (p *learnPage) rowLines(i int) int {
	r := p.rows[i]
	switch {
	case r.item < 0 && i > 0:
		return 2
	case r.snippet != "":
		return 2
	}
	return 1
}

// scrollList moves the top of the list so that the selected row, and its
// group heading when it is the first of its group, are on screen.
func (p *learnPage) scrollList() {
	if p.sel < 0 {
		p.top = 0
		return
	}
	if p.sel <= p.top {
		p.top = p.sel
		if p.top > 0 && p.rows[p.top-1].item < 0 {
			p.top--
		}
	}
	for p.top < p.sel {
		lines := 0
		for i := p.top; i <= p.sel; i++ {
			lines += p.rowLines(i)
		}
		if p.rows[p.top].item < 0 && p.top > 0 {
			lines-- // no blank line before the heading at the top
		}
		if lines <= p.listHeight() {
			break
		}
		p.top++
	}
}

func (p *learnPage) listView(w int) string {
	t := p.c.Theme
	var b strings.Builder
	b.WriteString(truncate(p.filter.View(), w))
	b.WriteString("\n")
	b.WriteString(truncate(t.Subtle.Render(p.status()), w))
	b.WriteString("\n")
	lines := 0
	for i := p.top; i < len(p.rows) && lines < p.listHeight(); i++ {
		for _, l := range p.rowView(i, w) {
			if lines == p.listHeight() {
				break
			}
			b.WriteString(l)
			b.WriteString("\n")
			lines++
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// status is the line under the filter.
func (p *learnPage) status() string {
	q := strings.TrimSpace(p.query)
	switch {
	case q == "":
		return fmt.Sprintf("%d topics and problems · enter reads one", len(p.items))
	case p.hits == 0:
		return fmt.Sprintf("nothing matches %q · esc clears the filter", q)
	case len([]rune(q)) >= learnSearchMin:
		return fmt.Sprintf("%d found in titles, tags and text, best first", p.hits)
	}
	return fmt.Sprintf("%d match the name · a third letter searches the text too", p.hits)
}

// rowView renders row i as one or two lines of at most w cells.
func (p *learnPage) rowView(i, w int) []string {
	t := p.c.Theme
	r := p.rows[i]
	if r.item < 0 {
		h := truncate(t.Title.Render(r.heading), w)
		if i > p.top {
			return []string{"", h}
		}
		return []string{h}
	}
	it := p.items[r.item]
	title := it.title
	if r.snippet != "" && it.ref.kind == content.KindProblem {
		title += " (problem)"
	}
	var line string
	if i == p.sel {
		line = t.Cursor.Render("▸ ") + t.Selected.Render(title)
	} else {
		line = "  " + t.Text.Render(title)
	}
	// Summaries start in one column, unless that leaves them no room.
	if col := min(p.titleW[it.ref.kind]+4, learnSummaryCol, w/2); r.snippet == "" && w >= 60 && lipgloss.Width(line)+2 < col && col+12 < w {
		line = padRight(line, col) + t.Subtle.Render(it.summary)
	} else if r.snippet == "" && w >= 60 && lipgloss.Width(line)+14 < w {
		// A narrow pane (the list beside the reader) shows titles only:
		// summaries that cannot share a column would start ragged.
		line += "  " + t.Subtle.Render(it.summary)
	}
	out := []string{truncate(line, w)}
	if r.snippet != "" {
		out = append(out, truncate("    "+t.Subtle.Render(r.snippet), w))
	}
	return out
}
