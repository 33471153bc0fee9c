package ratelimit

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Bounds on a Config. They keep every quantity an exact integer: in int64
// nanoseconds for the in-memory backend, and below 2^53 microseconds for
// the Redis backend, whose Lua numbers are doubles.
const (
	// MaxLimit is the largest accepted Config.Limit and Config.Burst.
	MaxLimit = 1_000_000_000
	// MinWindow is the shortest accepted Config.Window.
	MinWindow = time.Microsecond
	// MaxWindow is the longest accepted Config.Window.
	MaxWindow = 366 * 24 * time.Hour
)

// ErrInvalidConfig is wrapped by every error Config.Validate returns; the
// message names the field, its value and what is accepted.
var ErrInvalidConfig = errors.New("ratelimit: invalid config")

// Config describes one limit. The zero value is invalid: Limit and Window
// must be set.
type Config struct {
	// Algorithm selects how requests are counted; the zero value is
	// TokenBucket.
	Algorithm Algorithm `json:"algorithm"`
	// Limit is the number of requests admitted per Window. For the two
	// bucket algorithms it sets the rate, Limit/Window per second.
	Limit int `json:"limit"`
	// Window is the period Limit applies to, a whole number of
	// microseconds from MinWindow to MaxWindow.
	Window time.Duration `json:"window"`
	// Burst is the bucket capacity of TokenBucket and LeakyBucket: how many
	// requests may arrive at once after a quiet period. 0 means Limit. The
	// window algorithms ignore it.
	Burst int `json:"burst"`
}

// Capacity is the most requests the limiter can admit at one instant: Burst
// (or Limit when Burst is 0) for the buckets, Limit for the windows.
func (c Config) Capacity() int {
	if c.Algorithm == TokenBucket || c.Algorithm == LeakyBucket {
		if c.Burst > 0 {
			return c.Burst
		}
	}
	return c.Limit
}

// String renders the config as "token-bucket 10/s burst 20".
func (c Config) String() string {
	s := c.Algorithm.String() + " " + FormatRate(c.Limit, c.Window)
	if c.Burst > 0 && (c.Algorithm == TokenBucket || c.Algorithm == LeakyBucket) {
		s += fmt.Sprintf(" burst %d", c.Burst)
	}
	return s
}

// Validate reports whether c can build a limiter. Errors wrap
// ErrInvalidConfig.
func (c Config) Validate() error {
	_, err := newParams(c, time.Nanosecond, math.MaxInt64)
	return err
}

// params is a Config turned into integer arithmetic over clock ticks: one
// tick is a nanosecond in memory and a microsecond in Redis.
type params struct {
	alg    Algorithm
	limit  int64 // requests per window
	window int64 // window length in ticks
	// Bucket algorithms keep their level in scaled units so that refilling
	// is exact: a request costs unit, a tick adds refill, the bucket holds
	// capacity. With g = gcd(Window, Limit): unit = Window/g, refill =
	// Limit/g, so refill/unit = Limit/Window exactly.
	burst     int64
	unit      int64
	refill    int64
	capacity  int64
	fullAfter int64 // ticks to refill (or drain) a whole bucket
	horizon   int64 // ticks after the last request when state equals fresh
}

func newParams(c Config, tick time.Duration, maxInt int64) (params, error) {
	if !c.Algorithm.Valid() {
		return params{}, fmt.Errorf("%w: algorithm %d: want one of %v", ErrInvalidConfig, int(c.Algorithm), Algorithms())
	}
	if c.Limit < 1 || c.Limit > MaxLimit {
		return params{}, fmt.Errorf("%w: limit %s: want 1 to %s", ErrInvalidConfig, commas(int64(c.Limit)), commas(MaxLimit))
	}
	if c.Window < MinWindow || c.Window > MaxWindow {
		return params{}, fmt.Errorf("%w: window %s: want 1µs to 366 days", ErrInvalidConfig, FormatWindow(c.Window))
	}
	if c.Window%time.Microsecond != 0 || c.Window%tick != 0 {
		return params{}, fmt.Errorf("%w: window %v: want a whole number of microseconds", ErrInvalidConfig, c.Window)
	}
	if c.Burst < 0 || c.Burst > MaxLimit {
		return params{}, fmt.Errorf("%w: burst %s: want 0 (same as limit) or 1 to %s", ErrInvalidConfig, commas(int64(c.Burst)), commas(MaxLimit))
	}
	p := params{alg: c.Algorithm, limit: int64(c.Limit), window: int64(c.Window / tick)}
	switch c.Algorithm {
	case TokenBucket, LeakyBucket:
		p.burst = int64(c.Capacity())
		g := gcd(p.window, p.limit)
		p.unit, p.refill = p.window/g, p.limit/g
		if p.burst > maxInt/2/p.unit {
			return params{}, fmt.Errorf("%w: burst %s with rate %s: bucket level overflows exact arithmetic; lower the burst or use a shorter window",
				ErrInvalidConfig, commas(p.burst), FormatRate(c.Limit, c.Window))
		}
		p.capacity = p.burst * p.unit
		p.fullAfter = ceilDiv(p.capacity, p.refill)
		p.horizon = p.fullAfter
	case SlidingWindow:
		if p.limit > maxInt/4/p.window {
			return params{}, fmt.Errorf("%w: limit %s with window %s: weighted count overflows exact arithmetic; lower the limit or the window",
				ErrInvalidConfig, commas(int64(c.Limit)), FormatWindow(c.Window))
		}
		p.horizon = 2 * p.window
	default:
		p.horizon = p.window
	}
	return p, nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// ceilDiv returns ⌈a/b⌉ for a ≥ 0, b > 0.
func ceilDiv(a, b int64) int64 {
	if a <= 0 {
		return 0
	}
	return (a-1)/b + 1
}
