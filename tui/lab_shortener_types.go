package tui

import "github.com/sdprep/sdprep/designs/shortener"

// shortLink is one link made on this page.
type shortLink struct {
	Code, URL string
	How       string // "counter", "hash", "random" or "alias"
	Visits    int64  // resolves from this page whose click was queued
	Clicks    int64  // clicks recorded in the store (last inspection)
}

// shortEventKind picks the style and marker of an event.
type shortEventKind int

const (
	shEvInfo shortEventKind = iota
	shEvOK
	shEvWarn
	shEvErr
)

// shortEvent is one line of the event log.
type shortEvent struct {
	Kind shortEventKind
	Text string
}

// Messages carrying the results of service calls back to the page.
type (
	shShortenedMsg struct {
		url, alias string
		strategy   shortener.Strategy
		res        shortener.ShortenResult
		err        error
		stats      shortener.Stats
	}
	shResolvedMsg struct {
		code  string
		n     int             // resolves made
		trace shortener.Trace // the single resolve (n == 1)
		burst shBurstTally    // the tally (n > 1)
		err   error
		stats shortener.Stats
	}
	shortenerStatsMsg struct {
		stats  shortener.Stats
		clicks map[string]int64 // stored clicks per code, when inspected
	}
	shortenerPollMsg struct{}
	shListedMsg      struct {
		offset int
		links  []shortener.Link
		total  int
		err    error
	}
)

// shBurstTally sums what a burst of resolves did.
type shBurstTally struct {
	Hits, Misses, Queued, Dropped, MaxDepth int
}
