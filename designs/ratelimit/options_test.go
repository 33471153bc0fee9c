package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestIdleKeysExpire(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: FixedWindow, Limit: 5, Window: time.Second}, WithIdleTTL(10*time.Second))
	for i := range 1000 {
		m.AllowAt(fmt.Sprintf("client-%d", i), t0)
	}
	if m.Len() != 1000 {
		t.Fatalf("Len = %d after 1000 keys, want 1000", m.Len())
	}
	// Traffic on a few other keys, spread over a TTL long after the first
	// burst, sweeps every shard in turn and drops the idle keys.
	later := t0.Add(time.Minute)
	for i := range 10_000 {
		m.AllowAt(fmt.Sprintf("fresh-%d", i%64), later.Add(time.Duration(i)*ms))
	}
	if got := m.Len(); got > 64 {
		t.Fatalf("Len = %d after the idle TTL, want at most the 64 fresh keys", got)
	}
}

func TestIdleTTLNeverBelowHorizon(t *testing.T) {
	// A 1 ms TTL is raised to the bucket's refill time (10 s here), so a key
	// is never forgotten while forgetting it would refund tokens.
	m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 1, Window: 10 * time.Second}, WithIdleTTL(time.Millisecond))
	m.AllowAt("k", t0)
	for i := range 200 {
		m.AllowAt(fmt.Sprintf("other-%d", i), t0.Add(5*time.Second))
	}
	if d := m.AllowAt("k", t0.Add(5*time.Second)); d.Allowed {
		t.Fatalf("key expired before its bucket refilled: %#v", d)
	}
}

func TestMaxKeysFailsClosed(t *testing.T) {
	m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 1, Window: time.Second}, WithMaxKeys(3), WithClock(func() time.Time { return t0 }))
	ctx := context.Background()
	for _, k := range []string{"a", "b", "c"} {
		if _, err := m.Allow(ctx, k); err != nil {
			t.Fatalf("Allow(%q): %v", k, err)
		}
	}
	d, err := m.Allow(ctx, "d")
	if !errors.Is(err, ErrTooManyKeys) || d.Allowed {
		t.Fatalf("fourth key: %#v, %v; want rejected with ErrTooManyKeys", d, err)
	}
	// Known keys keep their state, and after the idle horizon room returns.
	if d := m.AllowAt("a", t0); d.Allowed {
		t.Fatalf("key a was reset: %#v", d)
	}
	if d := m.AllowAt("d", t0.Add(time.Hour)); !d.Allowed {
		t.Fatalf("new key after idle keys expired: %#v", d)
	}
}

func TestWithClockDrivesAllow(t *testing.T) {
	now := t0
	m := mustMemory(t, Config{Algorithm: FixedWindow, Limit: 1, Window: time.Second}, WithClock(func() time.Time { return now }))
	ctx := context.Background()
	first, _ := m.Allow(ctx, "k")
	second, _ := m.Allow(ctx, "k")
	now = now.Add(time.Second)
	third, _ := m.Allow(ctx, "k")
	if !first.Allowed || second.Allowed || !third.Allowed {
		t.Fatalf("decisions %v / %v / %v, want allowed / rejected / allowed", first, second, third)
	}
	real := mustMemory(t, Config{Algorithm: FixedWindow, Limit: 1, Window: time.Hour}, WithClock(nil))
	if d, err := real.Allow(ctx, "k"); err != nil || !d.Allowed {
		t.Fatalf("nil clock falls back to time.Now: %v, %v", d, err)
	}
}

func TestInspect(t *testing.T) {
	// Three requests at +500 ms, then a look at a later instant.
	tests := []struct {
		alg  Algorithm
		at   time.Duration
		want string
	}{
		{TokenBucket, 750 * ms, "tokens 1.50/4, full in 1.25s"},
		{LeakyBucket, 750 * ms, "level 2.50/4, empty in 1.25s"},
		{FixedWindow, 750 * ms, "count 3/4, 750ms into the window, resets in 250ms"},
		{SlidingLog, 750 * ms, "log 3/4 timestamps, empty in 750ms"},
		{SlidingWindow, 1250 * ms, "estimate 2.25/4 = previous 3 × 0.75 + current 0"},
	}
	for _, tt := range tests {
		cfg := Config{Algorithm: tt.alg, Limit: 4, Window: time.Second}
		if tt.alg == TokenBucket || tt.alg == LeakyBucket {
			cfg = Config{Algorithm: tt.alg, Limit: 2, Window: time.Second, Burst: 4}
		}
		m, twin := mustMemory(t, cfg), mustMemory(t, cfg)
		for range 3 {
			m.AllowAt("k", t0.Add(500*ms))
			twin.AllowAt("k", t0.Add(500*ms))
		}
		if got := m.Inspect("k", t0.Add(tt.at)).String(); got != tt.want {
			t.Errorf("%v: Inspect = %q, want %q", tt.alg, got, tt.want)
		}
		// Inspecting changes nothing: the next decision matches the twin's.
		if a, b := m.AllowAt("k", t0.Add(tt.at)), twin.AllowAt("k", t0.Add(tt.at)); a != b {
			t.Errorf("%v: after Inspect %#v, without %#v", tt.alg, a, b)
		}
		fresh := m.Inspect("never-seen", t0)
		if fresh.Remaining != cfg.Capacity() {
			t.Errorf("%v: unseen key has %d remaining, want %d", tt.alg, fresh.Remaining, cfg.Capacity())
		}
	}
}

func TestExplainCoversEveryAlgorithm(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Algorithms() {
		text := Explain(a)
		lower := strings.ToLower(text)
		if len(text) < 200 || !strings.Contains(lower, "per key") || !strings.Contains(lower, "burst") {
			t.Errorf("Explain(%v) is too short or omits bursts or memory per key: %q", a, text)
		}
		if seen[text] {
			t.Errorf("Explain(%v) repeats another algorithm's text", a)
		}
		seen[text] = true
	}
	if !strings.HasPrefix(Explain(Algorithm(42)), "Unknown algorithm") {
		t.Errorf("Explain of an unknown algorithm = %q", Explain(Algorithm(42)))
	}
}

func TestDecisionString(t *testing.T) {
	if got := (Decision{Allowed: true, Limit: 10, Remaining: 3}).String(); got != "allowed 3/10" {
		t.Errorf("got %q", got)
	}
	if got := (Decision{Limit: 10, RetryAfter: 100 * ms}).String(); got != "rejected 0/10 retry in 100ms" {
		t.Errorf("got %q", got)
	}
}
