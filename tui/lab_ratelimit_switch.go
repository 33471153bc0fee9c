package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// Switching algorithm replays every request sent so far, which takes
// longer than a frame: it runs in a command, off the UI loop.

// rlReplayedMsg carries an algorithm switch computed in a command: the new
// algorithm's tally and chart over the first n requests.
type rlReplayedMsg struct {
	lab     *rlLab // the lab it was computed for: a new limit makes a new lab
	epoch   int
	alg     ratelimit.Algorithm
	n       int
	tally   *rlTally
	first   int
	buckets []rlBucket
}

// target is the algorithm the lab shows, or is switching to.
func (l *rlLab) target() ratelimit.Algorithm {
	if l.switchPending {
		return l.switching
	}
	return l.cfg.Algorithm
}

// switchCmd starts a switch to a: a command replays every request sent so
// far (up to rlMaxHistory, tens of milliseconds) through a fresh limiter
// of that algorithm, off the UI loop; applySwitch takes the result. The
// current algorithm keeps deciding requests until then.
func (l *rlLab) switchCmd(a ratelimit.Algorithm) tea.Cmd {
	l.epoch++
	if a == l.cfg.Algorithm {
		l.switchPending = false
		return nil
	}
	l.switching, l.switchPending = a, true
	cfg := l.cfg
	cfg.Algorithm = a
	sent := slices.Clone(l.sent) // record appends to l.sent meanwhile
	epoch, base, now := l.epoch, l.base, l.now
	return func() tea.Msg {
		tally, first, buckets := replay(cfg, base, sent, now)
		return rlReplayedMsg{lab: l, epoch: epoch, alg: a, n: len(sent), tally: tally, first: first, buckets: buckets}
	}
}

// applySwitch makes the replayed algorithm current, unless a reset or
// another switch came after it, and decides the requests sent since the
// replay began. The old algorithm's tally stays, and keeps deciding new
// requests, for comparison. It reports whether it switched.
func (l *rlLab) applySwitch(m rlReplayedMsg) bool {
	if m.lab != l || m.epoch != l.epoch || !l.switchPending {
		return false
	}
	l.switchPending = false
	l.prev, l.prevAlg = l.cur, l.cfg.Algorithm
	l.cfg.Algorithm = m.alg
	l.cur, l.first, l.buckets = m.tally, m.first, m.buckets
	for _, off := range l.sent[m.n:] {
		l.count(off, l.cur.decide(l.base, off, l.cfg.Window))
	}
	l.grow(bucketIndex(l.now))
	l.inspect()
	return true
}
