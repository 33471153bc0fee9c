package cache

// LRU is a fixed-capacity least-recently-used cache: a map from key to a
// slot, and a doubly linked list threaded through a slice of slots by
// index, most recent at the front. Slots never move and are reused on
// eviction, so a full cache adds without allocating. It is not safe for
// concurrent use (wrap it in a mutex, as golang-lru's Cache does around
// its simplelru). The zero value is not usable; call NewLRU.
type LRU[K comparable, V any] struct {
	index map[K]int32
	slots []lruSlot[K, V] // slots[0] is the sentinel: next is the front, prev the back
	limit int
}

type lruSlot[K comparable, V any] struct {
	key        K
	value      V
	prev, next int32
}

// NewLRU returns an LRU holding at most capacity entries (at least 1).
func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	capacity = max(capacity, 1)
	c := &LRU[K, V]{index: make(map[K]int32, capacity), limit: capacity}
	c.slots = make([]lruSlot[K, V], 1, min(capacity, 1<<16)+1)
	return c
}

// Get returns key's value and makes it the most recently used.
func (c *LRU[K, V]) Get(key K) (V, bool) {
	i, ok := c.index[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.toFront(i)
	return c.slots[i].value, true
}

// Add inserts or updates key as the most recently used entry. It reports
// whether the least recently used entry was evicted to make room.
func (c *LRU[K, V]) Add(key K, value V) (evicted bool) {
	if i, ok := c.index[key]; ok {
		c.slots[i].value = value
		c.toFront(i)
		return false
	}
	var i int32
	if len(c.index) < c.limit {
		c.slots = append(c.slots, lruSlot[K, V]{})
		i = int32(len(c.slots) - 1)
	} else {
		i = c.slots[0].prev
		delete(c.index, c.slots[i].key)
		c.unlink(i)
		evicted = true
	}
	c.slots[i].key, c.slots[i].value = key, value
	c.index[key] = i
	c.pushFront(i)
	return evicted
}

// Contains reports whether key is cached, without touching its recency.
func (c *LRU[K, V]) Contains(key K) bool {
	_, ok := c.index[key]
	return ok
}

// Len is the number of cached entries.
func (c *LRU[K, V]) Len() int { return len(c.index) }

// Keys lists the keys from most to least recently used.
func (c *LRU[K, V]) Keys() []K {
	out := make([]K, 0, len(c.index))
	for i := c.slots[0].next; i != 0; i = c.slots[i].next {
		out = append(out, c.slots[i].key)
	}
	return out
}

func (c *LRU[K, V]) toFront(i int32) {
	if c.slots[0].next == i {
		return
	}
	c.unlink(i)
	c.pushFront(i)
}

func (c *LRU[K, V]) unlink(i int32) {
	s := &c.slots[i]
	c.slots[s.prev].next = s.next
	c.slots[s.next].prev = s.prev
}

func (c *LRU[K, V]) pushFront(i int32) {
	head := c.slots[0].next
	c.slots[i].prev, c.slots[i].next = 0, head
	c.slots[head].prev = i
	c.slots[0].next = i
}
