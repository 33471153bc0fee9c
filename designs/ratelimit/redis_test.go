package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sdprep/sdprep/internal/redistest"
)

func newRedisClient(t testing.TB, addr string) *redis.Client {
	t.Helper()
	c := redis.NewClient(&redis.Options{Addr: addr})
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func mustRedis(t testing.TB, c redis.UniversalClient, cfg Config, opts ...RedisOption) *Redis {
	t.Helper()
	r, err := NewRedis(c, cfg, opts...)
	if err != nil {
		t.Fatalf("NewRedis(%v): %v", cfg, err)
	}
	return r
}

// TestRedisMatchesMemory replays the same traffic through both backends;
// every decision must agree. Redis works in microseconds, so its waits are
// the memory backend's rounded up to the next microsecond.
func TestRedisMatchesMemory(t *testing.T) {
	c := newRedisClient(t, redistest.Start(t))
	ctx := context.Background()
	configs := []Config{
		{Limit: 7, Window: time.Second, Burst: 4},
		{Limit: 3, Window: time.Second},
		{Limit: 5, Window: 300 * time.Millisecond},
	}
	for _, base := range configs {
		for _, a := range Algorithms() {
			cfg := base
			cfg.Algorithm = a
			t.Run(cfg.String(), func(t *testing.T) {
				m := mustMemory(t, cfg)
				r := mustRedis(t, c, cfg, WithKeyPrefix("match:"+cfg.String()+":"))
				for i, at := range randomTraffic(uint64(cfg.Limit), 400, cfg.Window) {
					at = at.Truncate(time.Millisecond)
					want := m.AllowAt("k", at)
					got, err := allowAtPersist(ctx, c, r, "k", at)
					if err != nil {
						t.Fatalf("request %d: %v", i, err)
					}
					if !sameDecision(got, want) {
						t.Fatalf("request %d at +%v:\n redis  %#v\n memory %#v", i, at.Sub(t0), got, want)
					}
				}
			})
		}
	}
}

// allowAtPersist is r.AllowAt followed by PERSIST in one MULTI/EXEC. The
// script gives the key a real-time TTL of ResetAfter, which can be a
// millisecond, while the replay's next instant may still fall inside it: on
// a loaded machine the key would expire between two requests and Redis
// would start afresh where memory does not. Dropping the TTL in the same
// transaction (nothing runs between the two) makes the replay depend on
// the simulated instants alone; TestRedisKeysHaveTTL checks the TTL.
func allowAtPersist(ctx context.Context, c *redis.Client, r *Redis, key string, at time.Time) (Decision, error) {
	var eval *redis.Cmd
	_, err := c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		eval = r.script.Eval(ctx, p, []string{r.Key(key)}, r.argv(strconv.FormatInt(at.UnixMicro(), 10))...)
		p.Persist(ctx, r.Key(key))
		return nil
	})
	if err != nil {
		return Decision{}, err
	}
	res, err := eval.Int64Slice()
	return r.decision(key, res, err)
}

func sameDecision(redis, mem Decision) bool {
	within := func(r, m time.Duration) bool { return r >= m && r-m < time.Microsecond }
	return redis.Allowed == mem.Allowed && redis.Limit == mem.Limit && redis.Remaining == mem.Remaining &&
		within(redis.RetryAfter, mem.RetryAfter) && within(redis.ResetAfter, mem.ResetAfter)
}

// TestRedisSharedLimit runs several app servers (a client each) with many
// goroutines against one key: together they never admit more than the
// limit, because each decision is one atomic script.
func TestRedisSharedLimit(t *testing.T) {
	addr := redistest.Start(t)
	const servers, goroutines, each, limit = 4, 8, 25, 100
	for _, a := range Algorithms() {
		t.Run(a.String(), func(t *testing.T) {
			cfg := Config{Algorithm: a, Limit: limit, Window: time.Hour}
			limiters := make([]*Redis, servers)
			for i := range limiters {
				limiters[i] = mustRedis(t, newRedisClient(t, addr), cfg)
			}
			// At one instant, passed by every caller: exactly the limit.
			if got := hammer(t, limiters, goroutines, each, func(r *Redis) (Decision, error) {
				return r.AllowAt(context.Background(), "fixed-instant", t0)
			}); got != limit {
				t.Errorf("caller clock: admitted %d of %d, want exactly %d", got, servers*goroutines*each, limit)
			}
			// On the server's clock: a run far shorter than the hour-long
			// window admits the limit (the buckets may refill a token or two
			// meanwhile). A run that straddles an hour boundary is repeated
			// on a fresh key, since the windows legitimately reset there.
			var got int
			for attempt := 0; attempt < 2; attempt++ {
				key := fmt.Sprintf("server-clock-%d", attempt)
				before := serverHour(t, limiters[0])
				got = hammer(t, limiters, goroutines, each, func(r *Redis) (Decision, error) {
					return r.Allow(context.Background(), key)
				})
				if serverHour(t, limiters[0]) == before {
					break
				}
			}
			if got < limit || got > limit+2 {
				t.Errorf("server clock: admitted %d of %d, want %d (+2 for refill)", got, servers*goroutines*each, limit)
			}
		})
	}
}

