package cache

import (
	"fmt"
	"strings"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Policy is an eviction policy: what a full cache drops to make room.
type Policy int

// The policies, in report order.
const (
	// PolicyLRU evicts the least recently used entry. Simple and good on skewed
	// traffic; one large scan flushes it.
	PolicyLRU Policy = iota
	// PolicyLFU evicts the least frequently used entry (the least recently used
	// among ties). It resists scans but keeps yesterday's hot keys too long
	// when popularity shifts.
	PolicyLFU
	// PolicyFIFO evicts the oldest inserted entry, ignoring hits: no work on a
	// hit, a lower hit ratio than LRU on most traffic.
	PolicyFIFO
	// PolicyTTL drops an entry a fixed time after it was stored, whether it is
	// read or not, and evicts the one closest to expiry when full. It
	// bounds staleness, not memory use, and costs hits on keys that did
	// not change.
	PolicyTTL
	// PolicyS3FIFO is S3-FIFO (Yang et al., SOSP 2023): new keys enter a small
	// FIFO (10% of the space); those read again while there move to the
	// main FIFO, the rest leave and are remembered in a ghost queue so
	// that they go straight to main if they return. Most one-hit wonders
	// never reach main, so scans do not flush it.
	PolicyS3FIFO
)

var policyNames = []string{"lru", "lfu", "fifo", "ttl", "s3-fifo"}

// Policies lists every policy in report order.
func Policies() []Policy { return []Policy{PolicyLRU, PolicyLFU, PolicyFIFO, PolicyTTL, PolicyS3FIFO} }

// String returns the policy's name.
func (p Policy) String() string {
	if p < 0 || int(p) >= len(policyNames) {
		return fmt.Sprintf("policy(%d)", int(p))
	}
	return policyNames[p]
}

// ParsePolicy reads a policy name, ignoring case; "s3fifo" is accepted.
func ParsePolicy(s string) (Policy, error) {
	for i, n := range policyNames {
		if strings.EqualFold(s, n) || strings.EqualFold(s, strings.ReplaceAll(n, "-", "")) {
			return Policy(i), nil
		}
	}
	return 0, labkit.Invalid(ErrInvalidParams, "cache", "policy", s, "one of "+strings.Join(policyNames, ", "))
}

// accessor is one simulated cache: access reports a hit and, on a miss,
// stores the key (the backend was read and the value cached).
type accessor interface {
	access(key uint64, now time.Duration) bool
}

func newAccessor(p Policy, size int, ttl time.Duration) accessor {
	switch p {
	case PolicyLFU:
		return newLFU(size)
	case PolicyFIFO:
		return newFIFO(size)
	case PolicyTTL:
		return newTTLCache(size, ttl)
	case PolicyS3FIFO:
		return newS3FIFO(size)
	}
	return lruAccessor{NewLRU[uint64, struct{}](size)}
}

type lruAccessor struct{ c *LRU[uint64, struct{}] }

func (a lruAccessor) access(key uint64, _ time.Duration) bool {
	if _, ok := a.c.Get(key); ok {
		return true
	}
	a.c.Add(key, struct{}{})
	return false
}
