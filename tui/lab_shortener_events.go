package tui

import (
	"errors"
	"fmt"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/shortener"
)

// onShortened logs the outcome of a shorten and adds the link.
func (p *shortenerPage) onShortened(m shShortenedMsg) {
	p.setStats(m.stats)
	t := p.c.Theme
	if m.err != nil {
		reason := m.err.Error()
		p.status = t.Error.Render(fmt.Sprintf("✗ %d %s", shHTTPStatus(m.err), reason))
		subject := "shorten " + shClip(m.url, 40)
		if m.url == "" {
			subject = "shorten (no URL)"
		}
		if m.alias != "" {
			subject += " as " + shClip(m.alias, 20)
		}
		p.log(shEvErr, fmt.Sprintf("%s refused (%d): %s", subject, shHTTPStatus(m.err), reason))
		return
	}
	res := m.res
	l := res.Link
	p.status = ""
	p.url.SetValue("")
	p.alias.SetValue("")
	if p.Typing() {
		p.setFocus(shFocusURL) // ready for the next URL
	}
	if res.Existing {
		p.log(shEvInfo, fmt.Sprintf("shorten %s → code %s again: the hash of the same URL, already stored, nothing written",
			shClip(l.URL, 40), l.Code))
	} else {
		p.log(shEvOK, fmt.Sprintf("shorten %s → %s, %s", shClip(l.URL, 40), shCodeStory(res), p.storedText()))
		if p.total >= 0 {
			p.total++
		}
	}
	if i := p.linkIndex(l.Code); i >= 0 {
		p.sel = i
	} else {
		how := res.Strategy.String()
		if res.Alias {
			how = "alias"
		}
		p.links = append([]shortLink{{Code: l.Code, URL: l.URL, How: how, Clicks: l.Clicks}}, p.links...)
		p.sel = 0
	}
	p.scrollLinks()
}

// shCodeStory says how the code was picked.
func shCodeStory(res shortener.ShortenResult) string {
	code := res.Link.Code
	var s string
	switch {
	case res.Alias:
		s = fmt.Sprintf("alias %s (custom: taken only if free, atomically)", code)
	case res.Strategy == shortener.Counter:
		id, _ := shortener.DecodeBase62(code)
		s = fmt.Sprintf("code %s (counter strategy, id %d)", code, id)
	case res.Strategy == shortener.Hash:
		s = fmt.Sprintf("code %s (hash strategy: SHA-256 of the URL, 7 base62 digits)", code)
	default:
		s = fmt.Sprintf("code %s (random strategy: 7 seeded random base62 digits)", code)
	}
	if res.Attempts > 1 {
		s += fmt.Sprintf(" after %s", plural(int64(res.Attempts-1), "collision"))
	}
	return s
}

// onResolved logs what the resolves did and counts the visits.
func (p *shortenerPage) onResolved(m shResolvedMsg) {
	p.setStats(m.stats)
	p.idlePolls = 0 // new clicks: watch them until they are written
	if i := p.linkIndex(m.code); i >= 0 {
		p.links[i].Visits += int64(m.burst.Queued)
	}
	switch {
	case m.n == 1:
		tr := m.trace
		if tr.CacheHit {
			p.log(shEvOK, fmt.Sprintf("resolve %s: cache hit (no store read) → 302", m.code))
		} else {
			step := "cache miss → store read → cached"
			if tr.Evicted {
				step += ", evicting the least recently used link"
			}
			p.log(shEvInfo, fmt.Sprintf("resolve %s: %s → 302", m.code, step))
		}
		p.logClicks(m, fmt.Sprintf("click queued (queue depth %s)", humanize.Comma(int64(tr.QueueDepth))))
	case m.n > 1:
		b := m.burst
		p.log(shEvOK, fmt.Sprintf("resolve %s ×%s: %s, %s → %s", m.code, humanize.Comma(int64(m.n)),
			plural(int64(b.Hits), "cache hit"), plural(int64(b.Misses), "miss"), plural(int64(b.Misses), "store read")))
		p.logClicks(m, fmt.Sprintf("%s queued (queue depth at most %s)", plural(int64(b.Queued), "click"), humanize.Comma(int64(b.MaxDepth))))
	}
	if m.err != nil {
		p.log(shEvErr, fmt.Sprintf("resolve %s failed (%d): %v", m.code, shHTTPStatus(m.err), m.err))
	}
}

// logClicks logs where the clicks of m went.
func (p *shortenerPage) logClicks(m shResolvedMsg, queued string) {
	if m.burst.Queued > 0 {
		p.log(shEvInfo, fmt.Sprintf("%s, %s waiting to be written", queued, humanize.Comma(shUnwritten(m.stats))))
	}
	if d := m.burst.Dropped; d > 0 {
		p.log(shEvWarn, fmt.Sprintf("%s dropped: queue full or closed (counted; the redirect did not wait)", plural(int64(d), "click")))
	}
}

func (p *shortenerPage) log(kind shortEventKind, text string) {
	p.events = append([]shortEvent{{Kind: kind, Text: text}}, p.events...)
	if len(p.events) > shortenerMaxEvents {
		p.events = p.events[:shortenerMaxEvents]
	}
}

func (p *shortenerPage) linkIndex(code string) int {
	for i, l := range p.links {
		if l.Code == code {
			return i
		}
	}
	return -1
}

// shHTTPStatus is the status the HTTP API answers for err.
func shHTTPStatus(err error) int {
	switch {
	case errors.Is(err, shortener.ErrInvalidURL), errors.Is(err, shortener.ErrInvalidAlias),
		errors.Is(err, shortener.ErrInvalidStrategy):
		return 400
	case errors.Is(err, shortener.ErrNotFound):
		return 404
	case errors.Is(err, shortener.ErrAliasTaken):
		return 409
	}
	return 500
}

// clip shortens s to n characters for the event log.
func shClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
