package breaker

import (
	"errors"
	"sync"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// State is a breaker's state.
type State int

// The three states. The zero value is Closed.
const (
	// Closed lets calls through and counts their outcomes.
	Closed State = iota
	// Open fails every call at once until OpenTimeout has passed.
	Open
	// HalfOpen lets HalfOpenCalls trial calls through; if they all
	// succeed the breaker closes, if one fails it opens again.
	HalfOpen
)

// String returns "closed", "open" or "half-open".
func (s State) String() string {
	switch s {
	case Closed:
		return "closed"
	case Open:
		return "open"
	case HalfOpen:
		return "half-open"
	}
	return "unknown"
}

// Errors of AllowAt, and the named error of bad Settings.
var (
	// ErrOpen rejects a call while the breaker is open.
	ErrOpen = errors.New("breaker: open")
	// ErrTooManyCalls rejects a call while the half-open breaker's
	// trial calls are all in flight.
	ErrTooManyCalls = errors.New("breaker: half-open, trial calls in flight")
	// ErrInvalidSettings is wrapped by New's errors.
	ErrInvalidSettings = errors.New("breaker: invalid settings")
)

// Defaults of Settings: the trip rule of Resilience4j (50% of at least 20
// calls), a 10 s window in 10 buckets, 5 s open, 5 trial calls.
const (
	DefaultFailureRatio  = 0.5
	DefaultMinCalls      = 20
	DefaultWindow        = 10 * time.Second
	DefaultOpenTimeout   = 5 * time.Second
	DefaultHalfOpenCalls = 5
	// windowBuckets is how many buckets the rolling window is counted in.
	windowBuckets = 10
)

// Settings configure a Breaker. The zero value is valid: every zero field
// means the default named beside it.
type Settings struct {
	// FailureRatio trips the breaker when failures / calls in the window
	// reach it. 0 means 0.5; accepted above 0 up to 1.
	FailureRatio float64
	// MinCalls is the fewest calls in the window before the ratio counts,
	// so two failures of three at night do not trip it. 0 means 20;
	// accepted 1 to 1,000,000.
	MinCalls int
	// Window is how far back outcomes count, in 10 buckets: outcomes
	// drop out a bucket (Window/10) at a time. 0 means 10s; accepted 10ms
	// to 1h.
	Window time.Duration
	// OpenTimeout is how long the breaker stays open before it lets trial
	// calls through. 0 means 5s; accepted 1ms to 1h.
	OpenTimeout time.Duration
	// HalfOpenCalls is how many trial calls a half-open breaker lets
	// through; that many successes close it. 0 means 5; accepted 1 to
	// 1,000.
	HalfOpenCalls int
}

// WithDefaults returns s with every zero field replaced by its default.
func (s Settings) WithDefaults() Settings {
	if s.FailureRatio == 0 {
		s.FailureRatio = DefaultFailureRatio
	}
	if s.MinCalls == 0 {
		s.MinCalls = DefaultMinCalls
	}
	if s.Window == 0 {
		s.Window = DefaultWindow
	}
	if s.OpenTimeout == 0 {
		s.OpenTimeout = DefaultOpenTimeout
	}
	if s.HalfOpenCalls == 0 {
		s.HalfOpenCalls = DefaultHalfOpenCalls
	}
	return s
}

// Validate reports the first setting out of range; the error wraps
// ErrInvalidSettings and reads like "breaker: threshold 2: want above 0
// up to 1".
func (s Settings) Validate() error { return s.validate(ErrInvalidSettings) }

func (s Settings) validate(kind error) error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(kind, "breaker", name, v, want)
	}
	d := s.WithDefaults()
	switch {
	case !(d.FailureRatio > 0 && d.FailureRatio <= 1):
		return bad("threshold", s.FailureRatio, "above 0 up to 1")
	case d.MinCalls < 1 || d.MinCalls > 1_000_000:
		return bad("min-calls", s.MinCalls, "1 to 1,000,000")
	case d.Window < 10*time.Millisecond || d.Window > time.Hour:
		return bad("window", s.Window, "10ms to 1h")
	case d.OpenTimeout < time.Millisecond || d.OpenTimeout > time.Hour:
		return bad("open-timeout", s.OpenTimeout, "1ms to 1h")
	case d.HalfOpenCalls < 1 || d.HalfOpenCalls > 1000:
		return bad("half-open-calls", s.HalfOpenCalls, "1 to 1,000")
	}
	return nil
}

