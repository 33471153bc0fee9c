package shortener

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

type testServer struct {
	svc   *Service
	store *MemoryStore
	h     http.Handler
}

func newTestServer(t *testing.T, opts ServerOptions) *testServer {
	t.Helper()
	store := NewMemoryStore()
	svc, _ := newTestService(t, store, Config{Strategy: Counter})
	return &testServer{svc: svc, store: store, h: NewServer(svc, opts)}
}

func (ts *testServer) do(method, path, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	ts.h.ServeHTTP(rec, req)
	return rec
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type = %q; want application/json", ct)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	return v
}

const jsonCT = "application/json"

func TestServerCreateRedirectStats(t *testing.T) {
	ts := newTestServer(t, ServerOptions{})
	rec := ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com/long?x=1"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST = %d %s", rec.Code, rec.Body)
	}
	created := decode[createResponse](t, rec)
	if created.Code != "1" || created.ShortURL != "http://example.com/1" || created.URL != "https://example.com/long?x=1" {
		t.Fatalf("created = %+v", created)
	}

	rec = ts.do("GET", "/1", "", "")
	if rec.Code != http.StatusFound || rec.Header().Get("Location") != "https://example.com/long?x=1" {
		t.Fatalf("GET /1 = %d Location %q", rec.Code, rec.Header().Get("Location"))
	}
	ts.svc.Close() // flush the click
	rec = ts.do("GET", "/api/urls/1", "", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("stats = %d %s", rec.Code, rec.Body)
	}
	st := decode[statsResponse](t, rec)
	if st.Code != "1" || st.URL != created.URL || st.Clicks != 1 || !st.CreatedAt.Equal(fixedNow) {
		t.Fatalf("stats = %+v", st)
	}
	if !strings.Contains(rec.Body.String(), `"created_at":"2026-01-02T03:04:05Z"`) {
		t.Errorf("created_at not RFC 3339: %s", rec.Body)
	}
}

func TestServerAliasAndBaseURL(t *testing.T) {
	ts := newTestServer(t, ServerOptions{BaseURL: "https://sho.rt/", Permanent: true})
	rec := ts.do("POST", "/api/urls", "application/json; charset=utf-8", `{"url":"https://example.com","alias":"my-link"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST = %d %s", rec.Code, rec.Body)
	}
	if got := decode[createResponse](t, rec); got.ShortURL != "https://sho.rt/my-link" {
		t.Errorf("short_url = %q", got.ShortURL)
	}
	rec = ts.do("GET", "/my-link", "", "")
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "https://example.com" {
		t.Fatalf("GET = %d %q; want 301", rec.Code, rec.Header().Get("Location"))
	}
	rec = ts.do("POST", "/api/urls", "", `{"url":"https://example.org","alias":"my-link"}`)
	if rec.Code != http.StatusConflict {
		t.Fatalf("taken alias = %d %s; want 409", rec.Code, rec.Body)
	}
}

func TestServerErrors(t *testing.T) {
	ts := newTestServer(t, ServerOptions{})
	big := `{"url":"https://example.com/` + strings.Repeat("a", DefaultMaxBodyBytes) + `"}`
	tests := []struct {
		name, method, path, ct, body string
		want                         int
	}{
		{"bad url", "POST", "/api/urls", jsonCT, `{"url":"javascript:alert(1)"}`, 400},
		{"relative url", "POST", "/api/urls", jsonCT, `{"url":"/x"}`, 400},
		{"missing url", "POST", "/api/urls", jsonCT, `{}`, 400},
		{"bad alias", "POST", "/api/urls", jsonCT, `{"url":"https://e.com","alias":"a b"}`, 400},
		{"reserved alias", "POST", "/api/urls", jsonCT, `{"url":"https://e.com","alias":"API"}`, 400},
		{"bad json", "POST", "/api/urls", jsonCT, `{"url":`, 400},
		{"empty body", "POST", "/api/urls", jsonCT, ``, 400},
		{"unknown field", "POST", "/api/urls", jsonCT, `{"link":"https://e.com"}`, 400},
		{"two objects", "POST", "/api/urls", jsonCT, `{"url":"https://e.com"}{}`, 400},
		{"not json", "POST", "/api/urls", "application/x-www-form-urlencoded", `url=https://e.com`, 415},
		{"too large", "POST", "/api/urls", jsonCT, big, 413},
		{"unknown code", "GET", "/nope123", "", "", 404},
		{"invalid code", "GET", "/no.pe", "", "", 404},
		{"unknown stats", "GET", "/api/urls/nope123", "", "", 404},
		{"delete code", "DELETE", "/abc", "", "", 405},
		{"put stats", "PUT", "/api/urls/abc", "", "", 405},
		{"get create", "GET", "/api/urls", "", "", 405},
		{"post healthz", "POST", "/healthz", "", "", 405},
		{"trailing slash", "GET", "/abc/", "", "", 404},
		{"deep path", "GET", "/a/b/c", "", "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := ts.do(tt.method, tt.path, tt.ct, tt.body)
			if rec.Code != tt.want {
				t.Fatalf("%s %s = %d %s; want %d", tt.method, tt.path, rec.Code, rec.Body, tt.want)
			}
			if e := decode[map[string]string](t, rec); e["error"] == "" {
				t.Fatalf("no error message in %s", rec.Body)
			}
		})
	}
	if ts.store.Len() != 0 {
		t.Errorf("failed requests created %d links", ts.store.Len())
	}
}

