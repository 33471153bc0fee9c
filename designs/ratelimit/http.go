package ratelimit

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"time"
)

// GlobalKey is the key GlobalKeyFunc returns: every request counts against
// one shared limit.
const GlobalKey = "global"

// KeyFunc picks the key a request is limited under.
type KeyFunc func(*http.Request) string

// ClientIP keys a request by the host part of its RemoteAddr, the address
// of the TCP peer. Proxy headers such as X-Forwarded-For are not read: any
// client can set them, so trusting them by default would let a client pick
// its own key and dodge its limit.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// GlobalKeyFunc keys every request by GlobalKey: one limit for all clients
// together. Several servers sharing a Redis with this key enforce one
// limit across the whole fleet, whoever sends the traffic.
func GlobalKeyFunc(*http.Request) string { return GlobalKey }

// HandlerOptions configures Handler. The zero value keys by ClientIP.
type HandlerOptions struct {
	// Key picks the limiter key of a request; nil means ClientIP.
	Key KeyFunc
	// OnError, when non-nil, is called with every limiter error (a Redis
	// that is down or slow) before the 503 is sent, for logging.
	OnError func(error)
}

// Response is the JSON body Handler answers with, 200 or 429. Durations
// are whole milliseconds, rounded up.
type Response struct {
	Allowed      bool  `json:"allowed"`
	Limit        int   `json:"limit"`
	Remaining    int   `json:"remaining"`
	ResetAfterMS int64 `json:"reset_after_ms"`
	RetryAfterMS int64 `json:"retry_after_ms"`
}

// Handler returns the lab's rate-limited endpoint: every request, whatever
// its method and path, is one decision of l under the key opts.Key picks.
//
//   - admitted: 200 and {"allowed":true,"limit":…,"remaining":…,…}
//   - rejected: 429, the same body with "allowed":false, and Retry-After
//   - limiter error: 503 {"error":"rate limiter unavailable"} with
//     Retry-After: 1
//
// The 200 and 429 carry the headers of SetHeaders. A limiter error fails
// closed: this is a demo endpoint whose only job is to show the limit
// holding, and a limiter that cannot answer cannot promise that, whereas a
// production API usually fails open, so that a limiter outage does not
// become an API outage, except for security limits (login attempts,
// password resets), which must fail closed. (The shortener's API fails
// open for that reason: there the limiter protects a service whose job is
// to redirect.)
func Handler(l Limiter, opts HandlerOptions) http.Handler {
	key := opts.Key
	if key == nil {
		key = ClientIP
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := l.Allow(r.Context(), key(r))
		hdr := w.Header()
		hdr.Set("Content-Type", "application/json")
		hdr.Set("Cache-Control", "no-store")
		if err != nil {
			if opts.OnError != nil {
				opts.OnError(err)
			}
			hdr.Set("Retry-After", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(map[string]string{"error": "rate limiter unavailable"})
			return
		}
		SetHeaders(hdr, d)
		status := http.StatusOK
		if !d.Allowed {
			status = http.StatusTooManyRequests
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(Response{
			Allowed:      d.Allowed,
			Limit:        d.Limit,
			Remaining:    d.Remaining,
			ResetAfterMS: ceilUnits(d.ResetAfter, time.Millisecond),
			RetryAfterMS: ceilUnits(d.RetryAfter, time.Millisecond),
		})
	})
}

// SetHeaders writes d as the rate-limit response fields of
// draft-ietf-httpapi-ratelimit-headers in the three-field form of its
// drafts 00–06, the form most clients and gateways read (later drafts fold
// them into RateLimit and RateLimit-Policy):
//
//	RateLimit-Limit      d.Limit, the most requests admitted at one instant
//	RateLimit-Remaining  d.Remaining
//	RateLimit-Reset      d.ResetAfter in whole seconds, rounded up
//	Retry-After          only when rejected: d.RetryAfter in whole seconds,
//	                     rounded up and at least 1
//
// Rounding up matters: a client that waits the advertised time must not be
// rejected again for having come back a fraction of a second early.
func SetHeaders(h http.Header, d Decision) {
	h.Set("RateLimit-Limit", strconv.Itoa(d.Limit))
	h.Set("RateLimit-Remaining", strconv.Itoa(d.Remaining))
	h.Set("RateLimit-Reset", strconv.FormatInt(ceilUnits(d.ResetAfter, time.Second), 10))
	if !d.Allowed {
		h.Set("Retry-After", strconv.FormatInt(max(ceilUnits(d.RetryAfter, time.Second), 1), 10))
	}
}

// ceilUnits returns ⌈d/unit⌉, 0 for d ≤ 0.
func ceilUnits(d, unit time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	return int64((d-1)/unit) + 1
}