func serverHour(t *testing.T, r *Redis) int64 {
	t.Helper()
	now, err := r.client.Time(context.Background()).Result()
	if err != nil {
		t.Fatal(err)
	}
	return now.Unix() / 3600
}

func hammer(t *testing.T, limiters []*Redis, goroutines, each int, allow func(*Redis) (Decision, error)) int {
	t.Helper()
	var mu sync.Mutex
	admitted := 0
	var wg sync.WaitGroup
	errs := make(chan error, len(limiters)*goroutines)
	for _, r := range limiters {
		for range goroutines {
			wg.Go(func() {
				n := 0
				for range each {
					d, err := allow(r)
					if err != nil {
						errs <- err
						return
					}
					if d.Allowed {
						n++
					}
				}
				mu.Lock()
				admitted += n
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	return admitted
}

func TestRedisKeysHaveTTL(t *testing.T) {
	c := newRedisClient(t, redistest.Start(t))
	ctx := context.Background()
	for _, a := range Algorithms() {
		r := mustRedis(t, c, Config{Algorithm: a, Limit: 5, Window: 10 * time.Second})
		d, err := r.Allow(ctx, "user:7")
		if err != nil {
			t.Fatal(err)
		}
		if !d.Allowed || d.Remaining != 4 {
			t.Errorf("%v: first request on the server clock: %#v", a, d)
		}
		ttl, err := c.PTTL(ctx, r.Key("user:7")).Result()
		if err != nil {
			t.Fatal(err)
		}
		if ttl <= 0 || ttl > d.ResetAfter+time.Millisecond {
			t.Errorf("%v: key TTL %v, want in (0, %v]", a, ttl, d.ResetAfter+time.Millisecond)
		}
		if err := r.Reset(ctx, "user:7"); err != nil {
			t.Fatal(err)
		}
		if n, _ := c.Exists(ctx, r.Key("user:7")).Result(); n != 0 {
			t.Errorf("%v: key still exists after Reset", a)
		}
	}
}

// TestRedisCallerClock: with WithCallerClock the script uses the caller's
// instant. The key's TTL is ResetAfter in real time, so the instant sits
// well inside its window (20 s of a minute: a 40 s TTL); an instant just
// before the window's end would leave a TTL of a millisecond or so, and
// the key could expire between two calls on a loaded machine.
func TestRedisCallerClock(t *testing.T) {
	c := newRedisClient(t, redistest.Start(t))
	r := mustRedis(t, c, Config{Algorithm: FixedWindow, Limit: 2, Window: time.Minute},
		WithCallerClock(func() time.Time { return t0.Add(20 * time.Second) }), WithKeyPrefix("clock:"))
	var got []bool
	for range 3 {
		d, err := r.Allow(context.Background(), "k")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Allowed)
		if d.ResetAfter != 40*time.Second { // the caller's instant, not the server's
			t.Fatalf("ResetAfter = %v, want the 40s left of the caller's window", d.ResetAfter)
		}
	}
	if !reflect.DeepEqual(got, []bool{true, true, false}) {
		t.Fatalf("decisions %v, want [true true false]", got)
	}
	if !strings.HasPrefix(r.Key("k"), "clock:fixed-window:") {
		t.Fatalf("Key = %q, want the configured prefix", r.Key("k"))
	}
}

func TestRedisSurvivesScriptFlush(t *testing.T) {
	c := newRedisClient(t, redistest.Start(t))
	ctx := context.Background()
	// An hour-long window: the key's real-time TTL outlives the test.
	r := mustRedis(t, c, Config{Algorithm: SlidingLog, Limit: 2, Window: time.Hour})
	if _, err := r.AllowAt(ctx, "k", t0); err != nil {
		t.Fatal(err)
	}
	if err := c.ScriptFlush(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	// EVALSHA now fails with NOSCRIPT; Run falls back to EVAL.
	d, err := r.AllowAt(ctx, "k", t0)
	if err != nil || !d.Allowed || d.Remaining != 0 {
		t.Fatalf("after SCRIPT FLUSH: %#v, %v", d, err)
	}
}

func TestNewRedisValidates(t *testing.T) {
	if _, err := NewRedis(nil, Config{Limit: 1, Window: time.Second}); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("nil client: %v", err)
	}
	c := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	defer c.Close()
	// Fine in int64 nanoseconds, too big for Lua's 53-bit integers.
	cfg := Config{Limit: 1000, Window: 365*24*time.Hour + time.Microsecond, Burst: 1000}
	if err := cfg.Validate(); err != nil {
		t.Fatalf("memory should accept %v: %v", cfg, err)
	}
	if _, err := NewRedis(c, cfg); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("NewRedis(%v) = %v, want ErrInvalidConfig", cfg, err)
	}
}

func TestRedisReportsConnectionErrors(t *testing.T) {
	c := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1, DialerRetries: 1, DialTimeout: time.Second})
	defer c.Close()
	r := mustRedis(t, c, Config{Limit: 1, Window: time.Second})
	if _, err := r.Allow(context.Background(), "k"); err == nil {
		t.Fatal("Allow against a closed port succeeded")
	}
}
