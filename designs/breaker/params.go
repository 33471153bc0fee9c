package breaker

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "breaker: failure-rate 2: want above 0 up to 1".
var ErrInvalidParams = errors.New("breaker: invalid parameter")

// Bounds of Params.
const (
	MaxRequests = 2_000_000
	MaxRate     = 100_000
	MaxPool     = 100_000
	MaxRetries  = 10
	MaxLatency  = time.Minute
)

// Defaults stand in for zero-valued Params fields.
const (
	DefaultRequests    = 100_000
	DefaultRate        = 500
	DefaultShare       = 0.5
	DefaultFailureRate = 0.5
	DefaultLatency     = 800 * time.Millisecond
	DefaultTimeout     = time.Second
	DefaultPool        = 100
	DefaultRetries     = 3
	DefaultBackoff     = 100 * time.Millisecond
	DefaultBackoffCap  = 2 * time.Second
)

// The dependency's health outside the incident, and the time the caller
// spends on a request that does not need the dependency.
const (
	HealthyFailureRate = 0.01
	HealthyLatency     = 20 * time.Millisecond
	LocalWork          = 5 * time.Millisecond
)

// Params are the inputs of Simulate. The zero value is valid: every zero
// field means the default named beside it.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64
	// Requests is how many requests reach the caller in each run. 0 means
	// 100,000; accepted 1 to 2,000,000.
	Requests int
	// Rate is requests per simulated second, Poisson arrivals. 0 means
	// 500; accepted 1 to 100,000.
	Rate int
	// Share is the fraction of requests that need the dependency; the
	// rest are served by the caller alone, from the same worker pool.
	// 0 means 0.5; accepted above 0 up to 1.
	Share float64
	// FailureRate is the chance a dependency call fails during the
	// incident, the middle third of the run (1% outside it). 0 means 0.5;
	// accepted above 0 up to 1.
	FailureRate float64
	// Latency is the mean latency of a dependency call during the
	// incident, exponentially distributed (20 ms outside it). 0 means
	// 800ms; accepted 1ms to 1m.
	Latency time.Duration
	// Timeout is how long the caller waits for one attempt; a slower
	// attempt fails at the timeout. 0 means 1s; accepted 1ms to 1m.
	Timeout time.Duration
	// Pool is the caller's workers (threads, connections): a request
	// holds one from arrival to answer, backoff sleeps included, and is
	// rejected when none is free. 0 means 100; accepted 1 to 100,000.
	Pool int
	// Retries is how many times the retrying runs retry a failed
	// attempt. 0 means 3; accepted 1 to 10.
	Retries int
	// Backoff is the base of the exponential backoff: before retry n
	// (from 0) the caller sleeps a uniform random time in
	// [0, min(BackoffCap, Backoff·2^n)) (full jitter). 0 means 100ms;
	// accepted 1ms to 1m.
	Backoff time.Duration
	// BackoffCap caps the backoff. 0 means 2s; accepted Backoff to 1m.
	BackoffCap time.Duration
	// Breaker configures the breaker runs; its zero value is the
	// defaults.
	Breaker Settings
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	def(&p.Requests, DefaultRequests)
	def(&p.Rate, DefaultRate)
	def(&p.Pool, DefaultPool)
	def(&p.Retries, DefaultRetries)
	defD(&p.Latency, DefaultLatency)
	defD(&p.Timeout, DefaultTimeout)
	defD(&p.Backoff, DefaultBackoff)
	defD(&p.BackoffCap, DefaultBackoffCap)
	if p.Share == 0 {
		p.Share = DefaultShare
	}
	if p.FailureRate == 0 {
		p.FailureRate = DefaultFailureRate
	}
	p.Breaker = p.Breaker.WithDefaults()
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "breaker", name, v, want)
	}
	d := p.WithDefaults()
	durOK := func(v time.Duration) bool { return v >= time.Millisecond && v <= MaxLatency }
	switch {
	case d.Requests < 1 || d.Requests > MaxRequests:
		return bad("requests", p.Requests, "1 to 2,000,000")
	case d.Rate < 1 || d.Rate > MaxRate:
		return bad("rate", p.Rate, "1 to 100,000 requests per second")
	case !(d.Share > 0 && d.Share <= 1):
		return bad("share", p.Share, "above 0 up to 1")
	case !(d.FailureRate > 0 && d.FailureRate <= 1):
		return bad("failure-rate", p.FailureRate, "above 0 up to 1")
	case !durOK(d.Latency):
		return bad("latency", p.Latency, "1ms to 1m")
	case !durOK(d.Timeout):
		return bad("timeout", p.Timeout, "1ms to 1m")
	case d.Pool < 1 || d.Pool > MaxPool:
		return bad("pool", p.Pool, "1 to 100,000")
	case d.Retries < 1 || d.Retries > MaxRetries:
		return bad("retries", p.Retries, "1 to 10")
	case !durOK(d.Backoff):
		return bad("backoff", p.Backoff, "1ms to 1m")
	case d.BackoffCap < d.Backoff || d.BackoffCap > MaxLatency:
		return bad("backoff-cap", p.BackoffCap, "the backoff ("+d.Backoff.String()+") to 1m")
	}
	return p.Breaker.validate(ErrInvalidParams)
}

// Duration is the simulated length of the run: Requests / Rate.
func (p Params) Duration() time.Duration {
	d := p.WithDefaults()
	return time.Duration(float64(d.Requests) / float64(d.Rate) * float64(time.Second))
}

// Incident returns when the dependency's incident starts and ends: the
// middle third of the run.
func (p Params) Incident() (start, end time.Duration) {
	t := p.Duration()
	return t / 3, 2 * t / 3
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	return fmt.Sprintf("%s requests at %s/s, %s need the dependency; incident: %s failures, %v mean latency, %v timeout; pool %s, %d retries, seed %d",
		labkit.Commas(int64(d.Requests)), labkit.Commas(int64(d.Rate)), labkit.Percent(d.Share), labkit.Percent(d.FailureRate),
		d.Latency, d.Timeout, labkit.Commas(int64(d.Pool)), d.Retries, d.Seed)
}

// MarshalJSON writes the parameters in snake_case, durations in
// milliseconds.
func (p Params) MarshalJSON() ([]byte, error) {
	b := p.Breaker
	return json.Marshal(struct {
		Seed          uint64  `json:"seed"`
		Requests      int     `json:"requests"`
		Rate          int     `json:"rate"`
		Share         float64 `json:"share"`
		FailureRate   float64 `json:"failure_rate"`
		LatencyMS     float64 `json:"latency_ms"`
		TimeoutMS     float64 `json:"timeout_ms"`
		Pool          int     `json:"pool"`
		Retries       int     `json:"retries"`
		BackoffMS     float64 `json:"backoff_ms"`
		BackoffCapMS  float64 `json:"backoff_cap_ms"`
		Threshold     float64 `json:"threshold"`
		MinCalls      int     `json:"min_calls"`
		WindowMS      float64 `json:"window_ms"`
		OpenTimeoutMS float64 `json:"open_timeout_ms"`
		HalfOpenCalls int     `json:"half_open_calls"`
	}{p.Seed, p.Requests, p.Rate, p.Share, p.FailureRate, ms(p.Latency), ms(p.Timeout), p.Pool, p.Retries,
		ms(p.Backoff), ms(p.BackoffCap), b.FailureRatio, b.MinCalls, ms(b.Window), ms(b.OpenTimeout), b.HalfOpenCalls})
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