// Ticket is what AllowAt hands a call and RecordAt takes back: the
// breaker's generation when the call began. An outcome from an older
// generation (the call began before the state last changed) is ignored.
type Ticket uint64

// Breaker is a closed/open/half-open circuit breaker. It is safe for
// concurrent use. Time is an input: AllowAt and RecordAt take the instant,
// which must not go backwards; Allow and Record read the clock.
type Breaker struct {
	mu       sync.Mutex
	s        Settings
	bucketNS int64
	state    State
	gen      uint64
	expiry   time.Time // when an open breaker turns half-open
	// closed: outcomes per bucket of the rolling window.
	buckets      [windowBuckets]struct{ calls, fails int }
	cur          int64 // number of the current bucket since the epoch
	calls, fails int   // sums over buckets
	// half-open: trial calls admitted and succeeded.
	trials, passed int
	trips          int
}

// New returns a closed breaker, or an error wrapping ErrInvalidSettings.
func New(s Settings) (*Breaker, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	d := s.WithDefaults()
	return &Breaker{s: d, bucketNS: int64(d.Window) / windowBuckets}, nil
}

// Settings returns the breaker's settings with defaults filled in.
func (b *Breaker) Settings() Settings { return b.s }

// Allow is AllowAt(time.Now()).
func (b *Breaker) Allow() (Ticket, error) { return b.AllowAt(time.Now()) }

// Record is RecordAt(time.Now(), tk, ok).
func (b *Breaker) Record(tk Ticket, ok bool) { b.RecordAt(time.Now(), tk, ok) }

// AllowAt asks whether a call may start at now. It returns ErrOpen while
// the breaker is open and ErrTooManyCalls when a half-open breaker's
// trial calls are taken; otherwise a Ticket to pass to RecordAt with the
// call's outcome.
func (b *Breaker) AllowAt(now time.Time) (Ticket, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(now)
	switch b.state {
	case Open:
		return 0, ErrOpen
	case HalfOpen:
		if b.trials >= b.s.HalfOpenCalls {
			return 0, ErrTooManyCalls
		}
		b.trials++
	}
	return Ticket(b.gen), nil
}

// RecordAt records the outcome of a call AllowAt admitted: ok is false
// for an error or a timeout. In the closed state it may trip the breaker;
// in the half-open state a failure opens it again and HalfOpenCalls
// successes close it.
func (b *Breaker) RecordAt(now time.Time, tk Ticket, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(now)
	if uint64(tk) != b.gen {
		return
	}
	switch b.state {
	case Closed:
		b.roll(now.UnixNano() / b.bucketNS)
		bk := &b.buckets[b.cur%windowBuckets]
		bk.calls++
		b.calls++
		if !ok {
			bk.fails++
			b.fails++
			if b.calls >= b.s.MinCalls && float64(b.fails) >= b.s.FailureRatio*float64(b.calls) {
				b.trip(now)
			}
		}
	case HalfOpen:
		if !ok {
			b.trip(now)
			return
		}
		b.passed++
		if b.passed >= b.s.HalfOpenCalls {
			b.set(Closed)
		}
	}
}

// StateAt returns the state at now.
func (b *Breaker) StateAt(now time.Time) State {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(now)
	return b.state
}

// Trips counts how often the breaker has opened.
func (b *Breaker) Trips() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.trips
}

// advance turns an open breaker half-open once its timeout has passed.
func (b *Breaker) advance(now time.Time) {
	if b.state == Open && !now.Before(b.expiry) {
		b.set(HalfOpen)
	}
}

func (b *Breaker) trip(now time.Time) {
	b.set(Open)
	b.expiry = now.Add(b.s.OpenTimeout)
	b.trips++
}

// set enters a state with fresh counts and a new generation.
func (b *Breaker) set(s State) {
	b.state = s
	b.gen++
	b.trials, b.passed = 0, 0
	b.buckets = [windowBuckets]struct{ calls, fails int }{}
	b.calls, b.fails = 0, 0
}

// roll moves the window to bucket n, dropping buckets that fell out.
func (b *Breaker) roll(n int64) {
	if n <= b.cur {
		return
	}
	for i := b.cur + 1; i <= n && i <= b.cur+windowBuckets; i++ {
		bk := &b.buckets[i%windowBuckets]
		b.calls -= bk.calls
		b.fails -= bk.fails
		*bk = struct{ calls, fails int }{}
	}
	b.cur = n
}
