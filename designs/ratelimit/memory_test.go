package ratelimit

import (
	"context"
	"sync"
	"testing"
	"time"
)

// t0 is a fixed instant on a whole second, so 1 s windows start at t0.
var t0 = time.Unix(1_800_000_000, 0)

const ms = time.Millisecond

// step is one request at t0+at and the decision it must get.
type step struct {
	at        time.Duration
	allowed   bool
	remaining int
	retry     time.Duration
	reset     time.Duration
}

func runSteps(t *testing.T, m *Memory, key string, steps []step) {
	t.Helper()
	for i, s := range steps {
		got := m.AllowAt(key, t0.Add(s.at))
		want := Decision{Allowed: s.allowed, Limit: m.Config().Capacity(), Remaining: s.remaining, RetryAfter: s.retry, ResetAfter: s.reset}
		if got != want {
			t.Errorf("step %d at +%v:\n got  %#v\n want %#v", i, s.at, got, want)
		}
	}
}

func mustMemory(t testing.TB, cfg Config, opts ...MemoryOption) *Memory {
	t.Helper()
	m, err := NewMemory(cfg, opts...)
	if err != nil {
		t.Fatalf("NewMemory(%v): %v", cfg, err)
	}
	return m
}

// bucketSteps hold for both buckets: rate 2/s (a token every 500 ms),
// capacity 3. For the leaky bucket "reset" is the time to drain, which is
// the token bucket's time to refill.
var bucketSteps = []step{
	{0, true, 2, 0, 500 * ms},
	{0, true, 1, 0, 1000 * ms},
	{0, true, 0, 0, 1500 * ms},
	{0, false, 0, 500 * ms, 1500 * ms},
	{250 * ms, false, 0, 250 * ms, 1250 * ms}, // half a token
	{500 * ms, true, 0, 0, 1500 * ms},
	{1500 * ms, true, 1, 0, 1000 * ms},
	{10 * time.Second, true, 2, 0, 500 * ms}, // refilled to the cap, not beyond
}

func TestTokenBucketSteps(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 2, Window: time.Second, Burst: 3})
	runSteps(t, m, "k", bucketSteps)
}

func TestLeakyBucketSteps(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: LeakyBucket, Limit: 2, Window: time.Second, Burst: 3})
	runSteps(t, m, "k", bucketSteps)
}

func TestTokenBucketFractionalRate(t *testing.T) {
	// 3 per second: a token every 333.33… ms. The integer scaling carries
	// the fraction from one refill to the next, so nothing drifts.
	m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 3, Window: time.Second, Burst: 2})
	runSteps(t, m, "k", []step{
		{0, true, 1, 0, 333333334},
		{0, true, 0, 0, 666666667},
		{333333333, false, 0, 1, 333333334},
		{333333334, true, 0, 0, 666666666},
		{666666666, false, 0, 1, 333333334},
		{666666667, true, 0, 0, 666666667},
	})
}

func TestFixedWindowSteps(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: FixedWindow, Limit: 3, Window: time.Second})
	runSteps(t, m, "k", []step{
		{0, true, 2, 0, 1000 * ms},
		{100 * ms, true, 1, 0, 900 * ms},
		{200 * ms, true, 0, 0, 800 * ms},
		{300 * ms, false, 0, 700 * ms, 700 * ms},
		{999 * ms, false, 0, 1 * ms, 1 * ms},
		{1000 * ms, true, 2, 0, 1000 * ms}, // new window, count reset
		{1500 * ms, true, 1, 0, 500 * ms},
	})
}

func TestSlidingLogSteps(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: SlidingLog, Limit: 3, Window: time.Second})
	runSteps(t, m, "k", []step{
		{0, true, 2, 0, 1000 * ms},
		{100 * ms, true, 1, 0, 1000 * ms},
		{200 * ms, true, 0, 0, 1000 * ms},
		{300 * ms, false, 0, 700 * ms, 900 * ms},
		{1000 * ms, true, 0, 0, 1000 * ms}, // the entry at 0 left the window
		{1050 * ms, false, 0, 50 * ms, 950 * ms},
		{1100 * ms, true, 0, 0, 1000 * ms},
	})
}

