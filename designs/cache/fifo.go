package cache

import "time"

// queue is a FIFO of T on a slice, compacted as its head advances.
type queue[T any] struct {
	items []T
	head  int
}

func (q *queue[T]) push(v T) { q.items = append(q.items, v) }
func (q *queue[T]) len() int { return len(q.items) - q.head }

func (q *queue[T]) pop() T {
	v := q.items[q.head]
	q.head++
	if q.head > 1024 && q.head*2 > len(q.items) {
		n := copy(q.items, q.items[q.head:])
		q.items, q.head = q.items[:n], 0
	}
	return v
}

// fifoCache evicts in insertion order; a hit changes nothing.
type fifoCache struct {
	limit int
	in    map[uint64]struct{}
	order queue[uint64]
}

func newFIFO(size int) *fifoCache {
	return &fifoCache{limit: size, in: make(map[uint64]struct{}, size)}
}

func (c *fifoCache) access(key uint64, _ time.Duration) bool {
	if _, ok := c.in[key]; ok {
		return true
	}
	if len(c.in) >= c.limit {
		delete(c.in, c.order.pop())
	}
	c.in[key] = struct{}{}
	c.order.push(key)
	return false
}

// ttlCache stores each entry for a fixed ttl from when it was stored.
// With one ttl for all, expiry order is insertion order, so the queue
// front is always the next to expire; a key stored again leaves a stale
// queue item behind, skipped by matching its store time.
type ttlCache struct {
	limit int
	ttl   time.Duration
	at    map[uint64]time.Duration // key → when stored
	order queue[ttlItem]
}

type ttlItem struct {
	key uint64
	at  time.Duration
}

func newTTLCache(size int, ttl time.Duration) *ttlCache {
	return &ttlCache{limit: size, ttl: ttl, at: make(map[uint64]time.Duration, size)}
}

func (c *ttlCache) access(key uint64, now time.Duration) bool {
	c.expire(now)
	if _, ok := c.at[key]; ok {
		return true
	}
	if len(c.at) >= c.limit {
		c.evictOne()
	}
	c.at[key] = now
	c.order.push(ttlItem{key, now})
	return false
}

// expire drops every entry stored ttl or more ago.
func (c *ttlCache) expire(now time.Duration) {
	for c.order.len() > 0 && now-c.order.items[c.order.head].at >= c.ttl {
		it := c.order.pop()
		if c.at[it.key] == it.at {
			delete(c.at, it.key)
		}
	}
}

func (c *ttlCache) evictOne() {
	for c.order.len() > 0 {
		it := c.order.pop()
		if at, ok := c.at[it.key]; ok && at == it.at {
			delete(c.at, it.key)
			return
		}
	}
}

// timeAt is the simulated arrival of request i, step nanoseconds apart.
func timeAt(i int, step float64) time.Duration { return time.Duration(float64(i) * step) }
