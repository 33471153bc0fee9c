package shortener

import (
	"context"
	"errors"
	"testing"
)

func TestResolveTracedMissThenHit(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{Store: NewMemoryStore()}
	svc, _ := newTestService(t, store, Config{ClickBatch: 1000})
	res, err := svc.Shorten(ctx, "https://example.com/a", "")
	if err != nil {
		t.Fatal(err)
	}
	first, err := svc.ResolveTraced(ctx, res.Link.Code)
	if err != nil {
		t.Fatal(err)
	}
	want := Trace{URL: "https://example.com/a", StoreRead: true, ClickQueued: true}
	first.QueueDepth = 0 // the writer drains concurrently; checked below
	if first != want {
		t.Fatalf("first trace = %+v; want %+v", first, want)
	}
	second, err := svc.ResolveTraced(ctx, res.Link.Code)
	if err != nil {
		t.Fatal(err)
	}
	if !second.CacheHit || second.StoreRead || !second.ClickQueued || second.URL != want.URL {
		t.Fatalf("second trace = %+v; want a cache hit with a queued click", second)
	}
	if second.QueueDepth < 0 || second.QueueDepth > 2 {
		t.Errorf("queue depth %d; at most the 2 clicks made", second.QueueDepth)
	}
	if got := store.gets.Load(); got != 1 {
		t.Errorf("store.Get called %d times; want 1", got)
	}
	st := svc.Stats()
	if st.CacheHits != 1 || st.CacheMisses != 1 || st.StoreReads != 1 || st.ClicksQueued != 2 {
		t.Errorf("stats = %+v; want 1 hit, 1 miss, 1 read, 2 clicks", st)
	}
}

func TestResolveTracedEvictsAndNotFound(t *testing.T) {
	ctx := context.Background()
	svc, _ := newTestService(t, NewMemoryStore(), Config{CacheSize: 1})
	a, _ := svc.Shorten(ctx, "https://a.example", "")
	b, _ := svc.Shorten(ctx, "https://b.example", "")
	if tr, _ := svc.ResolveTraced(ctx, a.Link.Code); tr.Evicted {
		t.Error("filling an empty cache evicted something")
	}
	if tr, _ := svc.ResolveTraced(ctx, b.Link.Code); !tr.Evicted || !tr.StoreRead {
		t.Errorf("second code in a one-link cache: %+v; want a store read that evicts", tr)
	}
	for _, code := range []string{"zzzzzz", "a/b"} {
		tr, err := svc.ResolveTraced(ctx, code)
		if !errors.Is(err, ErrNotFound) || tr.ClickQueued || tr.URL != "" {
			t.Errorf("ResolveTraced(%q) = %+v, %v; want ErrNotFound and no click", code, tr, err)
		}
	}
	if st := svc.Stats(); st.ClicksQueued != 2 {
		t.Errorf("clicks queued %d; unknown codes must not count", st.ClicksQueued)
	}
}

func TestResolveTracedReportsDroppedClick(t *testing.T) {
	ctx := context.Background()
	svc := NewService(NewMemoryStore(), Config{Now: clock})
	res, _ := svc.Shorten(ctx, "https://example.com", "")
	svc.Close()
	tr, err := svc.ResolveTraced(ctx, res.Link.Code)
	if err != nil {
		t.Fatal(err)
	}
	if tr.ClickQueued || tr.URL != "https://example.com" {
		t.Fatalf("after Close: %+v; want the URL with the click dropped", tr)
	}
	if st := svc.Stats(); st.ClicksDropped != 1 {
		t.Errorf("dropped %d; want 1", st.ClicksDropped)
	}
}

func TestShortenWithPicksStrategyPerCall(t *testing.T) {
	ctx := context.Background()
	const seed = 42
	svc, _ := newTestService(t, NewMemoryStore(), Config{Strategy: Counter, Seed: seed, Salt: "s"})
	if svc.Strategy() != Counter {
		t.Fatalf("Strategy() = %v", svc.Strategy())
	}
	// The random code must match what a Random-configured service with the
	// same seed draws first.
	ref, _ := newTestService(t, NewMemoryStore(), Config{Strategy: Random, Seed: seed})
	refRes, err := ref.Shorten(ctx, "https://r.example", "")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		st   Strategy
		url  string
		code string
	}{
		{Counter, "https://c.example", "1"},
		{Hash, "https://h.example", HashCode("s", "https://h.example", 0)},
		{Random, "https://r.example", refRes.Link.Code},
		{Counter, "https://c2.example", "2"},
	}
	for _, c := range cases {
		res, err := svc.ShortenWith(ctx, c.st, c.url, "")
		if err != nil {
			t.Fatalf("%v: %v", c.st, err)
		}
		if res.Strategy != c.st || res.Link.Code != c.code || res.Attempts != 1 {
			t.Errorf("%v: %+v; want code %q", c.st, res, c.code)
		}
	}
	if _, err := svc.ShortenWith(ctx, Strategy(9), "https://x.example", ""); !errors.Is(err, ErrInvalidStrategy) {
		t.Errorf("unknown strategy: %v", err)
	}
	res, err := svc.ShortenWith(ctx, Hash, "https://x.example", "mine")
	if err != nil || !res.Alias || res.Link.Code != "mine" || res.Strategy != Hash {
		t.Errorf("alias with hash picked: %+v, %v", res, err)
	}
	if st := svc.Stats(); st.Shortens != 5 || st.Attempts != 5 {
		t.Errorf("stats = %+v; want 5 shortens, 5 attempts", st)
	}
}

func TestShortenWithHashDedupOnCounterService(t *testing.T) {
	ctx := context.Background()
	svc, _ := newTestService(t, NewMemoryStore(), Config{Strategy: Counter})
	first, err := svc.ShortenWith(ctx, Hash, "https://example.com", "")
	if err != nil {
		t.Fatal(err)
	}
	again, err := svc.ShortenWith(ctx, Hash, "https://example.com", "")
	if err != nil || !again.Existing || again.Link.Code != first.Link.Code {
		t.Fatalf("reshortening with hash: %+v, %v; want the existing %q", again, err, first.Link.Code)
	}
}

func TestInspectDoesNotCountStoreReads(t *testing.T) {
	ctx := context.Background()
	svc, tick := newTestService(t, NewMemoryStore(), Config{ClickBatch: 1000})
	res, _ := svc.Shorten(ctx, "https://example.com", "")
	svc.Resolve(ctx, res.Link.Code)
	svc.Resolve(ctx, res.Link.Code)
	tick <- fixedNow
	tick <- fixedNow // returns once the first tick's flush is done
	l, err := svc.Inspect(ctx, res.Link.Code)
	if err != nil || l.Clicks != 2 || l.URL != "https://example.com" {
		t.Fatalf("Inspect = %+v, %v; want 2 clicks", l, err)
	}
	if st := svc.Stats(); st.StoreReads != 1 {
		t.Errorf("store reads %d; want 1 (the first Resolve's miss only)", st.StoreReads)
	}
	if _, err := svc.Inspect(ctx, "no/such"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Inspect(bad code) = %v", err)
	}
	if _, err := svc.Inspect(ctx, "nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Inspect(unknown) = %v", err)
	}
}
