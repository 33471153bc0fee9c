package shortener

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// testRecent checks a Lister: newest first, ties by code, pages and the
// total.
func testRecent(t *testing.T, s interface {
	Store
	Lister
}) {
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, code := range []string{"a", "b", "c", "d", "e"} {
		at := t0.Add(time.Duration(i) * time.Second)
		if code == "e" {
			at = t0.Add(3 * time.Second) // ties with d: code order
		}
		if err := s.Create(ctx, Link{Code: code, URL: "https://example.com/" + code, CreatedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	page, total, err := s.Recent(ctx, 0, 3)
	if err != nil || total != 5 || len(page) != 3 || page[0].Code != "d" || page[1].Code != "e" || page[2].Code != "c" {
		t.Fatalf("first page: %v, total %d, %v", page, total, err)
	}
	if page[0].URL != "https://example.com/d" || !page[0].CreatedAt.Equal(t0.Add(3*time.Second)) {
		t.Errorf("link read back as %+v", page[0])
	}
	page, _, err = s.Recent(ctx, 3, 10)
	if err != nil || len(page) != 2 || page[0].Code != "b" || page[1].Code != "a" {
		t.Errorf("last page: %v, %v", page, err)
	}
	if page, _, err = s.Recent(ctx, 9, 10); err != nil || len(page) != 0 {
		t.Errorf("past the end: %v, %v", page, err)
	}
}

func TestMemoryStoreRecent(t *testing.T) { testRecent(t, NewMemoryStore()) }

func TestSQLiteStoreRecent(t *testing.T) {
	testRecent(t, openTestSQLite(t, filepath.Join(t.TempDir(), "links.db")))
}

// noListStore is a Store that cannot list.
type noListStore struct{ Store }

func TestServiceRecentAndKind(t *testing.T) {
	svc := NewService(NewMemoryStore(), Config{})
	defer svc.Close()
	if _, err := svc.Shorten(context.Background(), "https://example.com/x", ""); err != nil {
		t.Fatal(err)
	}
	links, total, err := svc.Recent(context.Background(), 0, 10)
	if err != nil || total != 1 || len(links) != 1 || svc.StoreKind() != "memory" {
		t.Errorf("Recent: %v %d %v, kind %q", links, total, err, svc.StoreKind())
	}
	other := NewService(noListStore{NewMemoryStore()}, Config{})
	defer other.Close()
	if _, _, err := other.Recent(context.Background(), 0, 10); !errors.Is(err, ErrNoListing) || other.StoreKind() != "custom" {
		t.Errorf("a store without listing: %v, kind %q", err, other.StoreKind())
	}
}