// brokenStore fails every operation, to check that store errors are 500s
// that do not leak their details.
type brokenStore struct{ *MemoryStore }

func (brokenStore) Create(context.Context, Link) error { return context.DeadlineExceeded }
func (brokenStore) NextID(context.Context) (uint64, error) {
	return 0, context.DeadlineExceeded
}

func TestServerStoreFailureIs500(t *testing.T) {
	svc, _ := newTestService(t, brokenStore{NewMemoryStore()}, Config{})
	ts := &testServer{svc: svc, h: NewServer(svc, ServerOptions{})}
	rec := ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com"}`)
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "deadline") {
		t.Fatalf("POST = %d %s; want 500 without details", rec.Code, rec.Body)
	}
}

// A HEAD of a short link answers like GET but is not a click.
func TestServerHeadIsNotAClick(t *testing.T) {
	ts := newTestServer(t, ServerOptions{})
	created := decode[createResponse](t, ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com/h"}`))
	for range 3 {
		rec := ts.do("HEAD", "/"+created.Code, "", "")
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != "https://example.com/h" {
			t.Fatalf("HEAD = %d Location %q; want 302 to the link", rec.Code, rec.Header().Get("Location"))
		}
	}
	if rec := ts.do("GET", "/"+created.Code, "", ""); rec.Code != http.StatusFound {
		t.Fatalf("GET = %d; want 302", rec.Code)
	}
	if err := ts.svc.Close(); err != nil {
		t.Fatal(err)
	}
	if l, _ := ts.svc.Lookup(context.Background(), created.Code); l.Clicks != 1 {
		t.Fatalf("clicks = %d after 3 HEADs and 1 GET; want 1", l.Clicks)
	}
	if rec := ts.do("DELETE", "/"+created.Code, "", ""); rec.Header().Get("Allow") != "GET, HEAD" {
		t.Fatalf("405 Allow = %q; want GET, HEAD", rec.Header().Get("Allow"))
	}
}

func TestServerHealthAndMethods(t *testing.T) {
	ts := newTestServer(t, ServerOptions{})
	if rec := ts.do("GET", "/healthz", "", ""); rec.Code != http.StatusOK || decode[map[string]string](t, rec)["status"] != "ok" {
		t.Fatalf("healthz = %d %s", rec.Code, rec.Body)
	}
	if rec := ts.do("DELETE", "/api/urls", "", ""); rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("DELETE /api/urls = %d; want 405", rec.Code)
	}
}

func TestServerHashExistingIs200(t *testing.T) {
	svc, _ := newTestService(t, NewMemoryStore(), Config{Strategy: Hash})
	ts := &testServer{svc: svc, h: NewServer(svc, ServerOptions{})}
	first := ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com"}`)
	again := ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com"}`)
	if first.Code != 201 || again.Code != 200 || decode[createResponse](t, first).Code != decode[createResponse](t, again).Code {
		t.Fatalf("first %d %s, again %d %s", first.Code, first.Body, again.Code, again.Body)
	}
}

