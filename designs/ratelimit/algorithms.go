package ratelimit

// entry is the per-key state of every algorithm. Each algorithm uses the
// fields it needs; all quantities are integers in clock ticks (nanoseconds
// in memory), so decisions are exact and never drift.
type entry struct {
	last int64 // time of the latest decision; the clock never runs back past it
	a    int64 // token bucket: tokens (scaled); leaky bucket: water (scaled); windows: current window start
	b    int64 // fixed and sliding window: count in the current window
	c    int64 // sliding window: count in the previous window
	log  ring  // sliding log: timestamps of admitted requests, oldest first
}

// verdict is a Decision in ticks, before conversion to time.Duration.
type verdict struct {
	allowed   bool
	remaining int64
	retry     int64
	reset     int64
}

// init puts e in the state of a key never seen before.
func (p *params) init(e *entry, now int64) {
	*e = entry{last: now}
	switch p.alg {
	case TokenBucket:
		e.a = p.capacity
	case FixedWindow, SlidingWindow:
		e.a = floorTo(now, p.window)
	}
}

// decide applies one request at now to e and reports the outcome.
func (p *params) decide(e *entry, now int64) verdict {
	if now < e.last {
		now = e.last // a clock stepping back must not refund anything
	}
	switch p.alg {
	case TokenBucket:
		return p.tokenBucket(e, now)
	case LeakyBucket:
		return p.leakyBucket(e, now)
	case FixedWindow:
		return p.fixedWindow(e, now)
	case SlidingLog:
		return p.slidingLog(e, now)
	default:
		return p.slidingWindow(e, now)
	}
}

// tokenBucket: e.a holds tokens × unit. Refill, then spend one token.
func (p *params) tokenBucket(e *entry, now int64) verdict {
	if el := now - e.last; el >= p.fullAfter {
		e.a = p.capacity
	} else {
		e.a = min(e.a+el*p.refill, p.capacity)
	}
	e.last = now
	v := verdict{}
	if e.a >= p.unit {
		e.a -= p.unit
		v.allowed = true
	} else {
		v.retry = ceilDiv(p.unit-e.a, p.refill)
	}
	v.remaining = e.a / p.unit
	v.reset = ceilDiv(p.capacity-e.a, p.refill)
	return v
}

// leakyBucket: e.a holds water × unit. Drain, then pour one request in
// unless it would overflow. It is the token bucket seen from the other side:
// water = capacity − tokens.
func (p *params) leakyBucket(e *entry, now int64) verdict {
	if el := now - e.last; el >= p.fullAfter {
		e.a = 0
	} else {
		e.a = max(e.a-el*p.refill, 0)
	}
	e.last = now
	v := verdict{}
	if e.a+p.unit <= p.capacity {
		e.a += p.unit
		v.allowed = true
	} else {
		v.retry = ceilDiv(e.a+p.unit-p.capacity, p.refill)
	}
	v.remaining = (p.capacity - e.a) / p.unit
	v.reset = ceilDiv(e.a, p.refill)
	return v
}

// fixedWindow: e.a is the window start, e.b the count in it.
func (p *params) fixedWindow(e *entry, now int64) verdict {
	if start := floorTo(now, p.window); start != e.a {
		e.a, e.b = start, 0
	}
	e.last = now
	v := verdict{reset: e.a + p.window - now}
	if e.b < p.limit {
		e.b++
		v.allowed = true
	} else {
		v.retry = v.reset
	}
	v.remaining = p.limit - e.b
	return v
}

// slidingLog: e.log holds the admitted timestamps of the last window.
func (p *params) slidingLog(e *entry, now int64) verdict {
	for e.log.n > 0 && e.log.oldest() <= now-p.window {
		e.log.pop()
	}
	e.last = now
	v := verdict{}
	if int64(e.log.n) < p.limit {
		e.log.push(now, int(p.limit))
		v.allowed = true
	} else {
		v.retry = e.log.oldest() + p.window - now
	}
	v.remaining = p.limit - int64(e.log.n)
	if e.log.n > 0 {
		v.reset = e.log.newest() + p.window - now
	}
	return v
}

// slidingWindow: e.a is the current window start, e.b its count and e.c the
// previous window's count. The estimate of the last window's traffic is
// c·(W−elapsed)/W + b; everything is multiplied by W to stay integral.
func (p *params) slidingWindow(e *entry, now int64) verdict {
	p.rollSliding(e, now)
	e.last = now
	w, l := p.window, p.limit
	el := now - e.a
	v := verdict{}
	if e.c*(w-el)+(e.b+1)*w <= l*w {
		e.b++
		v.allowed = true
	} else if e.b < l {
		// Wait for the previous window's weight to fall far enough.
		v.retry = w - el - (l-e.b-1)*w/e.c
	} else {
		// Wait for the next window, then for this window's weight to fall.
		v.retry = w - el + w - (l-1)*w/e.b
	}
	v.remaining = max((l*w-e.c*(w-el)-e.b*w)/w, 0)
	switch {
	case e.b > 0:
		v.reset = 2*w - el
	case e.c > 0:
		v.reset = w - el
	}
	return v
}

// rollSliding moves the sliding window counters forward to the window
// holding now.
func (p *params) rollSliding(e *entry, now int64) {
	start := floorTo(now, p.window)
	if start == e.a {
		return
	}
	if start == e.a+p.window {
		e.c = e.b
	} else {
		e.c = 0
	}
	e.a, e.b = start, 0
}

// floorTo rounds t down to a multiple of w (windows are aligned to the Unix
// epoch, so every backend and every server agrees on them).
func floorTo(t, w int64) int64 {
	r := t % w
	if r < 0 {
		r += w
	}
	return t - r
}
