package shortener

import (
	"context"
	"errors"
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
	// finalErr is the first store error of the writes done at close; read
	// only after done is closed.
	finalErr error

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
			n, _ = r.drain(batch, n)
		case <-r.tick:
			n, _ = r.drain(batch, n)
			r.flush(batch, n)
			n = 0
		case <-r.quit:
			var err error
			n, err = r.drain(batch, n)
			r.finalErr = errors.Join(err, r.flush(batch, n))
			return
		}
	}
}

// drain moves every event already in the channel into batch, flushing
// full batches on the way, and returns the new pending count and the first
// store error of those flushes.
func (r *clickRecorder) drain(batch map[string]int64, n int) (int, error) {
	var first error
	for {
		select {
		case code := <-r.events:
			batch[code]++
			n++
			if n >= r.batchSize {
				if err := r.flush(batch, n); err != nil && first == nil {
					first = err
				}
				n = 0
			}
		default:
			return n, first
		}
	}
}

// flush writes the n events in batch to the store, clears batch and
// returns the store's error (the batch is then lost).
func (r *clickRecorder) flush(batch map[string]int64, n int) error {
	if n == 0 {
		return nil
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
	return err
}

// close stops accepting clicks, writes everything queued and waits for
// the writer goroutine to finish. It returns the store error of those last
// writes, if any. Safe to call more than once; later calls return the same
// error.
func (r *clickRecorder) close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		<-r.done
		return r.finalErr
	}
	r.closed = true
	r.mu.Unlock()
	close(r.quit)
	<-r.done
	r.stopTick()
	return r.finalErr
}
