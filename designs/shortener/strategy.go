package shortener

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"sync"

	"github.com/sdprep/sdprep/internal/enum"
)

// Strategy is how the service picks the short code of a new link.
// The zero value is Counter.
type Strategy int

const (
	// Counter encodes a store-backed sequence number in base62: 1, 2, … "Z",
	// "10", … Codes are short and never collide with each other, but they are
	// guessable and the sequence is a single point of coordination.
	Counter Strategy = iota
	// Hash takes 7 base62 digits of SHA-256(salt, URL, attempt). The same URL
	// always maps to the same code (deduplication for free); on a collision
	// with a different URL it retries with attempt+1.
	Hash
	// Random draws 7 base62 digits from a seeded source and retries when the
	// code exists. Codes are unguessable (given a secret seed) and need no
	// coordination beyond the store's create-if-absent.
	Random
)

var strategyNames = enum.Names[Strategy]{Type: "Strategy", Err: ErrInvalidStrategy,
	Names: []string{Counter: "counter", Hash: "hash", Random: "random"}}

// String returns "counter", "hash" or "random".
func (s Strategy) String() string { return strategyNames.String(s) }

// ParseStrategy is the inverse of String (case-insensitive).
func ParseStrategy(name string) (Strategy, error) { return strategyNames.Parse(name) }

// HashCode returns the 7-character code of rawURL for the given attempt
// (0 first, then 1, 2, … after collisions). It reads the first 8 bytes of
// SHA-256(salt || url || attempt) as a big-endian integer and writes it
// modulo 62^7 as 7 base62 digits; the modulo bias (2^64 is not a multiple of
// 62^7) is below one part in five million.
func HashCode(salt, rawURL string, attempt int) string {
	h := sha256.New()
	h.Write([]byte(salt))
	h.Write([]byte(rawURL))
	if attempt > 0 {
		var a [9]byte
		a[0] = 0 // separator: no URL contains a NUL byte
		binary.BigEndian.PutUint64(a[1:], uint64(attempt))
		h.Write(a[:])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return encodeFixed(binary.BigEndian.Uint64(sum[:8])%CodeSpace, CodeLength)
}

// randomCodes draws uniformly distributed 7-character codes from a seeded
// PCG source. Safe for concurrent use.
type randomCodes struct {
	mu  sync.Mutex
	rng *rand.Rand
}

func newRandomCodes(seed uint64) *randomCodes {
	return &randomCodes{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (r *randomCodes) next() string {
	r.mu.Lock()
	n := r.rng.Uint64N(CodeSpace)
	r.mu.Unlock()
	return encodeFixed(n, CodeLength)
}
