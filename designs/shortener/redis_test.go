package shortener

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sdprep/sdprep/internal/redistest"
)

func newTestRedisStore(t *testing.T, addr, prefix string) *RedisStore {
	t.Helper()
	s := NewRedisStore(redis.NewClient(&redis.Options{Addr: addr}), prefix)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRedisStore(t *testing.T) {
	testStoreContract(t, newTestRedisStore(t, redistest.Start(t), ""))
}

// Two services on one Redis (two server processes in production) share
// links, the counter and clicks.
func TestRedisStoreShared(t *testing.T) {
	ctx := context.Background()
	addr := redistest.Start(t)
	a := NewService(newTestRedisStore(t, addr, "shared:"), Config{Strategy: Counter, FlushTick: make(chan time.Time), Now: clock})
	b := NewService(newTestRedisStore(t, addr, "shared:"), Config{Strategy: Counter, FlushTick: make(chan time.Time), Now: clock})
	ra, err := a.Shorten(ctx, "https://a.example", "")
	if err != nil {
		t.Fatal(err)
	}
	rb, err := b.Shorten(ctx, "https://b.example", "")
	if err != nil {
		t.Fatal(err)
	}
	if ra.Link.Code != "1" || rb.Link.Code != "2" {
		t.Fatalf("codes %q %q; want 1 and 2 from one shared counter", ra.Link.Code, rb.Link.Code)
	}
	if u, err := b.Resolve(ctx, ra.Link.Code); err != nil || u != "https://a.example" {
		t.Fatalf("b.Resolve(a's code) = %q, %v", u, err)
	}
	if _, err := a.Resolve(ctx, ra.Link.Code); err != nil {
		t.Fatal(err)
	}
	a.Close()
	b.Close()
	if l, err := a.Lookup(ctx, ra.Link.Code); err != nil || l.Clicks != 2 {
		t.Fatalf("clicks = %+v, %v; want 2 from both services", l, err)
	}
	other := newTestRedisStore(t, addr, "other:")
	if id, _ := other.NextID(ctx); id != 1 {
		t.Errorf("prefix does not isolate: NextID = %d", id)
	}
}
