package shortener

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testStoreContract checks the Store contract; every backend runs it.
func testStoreContract(t *testing.T, s Store) {
	ctx := context.Background()
	created := time.Date(2026, 3, 4, 5, 6, 7, 891011121, time.UTC)
	l := Link{Code: "abc1234", URL: "https://example.com/x", CreatedAt: created}
	if err := s.Create(ctx, l); err != nil {
		t.Fatalf("Create: %v", err)
	}
	err := s.Create(ctx, Link{Code: "abc1234", URL: "https://other.example", CreatedAt: created})
	if !errors.Is(err, ErrCodeTaken) {
		t.Fatalf("Create duplicate = %v; want ErrCodeTaken", err)
	}
	got, err := s.Get(ctx, "abc1234")
	if err != nil || got.URL != l.URL || got.Code != l.Code || !got.CreatedAt.Equal(created) || got.Clicks != 0 {
		t.Fatalf("Get = %+v, %v; want %+v", got, err, l)
	}
	if _, err := s.Get(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(missing) = %v; want ErrNotFound", err)
	}

	if err := s.AddClicks(ctx, map[string]int64{"abc1234": 5, "missing": 3}); err != nil {
		t.Fatalf("AddClicks: %v", err)
	}
	if err := s.AddClicks(ctx, map[string]int64{"abc1234": 2}); err != nil {
		t.Fatalf("AddClicks: %v", err)
	}
	if got, _ := s.Get(ctx, "abc1234"); got.Clicks != 7 {
		t.Fatalf("clicks = %d; want 7", got.Clicks)
	}
	if _, err := s.Get(ctx, "missing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("AddClicks created an unknown code: %v", err)
	}

	first, err := s.NextID(ctx)
	if err != nil || first != 1 {
		t.Fatalf("first NextID = %d, %v; want 1", first, err)
	}
	var mu sync.Mutex
	seen := map[uint64]bool{first: true}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 25 {
				id, err := s.NextID(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if seen[id] {
					t.Errorf("NextID repeated %d", id)
				}
				seen[id] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(seen) != 201 {
		t.Fatalf("%d distinct ids; want 201", len(seen))
	}

	// Concurrent creates of one code: exactly one wins.
	var wins sync.Map
	for i := range 8 {
		wg.Go(func() {
			err := s.Create(ctx, Link{Code: "race", URL: "https://example.com", CreatedAt: created})
			if err == nil {
				wins.Store(i, true)
			} else if !errors.Is(err, ErrCodeTaken) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	n := 0
	wins.Range(func(any, any) bool { n++; return true })
	if n != 1 {
		t.Fatalf("%d concurrent creates of one code succeeded; want 1", n)
	}
}

func TestMemoryStore(t *testing.T) {
	s := NewMemoryStore()
	testStoreContract(t, s)
	s.Close()
	if _, err := s.Get(context.Background(), "abc1234"); !errors.Is(err, ErrClosed) {
		t.Fatalf("Get after Close = %v; want ErrClosed", err)
	}
}

func openTestSQLite(t *testing.T, path string) *SQLiteStore {
	t.Helper()
	s, err := OpenSQLite(path, SQLiteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLiteStore(t *testing.T) {
	testStoreContract(t, openTestSQLite(t, filepath.Join(t.TempDir(), "links.db")))
}

func TestSQLiteStoreReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "links.db")
	s, err := OpenSQLite(path, SQLiteOptions{FullSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Create(ctx, Link{Code: "keep", URL: "https://example.com/keep", CreatedAt: fixedNow}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := s.NextID(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openTestSQLite(t, path) // migrations must be a no-op the second time
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(migrations)-1 {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(migrations)-1)
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	if l, err := s.Get(ctx, "keep"); err != nil || l.URL != "https://example.com/keep" || !l.CreatedAt.Equal(fixedNow) {
		t.Fatalf("Get after reopen = %+v, %v", l, err)
	}
	if id, err := s.NextID(ctx); err != nil || id != 4 {
		t.Fatalf("NextID after reopen = %d, %v; want 4", id, err)
	}
}

func TestServiceOnSQLite(t *testing.T) {
	ctx := context.Background()
	store := openTestSQLite(t, filepath.Join(t.TempDir(), "links.db"))
	svc := NewService(store, Config{Strategy: Counter, FlushTick: make(chan time.Time), Now: clock})
	res, err := svc.Shorten(ctx, "https://example.com/sql", "")
	if err != nil || res.Link.Code != "1" {
		t.Fatalf("Shorten = %+v, %v", res, err)
	}
	for range 10 {
		if _, err := svc.Resolve(ctx, "1"); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()
	if l, err := store.Get(ctx, "1"); err != nil || l.Clicks != 10 {
		t.Fatalf("after Close: %+v, %v; want 10 clicks", l, err)
	}
}

func TestOpenSQLiteRejectsBadPath(t *testing.T) {
	for _, p := range []string{"", "links.db?mode=ro", "a#b"} {
		if s, err := OpenSQLite(p, SQLiteOptions{}); err == nil {
			s.Close()
			t.Errorf("OpenSQLite(%q) accepted", p)
		}
	}
}