func TestServerRateLimit(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	lim, err := ratelimit.NewMemory(ratelimit.Config{Algorithm: ratelimit.TokenBucket, Limit: 2, Window: time.Minute, Burst: 2},
		ratelimit.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, ServerOptions{Limiter: lim})
	ts.do("POST", "/api/urls", jsonCT, `{"url":"https://example.com","alias":"lim"}`)
	if rec := ts.do("GET", "/lim", "", ""); rec.Code != http.StatusFound || rec.Header().Get("RateLimit-Remaining") != "0" {
		t.Fatalf("second request = %d remaining %q; want 302 with 0 remaining", rec.Code, rec.Header().Get("RateLimit-Remaining"))
	}
	rec := ts.do("GET", "/lim", "", "")
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("third request = %d; want 429", rec.Code)
	}
	// 2 per minute: the next token is 30 s away.
	if ra := rec.Header().Get("Retry-After"); ra != "30" {
		t.Errorf("Retry-After = %q; want 30", ra)
	}
	if msg := decode[map[string]string](t, rec)["error"]; msg != "rate limit exceeded, retry in 30 seconds" {
		t.Errorf("429 message %q; want the wait in whole seconds, as Retry-After", msg)
	}
	if rec := ts.do("GET", "/healthz", "", ""); rec.Code != http.StatusOK {
		t.Errorf("healthz is rate limited: %d", rec.Code)
	}
	// Another client IP has its own bucket.
	req := httptest.NewRequest("GET", "/lim", nil)
	req.RemoteAddr = "192.0.2.9:1234"
	other := httptest.NewRecorder()
	ts.h.ServeHTTP(other, req)
	if other.Code != http.StatusFound {
		t.Errorf("other client = %d; want 302", other.Code)
	}
}

// TestServerRefusesItsOwnLinks: a URL at the server's own Host header or
// BaseURL is a 400, not a link to a link.
func TestServerRefusesItsOwnLinks(t *testing.T) {
	post := func(ts *testServer, host, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/api/urls", strings.NewReader(body))
		req.Host = host
		req.Header.Set("Content-Type", jsonCT)
		rec := httptest.NewRecorder()
		ts.h.ServeHTTP(rec, req)
		return rec
	}
	ts := newTestServer(t, ServerOptions{})
	for _, u := range []string{"http://127.0.0.1:8080/go-docs", "http://localhost:8080/1"} {
		rec := post(ts, "127.0.0.1:8080", `{"url":"`+u+`"}`)
		if rec.Code != http.StatusBadRequest || rec.Body.String() != `{"error":"invalid url: points back at this shortener"}`+"\n" {
			t.Errorf("shorten %s on 127.0.0.1:8080 = %d %s; want 400 points back", u, rec.Code, rec.Body)
		}
	}
	if rec := post(ts, "127.0.0.1:8080", `{"url":"http://127.0.0.1:8081/other"}`); rec.Code != http.StatusCreated {
		t.Errorf("another port on loopback = %d %s; want 201", rec.Code, rec.Body)
	}
	if ts.store.Len() != 1 {
		t.Errorf("%d links stored; want only the other port's", ts.store.Len())
	}
	behind := newTestServer(t, ServerOptions{BaseURL: "https://sho.rt"})
	if rec := post(behind, "127.0.0.1:8080", `{"url":"https://sho.rt/abc"}`); rec.Code != http.StatusBadRequest {
		t.Errorf("a link under BaseURL = %d %s; want 400", rec.Code, rec.Body)
	}
}

func TestRetrySeconds(t *testing.T) {
	for d, want := range map[time.Duration]int{0: 1, time.Millisecond: 1, time.Second: 1, 1001 * time.Millisecond: 2, 30 * time.Second: 30} {
		if got := retrySeconds(d); got != want {
			t.Errorf("retrySeconds(%v) = %d; want %d", d, got, want)
		}
	}
}

func TestServeShutsDownAndFlushes(t *testing.T) {
	store := NewMemoryStore()
	svc := NewService(store, Config{FlushTick: make(chan time.Time), Now: clock})
	res, _ := svc.Shorten(context.Background(), "https://example.com", "")
	ln := listenLoopback(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeListener(ctx, ln, NewServer(svc, ServerOptions{}), svc) }()

	client := noRedirectClient()
	resp, err := client.Get("http://" + ln.Addr().String() + "/" + res.Link.Code)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("GET = %d; want 302", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("ServeListener = %v", err)
	}
	if l, _ := store.Get(context.Background(), res.Link.Code); l.Clicks != 1 {
		t.Fatalf("clicks after shutdown = %d; want 1", l.Clicks)
	}
	if _, err := client.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Fatal("server still answering after shutdown")
	}
}

func TestServeAddr(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // already cancelled: listen, then shut down at once
	if err := Serve(ctx, "127.0.0.1:0", http.NotFoundHandler(), nil); err != nil {
		t.Fatalf("Serve = %v; want nil after a clean shutdown", err)
	}
	if err := Serve(context.Background(), "127.0.0.1:99999", http.NotFoundHandler(), nil); err == nil {
		t.Fatal("Serve on an invalid port returned nil")
	}
}
