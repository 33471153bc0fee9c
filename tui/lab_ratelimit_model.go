package tui

import (
	"fmt"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// rlBucket counts the decisions in one chart column.
type rlBucket struct{ admitted, rejected int }

// rlTally is one algorithm's decisions on the lab's traffic.
type rlTally struct {
	lim                *ratelimit.Memory
	admitted, rejected int
	recent             []time.Duration // admitted offsets; recent[recentLo:] are within one window
	recentLo           int
	maxInWindow        int // most admitted within any span one window long
}

func newTally(cfg ratelimit.Config) *rlTally {
	lim, _ := ratelimit.NewMemory(cfg) // cfg was validated by newRLLab
	return &rlTally{lim: lim}
}

// decide asks the limiter about one request at base+off and counts it.
func (t *rlTally) decide(base time.Time, off, window time.Duration) bool {
	if !t.lim.AllowAt(rlKey, base.Add(off)).Allowed {
		t.rejected++
		return false
	}
	t.admitted++
	t.recent = append(t.recent, off)
	for off-t.recent[t.recentLo] >= window {
		t.recentLo++
	}
	t.maxInWindow = max(t.maxInWindow, len(t.recent)-t.recentLo)
	if t.recentLo > 1024 && t.recentLo > len(t.recent)/2 {
		t.recent = append(t.recent[:0], t.recent[t.recentLo:]...)
		t.recentLo = 0
	}
	return true
}

// rlTraffic is the state of the generated traffic pattern.
type rlTraffic int

const (
	trafficNone    rlTraffic = iota // no pattern started since the last reset
	trafficRunning                  // requests are still pending
	trafficDone                     // every request of the pattern was sent
	trafficStopped                  // the user stopped it
)

// rlLab is the lab's model without the UI: a limiter, a simulated clock,
// every request sent so far and the counts derived from them. After an
// algorithm switch the previous algorithm keeps deciding the same requests
// alongside, for comparison.
type rlLab struct {
	cfg  ratelimit.Config
	seed uint64
	base time.Time     // simulated instant of offset 0, on a window boundary
	now  time.Duration // simulated time since base

	sent    []time.Duration // every request, in time order
	cur     *rlTally        // the current algorithm
	prev    *rlTally        // the algorithm before the last switch, or nil
	prevAlg ratelimit.Algorithm
	first   int // bucket index of buckets[0]
	buckets []rlBucket
	state   ratelimit.State

	pattern      ratelimit.Pattern
	traffic      rlTraffic
	pending      []time.Duration // the pattern's offsets, absolute
	next         int             // first pending request not yet sent
	trafficStart time.Duration
	trafficEnd   time.Duration
	runs         int // patterns started since the last reset: seeds each
	err          string

	// epoch counts resets and switches: a replay computed for an older
	// epoch is dropped. switching is the algorithm being replayed, when
	// switchPending.
	epoch         int
	switching     ratelimit.Algorithm
	switchPending bool
}

func newRLLab(cfg ratelimit.Config, seed uint64) (*rlLab, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	w := int64(cfg.Window)
	l := &rlLab{cfg: cfg, seed: seed, base: time.Unix(0, rlEpochNanos-rlEpochNanos%w)}
	l.reset()
	return l, nil
}

// reset forgets every request and the clock, keeping the algorithm.
func (l *rlLab) reset() {
	l.now = 0
	l.sent = l.sent[:0]
	l.traffic, l.pending, l.next, l.runs = trafficNone, nil, 0, 0
	l.prev, l.err = nil, ""
	l.epoch++
	l.switchPending = false
	l.cur, l.first, l.buckets = replay(l.cfg, l.base, nil, l.now)
	l.inspect()
}

// replay decides the requests sent again, through a fresh limiter of
// cfg's algorithm, and builds the chart up to now. It touches no lab
// state, so it runs in a command.
func replay(cfg ratelimit.Config, base time.Time, sent []time.Duration, now time.Duration) (*rlTally, int, []rlBucket) {
	l := &rlLab{cfg: cfg, base: base, cur: newTally(cfg)}
	last := bucketIndex(now)
	l.first = max(last-rlKeepBuckets+1, 0)
	l.buckets = make([]rlBucket, last-l.first+1, rlKeepBuckets)
	for _, off := range sent {
		l.count(off, l.cur.decide(base, off, cfg.Window))
	}
	return l.cur, l.first, l.buckets
}

func bucketIndex(d time.Duration) int { return int(d / ratelimit.BucketWidth) }

// count adds one decision at offset off to the chart.
func (l *rlLab) count(off time.Duration, allowed bool) {
	idx := bucketIndex(off)
	l.grow(idx)
	if idx < l.first {
		return
	}
	if b := &l.buckets[idx-l.first]; allowed {
		b.admitted++
	} else {
		b.rejected++
	}
}

// grow makes sure the chart has a column for bucket idx, dropping the
// oldest columns beyond rlKeepBuckets.
func (l *rlLab) grow(idx int) {
	for l.first+len(l.buckets) <= idx {
		if len(l.buckets) == rlKeepBuckets {
			copy(l.buckets, l.buckets[1:])
			l.buckets = l.buckets[:len(l.buckets)-1]
			l.first++
		}
		l.buckets = append(l.buckets, rlBucket{})
	}
}

// record sends one request at offset off; false when the history is full.
func (l *rlLab) record(off time.Duration) bool {
	if len(l.sent) >= rlMaxHistory {
		l.err = fmt.Sprintf("history full (%s requests): press r to reset", humanize.Comma(rlMaxHistory))
		if l.traffic == trafficRunning {
			l.traffic = trafficStopped
		}
		return false
	}
	l.sent = append(l.sent, off)
	l.count(off, l.cur.decide(l.base, off, l.cfg.Window))
	if l.prev != nil {
		l.prev.decide(l.base, off, l.cfg.Window)
	}
	return true
}

// send sends n requests at the current instant.
func (l *rlLab) send(n int) {
	for range n {
		if !l.record(l.now) {
			break
		}
	}
	l.inspect()
}

// advance moves the clock on by d, sending the pattern's requests that
// fall before the new instant.
func (l *rlLab) advance(d time.Duration) {
	to := l.now + d
	for l.traffic == trafficRunning && l.next < len(l.pending) && l.pending[l.next] < to {
		if !l.record(l.pending[l.next]) {
			break
		}
		l.next++
	}
	l.now = to
	if l.traffic == trafficRunning && l.next == len(l.pending) && l.now >= l.trafficEnd {
		l.traffic = trafficDone
	}
	l.grow(bucketIndex(l.now))
	l.inspect()
}

// patternRun is how long a pattern runs for a window w: at least
// rlMinRun and four windows, in whole pairs of windows (the spike period).
func patternRun(w time.Duration) time.Duration {
	run := max(rlMinRun, 4*w)
	run = (run + 2*w - 1) / (2 * w) * (2 * w)
	return min(run, ratelimit.MaxSimDuration)
}

// startPattern replaces any running pattern with a new run of p. The run
// starts at the current window's start, so its window-edge bursts line up
// with the fixed windows; requests before now are left out.
func (l *rlLab) startPattern(p ratelimit.Pattern) error {
	w := l.cfg.Window
	run := patternRun(w)
	var tr []time.Duration
	var err error
	for {
		tr, err = ratelimit.Traffic(p, l.cfg, run, l.seed+uint64(l.runs))
		if err == nil || run <= 2*w {
			break
		}
		// Too many requests for this limit: try a shorter run.
		run = max((run/2+2*w-1)/(2*w)*(2*w), 2*w)
	}
	if err != nil {
		return err
	}
	origin := l.now - l.now%w
	l.pending = l.pending[:0]
	for _, off := range tr {
		if at := origin + off; at >= l.now {
			l.pending = append(l.pending, at)
		}
	}
	l.runs++
	l.pattern, l.traffic, l.next = p, trafficRunning, 0
	l.trafficStart, l.trafficEnd = origin, origin+run
	l.err = ""
	return nil
}

// stopPattern drops the pattern's requests not yet sent.
func (l *rlLab) stopPattern() {
	if l.traffic == trafficRunning {
		l.traffic = trafficStopped
	}
}

// inspect refreshes the limiter state shown in the state panel.
func (l *rlLab) inspect() { l.state = l.cur.lim.Inspect(rlKey, l.base.Add(l.now)) }
