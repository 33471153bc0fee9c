package ratelimit

import (
	"context"
	"fmt"
	"time"
)

// Decision is the outcome of one request. Its fields map onto the usual
// response headers (RateLimit-Limit, RateLimit-Remaining, Retry-After,
// RateLimit-Reset).
type Decision struct {
	// Allowed reports whether the request is admitted.
	Allowed bool `json:"allowed"`
	// Limit is the most requests admitted at one instant: the bucket
	// capacity (Burst) for the buckets, Limit for the windows.
	Limit int `json:"limit"`
	// Remaining is how many more requests would be admitted right now.
	Remaining int `json:"remaining"`
	// RetryAfter is how long to wait before a request can be admitted; 0
	// when Allowed.
	RetryAfter time.Duration `json:"retry_after"`
	// ResetAfter is how long until the key is back to its fresh state (a
	// full bucket, an empty window, an empty log), if no request arrives.
	ResetAfter time.Duration `json:"reset_after"`
}

// String renders the decision as "allowed 3/10" or
// "rejected 0/10 retry in 100ms".
func (d Decision) String() string {
	if d.Allowed {
		return fmt.Sprintf("allowed %d/%d", d.Remaining, d.Limit)
	}
	return fmt.Sprintf("rejected %d/%d retry in %v", d.Remaining, d.Limit, d.RetryAfter)
}

// Limiter decides whether a request identified by key may proceed. Both
// Memory and Redis implement it.
type Limiter interface {
	Allow(ctx context.Context, key string) (Decision, error)
}

var (
	_ Limiter = (*Memory)(nil)
	_ Limiter = (*Redis)(nil)
)
