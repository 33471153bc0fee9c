package tui

import (
	"fmt"
	"strings"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/shortener"
)

// Layout of the shortener lab.
const (
	shLabelWidth  = 9  // "strategy "
	shAliasWidth  = 24 // the alias field
	shMaxLinkRows = 5  // link rows in the narrow layout
	shWideWidth   = 110
	shWideHeight  = 28
)

// shStrategyBlurb is the one-line summary under the picker.
var shStrategyBlurb = map[shortener.Strategy]string{
	shortener.Counter: "base62 of a counter: short, guessable",
	shortener.Hash:    "SHA-256 of the URL: same URL, same code",
	shortener.Random:  "seeded random digits, retried if taken",
}

// shStrategyStory is the longer explanation of the wide layout.
var shStrategyStory = map[shortener.Strategy]string{
	shortener.Counter: "Counter: each link takes the next number of a sequence the store keeps " +
		"(UPDATE … RETURNING in SQLite, INCR in Redis) and its code is that number in base62. " +
		"Codes are as short as they can be and never collide, but the next one is easy to guess " +
		"and every server shares the one sequence.",
	shortener.Hash: "Hash: the code is 7 base62 digits of SHA-256(salt + URL). The same URL always " +
		"gets the same code, so shortening it twice stores it once. Two URLs can share a code: " +
		"the store's create-if-absent refuses the second and the service retries with the next attempt.",
	shortener.Random: "Random: 7 base62 digits from a seeded random source. Codes cannot be guessed " +
		"and servers need no coordination, but each create must find a free code " +
		"(create-if-absent) and retry on a collision.",
}

const (
	shCacheStory = "Reads are cache-aside: a resolve asks the LRU first and a hit never touches the " +
		"store. A miss reads the store and caches the link. Links never change, so nothing is invalidated."
	shClickStory = "Clicks are counted asynchronously: a redirect puts one click on a buffered queue " +
		"and returns at once; a writer adds the clicks to the store in batches. " +
		"Visits minus clicks is what is still on its way."
)

// codeSpace says how many 7-character codes there are.
func shCodeSpace() string {
	return fmt.Sprintf("62^7 ≈ %.2f trillion codes", float64(shortener.CodeSpace)/1e12)
}

func (p *shortenerPage) wide() bool { return p.width >= shWideWidth && p.height >= shWideHeight }

func (p *shortenerPage) View() string {
	if p.width == 0 || p.height == 0 {
		return ""
	}
	var lines []string
	if p.wide() {
		lines = p.wideLines()
	} else {
		lines = p.narrowLines()
	}
	for len(lines) < p.height {
		lines = append(lines, "")
	}
	lines = lines[:p.height]
	for i, l := range lines {
		lines[i] = truncate(l, p.width)
	}
	return strings.Join(lines, "\n")
}

// narrowLines stacks the form, the links, the events and the stats.
func (p *shortenerPage) narrowLines() []string {
	w, h := p.width, p.height
	lines := p.formLines(w)
	statRows := p.narrowStatRows()
	rest := max(h-len(lines)-statRows, 4)
	linkRows := p.linkRows()
	lines = append(lines, p.linkLines(w, linkRows)...)
	events := p.eventLines(w, rest-linkRows-2)
	for len(events) < rest-linkRows-1 {
		events = append(events, "")
	}
	lines = append(lines, events...)
	return append(lines, p.statsLines(w, statRows)...)
}

// wideLines puts the links and an explanation on the left, the events on
// the right, between the form and the stats.
func (p *shortenerPage) wideLines() []string {
	w, h := p.width, p.height
	lines := p.formLines(w)
	lines = append(lines, "")
	stats := p.statsLines(w, 2)
	colH := max(h-len(lines)-len(stats)-1, 4)
	lw := (w - 3) / 2
	rw := w - 3 - lw

	left := p.linkLines(lw, p.linkRows())
	left = append(left, "", p.c.Theme.Title.Render("How it works"))
	for i, para := range []string{shStrategyStory[p.strategy] + " 7 characters give " +
		humanize.Comma(int64(shortener.CodeSpace)) + " codes.", shCacheStory, shClickStory} {
		if i > 0 {
			left = append(left, "")
		}
		left = append(left, strings.Split(p.c.Theme.Subtle.Render(wrap(para, lw)), "\n")...)
	}
	right := p.eventLines(rw, colH-1)
	for i := range colH {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines = append(lines, padRight(truncate(l, lw), lw)+p.c.Theme.Subtle.Render(" │ ")+r)
	}
	lines = append(lines, "")
	return append(lines, stats...)
}

