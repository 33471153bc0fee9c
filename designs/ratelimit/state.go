package ratelimit

import (
	"fmt"
	"time"
)

// State is a snapshot of one key's limiter state, for display. Which fields
// are meaningful depends on Algorithm; String shows the relevant ones.
type State struct {
	Algorithm Algorithm `json:"algorithm"`
	// Capacity is the most requests admitted at one instant.
	Capacity int `json:"capacity"`
	// Tokens is the token bucket's balance, in requests (fractional while
	// refilling). For the leaky bucket it is the free room, Capacity − Level.
	Tokens float64 `json:"tokens"`
	// Level is the leaky bucket's water level, in requests.
	Level float64 `json:"level"`
	// Count is the requests counted in the current window (fixed and
	// sliding window), or the length of the sliding log.
	Count int `json:"count"`
	// Previous is the sliding window's count for the previous window.
	Previous int `json:"previous"`
	// Weight is the share of the previous window still inside the sliding
	// window, from 1 at a window start down to 0.
	Weight float64 `json:"weight"`
	// Estimate is the sliding window's estimate Previous×Weight + Count.
	Estimate float64 `json:"estimate"`
	// WindowElapsed is how far into the current fixed window now is.
	WindowElapsed time.Duration `json:"window_elapsed"`
	// Remaining is how many requests would be admitted right now.
	Remaining int `json:"remaining"`
	// ResetAfter is the time until the key is back to its fresh state.
	ResetAfter time.Duration `json:"reset_after"`
}

// String summarises the state in one line, e.g. "tokens 7.50/10".
func (s State) String() string {
	switch s.Algorithm {
	case TokenBucket:
		return fmt.Sprintf("tokens %.2f/%d, full in %v", s.Tokens, s.Capacity, s.ResetAfter)
	case LeakyBucket:
		return fmt.Sprintf("level %.2f/%d, empty in %v", s.Level, s.Capacity, s.ResetAfter)
	case FixedWindow:
		return fmt.Sprintf("count %d/%d, %v into the window, resets in %v", s.Count, s.Capacity, s.WindowElapsed, s.ResetAfter)
	case SlidingLog:
		return fmt.Sprintf("log %d/%d timestamps, empty in %v", s.Count, s.Capacity, s.ResetAfter)
	case SlidingWindow:
		return fmt.Sprintf("estimate %.2f/%d = previous %d × %.2f + current %d", s.Estimate, s.Capacity, s.Previous, s.Weight, s.Count)
	}
	return s.Algorithm.String()
}

// inspect derives a State from a private copy of e at now. It advances the
// copy exactly as decide would, without admitting a request.
func (p *params) inspect(cfg Config, e *entry, now int64) State {
	now = max(now, e.last)
	s := State{Algorithm: p.alg, Capacity: cfg.Capacity()}
	switch p.alg {
	case TokenBucket:
		tokens := min(e.a+min(now-e.last, p.fullAfter)*p.refill, p.capacity)
		s.Tokens = float64(tokens) / float64(p.unit)
		s.Level = float64(s.Capacity) - s.Tokens
		s.Remaining = int(tokens / p.unit)
		s.ResetAfter = time.Duration(ceilDiv(p.capacity-tokens, p.refill))
	case LeakyBucket:
		water := max(e.a-min(now-e.last, p.fullAfter)*p.refill, 0)
		s.Level = float64(water) / float64(p.unit)
		s.Tokens = float64(s.Capacity) - s.Level
		s.Remaining = int((p.capacity - water) / p.unit)
		s.ResetAfter = time.Duration(ceilDiv(water, p.refill))
	case FixedWindow:
		start := floorTo(now, p.window)
		if start == e.a {
			s.Count = int(e.b)
		}
		s.Estimate = float64(s.Count)
		s.WindowElapsed = time.Duration(now - start)
		s.Remaining = int(p.limit) - s.Count
		s.ResetAfter = time.Duration(start + p.window - now)
	case SlidingLog:
		for e.log.n > 0 && e.log.oldest() <= now-p.window {
			e.log.pop()
		}
		s.Count = e.log.n
		s.Estimate = float64(s.Count)
		s.Remaining = int(p.limit) - s.Count
		if e.log.n > 0 {
			s.ResetAfter = time.Duration(e.log.newest() + p.window - now)
		}
	case SlidingWindow:
		p.rollSliding(e, now)
		el := now - e.a
		s.Count, s.Previous = int(e.b), int(e.c)
		s.WindowElapsed = time.Duration(el)
		s.Weight = float64(p.window-el) / float64(p.window)
		s.Estimate = float64(e.c)*s.Weight + float64(e.b)
		s.Remaining = int(max((p.limit*p.window-e.c*(p.window-el)-e.b*p.window)/p.window, 0))
		switch {
		case e.b > 0:
			s.ResetAfter = time.Duration(2*p.window - el)
		case e.c > 0:
			s.ResetAfter = time.Duration(p.window - el)
		}
	}
	return s
}
