package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"sync"
	"sync/atomic"
	"time"
)

// ErrTooManyKeys is returned by (*Memory).Allow when a new key arrives while
// the limiter already tracks WithMaxKeys keys that are all still active.
var ErrTooManyKeys = errors.New("ratelimit: too many keys")

const numShards = 64 // a power of two; each shard has its own mutex

// Memory is an in-process Limiter. Each key has its own state, kept in one
// of 64 shards so that goroutines working on different keys rarely contend.
// Deciding for a key already seen allocates nothing.
//
// Memory stays bounded: a key left idle longer than its horizon (the time
// after which its state is indistinguishable from a fresh key's, or the
// WithIdleTTL value if longer) is dropped by a sweep that runs on access,
// amortised over many calls. No background goroutine is started.
//
// A Memory is safe for concurrent use.
type Memory struct {
	cfg     Config
	p       params
	now     func() time.Time // nil: the monotonic clock anchored at epoch
	epoch   time.Time        // time.Now at NewMemory, with its monotonic reading
	epochNs int64            // epoch.UnixNano()
	limit   int              // cfg.Capacity(), for Decision.Limit
	idleTTL int64            // ns
	maxKeys int64            // 0 = unbounded
	keys    atomic.Int64
	seed    maphash.Seed
	// Idle keys are swept one shard at a time, round robin, driven by the
	// clock values callers pass in.
	sweepEvery int64        // ns between two shard sweeps
	nextSweep  atomic.Int64 // ns; the next call at or after it sweeps a shard
	fullSweep  atomic.Int64 // ns; earliest next sweep of all shards (key cap)
	cursor     atomic.Uint64
	shards     [numShards]shard
}

type shard struct {
	mu   sync.Mutex
	m    map[string]*entry
	peak int // largest len(m) since the map was last rebuilt
	_    [64]byte
}

// MemoryOption configures NewMemory.
type MemoryOption func(*Memory)

// WithClock sets the clock Allow reads; nil (the default) means the wall
// time at NewMemory advanced by the monotonic clock. AllowAt and Inspect
// take the time as an argument and ignore it.
func WithClock(now func() time.Time) MemoryOption {
	return func(m *Memory) { m.now = now }
}

// WithIdleTTL sets how long an untouched key is kept. Values below the
// algorithm's horizon (bucket refill time, one window, or two windows for
// the sliding window) are raised to it, so expiry never changes a decision.
func WithIdleTTL(d time.Duration) MemoryOption {
	return func(m *Memory) { m.idleTTL = int64(d) }
}

// WithMaxKeys caps the number of keys tracked at once (n ≤ 0: no cap).
// When the cap is reached and no idle key can be dropped, new keys are
// rejected (fail closed) rather than evicting an active key, which would
// reset that key's limit.
func WithMaxKeys(n int) MemoryOption {
	return func(m *Memory) { m.maxKeys = int64(max(n, 0)) }
}

// NewMemory returns an in-memory limiter for cfg.
func NewMemory(cfg Config, opts ...MemoryOption) (*Memory, error) {
	p, err := newParams(cfg, time.Nanosecond, 1<<63-1)
	if err != nil {
		return nil, err
	}
	m := &Memory{cfg: cfg, p: p, seed: maphash.MakeSeed(), epoch: time.Now(), limit: cfg.Capacity()}
	m.epochNs = m.epoch.UnixNano()
	for _, o := range opts {
		o(m)
	}
	m.idleTTL = max(m.idleTTL, p.horizon, 1)
	m.sweepEvery = max(m.idleTTL/(2*numShards), 1)
	m.nextSweep.Store(math.MinInt64)
	m.fullSweep.Store(math.MinInt64)
	for i := range m.shards {
		m.shards[i].m = make(map[string]*entry)
	}
	return m, nil
}

// Config returns the limiter's configuration.
func (m *Memory) Config() Config { return m.cfg }

// Allow decides one request for key at the limiter's clock. The only error
// is ErrTooManyKeys (wrapped), with a rejecting Decision.
//
// The default clock is monotonic: the wall time read at NewMemory plus the
// monotonic time elapsed since, so a wall-clock step (NTP, a manual change)
// neither refunds nor blocks requests, and reading it costs one clock read
// instead of time.Now's two.
func (m *Memory) Allow(_ context.Context, key string) (Decision, error) {
	if m.now == nil {
		return m.allowAt(key, m.epochNs+int64(time.Since(m.epoch)))
	}
	return m.allowAt(key, m.now().UnixNano())
}

