package shortener

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrNoListing is returned by Service.Recent when the store cannot list
// its links (RedisStore keeps no index by creation time).
var ErrNoListing = errors.New("the store cannot list its links")

// Lister is implemented by the stores that can list their links:
// MemoryStore and SQLiteStore.
type Lister interface {
	// Recent returns up to limit links, the most recently created first
	// (ties by code), after skipping offset of them, and the number of
	// links in the store.
	Recent(ctx context.Context, offset, limit int) ([]Link, int, error)
}

// Recent lists the links in the service's store, newest first, one page
// at a time: up to limit links after offset, and the total. It reads the
// store directly (clicks still queued are not counted yet). It returns an
// error wrapping ErrNoListing when the store is not a Lister.
func (s *Service) Recent(ctx context.Context, offset, limit int) ([]Link, int, error) {
	l, ok := s.store.(Lister)
	if !ok {
		return nil, 0, fmt.Errorf("recent links: %w", ErrNoListing)
	}
	return l.Recent(ctx, max(offset, 0), max(limit, 0))
}

// StoreKind names the kind of the service's store: "memory", "sqlite",
// "redis", or "custom" for another Store.
func (s *Service) StoreKind() string {
	switch s.store.(type) {
	case *MemoryStore:
		return "memory"
	case *SQLiteStore:
		return "sqlite"
	case *RedisStore:
		return "redis"
	}
	return "custom"
}

// Recent implements Lister.
func (m *MemoryStore) Recent(_ context.Context, offset, limit int) ([]Link, int, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return nil, 0, ErrClosed
	}
	all := make([]Link, 0, len(m.links))
	for _, l := range m.links {
		all = append(all, l)
	}
	slices.SortFunc(all, func(a, b Link) int {
		return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(a.Code, b.Code))
	})
	lo := min(max(offset, 0), len(all))
	hi := min(lo+max(limit, 0), len(all))
	return slices.Clone(all[lo:hi]), len(all), nil
}

// Recent implements Lister.
func (s *SQLiteStore) Recent(ctx context.Context, offset, limit int) ([]Link, int, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM links`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("sqlite recent: %w", err)
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT code, url, created_at, clicks FROM links ORDER BY created_at DESC, code LIMIT ? OFFSET ?`,
		max(limit, 0), max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite recent: %w", err)
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		var created int64
		if err := rows.Scan(&l.Code, &l.URL, &created, &l.Clicks); err != nil {
			return nil, 0, fmt.Errorf("sqlite recent: %w", err)
		}
		l.CreatedAt = time.Unix(0, created).UTC()
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite recent: %w", err)
	}
	return out, total, nil
}