// formLines is the URL and alias fields, the strategy picker, a line on
// the strategy and a status line: four lines.
func (p *shortenerPage) formLines(w int) []string {
	t := p.c.Theme
	label := func(name string, f int) string {
		if p.focus == f {
			return t.Focused.Render(padRight(name, shLabelWidth-1)) + " "
		}
		return t.Label.Render(padRight(name, shLabelWidth-1)) + " "
	}
	picker := "◂ " + p.strategy.String() + " ▸"
	if p.focus == shFocusStrategy {
		picker = t.Selected.Render(picker)
	}
	alias := padRight(p.alias.View(), shAliasWidth+1)
	blurb := t.Subtle.Render(shStrategyBlurb[p.strategy] + " · " + shCodeSpace())
	status := p.status
	if status == "" {
		status = t.Subtle.Render(p.hint())
	}
	return []string{
		label("URL", shFocusURL) + p.url.View(),
		label("alias", shFocusAlias) + alias + " " + label("strategy", shFocusStrategy) + picker,
		strings.Repeat(" ", shLabelWidth) + blurb,
		truncate(status, w),
	}
}

// hint is the status line when there is nothing to report.
func (p *shortenerPage) hint() string {
	switch p.focus {
	case shFocusLinks:
		if len(p.links) == 0 {
			return "No links yet: tab back to the form and shorten a URL."
		}
		return "enter or o visits the selected link (one click); R visits it 100 times."
	case shFocusStrategy:
		return "←/→ picks how codes are made; enter shortens the URL above."
	}
	return "enter shortens; tab moves on; ctrl+t switches strategy; esc goes back."
}

// shFormRows is the height of the form: two fields, the strategy line
// and the status line.
const shFormRows = 4

func (p *shortenerPage) narrowStatRows() int {
	if p.height < 18 {
		return 1
	}
	return 2
}

// eventLines is the event log, newest first, wrapped to w, in at most
// rows lines under its header.
func (p *shortenerPage) eventLines(w, rows int) []string {
	t := p.c.Theme
	out := []string{t.Title.Render("Events") + t.Subtle.Render(" newest first")}
	if len(p.events) == 0 {
		return append(out, t.Subtle.Render("Each step the service takes is explained here."))
	}
	for _, e := range p.events {
		if len(out) > rows {
			break
		}
		marker, style := "· ", t.Text
		switch e.Kind {
		case shEvOK:
			marker, style = "✓ ", t.Success
		case shEvWarn:
			marker, style = "! ", t.Warning
		case shEvErr:
			marker, style = "✗ ", t.Error
		}
		wrapped := strings.Split(wrap(e.Text, max(w-2, 10)), "\n")
		for i, l := range wrapped {
			if len(out) > rows {
				break
			}
			prefix := "  "
			if i == 0 {
				prefix = marker
			}
			out = append(out, style.Render(prefix+l))
		}
	}
	return out
}

// statsLines is the counters line, wrapped to at most n lines.
func (p *shortenerPage) statsLines(w, n int) []string {
	t := p.c.Theme
	s := p.stats
	ratio := "–"
	if total := s.CacheHits + s.CacheMisses; total > 0 {
		ratio = fmt.Sprintf("%.1f%%", 100*float64(s.CacheHits)/float64(total))
	}
	parts := []string{
		shStat("links", max(p.total, len(p.links))),
		shStat("cache hits", s.CacheHits),
		shStat("misses", s.CacheMisses),
		"hit ratio " + ratio,
		shStat("store reads", s.StoreReads),
		shStat("queue depth", s.QueueDepth),
		shStat("clicks written", s.ClicksFlushed),
		shStat("waiting", shUnwritten(s)),
	}
	if s.ClicksDropped > 0 {
		parts = append(parts, shStat("dropped", s.ClicksDropped))
	}
	if s.FlushErrors > 0 {
		parts = append(parts, shStat("failed batches", s.FlushErrors))
	}
	// Pack whole "name value" parts into lines, so none is split.
	var lines []string
	cur := ""
	for _, part := range parts {
		switch {
		case cur == "":
			cur = part
		case displayWidth(cur)+3+displayWidth(part) <= w:
			cur += " · " + part
		default:
			lines = append(lines, cur)
			cur = part
		}
	}
	lines = append(lines, cur)
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = truncate(lines[n-1]+" …", w)
	}
	for i, l := range lines {
		lines[i] = t.Subtle.Render(l)
	}
	return lines
}

func shStat[N int | int64](name string, v N) string {
	return name + " " + humanize.Comma(int64(v))
}

// shPadLeft right-aligns s in width cells.
func shPadLeft(s string, width int) string {
	if d := width - displayWidth(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}
