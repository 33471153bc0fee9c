package cache

import "time"

// lfuCache evicts the entry with the fewest hits since it was stored,
// the least recently used among ties, kept in a binary min-heap.
type lfuCache struct {
	limit int
	index map[uint64]int32 // key → entry
	ents  []lfuEntry
	heap  []int32 // entry indices, heap-ordered by (freq, last)
	tick  uint64
}

type lfuEntry struct {
	key  uint64
	freq uint32
	last uint64 // tick of the last access
	pos  int32  // position in heap
}

func newLFU(size int) *lfuCache {
	return &lfuCache{limit: size, index: make(map[uint64]int32, size)}
}

func (c *lfuCache) access(key uint64, _ time.Duration) bool {
	c.tick++
	if i, ok := c.index[key]; ok {
		e := &c.ents[i]
		e.freq++
		e.last = c.tick
		c.down(int(e.pos))
		return true
	}
	var i int32
	if len(c.ents) < c.limit {
		c.ents = append(c.ents, lfuEntry{pos: int32(len(c.heap))})
		i = int32(len(c.ents) - 1)
		c.heap = append(c.heap, i)
	} else {
		i = c.heap[0]
		delete(c.index, c.ents[i].key)
	}
	e := &c.ents[i]
	e.key, e.freq, e.last = key, 1, c.tick
	c.index[key] = i
	c.up(int(e.pos))
	c.down(int(e.pos))
	return false
}

func (c *lfuCache) less(a, b int) bool {
	x, y := &c.ents[c.heap[a]], &c.ents[c.heap[b]]
	return x.freq < y.freq || (x.freq == y.freq && x.last < y.last)
}

func (c *lfuCache) swap(a, b int) {
	c.heap[a], c.heap[b] = c.heap[b], c.heap[a]
	c.ents[c.heap[a]].pos = int32(a)
	c.ents[c.heap[b]].pos = int32(b)
}

func (c *lfuCache) up(j int) {
	for j > 0 {
		p := (j - 1) / 2
		if !c.less(j, p) {
			return
		}
		c.swap(j, p)
		j = p
	}
}

func (c *lfuCache) down(j int) {
	n := len(c.heap)
	for {
		l := 2*j + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && c.less(r, l) {
			m = r
		}
		if !c.less(m, j) {
			return
		}
		c.swap(j, m)
		j = m
	}
}
