package shortener

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var fixedNow = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func clock() time.Time { return fixedNow }

// countingStore wraps a Store and counts calls, to prove what hits it.
type countingStore struct {
	Store
	gets, creates atomic.Int64
}

func (c *countingStore) Get(ctx context.Context, code string) (Link, error) {
	c.gets.Add(1)
	return c.Store.Get(ctx, code)
}

func (c *countingStore) Create(ctx context.Context, l Link) error {
	c.creates.Add(1)
	return c.Store.Create(ctx, l)
}

// newTestService returns a service whose flushes only happen on batch size,
// on ticks sent to the returned channel, or on Close.
func newTestService(t *testing.T, store Store, cfg Config) (*Service, chan time.Time) {
	t.Helper()
	tick := make(chan time.Time)
	cfg.FlushTick = tick
	cfg.Now = clock
	svc := NewService(store, cfg)
	t.Cleanup(func() { svc.Close() })
	return svc, tick
}

func TestShortenStrategies(t *testing.T) {
	ctx := context.Background()
	for _, st := range []Strategy{Counter, Hash, Random} {
		t.Run(st.String(), func(t *testing.T) {
			svc, _ := newTestService(t, NewMemoryStore(), Config{Strategy: st, Seed: 7})
			res, err := svc.Shorten(ctx, "https://example.com/a", "")
			if err != nil {
				t.Fatal(err)
			}
			if res.Strategy != st || res.Attempts != 1 || res.Alias || res.Link.URL != "https://example.com/a" || !res.Link.CreatedAt.Equal(fixedNow) {
				t.Fatalf("result = %+v", res)
			}
			u, err := svc.Resolve(ctx, res.Link.Code)
			if err != nil || u != "https://example.com/a" {
				t.Fatalf("Resolve(%q) = %q, %v", res.Link.Code, u, err)
			}
		})
	}
}

func TestCounterCodesAreSequentialAndSkipTaken(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore()
	svc, _ := newTestService(t, store, Config{Strategy: Counter})
	// An alias that equals the base62 of id 2 forces the counter to skip it.
	if err := store.Create(ctx, Link{Code: "2", URL: "https://taken.example"}); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for range 3 {
		res, err := svc.Shorten(ctx, "https://example.com", "")
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, res.Link.Code)
	}
	if codes[0] != "1" || codes[1] != "3" || codes[2] != "4" {
		t.Fatalf("codes = %v; want [1 3 4]", codes)
	}
	if st := svc.Stats(); st.Collisions != 1 || st.Attempts != 4 {
		t.Errorf("stats = %+v; want 1 collision, 4 attempts", st)
	}
}

func TestHashDedupAndCollision(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore()
	svc, _ := newTestService(t, store, Config{Strategy: Hash})
	const u = "https://example.com/page"
	// Plant a different URL on the attempt-0 code to force a collision.
	if err := store.Create(ctx, Link{Code: HashCode("", u, 0), URL: "https://other.example"}); err != nil {
		t.Fatal(err)
	}
	first, err := svc.Shorten(ctx, u, "")
	if err != nil {
		t.Fatal(err)
	}
	if first.Attempts != 2 || first.Link.Code != HashCode("", u, 1) || first.Existing {
		t.Fatalf("first = %+v; want attempt 2 with the attempt-1 code", first)
	}
	again, err := svc.Shorten(ctx, u, "")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Existing || again.Link.Code != first.Link.Code {
		t.Fatalf("again = %+v; want the existing link %q", again, first.Link.Code)
	}
	if store.Len() != 2 {
		t.Errorf("store has %d links; want 2", store.Len())
	}
}

// fullStore says every code is taken and never finds a match.
type fullStore struct{ *MemoryStore }

func (fullStore) Create(context.Context, Link) error { return ErrCodeTaken }

func TestRandomExhausted(t *testing.T) {
	svc, _ := newTestService(t, fullStore{NewMemoryStore()}, Config{Strategy: Random, MaxAttempts: 3})
	res, err := svc.Shorten(context.Background(), "https://example.com", "")
	if !errors.Is(err, ErrExhausted) || res.Attempts != 3 {
		t.Fatalf("Shorten = %+v, %v; want ErrExhausted after 3 attempts", res, err)
	}
}

func TestRandomIsSeeded(t *testing.T) {
	ctx := context.Background()
	code := func() string {
		svc, _ := newTestService(t, NewMemoryStore(), Config{Strategy: Random, Seed: 99})
		res, err := svc.Shorten(ctx, "https://example.com", "")
		if err != nil {
			t.Fatal(err)
		}
		return res.Link.Code
	}
	if a, b := code(), code(); a != b {
		t.Fatalf("same seed gave %q and %q", a, b)
	}
}

func TestShortenErrors(t *testing.T) {
	ctx := context.Background()
	svc, _ := newTestService(t, NewMemoryStore(), Config{})
	if _, err := svc.Shorten(ctx, "javascript:alert(1)", ""); !errors.Is(err, ErrInvalidURL) {
		t.Errorf("bad url: %v", err)
	}
	if _, err := svc.Shorten(ctx, "https://example.com", "api"); !errors.Is(err, ErrReservedAlias) {
		t.Errorf("reserved alias: %v", err)
	}
	res, err := svc.Shorten(ctx, "https://example.com", "mine")
	if err != nil || !res.Alias || res.Link.Code != "mine" {
		t.Fatalf("alias: %+v, %v", res, err)
	}
	if _, err := svc.Shorten(ctx, "https://example.org", "mine"); !errors.Is(err, ErrAliasTaken) {
		t.Errorf("taken alias: %v", err)
	}
	for _, code := range []string{"nope", "", "a/b", "x.y"} {
		if _, err := svc.Resolve(ctx, code); !errors.Is(err, ErrNotFound) {
			t.Errorf("Resolve(%q) = %v; want ErrNotFound", code, err)
		}
	}
}

