package tui

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/shortener"
)

// The shortener lab's list of links: the store's links, newest first.

// linkLines is the links header and rows lines of links, scrolled to the
// selection.
func (p *shortenerPage) linkLines(w, rows int) []string {
	t := p.c.Theme
	title := t.Title.Render("Links")
	if p.focus == shFocusLinks {
		title = t.Focused.Render("Links")
	}
	codeW := 7
	for _, l := range p.links {
		codeW = max(codeW, displayWidth(l.Code))
	}
	codeW = min(codeW, 12)
	const numW = 8
	urlW := max(w-2-codeW-1-2*numW, 8)
	count := humanize.Comma(int64(len(p.links)))
	if p.total > len(p.links) {
		count += " of " + humanize.Comma(int64(p.total))
	}
	head := padRight(title+t.Subtle.Render(" ("+count+", newest first)"), 2+codeW+1+urlW)
	head += t.Subtle.Render(shPadLeft("visits", numW) + shPadLeft("clicks", numW))
	out := []string{head}
	if p.listErr != "" {
		out = append(out, t.Subtle.Render("  "+p.listErr))
	}
	if len(p.links) == 0 {
		return append(out, t.Subtle.Render("  none yet: type a URL above and press enter"))
	}
	end := min(p.offset+rows, len(p.links))
	for i := p.offset; i < end; i++ {
		l := p.links[i]
		row := padRight(truncate(l.Code, codeW), codeW) + " " + padRight(truncate(l.URL, urlW), urlW) +
			shPadLeft(humanize.Comma(l.Visits), numW) + shPadLeft(humanize.Comma(l.Clicks), numW)
		switch {
		case i == p.sel && p.focus == shFocusLinks:
			row = t.Cursor.Render("▸ ") + t.Selected.Render(row)
		case i == p.sel:
			row = t.Cursor.Render("▸ ") + row
		default:
			row = "  " + row
		}
		out = append(out, row)
	}
	return out
}

// linkRows is how many links the layout shows at the current size.
func (p *shortenerPage) linkRows() int {
	n := max(len(p.links), 1)
	if p.wide() {
		colH := max(p.height-shFormRows-1-len(p.statsLines(p.width, 2))-1, 4)
		return min(n, max(colH/2-1, 1))
	}
	rest := max(p.height-shFormRows-p.narrowStatRows(), 4)
	return min(n, shMaxLinkRows, max((rest-2)/2, 1))
}

// scrollLinks keeps the selected link in view.
func (p *shortenerPage) scrollLinks() {
	rows := p.linkRows()
	if p.sel < p.offset {
		p.offset = p.sel
	}
	if p.sel >= p.offset+rows {
		p.offset = p.sel - rows + 1
	}
	p.offset = max(min(p.offset, len(p.links)-rows), 0)
}

// listCmd reads the next page of the store's links, newest first, after
// those the page has: everything made here is the newest, so the links
// shown are always a prefix of the store's.
func (p *shortenerPage) listCmd() tea.Cmd {
	p.listing = true
	svc, offset, parent := p.svc, len(p.links), p.c.ctx()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(parent, shortenerCallBudget)
		defer cancel()
		links, total, err := svc.Recent(ctx, offset, shortenerListPage)
		return shListedMsg{offset: offset, links: links, total: total, err: err}
	}
}

// onListed adds a page of the store's links after those shown.
func (p *shortenerPage) onListed(m shListedMsg) {
	p.listing = false
	if m.err != nil {
		if errors.Is(m.err, shortener.ErrNoListing) {
			p.listErr = "this store cannot list its links: those made here are shown"
		} else {
			p.listErr = "listing the links failed: " + m.err.Error()
		}
		return
	}
	for _, l := range m.links {
		if p.linkIndex(l.Code) < 0 {
			p.links = append(p.links, shortLink{Code: l.Code, URL: l.URL, Clicks: l.Clicks})
		}
	}
	p.total = max(m.total, len(p.links))
	p.scrollLinks()
}

// storedText says where a new link went and how safe it is there.
func (p *shortenerPage) storedText() string {
	switch p.svc.StoreKind() {
	case "memory":
		return "stored in memory (gone when the lab exits)"
	case "sqlite":
		return "stored in SQLite (committed before the 201)"
	case "redis":
		return "stored in Redis (as durable as its persistence settings)"
	}
	return "stored"
}

func (p *shortenerPage) linksKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch {
	case key.Matches(msg, k.Up):
		if p.sel == 0 {
			p.setFocus(shFocusStrategy)
			return nil
		}
		p.sel--
	case key.Matches(msg, k.Down):
		p.sel = min(p.sel+1, max(len(p.links)-1, 0))
	case key.Matches(msg, k.PageUp):
		p.sel = max(p.sel-p.linkRows(), 0)
	case key.Matches(msg, k.PageDown):
		p.sel = min(p.sel+p.linkRows(), max(len(p.links)-1, 0))
	case key.Matches(msg, k.Resolve):
		return p.resolveCmd(1)
	case key.Matches(msg, k.Burst):
		return p.resolveCmd(shortenerBurst)
	}
	p.scrollLinks()
	if p.sel >= len(p.links)-p.linkRows() && len(p.links) < p.total && !p.listing {
		return p.listCmd() // the next page, before the selection reaches the end
	}
	return nil
}

func (p *shortenerPage) cycleStrategy(d int) {
	n := int(shortener.Random) + 1
	p.strategy = shortener.Strategy((int(p.strategy) + d + n) % n)
}
