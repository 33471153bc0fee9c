package shortener

import (
	"context"
	"fmt"
)

// This file is the service seen from outside: what a lab view or a test
// needs to explain each request (which strategy made a code, whether a
// redirect was served from the cache, whether its click was queued)
// without changing what is being watched.

// Trace is what one ResolveTraced call did, step by step.
type Trace struct {
	// URL is the long URL the code resolves to ("" on error).
	URL string
	// CacheHit is true when the LRU answered: the store was not touched.
	CacheHit bool
	// StoreRead is true when the cache missed and the store was read.
	// After a successful read the link is added to the cache.
	StoreRead bool
	// Evicted is true when adding the link to a full cache pushed out the
	// least recently used one.
	Evicted bool
	// ClickQueued is true when the click went into the click queue; false
	// on a resolved code means it was dropped (queue full or service
	// closed) and is counted in Stats.ClicksDropped.
	ClickQueued bool
	// QueueDepth is the number of clicks waiting in the queue just after
	// this one was put in. The writer goroutine takes clicks out as fast
	// as it can, so this is usually 0 or small; a growing depth means the
	// writer is falling behind.
	QueueDepth int
}

// ResolveTraced is Resolve, reporting what it did. It counts in Stats
// and records a click exactly as Resolve does (Resolve is built on it).
func (s *Service) ResolveTraced(ctx context.Context, code string) (Trace, error) {
	return s.resolve(ctx, code, true)
}

// click records a click for code and notes the outcome in tr.
func (s *Service) click(code string, tr Trace) Trace {
	tr.ClickQueued = s.clicks.record(code)
	tr.QueueDepth = s.clicks.depth()
	return tr
}

// ShortenWith is Shorten with the strategy chosen for this call instead of
// Config.Strategy, so one service (one store, one cache, one set of
// counters) can compare strategies side by side. An alias, when given,
// is used whatever the strategy. A strategy other than Counter, Hash or
// Random is refused with an error wrapping ErrInvalidStrategy.
func (s *Service) ShortenWith(ctx context.Context, st Strategy, rawURL, alias string) (ShortenResult, error) {
	if st < Counter || st > Random {
		return ShortenResult{}, fmt.Errorf("%w: %v", ErrInvalidStrategy, st)
	}
	return s.shorten(ctx, st, rawURL, alias)
}

// Strategy returns the strategy Shorten uses (Config.Strategy).
func (s *Service) Strategy() Strategy { return s.cfg.Strategy }

// Inspect returns the stored link with its click count, like Lookup, but is
// not counted in Stats.StoreReads: that counter is the reads the service
// needs to serve requests, and an observer polling click counts should not
// inflate it.
func (s *Service) Inspect(ctx context.Context, code string) (Link, error) {
	if !validCode(code) {
		return Link{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	return s.store.Get(ctx, code)
}
