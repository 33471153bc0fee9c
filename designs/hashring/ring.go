package hashring

import (
	"slices"
	"sort"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Ring is a consistent-hash ring: each node owns the arcs that end at its
// virtual nodes' points, and a key belongs to the first point at or after
// its hash, wrapping around. Adding a node takes keys only from the arcs
// its points split; removing one hands its arcs to the next points.
type Ring struct {
	points []uint64 // sorted
	owners []int32  // owners[i] owns points[i]
}

// NewRing places vnodes points for each of nodes (by id) with seed.
// A node's points depend only on its id, vnodes and seed, so two rings
// that share a node place it identically.
func NewRing(nodes []int, vnodes int, seed uint64) *Ring {
	type pt struct {
		h     uint64
		owner int32
	}
	pts := make([]pt, 0, len(nodes)*vnodes)
	for _, n := range nodes {
		for v := range vnodes {
			pts = append(pts, pt{NodePoint(n, v, seed), int32(n)})
		}
	}
	slices.SortFunc(pts, func(a, b pt) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return int(a.owner - b.owner)
	})
	r := &Ring{points: make([]uint64, len(pts)), owners: make([]int32, len(pts))}
	for i, p := range pts {
		r.points[i], r.owners[i] = p.h, p.owner
	}
	return r
}

// NodePoint is the ring position of node n's v-th virtual node.
func NodePoint(n, v int, seed uint64) uint64 {
	return labkit.Mix64(labkit.Mix64(uint64(n)<<32|uint64(v)) ^ seed)
}

// KeyHash is the ring position of key i.
func KeyHash(i int, seed uint64) uint64 {
	return labkit.Mix64(uint64(i) ^ labkit.Mix64(seed^0x6b6579))
}

// Lookup returns the node owning hash h.
func (r *Ring) Lookup(h uint64) int {
	return int(r.owners[r.index(h)])
}

func (r *Ring) index(h uint64) int {
	i := sort.Search(len(r.points), func(i int) bool { return r.points[i] >= h })
	if i == len(r.points) {
		return 0
	}
	return i
}

// ownersSorted returns the owner of each of sorted (ascending hashes) by
// walking the keys and the ring together: O(keys + points).
func (r *Ring) ownersSorted(sorted []uint64) []int32 {
	out := make([]int32, len(sorted))
	j := 0
	for i, h := range sorted {
		for j < len(r.points) && r.points[j] < h {
			j++
		}
		if j == len(r.points) {
			out[i] = r.owners[0]
		} else {
			out[i] = r.owners[j]
		}
	}
	return out
}

// bounded assigns keys (hashes in arrival order) to the first node
// clockwise with fewer than capacity keys, and returns each key's node
// and the node loads.
func (r *Ring) bounded(hashes []uint64, nodes, capacity int) (owner []int32, load []int) {
	owner = make([]int32, len(hashes))
	load = make([]int, nodes)
	for i, h := range hashes {
		j := r.index(h)
		for load[r.owners[j]] >= capacity {
			j++
			if j == len(r.points) {
				j = 0
			}
		}
		n := r.owners[j]
		load[n]++
		owner[i] = n
	}
	return owner, load
}
