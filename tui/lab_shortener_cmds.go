package tui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/designs/shortener"
)

// shortenCmd sends the form to the service in a command.
func (p *shortenerPage) shortenCmd() tea.Cmd {
	svc, st, parent := p.svc, p.strategy, p.c.ctx()
	raw, alias := strings.TrimSpace(p.url.Value()), strings.TrimSpace(p.alias.Value())
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(parent, shortenerCallBudget)
		defer cancel()
		res, err := svc.ShortenWith(ctx, st, raw, alias)
		return shShortenedMsg{url: raw, alias: alias, strategy: st, res: res, err: err, stats: svc.Stats()}
	}
}

// resolveCmd resolves the selected link n times in a command, as n visits.
func (p *shortenerPage) resolveCmd(n int) tea.Cmd {
	if len(p.links) == 0 {
		p.status = p.c.Theme.Error.Render("no link yet: shorten a URL first")
		return nil
	}
	svc, code, parent := p.svc, p.links[p.sel].Code, p.c.ctx()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(parent, shortenerCallBudget)
		defer cancel()
		m := shResolvedMsg{code: code}
		for range n {
			tr, err := svc.ResolveTraced(ctx, code)
			if err != nil {
				m.err = err
				break
			}
			m.n++
			m.trace = tr
			m.burst.add(tr)
		}
		m.stats = svc.Stats()
		return m
	}
}

func (t *shBurstTally) add(tr shortener.Trace) {
	if tr.CacheHit {
		t.Hits++
	} else {
		t.Misses++
	}
	if tr.ClickQueued {
		t.Queued++
	} else {
		t.Dropped++
	}
	t.MaxDepth = max(t.MaxDepth, tr.QueueDepth)
}

// statsCmd reads the counters and, for the given codes, the stored clicks.
func (p *shortenerPage) statsCmd(codes []string) tea.Cmd {
	svc, parent := p.svc, p.c.ctx()
	return func() tea.Msg {
		m := shortenerStatsMsg{stats: svc.Stats()}
		if len(codes) == 0 {
			return m
		}
		ctx, cancel := context.WithTimeout(parent, shortenerCallBudget)
		defer cancel()
		m.clicks = make(map[string]int64, len(codes))
		for _, code := range codes {
			if l, err := svc.Inspect(ctx, code); err == nil {
				m.clicks[code] = l.Clicks
			}
		}
		return m
	}
}

// codes lists the codes of the page's links.
func (p *shortenerPage) codes() []string {
	out := make([]string, len(p.links))
	for i, l := range p.links {
		out[i] = l.Code
	}
	return out
}

// unwritten is the number of clicks queued but not yet written to the
// store (clicks lost in a failed batch stay counted here).
func shUnwritten(s shortener.Stats) int64 { return max(s.ClicksQueued-s.ClicksFlushed, 0) }

// maybePoll schedules a stats refresh while clicks wait to be written, so
// the flush of the batch shows up; it stops when nothing is pending or
// nothing has changed for a while (a store that keeps failing).
func (p *shortenerPage) maybePoll() tea.Cmd {
	if !p.visible || p.polling || shUnwritten(p.stats) == 0 || p.idlePolls >= shortenerIdlePolls {
		return nil
	}
	p.polling = true
	return p.after(shortenerPollEvery, shortenerPollMsg{})
}

// shNewerStats reports whether a is a later snapshot than b: every counter
// only grows, so a later snapshot has a larger (or equal) sum.
func shNewerStats(a, b shortener.Stats) bool {
	return statsProgress(a) >= statsProgress(b)
}

// statsProgress sums the counters that only grow.
func statsProgress(s shortener.Stats) int64 {
	return s.CacheHits + s.CacheMisses + s.StoreReads + s.ClicksQueued + s.ClicksDropped +
		s.ClicksFlushed + s.Flushes + s.FlushErrors + s.Shortens + s.Attempts
}

// setStats takes a snapshot unless an older one arrived late, logs the
// click batches written since the last one, and reports whether a counter
// moved (the queue depth going up and down alone is not progress).
func (p *shortenerPage) setStats(s shortener.Stats) bool {
	if !shNewerStats(s, p.stats) {
		return false
	}
	old := p.stats
	p.stats = s
	if n := s.ClicksFlushed - old.ClicksFlushed; n > 0 {
		batches := s.Flushes - old.Flushes - (s.FlushErrors - old.FlushErrors)
		p.log(shEvOK, fmt.Sprintf("click batch flushed: %s written in %s",
			plural(n, "click"), plural(max(batches, 1), "store write")))
	}
	if n := s.FlushErrors - old.FlushErrors; n > 0 {
		p.log(shEvErr, fmt.Sprintf("%s of clicks failed to write: those clicks are lost", plural(n, "batch")))
	}
	return statsProgress(s) > statsProgress(old)
}
