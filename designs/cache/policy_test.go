package cache

import (
	"slices"
	"testing"
	"time"
)

func TestLRUOrderAndEviction(t *testing.T) {
	c := NewLRU[string, int](2)
	c.Add("a", 1)
	c.Add("b", 2)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("Get(a) = %d, %v", v, ok)
	}
	if !c.Add("c", 3) {
		t.Error("adding a third key to a full cache evicted nothing")
	}
	if c.Contains("b") || !c.Contains("a") || c.Len() != 2 {
		t.Errorf("want b evicted (least recent), got keys %v", c.Keys())
	}
	if c.Add("a", 10) {
		t.Error("updating a key evicted")
	}
	if got := c.Keys(); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("Keys = %v, want [a c]", got)
	}
	if v, _ := c.Get("a"); v != 10 {
		t.Errorf("updated value %d", v)
	}
	if NewLRU[int, int](0).Add(1, 1) {
		t.Error("capacity 0 should mean 1")
	}
}

// access replays keys (one per millisecond) and returns the hits.
func access(c accessor, keys ...uint64) []bool {
	var hits []bool
	for i, k := range keys {
		hits = append(hits, c.access(k, time.Duration(i)*time.Millisecond))
	}
	return hits
}

func TestFIFOIgnoresHits(t *testing.T) {
	// 1 is read often but is the oldest, so FIFO evicts it; LRU would not.
	got := access(newFIFO(2), 1, 2, 1, 1, 3, 1)
	if !slices.Equal(got, []bool{false, false, true, true, false, false}) {
		t.Errorf("FIFO hits %v", got)
	}
	lru := access(newAccessor(PolicyLRU, 2, 0), 1, 2, 1, 1, 3, 1)
	if !lru[5] {
		t.Error("LRU should keep the recently read key 1")
	}
}

func TestLFUKeepsFrequentKeys(t *testing.T) {
	got := access(newLFU(2), 1, 1, 1, 2, 3, 1, 2)
	// 2 (one read) is evicted for 3, not 1 (three reads); 2 then misses.
	if !slices.Equal(got, []bool{false, true, true, false, false, true, false}) {
		t.Errorf("LFU hits %v", got)
	}
}

func TestTTLExpires(t *testing.T) {
	c := newTTLCache(10, 5*time.Millisecond)
	got := access(c, 1, 1, 1, 1, 1, 1, 1)
	// stored at 0, expires at 5 ms, stored again at 5 ms.
	if !slices.Equal(got, []bool{false, true, true, true, true, false, true}) {
		t.Errorf("TTL hits %v", got)
	}
	full := access(newTTLCache(2, time.Hour), 1, 2, 3, 1)
	if full[3] {
		t.Error("a full TTL cache should evict the entry closest to expiry")
	}
}

func TestS3FIFOScanResistance(t *testing.T) {
	c := newS3FIFO(10)
	hot := []uint64{1, 2, 3, 4, 5}
	for range 3 {
		access(c, hot...)
	}
	// a scan of 100 one-hit keys passes through the small queue only.
	for k := uint64(100); k < 200; k++ {
		c.access(k, 0)
	}
	if got := access(c, hot...); slices.Contains(got, false) {
		t.Errorf("hot keys lost to a scan: %v", got)
	}
	if len(c.ents) > 10 {
		t.Errorf("%d entries in a cache of 10", len(c.ents))
	}
}

// TestPoliciesRespectSize: no policy ever holds more than its size, and
// a key just stored is a hit on the next access.
func TestPoliciesRespectSize(t *testing.T) {
	p := Params{Seed: 9, Requests: 20_000, Keys: 500}
	tr, _ := Trace(p)
	for _, pol := range Policies() {
		c := newAccessor(pol, 50, time.Hour)
		for i, k := range tr {
			now := time.Duration(i) * time.Millisecond
			c.access(k, now)
			if !c.access(k, now) {
				t.Fatalf("%v: key %d missed right after being stored", pol, k)
			}
			if n := cacheLen(c); n > 50 {
				t.Fatalf("%v: %d entries in a cache of 50", pol, n)
			}
		}
	}
}

func cacheLen(c accessor) int {
	switch c := c.(type) {
	case lruAccessor:
		return c.c.Len()
	case *lfuCache:
		return len(c.index)
	case *fifoCache:
		return len(c.in)
	case *ttlCache:
		return len(c.at)
	case *s3fifoCache:
		return len(c.ents)
	}
	return -1
}

func TestBloomNoFalseNegatives(t *testing.T) {
	b := NewBloom(1000, 10, 1)
	for k := range uint64(1000) {
		b.Add(k * 7)
	}
	for k := range uint64(1000) {
		if !b.MayContain(k * 7) {
			t.Fatalf("added key %d reported absent", k*7)
		}
	}
	if b.K() != 7 || b.Bytes() != 1256 {
		t.Errorf("k = %d, %d bytes", b.K(), b.Bytes())
	}
}
