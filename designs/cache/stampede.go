package cache

import (
	"math"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ReaderThink is the mean pause between two reads of one stampede reader
// (exponentially distributed).
const ReaderThink = 100 * time.Millisecond

// XFetchBeta is the β of early probabilistic refresh: above 1 refreshes
// earlier, below 1 later.
const XFetchBeta = 1.0

// Protection is how readers of an expired hot key reach the backend.
type Protection int

// The stampede protections.
const (
	// NoProtection: every reader that finds the key expired recomputes it.
	NoProtection Protection = iota
	// SingleFlight: the first reader recomputes; the others wait for its
	// result (golang.org/x/sync/singleflight, or a lock per key).
	SingleFlight
	// EarlyRefresh: XFetch (Vattani et al., VLDB 2015). A reader at time t
	// recomputes before expiry when t − δ·β·ln(rand()) ≥ expiry, δ being
	// the recompute time, so one reader usually refreshes shortly before
	// the key expires and nobody finds it missing.
	EarlyRefresh
)

// Stampede is the outcome of one protection in the stampede run.
type Stampede struct {
	// BackendHits counts recomputations of the hot value.
	BackendHits int `json:"backend_hits"`
	// Waited counts reads that blocked on a recomputation, their own or
	// another reader's.
	Waited int `json:"waited"`
	// Expiries counts the times a reader found the value expired.
	Expiries int `json:"expiries"`
}

// StampedeResult compares the protections on the same readers.
type StampedeResult struct {
	Reads        int      `json:"reads"`
	Readers      int      `json:"readers"`
	None         Stampede `json:"none"`
	SingleFlight Stampede `json:"singleflight"`
	EarlyRefresh Stampede `json:"early_refresh"`
}

// stampedeEvent is a reader's next read, or the end of its
// recomputation when done is set.
type stampedeEvent struct {
	reader int32
	done   bool
}

// stampede simulates p.Readers readers of one hot key stored for p.TTL,
// recomputed in p.Recompute, until p.Requests reads have been made.
func stampede(p Params, prot Protection) Stampede {
	r := labkit.NewRand(p.Seed, 2)    // think times: the same readers under every protection
	coin := labkit.NewRand(p.Seed, 4) // early-refresh draws
	var h labkit.Events[stampedeEvent]
	push := func(at time.Duration, reader int32, done bool) {
		h.Push(at, stampedeEvent{reader, done})
	}
	think := func() time.Duration { return time.Duration(labkit.Exp(r, float64(ReaderThink))) }
	for i := range p.Readers {
		push(think(), int32(i), false)
	}
	var (
		out        Stampede
		expiry     = p.TTL
		lastExpiry = time.Duration(-1)
		inflight   bool
		waiters    []int32
		reads      int
	)
	recompute := func(now time.Duration, reader int32) {
		out.BackendHits++
		out.Waited++
		push(now+p.Recompute, reader, true)
	}
	for reads < p.Requests && h.Len() > 0 {
		now, ev := h.Pop()
		if ev.done {
			expiry = max(expiry, now+p.TTL)
			push(now+think(), ev.reader, false)
			if prot == SingleFlight {
				inflight = false
				for _, w := range waiters {
					push(now+think(), w, false)
				}
				waiters = waiters[:0]
			}
			continue
		}
		reads++
		switch {
		case now < expiry:
			if prot == EarlyRefresh && xfetch(now, expiry, p.Recompute, coin.Float64()) {
				recompute(now, ev.reader)
				continue
			}
			push(now+think(), ev.reader, false)
		case prot == SingleFlight:
			if expiry != lastExpiry {
				out.Expiries++
				lastExpiry = expiry
			}
			if inflight {
				out.Waited++
				waiters = append(waiters, ev.reader)
				continue
			}
			inflight = true
			recompute(now, ev.reader)
		default:
			if expiry != lastExpiry {
				out.Expiries++
				lastExpiry = expiry
			}
			recompute(now, ev.reader)
		}
	}
	return out
}

func runStampede(p Params) StampedeResult {
	return StampedeResult{
		Reads: p.Requests, Readers: p.Readers,
		None:         stampede(p, NoProtection),
		SingleFlight: stampede(p, SingleFlight),
		EarlyRefresh: stampede(p, EarlyRefresh),
	}
}

// xfetch is the early-refresh test for a read at now of a value expiring
// at expiry that takes delta to recompute, with u uniform in [0, 1):
// refresh when now − delta·β·ln(1−u) ≥ expiry. The closer the expiry,
// the likelier; a slow recompute starts earlier.
func xfetch(now, expiry, delta time.Duration, u float64) bool {
	gap := float64(delta) * XFetchBeta * -math.Log(1-u)
	return float64(now)+gap >= float64(expiry)
}
