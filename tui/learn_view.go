package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/sdprep/sdprep/content"
)

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
	if col := min(p.titleW[it.ref.kind]+4, learnSummaryCol, w/2); r.snippet == "" && lipgloss.Width(line)+2 < col && col+12 < w {
		line = padRight(line, col) + t.Subtle.Render(it.summary)
	} else if r.snippet == "" && lipgloss.Width(line)+14 < w {
		line += "  " + t.Subtle.Render(it.summary)
	}
	out := []string{truncate(line, w)}
	if r.snippet != "" {
		out = append(out, truncate("    "+t.Subtle.Render(r.snippet), w))
	}
	return out
}

// readerView is the rendered document, a status rule and the related
// links, in w×height cells.
func (p *learnPage) readerView(w int) string {
	t := p.c.Theme
	var body string
	switch {
	case p.renderErr != nil:
		body = t.Error.Render(wrap("Could not render this page: "+p.renderErr.Error(), w))
	case p.shown == (learnRenderKey{}):
		body = t.Subtle.Render("Rendering " + p.docTitle(*p.cur) + " …")
	default:
		body = p.vp.View()
	}
	body = fitBlock(body, w, p.vp.Height())
	return body + "\n" + p.ruleView(w) + "\n" + p.linksView(w)
}

// ruleView is a rule with the scroll position and the history depth.
func (p *learnPage) ruleView(w int) string {
	t := p.c.Theme
	label := fmt.Sprintf(" %d%% ", int(p.vp.ScrollPercent()*100+0.5))
	if p.vp.TotalLineCount() <= p.vp.Height() {
		label = " all "
	}
	if len(p.back) > 0 || len(p.fwd) > 0 {
		label += fmt.Sprintf("· history %d back, %d forward ", len(p.back), len(p.fwd))
	}
	style := t.Subtle
	if p.reading {
		style = t.Label
	}
	return style.Render(truncate("──"+label+strings.Repeat("─", max(w-lipgloss.Width(label)-2, 0)), w))
}

// linksView lists the related topics on one line, the selected one
// highlighted and kept in view.
func (p *learnPage) linksView(w int) string {
	t := p.c.Theme
	label := "Related: "
	if len(p.related) == 0 {
		return t.Subtle.Render("No related topics.")
	}
	parts := make([]string, len(p.related))
	for i, id := range p.related {
		if i == p.link {
			parts[i] = t.Selected.Render(id)
		} else {
			parts[i] = t.Text.Render(id)
		}
	}
	// Drop links from the front until the selected one fits.
	first := 0
	for first < p.link && lipgloss.Width(label+"… "+strings.Join(parts[first:p.link+1], " · ")) > w {
		first++
	}
	line := t.Label.Render(label)
	if first > 0 {
		line += "… "
	}
	return truncate(line+strings.Join(parts[first:], " · "), w)
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