func TestSlidingWindowSteps(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: SlidingWindow, Limit: 4, Window: time.Second})
	runSteps(t, m, "k", []step{
		{0, true, 3, 0, 2000 * ms},
		{0, true, 2, 0, 2000 * ms},
		{0, true, 1, 0, 2000 * ms},
		{0, true, 0, 0, 2000 * ms},
		{500 * ms, false, 0, 750 * ms, 1500 * ms},  // wait for the next window, then its weight
		{1000 * ms, false, 0, 250 * ms, 1000 * ms}, // estimate 4×1.0 + 0
		{1250 * ms, true, 0, 0, 1750 * ms},         // 4×0.75 + 0 + 1 ≤ 4
		{1500 * ms, true, 0, 0, 1500 * ms},         // 4×0.5 + 1 + 1 ≤ 4
		{1750 * ms, true, 0, 0, 1250 * ms},         // 4×0.25 + 2 + 1 ≤ 4
		{2000 * ms, true, 0, 0, 2000 * ms},         // 3×1.0 + 0 + 1 ≤ 4
		{3500 * ms, true, 2, 0, 1500 * ms},         // 1×0.5 + 0 + 1
		{5200 * ms, true, 3, 0, 1800 * ms},         // two windows idle: previous is 0
	})
}

func TestKeysAreIndependent(t *testing.T) {
	for _, a := range Algorithms() {
		m := mustMemory(t, Config{Algorithm: a, Limit: 1, Window: time.Second})
		if !m.AllowAt("alice", t0).Allowed || m.AllowAt("alice", t0).Allowed {
			t.Errorf("%v: alice should get exactly one request", a)
		}
		if !m.AllowAt("bob", t0).Allowed {
			t.Errorf("%v: bob was limited by alice's traffic", a)
		}
	}
}

func TestClockSteppingBackRefundsNothing(t *testing.T) {
	for _, a := range Algorithms() {
		m := mustMemory(t, Config{Algorithm: a, Limit: 2, Window: time.Second})
		m.AllowAt("k", t0.Add(900*ms))
		m.AllowAt("k", t0.Add(900*ms))
		if d := m.AllowAt("k", t0); d.Allowed {
			t.Errorf("%v: an earlier instant admitted a request past the limit: %+v", a, d)
		}
	}
}

// TestConcurrentOneKeyAdmitsExactlyLimit hammers one key from many
// goroutines at one instant: exactly Limit requests may pass.
func TestConcurrentOneKeyAdmitsExactlyLimit(t *testing.T) {
	const limit, goroutines, each = 100, 16, 50
	for _, a := range Algorithms() {
		t.Run(a.String(), func(t *testing.T) {
			m := mustMemory(t, Config{Algorithm: a, Limit: limit, Window: time.Minute})
			var mu sync.Mutex
			admitted := 0
			var wg sync.WaitGroup
			for range goroutines {
				wg.Go(func() {
					n := 0
					for range each {
						if m.AllowAt("shared", t0).Allowed {
							n++
						}
					}
					mu.Lock()
					admitted += n
					mu.Unlock()
				})
			}
			wg.Wait()
			if admitted != limit {
				t.Fatalf("admitted %d of %d requests, want exactly %d", admitted, goroutines*each, limit)
			}
		})
	}
}

func TestHotPathDoesNotAllocate(t *testing.T) {
	for _, a := range Algorithms() {
		t.Run(a.String(), func(t *testing.T) {
			m := mustMemory(t, Config{Algorithm: a, Limit: 50, Window: time.Second})
			now := t0
			for range 200 { // grow the sliding log's ring to its final size
				m.AllowAt("user:42", now)
				now = now.Add(7 * ms)
			}
			allocs := testing.AllocsPerRun(1000, func() {
				m.AllowAt("user:42", now)
				now = now.Add(7 * ms)
			})
			if allocs != 0 {
				t.Fatalf("AllowAt on an existing key allocated %.1f times per call, want 0", allocs)
			}
			ctx := context.Background()
			if allocs := testing.AllocsPerRun(1000, func() { _, _ = m.Allow(ctx, "user:42") }); allocs != 0 {
				t.Fatalf("Allow on the real clock allocated %.1f times per call, want 0", allocs)
			}
		})
	}
}
