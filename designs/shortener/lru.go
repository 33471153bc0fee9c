package shortener

import "sync"

// LRU is a fixed-capacity least-recently-used cache: a map for O(1) lookup
// plus a doubly linked list ordered by recency (front = most recent). Get
// moves the entry to the front; Add evicts from the back when full. One
// mutex guards both, so it is safe for concurrent use. The zero value is
// not usable; call NewLRU.
type LRU[K comparable, V any] struct {
	mu       sync.Mutex
	capacity int
	items    map[K]*lruEntry[K, V]
	root     lruEntry[K, V] // sentinel: root.next is the front, root.prev the back
	// free keeps evicted entries for reuse so a full cache adds without
	// allocating.
	free *lruEntry[K, V]
}

type lruEntry[K comparable, V any] struct {
	prev, next *lruEntry[K, V]
	key        K
	value      V
}

// NewLRU returns a cache that holds at most capacity entries (minimum 1).
func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	if capacity < 1 {
		capacity = 1
	}
	c := &LRU[K, V]{capacity: capacity, items: make(map[K]*lruEntry[K, V], capacity)}
	c.root.next = &c.root
	c.root.prev = &c.root
	return c
}

// Get returns the value for key and marks it most recently used.
func (c *LRU[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	e, ok := c.items[key]
	if !ok {
		c.mu.Unlock()
		var zero V
		return zero, false
	}
	c.moveToFront(e)
	v := e.value
	c.mu.Unlock()
	return v, true
}

// Add inserts or updates key and marks it most recently used. It reports
// whether an older entry was evicted to make room.
func (c *LRU[K, V]) Add(key K, value V) (evicted bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.value = value
		c.moveToFront(e)
		return false
	}
	var e *lruEntry[K, V]
	if len(c.items) >= c.capacity {
		e = c.root.prev // least recently used
		c.unlink(e)
		delete(c.items, e.key)
		evicted = true
	} else if c.free != nil {
		e, c.free = c.free, c.free.next
	} else {
		e = new(lruEntry[K, V])
	}
	e.key, e.value = key, value
	c.pushFront(e)
	c.items[key] = e
	return evicted
}

// Remove deletes key; it reports whether the key was present.
func (c *LRU[K, V]) Remove(key K) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return false
	}
	c.unlink(e)
	delete(c.items, key)
	var zeroK K
	var zeroV V
	e.key, e.value = zeroK, zeroV
	e.next, c.free = c.free, e
	return true
}

// Len returns the number of entries.
func (c *LRU[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

// Keys returns the keys from most to least recently used.
func (c *LRU[K, V]) Keys() []K {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]K, 0, len(c.items))
	for e := c.root.next; e != &c.root; e = e.next {
		keys = append(keys, e.key)
	}
	return keys
}

func (c *LRU[K, V]) moveToFront(e *lruEntry[K, V]) {
	if c.root.next == e {
		return
	}
	c.unlink(e)
	c.pushFront(e)
}

func (c *LRU[K, V]) unlink(e *lruEntry[K, V]) {
	e.prev.next = e.next
	e.next.prev = e.prev
	e.prev, e.next = nil, nil
}

func (c *LRU[K, V]) pushFront(e *lruEntry[K, V]) {
	e.prev = &c.root
	e.next = c.root.next
	c.root.next.prev = e
	c.root.next = e
}
