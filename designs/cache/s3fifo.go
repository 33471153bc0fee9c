package cache

import "time"

// s3fifoCache is S3-FIFO: a small FIFO for new keys (a tenth of the
// space), a main FIFO, and a ghost FIFO of keys recently evicted from the
// small one. Each entry counts its hits up to 3.
type s3fifoCache struct {
	limit, smallLimit, mainLimit int
	ents                         map[uint64]s3entry
	small, main                  queue[uint64]
	ghost                        map[uint64]uint64 // key → ghost sequence number
	ghostQ                       queue[ghostItem]
	ghostSeq                     uint64
}

type s3entry struct {
	freq   uint8
	inMain bool
}

type ghostItem struct{ key, seq uint64 }

func newS3FIFO(size int) *s3fifoCache {
	small := max(1, size/10)
	return &s3fifoCache{
		limit: size, smallLimit: small, mainLimit: max(1, size-small),
		ents:  make(map[uint64]s3entry, size),
		ghost: make(map[uint64]uint64, size),
	}
}

func (c *s3fifoCache) access(key uint64, _ time.Duration) bool {
	if e, ok := c.ents[key]; ok {
		if e.freq < 3 {
			e.freq++
			c.ents[key] = e
		}
		return true
	}
	for len(c.ents) >= c.limit {
		c.evict()
	}
	if _, ok := c.ghost[key]; ok {
		delete(c.ghost, key)
		c.ents[key] = s3entry{inMain: true}
		c.main.push(key)
	} else {
		c.ents[key] = s3entry{}
		c.small.push(key)
	}
	return false
}

// evict removes one entry from the cache.
func (c *s3fifoCache) evict() {
	if c.small.len() >= c.smallLimit || c.main.len() == 0 {
		c.evictSmall()
	} else {
		c.evictMain()
	}
}

// evictSmall moves keys read while in the small queue to main and evicts
// the first one that was not, remembering it in the ghost queue.
func (c *s3fifoCache) evictSmall() {
	for c.small.len() > 0 {
		key := c.small.pop()
		e := c.ents[key]
		if e.freq > 0 {
			c.ents[key] = s3entry{inMain: true}
			c.main.push(key)
			if c.main.len() > c.mainLimit {
				c.evictMain()
				return
			}
			continue
		}
		delete(c.ents, key)
		c.remember(key)
		return
	}
	c.evictMain()
}

// evictMain gives each key read since its last pass another lap (one hit
// less) and evicts the first key that was not.
func (c *s3fifoCache) evictMain() {
	for c.main.len() > 0 {
		key := c.main.pop()
		e := c.ents[key]
		if e.freq > 0 {
			e.freq--
			c.ents[key] = e
			c.main.push(key)
			continue
		}
		delete(c.ents, key)
		return
	}
}

func (c *s3fifoCache) remember(key uint64) {
	c.ghostSeq++
	c.ghost[key] = c.ghostSeq
	c.ghostQ.push(ghostItem{key, c.ghostSeq})
	for len(c.ghost) > c.mainLimit {
		it := c.ghostQ.pop()
		if c.ghost[it.key] == it.seq {
			delete(c.ghost, it.key)
		}
	}
}