func TestResolveCacheHitsDoNotTouchStore(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{Store: NewMemoryStore()}
	svc, _ := newTestService(t, store, Config{})
	res, err := svc.Shorten(ctx, "https://example.com", "")
	if err != nil {
		t.Fatal(err)
	}
	for range 100 {
		if _, err := svc.Resolve(ctx, res.Link.Code); err != nil {
			t.Fatal(err)
		}
	}
	if got := store.gets.Load(); got != 1 {
		t.Errorf("store.Get called %d times; want 1 (the first miss)", got)
	}
	st := svc.Stats()
	if st.CacheMisses != 1 || st.CacheHits != 99 || st.StoreReads != 1 || st.CacheLen != 1 {
		t.Errorf("stats = %+v", st)
	}
}

func TestCloseDrainsClicks(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore()
	svc := NewService(store, Config{FlushTick: make(chan time.Time), ClickBatch: 1000, Now: clock})
	a, _ := svc.Shorten(ctx, "https://a.example", "")
	b, _ := svc.Shorten(ctx, "https://b.example", "")
	const n = 500
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			code := a.Link.Code
			if i%5 == 0 {
				code = b.Link.Code
			}
			if _, err := svc.Resolve(ctx, code); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	la, _ := store.Get(ctx, a.Link.Code)
	lb, _ := store.Get(ctx, b.Link.Code)
	if la.Clicks+lb.Clicks != n || lb.Clicks != n/5 {
		t.Fatalf("clicks a=%d b=%d; want %d and %d", la.Clicks, lb.Clicks, n-n/5, n/5)
	}
	st := svc.Stats()
	if st.ClicksFlushed != n || st.ClicksDropped != 0 || st.QueueDepth != 0 {
		t.Errorf("stats = %+v", st)
	}
	if _, err := svc.Resolve(ctx, a.Link.Code); err != nil {
		t.Fatal(err)
	}
	if svc.Close() != nil || svc.Stats().ClicksDropped != 1 {
		t.Error("a click after Close must be dropped and counted")
	}
}

func TestClicksFlushOnBatchSize(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore()
	flushed := make(chan FlushReport, 4)
	svc, _ := newTestService(t, store, Config{ClickBatch: 3, OnFlush: func(r FlushReport) { flushed <- r }})
	res, _ := svc.Shorten(ctx, "https://example.com", "")
	for range 3 {
		svc.Resolve(ctx, res.Link.Code)
	}
	rep := <-flushed
	if rep.Clicks != 3 || rep.Codes != 1 || rep.Err != nil {
		t.Fatalf("flush report = %+v", rep)
	}
	if l, _ := store.Get(ctx, res.Link.Code); l.Clicks != 3 {
		t.Fatalf("clicks = %d; want 3", l.Clicks)
	}
}

func TestClicksFlushOnTick(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore()
	svc, tick := newTestService(t, store, Config{ClickBatch: 1000})
	res, _ := svc.Shorten(ctx, "https://example.com", "")
	svc.Resolve(ctx, res.Link.Code)
	svc.Resolve(ctx, res.Link.Code)
	if l, _ := store.Get(ctx, res.Link.Code); l.Clicks != 0 {
		t.Fatalf("clicks before tick = %d; want 0", l.Clicks)
	}
	tick <- fixedNow
	tick <- fixedNow // unbuffered: returns once the first tick's flush is done
	if l, _ := store.Get(ctx, res.Link.Code); l.Clicks != 2 {
		t.Fatalf("clicks after tick = %d; want 2", l.Clicks)
	}
	if st := svc.Stats(); st.Flushes != 1 || st.ClicksFlushed != 2 {
		t.Errorf("stats = %+v; want 1 flush of 2 clicks", st)
	}
}

func TestLookupReadsStore(t *testing.T) {
	ctx := context.Background()
	svc, _ := newTestService(t, NewMemoryStore(), Config{})
	res, _ := svc.Shorten(ctx, "https://example.com", "look")
	l, err := svc.Lookup(ctx, "look")
	if err != nil || l.URL != "https://example.com" || !l.CreatedAt.Equal(fixedNow) || l.Code != res.Link.Code {
		t.Fatalf("Lookup = %+v, %v", l, err)
	}
	if _, err := svc.Lookup(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Lookup(missing) = %v", err)
	}
}

func TestClicksDroppedWhenQueueFull(t *testing.T) {
	ctx := context.Background()
	entered, release := make(chan struct{}), make(chan struct{})
	svc, _ := newTestService(t, NewMemoryStore(), Config{ClickBuffer: 1, ClickBatch: 1, OnFlush: func(FlushReport) {
		entered <- struct{}{}
		<-release // hold the writer so the queue cannot drain
	}})
	res, _ := svc.Shorten(ctx, "https://example.com", "")
	svc.Resolve(ctx, res.Link.Code) // taken by the writer, which then blocks
	<-entered
	svc.Resolve(ctx, res.Link.Code) // fills the one-slot queue
	svc.Resolve(ctx, res.Link.Code) // queue full: dropped, redirect not delayed
	if st := svc.Stats(); st.QueueDepth != 1 || st.ClicksDropped != 1 || st.ClicksQueued != 2 || st.CacheHits != 2 {
		t.Fatalf("stats = %+v; want depth 1, 1 dropped, 2 queued", st)
	}
	close(release)
	go func() {
		for range entered { // later flushes
		}
	}()
	svc.Close()
	close(entered)
	if st := svc.Stats(); st.ClicksFlushed != 2 {
		t.Fatalf("flushed %d; want 2", st.ClicksFlushed)
	}
}
