package shortener

import (
	"context"
	"fmt"
	"sync"
)

// MemoryStore is a Store held in a map: for tests, demos and --memory.
// Nothing survives the process. The zero value is not usable; call
// NewMemoryStore.
type MemoryStore struct {
	mu     sync.RWMutex
	links  map[string]Link
	seq    uint64
	closed bool
}

// NewMemoryStore returns an empty in-memory store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{links: make(map[string]Link)}
}

// Create implements Store.
func (m *MemoryStore) Create(_ context.Context, l Link) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	if _, ok := m.links[l.Code]; ok {
		return fmt.Errorf("%w: %q", ErrCodeTaken, l.Code)
	}
	m.links[l.Code] = l
	return nil
}

// Get implements Store.
func (m *MemoryStore) Get(_ context.Context, code string) (Link, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return Link{}, ErrClosed
	}
	l, ok := m.links[code]
	if !ok {
		return Link{}, fmt.Errorf("%w: %q", ErrNotFound, code)
	}
	return l, nil
}

// NextID implements Store.
func (m *MemoryStore) NextID(context.Context) (uint64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, ErrClosed
	}
	m.seq++
	return m.seq, nil
}

// AddClicks implements Store.
func (m *MemoryStore) AddClicks(_ context.Context, clicks map[string]int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	for code, n := range clicks {
		if l, ok := m.links[code]; ok {
			l.Clicks += n
			m.links[code] = l
		}
	}
	return nil
}

// Len returns the number of links.
func (m *MemoryStore) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.links)
}

// Close implements Store. Later calls return ErrClosed.
func (m *MemoryStore) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}
