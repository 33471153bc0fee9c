package shortener

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestLRUEvictsLeastRecentlyUsed(t *testing.T) {
	c := NewLRU[string, int](2)
	c.Add("a", 1)
	c.Add("b", 2)
	if _, ok := c.Get("a"); !ok { // a is now most recent
		t.Fatal("a missing")
	}
	if !c.Add("c", 3) {
		t.Fatal("Add to a full cache did not report an eviction")
	}
	if _, ok := c.Get("b"); ok {
		t.Error("b should have been evicted")
	}
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Errorf("Get(a) = %v, %v", v, ok)
	}
	if got := c.Keys(); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("Keys = %v; want [a c]", got)
	}
	c.Add("c", 30)
	if v, _ := c.Get("c"); v != 30 || c.Len() != 2 {
		t.Errorf("update: Get(c) = %d, Len = %d", v, c.Len())
	}
	if !c.Remove("a") || c.Remove("a") || c.Len() != 1 {
		t.Error("Remove did not remove exactly once")
	}
	c.Add("d", 4) // reuses the freed entry
	if got := c.Keys(); !slices.Equal(got, []string{"d", "c"}) {
		t.Errorf("Keys = %v; want [d c]", got)
	}
}

func TestLRUConcurrent(t *testing.T) {
	c := NewLRU[int, int](64)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				k := (g*7 + i) % 100
				if v, ok := c.Get(k); ok && v != k*10 {
					panic(fmt.Sprintf("Get(%d) = %d", k, v))
				}
				c.Add(k, k*10)
			}
		})
	}
	wg.Wait()
	if c.Len() != 64 || len(c.Keys()) != 64 {
		t.Errorf("Len = %d, Keys = %d; want 64", c.Len(), len(c.Keys()))
	}
}