// AllowAt decides one request for key at the instant now. When the key cap
// is reached for a new key the request is rejected.
func (m *Memory) AllowAt(key string, now time.Time) Decision {
	d, _ := m.allowAt(key, now.UnixNano())
	return d
}

// allowAt decides at t, in nanoseconds since the Unix epoch.
func (m *Memory) allowAt(key string, t int64) (Decision, error) {
	if t >= m.nextSweep.Load() {
		m.sweepNext(t)
	}
	sh := &m.shards[maphash.String(m.seed, key)&(numShards-1)]
	sh.mu.Lock()
	e := sh.m[key]
	if e == nil {
		if m.maxKeys > 0 && m.keys.Load() >= m.maxKeys {
			sh.mu.Unlock()
			if !m.sweepAll(t) {
				d := Decision{Limit: m.limit, RetryAfter: time.Duration(m.idleTTL), ResetAfter: time.Duration(m.idleTTL)}
				return d, fmt.Errorf("%w: %d keys tracked, key %q not admitted", ErrTooManyKeys, m.maxKeys, key)
			}
			sh.mu.Lock()
			e = sh.m[key] // another goroutine may have added it meanwhile
		}
		if e == nil {
			e = &entry{}
			m.p.init(e, t)
			sh.m[key] = e
			sh.peak = max(sh.peak, len(sh.m))
			m.keys.Add(1)
		}
	}
	v := m.p.decide(e, t)
	sh.mu.Unlock()
	return m.decision(v), nil
}

func (m *Memory) decision(v verdict) Decision {
	return Decision{
		Allowed:    v.allowed,
		Limit:      m.limit,
		Remaining:  int(v.remaining),
		RetryAfter: time.Duration(v.retry),
		ResetAfter: time.Duration(v.reset),
	}
}

// sweepNext sweeps the next shard in turn. Sweeps are spaced so that every
// shard is swept about twice per idle TTL of clock time, whichever keys the
// traffic touches; the cost is spread over the calls that trigger them.
func (m *Memory) sweepNext(t int64) {
	next := m.nextSweep.Load()
	if t < next || !m.nextSweep.CompareAndSwap(next, t+m.sweepEvery) {
		return // another goroutine is sweeping
	}
	sh := &m.shards[m.cursor.Add(1)&(numShards-1)]
	sh.mu.Lock()
	m.sweep(sh, t)
	sh.mu.Unlock()
}

// sweepAll sweeps every shard when the key cap is reached, at most once per
// sweep interval so that a flood of new keys cannot turn every call into a
// full scan. It reports whether there is room for a new key afterwards.
func (m *Memory) sweepAll(t int64) bool {
	next := m.fullSweep.Load()
	if t >= next && m.fullSweep.CompareAndSwap(next, t+m.sweepEvery) {
		for i := range m.shards {
			sh := &m.shards[i]
			sh.mu.Lock()
			m.sweep(sh, t)
			sh.mu.Unlock()
		}
	}
	return m.keys.Load() < m.maxKeys
}

// sweep drops the shard's keys idle for longer than idleTTL. It rebuilds
// the map when it has shrunk to a quarter of its peak, returning the
// table's memory. The caller holds sh.mu.
func (m *Memory) sweep(sh *shard, now int64) {
	removed := 0
	for k, e := range sh.m {
		if now-e.last > m.idleTTL {
			delete(sh.m, k)
			removed++
		}
	}
	if removed == 0 {
		return
	}
	m.keys.Add(int64(-removed))
	if sh.peak >= 1024 && len(sh.m) <= sh.peak/4 {
		fresh := make(map[string]*entry, len(sh.m))
		for k, e := range sh.m {
			fresh[k] = e
		}
		sh.m, sh.peak = fresh, len(fresh)
	}
}

// Len returns the number of keys currently tracked.
func (m *Memory) Len() int { return int(m.keys.Load()) }

// Inspect reports the state of key as it would be seen at now, without
// changing it. A key never seen (or expired) reports a fresh state.
func (m *Memory) Inspect(key string, now time.Time) State {
	t := now.UnixNano()
	sh := &m.shards[maphash.String(m.seed, key)&(numShards-1)]
	var e entry
	sh.mu.Lock()
	found := sh.m[key]
	if found != nil && t-found.last <= m.idleTTL {
		e = *found
		e.log.buf = append([]int64(nil), found.log.buf...)
	} else {
		m.p.init(&e, t)
	}
	sh.mu.Unlock()
	return m.p.inspect(m.cfg, &e, t)
}
