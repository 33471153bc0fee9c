package ratelimit

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/sdprep/sdprep/internal/redistest"
)

// The benchmarks compare the in-memory token bucket with
// golang.org/x/time/rate in the same run, and a Redis decision with a bare
// INCR round trip. Run them with:
//
//	go test -run '^$' -bench . -benchmem -count 5 ./designs/ratelimit
//
// Both limiters read time.Now on every call, and both are configured at
// 1000/s with a burst of 1000, so at benchmark speed both mostly reject.

const (
	benchLimit = 1000
	benchKeys  = 10_000
)

func benchKeyNames() []string {
	keys := make([]string, benchKeys)
	for i := range keys {
		keys[i] = "user:" + strconv.Itoa(i)
	}
	return keys
}

func BenchmarkSingleKey(b *testing.B) {
	ctx := context.Background()
	b.Run("sdprep-token-bucket", func(b *testing.B) {
		m := mustMemory(b, Config{Algorithm: TokenBucket, Limit: benchLimit, Window: time.Second})
		b.ReportAllocs()
		for b.Loop() {
			_, _ = m.Allow(ctx, "user:1")
		}
	})
	b.Run("x-time-rate", func(b *testing.B) {
		l := rate.NewLimiter(benchLimit, benchLimit)
		b.ReportAllocs()
		for b.Loop() {
			l.Allow()
		}
	})
}

// BenchmarkManyKeysParallel spreads calls over 10,000 keys from all CPUs.
// x/time/rate has no keyed limiter, so it gets the usual companion: a
// sync.Map of *rate.Limiter, created on first use.
func BenchmarkManyKeysParallel(b *testing.B) {
	keys := benchKeyNames()
	ctx := context.Background()
	b.Run("sdprep-token-bucket", func(b *testing.B) {
		m := mustMemory(b, Config{Algorithm: TokenBucket, Limit: benchLimit, Window: time.Second})
		var seq atomic.Int64
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := int(seq.Add(7919))
			for pb.Next() {
				_, _ = m.Allow(ctx, keys[i%benchKeys])
				i++
			}
		})
	})
	b.Run("x-time-rate-sync-map", func(b *testing.B) {
		var limiters sync.Map
		get := func(key string) *rate.Limiter {
			if l, ok := limiters.Load(key); ok {
				return l.(*rate.Limiter)
			}
			l, _ := limiters.LoadOrStore(key, rate.NewLimiter(benchLimit, benchLimit))
			return l.(*rate.Limiter)
		}
		var seq atomic.Int64
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := int(seq.Add(7919))
			for pb.Next() {
				get(keys[i%benchKeys]).Allow()
				i++
			}
		})
	})
}

// BenchmarkMemoryAlgorithms compares the five algorithms on one key at a
// fixed step of clock time (AllowAt, so time.Now is not measured).
func BenchmarkMemoryAlgorithms(b *testing.B) {
	for _, a := range Algorithms() {
		b.Run(a.String(), func(b *testing.B) {
			m := mustMemory(b, Config{Algorithm: a, Limit: 100, Window: time.Second})
			now := t0
			b.ReportAllocs()
			for b.Loop() {
				m.AllowAt("user:1", now)
				now = now.Add(time.Millisecond)
			}
		})
	}
}

// BenchmarkRedis measures one decision (one EVALSHA) per op against one
// plain INCR, the cheapest possible round trip, on a local redis-server.
func BenchmarkRedis(b *testing.B) {
	addr := redistest.Start(b)
	c := newRedisClient(b, addr)
	ctx := context.Background()
	for _, a := range Algorithms() {
		b.Run(a.String(), func(b *testing.B) {
			r := mustRedis(b, c, Config{Algorithm: a, Limit: 100, Window: time.Second})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Allow(ctx, "user:1"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("incr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := c.Incr(ctx, "bench:incr").Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
