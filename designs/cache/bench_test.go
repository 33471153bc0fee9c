package cache

import (
	"testing"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// The benchmarks compare our LRU with github.com/hashicorp/golang-lru/v2
// in the same run, on the same Zipf trace (s = 1 over 100,000 keys, a
// cache of 10,000), one Get per op and an Add on a miss:
//
//	go test -run '^$' -bench 'LRU|Simulate' -benchmem ./designs/cache
//
// simplelru is golang-lru's unsynchronised core, like ours; lru.Cache
// adds a mutex around it.
func benchTrace(b *testing.B) []uint64 {
	tr, err := Trace(Params{Seed: 1, Keys: 100_000, Requests: 1 << 20})
	if err != nil {
		b.Fatal(err)
	}
	return tr
}

const benchSize = 10_000

func BenchmarkLRU(b *testing.B) {
	tr := benchTrace(b)
	mask := len(tr) - 1
	b.Run("sdprep", func(b *testing.B) {
		c := NewLRU[uint64, uint64](benchSize)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := tr[i&mask]
			if _, ok := c.Get(k); !ok {
				c.Add(k, k)
			}
			i++
		}
	})
	b.Run("golang-lru-simplelru", func(b *testing.B) {
		c, _ := simplelru.NewLRU[uint64, uint64](benchSize, nil)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := tr[i&mask]
			if _, ok := c.Get(k); !ok {
				c.Add(k, k)
			}
			i++
		}
	})
	b.Run("golang-lru-cache", func(b *testing.B) {
		c, _ := lru.New[uint64, uint64](benchSize)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := tr[i&mask]
			if _, ok := c.Get(k); !ok {
				c.Add(k, k)
			}
			i++
		}
	})
}

// BenchmarkSimulate1M is a run of 1,000,000 requests at one size: five
// policies replay them, the stampede run makes 1,000,000 reads, the
// penetration run replays them three times.
func BenchmarkSimulate1M(b *testing.B) {
	for b.Loop() {
		if _, err := Simulate(Params{Requests: 1_000_000, Size: 1000}); err != nil {
			b.Fatal(err)
		}
	}
}
