package sharding

import (
	"container/heap"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// keySet is the generated keys: where each sorts, where its user lives,
// how hot it is.
type keySet struct {
	pos    []float64 // position in key order, in [0, 1)
	region []uint8
	hash   []uint64
	rank   []int32   // popularity rank of each key, 0 the hottest
	byRank []int32   // the key at each rank
	weight []float64 // expected share of reads, by key
}

// newKeySet draws p.Keys keys: a first letter from Zipf(skew) over
// Prefixes letters (the most common letters mapped to random places in
// the alphabet), a position within it, a region with weight 1/k, and a
// popularity rank independent of the key.
func newKeySet(p Params, pop labkit.Zipf) keySet {
	r := labkit.NewRand(p.Seed, 2)
	letters := r.Perm(Prefixes)
	first := labkit.NewZipf(Prefixes, p.Skew)
	regions := labkit.NewZipf(p.Regions, 1)
	ks := keySet{
		pos: make([]float64, p.Keys), region: make([]uint8, p.Keys), hash: make([]uint64, p.Keys),
		rank: make([]int32, p.Keys), byRank: make([]int32, p.Keys), weight: make([]float64, p.Keys),
	}
	for k := range p.Keys {
		ks.pos[k] = (float64(letters[first.Draw(r)]) + r.Float64()) / Prefixes
		ks.region[k] = uint8(regions.Draw(r))
		ks.hash[k] = labkit.Mix64(uint64(k) ^ p.Seed<<32)
	}
	for i, k := range r.Perm(p.Keys) {
		ks.byRank[i] = int32(k)
		ks.rank[k] = int32(i)
		ks.weight[k] = pop.P(i)
	}
	return ks
}

// shardLoad is one shard's expected load in the directory builder's heap.
type shardLoad struct {
	load float64
	id   int
}

type loadHeap []shardLoad

func (h loadHeap) Len() int { return len(h) }
func (h loadHeap) Less(i, j int) bool {
	return h[i].load < h[j].load || (h[i].load == h[j].load && h[i].id < h[j].id)
}
func (h loadHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *loadHeap) Push(x any)   { *h = append(*h, x.(shardLoad)) }
func (h *loadHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// directory assigns keys, hottest first, each to the shard with the least
// expected load so far (longest-processing-time first), then reshards by
// moving every (n+1)-th key of each shard, in rank order, to the new one.
func directory(ks keySet, n int) (before, after []int16) {
	h := make(loadHeap, n)
	for i := range h {
		h[i] = shardLoad{id: i}
	}
	before = make([]int16, len(ks.pos))
	for _, k := range ks.byRank {
		top := &h[0]
		before[k] = int16(top.id)
		top.load += ks.weight[k]
		heap.Fix(&h, 0)
	}
	after = make([]int16, len(before))
	seen := make([]int, n)
	for _, k := range ks.byRank {
		s := before[k]
		after[k] = s
		seen[s]++
		if seen[s]%(n+1) == 0 {
			after[k] = int16(n)
		}
	}
	return before, after
}

// geographic gives each region an equal share of the shards (shard s in
// region s mod regions) and hashes keys over their region's shards; the
// reshard adds shard n to the region with the most expected load per
// shard and rehashes only that region's keys. home is each shard's
// region, the new one's last.
func geographic(ks keySet, n, regions int) (before, after []int16, home []int) {
	shards := make([][]int16, regions)
	home = make([]int, n+1)
	for s := range n {
		r := s % regions
		shards[r] = append(shards[r], int16(s))
		home[s] = r
	}
	load := make([]float64, regions)
	for k, r := range ks.region {
		load[r] += ks.weight[k]
	}
	grow := 0
	for r := range regions {
		if load[r]/float64(len(shards[r])) > load[grow]/float64(len(shards[grow])) {
			grow = r
		}
	}
	home[n] = grow
	before, after = make([]int16, len(ks.pos)), make([]int16, len(ks.pos))
	for k, r := range ks.region {
		own := shards[r]
		c := uint64(len(own))
		before[k] = own[ks.hash[k]%c]
		after[k] = before[k]
		if int(r) == grow {
			if i := ks.hash[k] % (c + 1); i == c {
				after[k] = int16(n)
			} else {
				after[k] = own[i]
			}
		}
	}
	return before, after, home
}
