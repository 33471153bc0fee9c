package ratelimit

import (
	"errors"

	"github.com/sdprep/sdprep/internal/enum"
)

// Algorithm names one of the five rate-limiting algorithms. The zero value
// is TokenBucket.
type Algorithm int

// The five algorithms, in the order they are usually taught.
const (
	// TokenBucket refills tokens continuously at Limit/Window up to Burst;
	// each request spends one token.
	TokenBucket Algorithm = iota
	// LeakyBucket (meter form) fills a bucket by one unit per request and
	// drains it at Limit/Window; a request that would overflow Burst is
	// rejected.
	LeakyBucket
	// FixedWindow counts requests in windows aligned to the Unix epoch.
	FixedWindow
	// SlidingLog keeps the timestamp of every admitted request in the last
	// Window.
	SlidingLog
	// SlidingWindow estimates the count over the last Window from the
	// current and previous fixed windows' counters.
	SlidingWindow
)

// ErrUnknownAlgorithm is returned by ParseAlgorithm for a name it does not
// know.
var ErrUnknownAlgorithm = errors.New("ratelimit: unknown algorithm")

var algorithmNames = enum.Names[Algorithm]{Type: "Algorithm", Err: ErrUnknownAlgorithm, Names: []string{
	TokenBucket:   "token-bucket",
	LeakyBucket:   "leaky-bucket",
	FixedWindow:   "fixed-window",
	SlidingLog:    "sliding-log",
	SlidingWindow: "sliding-window",
}}

// Algorithms returns every algorithm in declaration order.
func Algorithms() []Algorithm {
	return []Algorithm{TokenBucket, LeakyBucket, FixedWindow, SlidingLog, SlidingWindow}
}

// Valid reports whether a is one of the declared algorithms.
func (a Algorithm) Valid() bool { return algorithmNames.Valid(a) }

// String returns the kebab-case name used by flags and JSON, for example
// "token-bucket".
func (a Algorithm) String() string { return algorithmNames.String(a) }

// MarshalText encodes the algorithm as its name, so JSON carries
// "sliding-log" rather than 3.
func (a Algorithm) MarshalText() ([]byte, error) { return algorithmNames.MarshalText(a) }

// UnmarshalText decodes a name accepted by ParseAlgorithm.
func (a *Algorithm) UnmarshalText(b []byte) error { return algorithmNames.UnmarshalText(b, a) }

// ParseAlgorithm parses an algorithm name. It accepts the names returned by
// String, case-insensitively, with "_" or " " in place of "-".
func ParseAlgorithm(s string) (Algorithm, error) { return algorithmNames.Parse(s) }
