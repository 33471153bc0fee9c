package cache

import (
	"math"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Bloom is a Bloom filter over uint64 keys: m bits and k hash positions
// per key, from double hashing of one 64-bit hash. MayContain never
// answers false for an added key; for others it answers true with about
// (1 − e^(−kn/m))^k probability after n adds.
type Bloom struct {
	bits []uint64
	m    uint64
	k    int
	seed uint64
}

// NewBloom sizes a filter for n keys at bitsPerKey bits each, with the
// k = bitsPerKey·ln 2 hash positions that minimise false positives.
func NewBloom(n, bitsPerKey int, seed uint64) *Bloom {
	m := uint64(max(64, n*bitsPerKey))
	k := max(1, int(math.Round(float64(bitsPerKey)*math.Ln2)))
	return &Bloom{bits: make([]uint64, (m+63)/64), m: m, k: k, seed: seed}
}

// Add records key.
func (b *Bloom) Add(key uint64) {
	x, y := b.hashes(key)
	for i := range b.k {
		j := (x + uint64(i)*y) % b.m
		b.bits[j/64] |= 1 << (j % 64)
	}
}

// MayContain reports whether key may have been added.
func (b *Bloom) MayContain(key uint64) bool {
	x, y := b.hashes(key)
	for i := range b.k {
		j := (x + uint64(i)*y) % b.m
		if b.bits[j/64]&(1<<(j%64)) == 0 {
			return false
		}
	}
	return true
}

// Bytes is the filter's memory use.
func (b *Bloom) Bytes() int { return len(b.bits) * 8 }

// K is the number of hash positions per key.
func (b *Bloom) K() int { return b.k }

// FalsePositiveRate is the theoretical rate after n adds.
func (b *Bloom) FalsePositiveRate(n int) float64 {
	return math.Pow(1-math.Exp(-float64(b.k)*float64(n)/float64(b.m)), float64(b.k))
}

func (b *Bloom) hashes(key uint64) (uint64, uint64) {
	x := labkit.Mix64(key ^ b.seed)
	return x, labkit.Mix64(x) | 1
}
