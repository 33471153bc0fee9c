package breaker

import (
	"errors"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func mustNew(t *testing.T, s Settings) *Breaker {
	t.Helper()
	b, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// feed records n outcomes at now, ok or not.
func feed(t *testing.T, b *Breaker, now time.Time, n int, ok bool) {
	t.Helper()
	for range n {
		tk, err := b.AllowAt(now)
		if err != nil {
			t.Fatalf("AllowAt(%v): %v", now, err)
		}
		b.RecordAt(now, tk, ok)
	}
}

func TestStateString(t *testing.T) {
	for s, want := range map[State]string{Closed: "closed", Open: "open", HalfOpen: "half-open", State(9): "unknown"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(s), s, want)
		}
	}
}

func TestTripsOnlyAfterMinCallsAtTheRatio(t *testing.T) {
	b := mustNew(t, Settings{FailureRatio: 0.5, MinCalls: 10})
	feed(t, b, t0, 9, false)
	if s := b.StateAt(t0); s != Closed {
		t.Fatalf("9 failures with min-calls 10: %v, want closed", s)
	}
	feed(t, b, t0, 1, false)
	if s := b.StateAt(t0); s != Open {
		t.Fatalf("10 failures of 10: %v, want open", s)
	}

	b = mustNew(t, Settings{FailureRatio: 0.5, MinCalls: 10})
	feed(t, b, t0, 6, true)
	feed(t, b, t0, 5, false) // 5 of 11: below half
	if s := b.StateAt(t0); s != Closed {
		t.Fatalf("5 failures of 11 at ratio 0.5: %v, want closed", s)
	}
	feed(t, b, t0, 1, false) // 6 of 12
	if s := b.StateAt(t0); s != Open || b.Trips() != 1 {
		t.Fatalf("6 failures of 12: %v after %d trips, want open after 1", s, b.Trips())
	}
}

func TestOpenHalfOpenCycle(t *testing.T) {
	b := mustNew(t, Settings{MinCalls: 1, OpenTimeout: 5 * time.Second, HalfOpenCalls: 2})
	feed(t, b, t0, 1, false)
	if _, err := b.AllowAt(t0.Add(4999 * time.Millisecond)); !errors.Is(err, ErrOpen) {
		t.Fatalf("just before the timeout: %v, want ErrOpen", err)
	}
	at := t0.Add(5 * time.Second)
	tk1, err1 := b.AllowAt(at)
	tk2, err2 := b.AllowAt(at)
	if err1 != nil || err2 != nil || b.StateAt(at) != HalfOpen {
		t.Fatalf("two trial calls: %v, %v in %v", err1, err2, b.StateAt(at))
	}
	if _, err := b.AllowAt(at); !errors.Is(err, ErrTooManyCalls) {
		t.Fatalf("third call while half-open: %v, want ErrTooManyCalls", err)
	}
	b.RecordAt(at, tk1, true)
	if s := b.StateAt(at); s != HalfOpen {
		t.Fatalf("one success of two: %v", s)
	}
	b.RecordAt(at, tk2, true)
	if s := b.StateAt(at); s != Closed {
		t.Fatalf("two successes: %v, want closed", s)
	}

	// A failed trial call opens it again, and the timer restarts.
	feed(t, b, at, 1, false)
	at = at.Add(5 * time.Second)
	tk, err := b.AllowAt(at)
	if err != nil {
		t.Fatal(err)
	}
	b.RecordAt(at, tk, false)
	if _, err := b.AllowAt(at.Add(4 * time.Second)); !errors.Is(err, ErrOpen) || b.Trips() != 3 {
		t.Fatalf("after a failed trial: %v, %d trips; want ErrOpen, 3", err, b.Trips())
	}
}

func TestOutcomeFromAnOlderStateIsIgnored(t *testing.T) {
	b := mustNew(t, Settings{MinCalls: 1, OpenTimeout: time.Second, HalfOpenCalls: 1})
	old, _ := b.AllowAt(t0)
	feed(t, b, t0, 1, false) // trips
	at := t0.Add(time.Second)
	b.RecordAt(at, old, false) // began while closed: ignored
	if s := b.StateAt(at); s != HalfOpen {
		t.Fatalf("stale failure changed the state to %v", s)
	}
}

func TestWindowForgetsOldOutcomes(t *testing.T) {
	b := mustNew(t, Settings{MinCalls: 10, Window: 10 * time.Second})
	feed(t, b, t0, 9, false)
	// 11 s later the nine failures have left the window: one more
	// failure is one of one, below min-calls.
	feed(t, b, t0.Add(11*time.Second), 1, false)
	if s := b.StateAt(t0.Add(11 * time.Second)); s != Closed {
		t.Fatalf("old failures still counted: %v", s)
	}
	// Within the window they count.
	b = mustNew(t, Settings{MinCalls: 10, Window: 10 * time.Second})
	feed(t, b, t0, 9, false)
	feed(t, b, t0.Add(5*time.Second), 1, false)
	if s := b.StateAt(t0.Add(5 * time.Second)); s != Open {
		t.Fatalf("failures 5 s apart in a 10 s window: %v, want open", s)
	}
}

func TestConcurrentUse(t *testing.T) {
	b := mustNew(t, Settings{MinCalls: 50, FailureRatio: 0.9})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				now := t0.Add(time.Duration(i) * time.Millisecond)
				if tk, err := b.AllowAt(now); err == nil {
					b.RecordAt(now, tk, (i+g)%3 != 0)
				}
			}
		})
	}
	wg.Wait()
	if s := b.StateAt(t0.Add(time.Second)); s != Closed {
		t.Errorf("a third of calls failing at ratio 0.9: %v", s)
	}
}

func TestSettingsRejected(t *testing.T) {
	tests := []struct {
		s    Settings
		want string
	}{
		{Settings{FailureRatio: 1.5}, "breaker: threshold 1.5: want above 0 up to 1"},
		{Settings{MinCalls: -1}, "breaker: min-calls -1: want 1 to 1,000,000"},
		{Settings{Window: time.Millisecond}, "breaker: window 1ms: want 10ms to 1h"},
		{Settings{OpenTimeout: -time.Second}, "breaker: open-timeout -1s: want 1ms to 1h"},
		{Settings{HalfOpenCalls: 5000}, "breaker: half-open-calls 5,000: want 1 to 1,000"},
	}
	for _, tt := range tests {
		_, err := New(tt.s)
		if !errors.Is(err, ErrInvalidSettings) || err.Error() != tt.want {
			t.Errorf("%+v: %v, want %q", tt.s, err, tt.want)
		}
	}
	b := mustNew(t, Settings{})
	if b.Settings() != (Settings{}).WithDefaults() {
		t.Errorf("zero settings: %+v", b.Settings())
	}
}
