package shortener

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// clickRecorder takes one event per redirect on a buffered channel and a
// single goroutine folds them into a map[code]count that it writes to the
// store with one AddClicks call when batchSize events are waiting or when
// the flush ticker fires. The writer is not woken per click: a redirect
// nudges it only when the queue holds a full batch, so under load the
// writer runs once per batch instead of once per request. The redirect
// path never waits for the store: if the channel is full the click is
// dropped and counted in dropped.
type clickRecorder struct {
	store     Store
	events    chan string
	nudge     chan struct{} // a full batch is waiting; capacity 1
	batchSize int
	tick      <-chan time.Time
	stopTick  func()
	onFlush   func(FlushReport)

	mu     sync.RWMutex // guards closed against sends racing with close
	closed bool
	quit   chan struct{}
	done   chan struct{}

	queued, dropped, flushed, flushes, flushErrors atomic.Int64
}

// FlushReport describes one write of a click batch to the store.
type FlushReport struct {
	// Clicks is the number of redirect events in the batch.
	Clicks int
	// Codes is the number of distinct codes (rows updated).
	Codes int
	// Err is the store error, if any; the batch is then lost.
	Err error
}

func newClickRecorder(store Store, cfg Config) *clickRecorder {
	r := &clickRecorder{
		store:     store,
		events:    make(chan string, cfg.ClickBuffer),
		nudge:     make(chan struct{}, 1),
		batchSize: cfg.ClickBatch,
		tick:      cfg.FlushTick,
		stopTick:  func() {},
		onFlush:   cfg.OnFlush,
		quit:      make(chan struct{}),
		done:      make(chan struct{}),
	}
	if r.tick == nil {
		t := time.NewTicker(cfg.FlushInterval)
		r.tick, r.stopTick = t.C, t.Stop
	}
	go r.run()
	return r
}

// record enqueues one click without blocking; it reports whether the
// click was queued (false: dropped).
func (r *clickRecorder) record(code string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		r.dropped.Add(1)
		return false
	}
	select {
	case r.events <- code:
		r.queued.Add(1)
		if len(r.events) >= r.batchSize {
			select {
			case r.nudge <- struct{}{}:
			default: // already nudged
			}
		}
		return true
	default:
		r.dropped.Add(1)
		return false
	}
}

func (r *clickRecorder) depth() int { return len(r.events) }

func (r *clickRecorder) run() {
	defer close(r.done)
	batch := make(map[string]int64)
	n := 0
	for {
		select {
		case <-r.nudge:
			n = r.drain(batch, n)
		case <-r.tick:
			n = r.drain(batch, n)
			n = r.flush(batch, n)
		case <-r.quit:
			n = r.drain(batch, n)
			r.flush(batch, n)
			return
		}
	}
}

// drain moves every event already in the channel into batch, flushing
// full batches on the way, and returns the new pending count.
func (r *clickRecorder) drain(batch map[string]int64, n int) int {
	for {
		select {
		case code := <-r.events:
			batch[code]++
			n++
			if n >= r.batchSize {
				n = r.flush(batch, n)
			}
		default:
			return n
		}
	}
}

// flush writes batch to the store, clears it and returns 0.
func (r *clickRecorder) flush(batch map[string]int64, n int) int {
	if n == 0 {
		return 0
	}
	err := r.store.AddClicks(context.Background(), batch)
	rep := FlushReport{Clicks: n, Codes: len(batch), Err: err}
	clear(batch)
	r.flushes.Add(1)
	if err != nil {
		r.flushErrors.Add(1)
	} else {
		r.flushed.Add(int64(n))
	}
	if r.onFlush != nil {
		r.onFlush(rep)
	}
	return 0
}

// close stops accepting clicks, writes everything queued and waits for
// the writer goroutine to finish. Safe to call more than once.
func (r *clickRecorder) close() {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		<-r.done
		return
	}
	r.closed = true
	r.mu.Unlock()
	close(r.quit)
	<-r.done
	r.stopTick()
}
