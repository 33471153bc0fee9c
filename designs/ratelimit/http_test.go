package ratelimit

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

// httpStep is one request and what the handler must answer.
type httpStep struct {
	advance    time.Duration // clock moves this much before the request
	status     int
	remaining  string
	reset      string
	retryAfter string // "" means the header must be absent
	body       Response
}

func checkSteps(t *testing.T, h http.Handler, clock *fakeClock, limit string, steps []httpStep) {
	t.Helper()
	for i, s := range steps {
		clock.Advance(s.advance)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		hdr := rec.Header()
		if rec.Code != s.status {
			t.Errorf("step %d: status %d, want %d", i, rec.Code, s.status)
		}
		for name, want := range map[string]string{
			"RateLimit-Limit": limit, "RateLimit-Remaining": s.remaining, "RateLimit-Reset": s.reset,
			"Retry-After": s.retryAfter, "Content-Type": "application/json",
		} {
			if got := hdr.Get(name); got != want {
				t.Errorf("step %d: %s = %q, want %q", i, name, got, want)
			}
		}
		var body Response
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("step %d: body %q: %v", i, rec.Body, err)
		}
		if body != s.body {
			t.Errorf("step %d: body %+v, want %+v", i, body, s.body)
		}
	}
}

func TestHandlerTokenBucket(t *testing.T) {
	clock := &fakeClock{now: t0}
	m := mustMemory(t, Config{Algorithm: TokenBucket, Limit: 2, Window: time.Second, Burst: 3}, WithClock(clock.Now))
	h := Handler(m, HandlerOptions{})
	ok := func(rem int, resetMS int64) Response {
		return Response{Allowed: true, Limit: 3, Remaining: rem, ResetAfterMS: resetMS}
	}
	checkSteps(t, h, clock, "3", []httpStep{
		{0, 200, "2", "1", "", ok(2, 500)},
		{0, 200, "1", "1", "", ok(1, 1000)},
		{0, 200, "0", "2", "", ok(0, 1500)}, // 1.5 s rounds up to 2
		{0, 429, "0", "2", "1", Response{Limit: 3, ResetAfterMS: 1500, RetryAfterMS: 500}},
		{499 * ms, 429, "0", "2", "1", Response{Limit: 3, ResetAfterMS: 1001, RetryAfterMS: 1}},
		{1 * ms, 200, "0", "2", "", ok(0, 1500)},
	})
}

func TestHandlerFixedWindowRoundsUp(t *testing.T) {
	// t0 is on a minute boundary; 20.5 s into the window, 39.5 s remain,
	// which the headers must advertise as 40, not 39.
	clock := &fakeClock{now: t0.Add(20*time.Second + 500*ms)}
	m := mustMemory(t, Config{Algorithm: FixedWindow, Limit: 2, Window: time.Minute}, WithClock(clock.Now))
	h := Handler(m, HandlerOptions{})
	reset := int64(39_500)
	checkSteps(t, h, clock, "2", []httpStep{
		{0, 200, "1", "40", "", Response{Allowed: true, Limit: 2, Remaining: 1, ResetAfterMS: reset}},
		{0, 200, "0", "40", "", Response{Allowed: true, Limit: 2, Remaining: 0, ResetAfterMS: reset}},
		{0, 429, "0", "40", "40", Response{Limit: 2, ResetAfterMS: reset, RetryAfterMS: reset}},
		{39_500 * ms, 200, "1", "60", "", Response{Allowed: true, Limit: 2, Remaining: 1, ResetAfterMS: 60_000}},
	})
}

func TestHandlerKeys(t *testing.T) {
	cfg := Config{Algorithm: FixedWindow, Limit: 1, Window: time.Hour}
	send := func(h http.Handler, remoteAddr string) int {
		r := httptest.NewRequest(http.MethodPost, "/any/path", nil)
		r.RemoteAddr = remoteAddr
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code
	}
	clock := &fakeClock{now: t0}

	perIP := Handler(mustMemory(t, cfg, WithClock(clock.Now)), HandlerOptions{})
	for i, tt := range []struct {
		addr string
		want int
	}{
		{"192.0.2.1:1000", 200},
		{"192.0.2.1:2000", 429}, // same IP, another port: same key
		{"192.0.2.2:1000", 200},
		{"[::1]:1000", 200},
		{"[::1]:1001", 429},
	} {
		if got := send(perIP, tt.addr); got != tt.want {
			t.Errorf("ip key, request %d from %s: %d, want %d", i, tt.addr, got, tt.want)
		}
	}

	global := Handler(mustMemory(t, cfg, WithClock(clock.Now)), HandlerOptions{Key: GlobalKeyFunc})
	if a, b := send(global, "192.0.2.1:1000"), send(global, "192.0.2.2:1000"); a != 200 || b != 429 {
		t.Errorf("global key: first client %d, second client %d; want 200 then 429", a, b)
	}

	for addr, want := range map[string]string{"192.0.2.1:80": "192.0.2.1", "[2001:db8::1]:443": "2001:db8::1", "@": "@"} {
		if got := ClientIP(&http.Request{RemoteAddr: addr}); got != want {
			t.Errorf("ClientIP(%q) = %q, want %q", addr, got, want)
		}
	}
}

type failingLimiter struct{ err error }

func (f failingLimiter) Allow(context.Context, string) (Decision, error) { return Decision{}, f.err }

func TestHandlerFailsClosed(t *testing.T) {
	down := errors.New("dial tcp 127.0.0.1:6379: connection refused")
	var logged []error
	h := Handler(failingLimiter{down}, HandlerOptions{OnError: func(err error) { logged = append(logged, err) }})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", rec.Code)
	}
	if got := rec.Header().Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After %q, want 1", got)
	}
	if got := rec.Header().Get("RateLimit-Remaining"); got != "" {
		t.Errorf("RateLimit-Remaining %q on a failed decision, want none", got)
	}
	var body map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body["error"] != "rate limiter unavailable" {
		t.Errorf("body %q (%v)", rec.Body, err)
	}
	if len(logged) != 1 || !errors.Is(logged[0], down) {
		t.Errorf("OnError got %v, want the limiter error once", logged)
	}
}

func TestSetHeadersRetryAfterAtLeastOne(t *testing.T) {
	tests := []struct {
		d                  Decision
		reset, retry, left string
	}{
		{Decision{Allowed: true, Limit: 5, Remaining: 4, ResetAfter: 200 * ms}, "1", "", "4"},
		{Decision{Allowed: true, Limit: 5, Remaining: 5}, "0", "", "5"},
		{Decision{Limit: 5, RetryAfter: time.Nanosecond, ResetAfter: 2 * time.Second}, "2", "1", "0"},
		{Decision{Limit: 5}, "0", "1", "0"}, // a rejection with no hint still asks for a pause
		{Decision{Limit: 5, RetryAfter: 2*time.Second + 1, ResetAfter: 3 * time.Second}, "3", "3", "0"},
	}
	for _, tt := range tests {
		h := http.Header{}
		SetHeaders(h, tt.d)
		if h.Get("RateLimit-Reset") != tt.reset || h.Get("Retry-After") != tt.retry ||
			h.Get("RateLimit-Remaining") != tt.left || h.Get("RateLimit-Limit") != "5" {
			t.Errorf("%v: headers %v; want reset %q retry %q remaining %q", tt.d, h, tt.reset, tt.retry, tt.left)
		}
	}
}
