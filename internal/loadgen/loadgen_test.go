package loadgen

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestSummarizeKnownData(t *testing.T) {
	var ms []time.Duration
	for i := 100; i >= 1; i-- { // unsorted on purpose
		ms = append(ms, time.Duration(i)*time.Millisecond)
	}
	got := Summarize(ms)
	want := Percentiles{Count: 100, Min: time.Millisecond, Mean: 50500 * time.Microsecond,
		P50: 50 * time.Millisecond, P90: 90 * time.Millisecond, P99: 99 * time.Millisecond, Max: 100 * time.Millisecond}
	if got != want {
		t.Fatalf("Summarize(1..100 ms) = %+v; want %+v", got, want)
	}
	if !slices.IsSorted(ms) {
		t.Error("Summarize did not sort in place")
	}
	one := Summarize([]time.Duration{7})
	if one.P50 != 7 || one.P99 != 7 || one.Max != 7 || one.Min != 7 {
		t.Errorf("single sample = %+v", one)
	}
	// 10 samples: p99 is the 10th (ceil(9.9)), p90 the 9th, p50 the 5th.
	ten := Summarize([]time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 1000})
	if ten.P50 != 5 || ten.P90 != 9 || ten.P99 != 1000 {
		t.Errorf("ten samples = %+v", ten)
	}
	if (Summarize(nil) != Percentiles{}) {
		t.Error("empty input should give zero percentiles")
	}
}

func TestRunCounts200And429(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%4 == 0 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	var calls []int
	res, err := Run(context.Background(), Config{URL: srv.URL, Requests: 400, Concurrency: 8}, func(done int) {
		calls = append(calls, done) // serialized by Run
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != 400 || res.Status[200] != 300 || res.Status[429] != 100 || res.Errors != 0 || len(res.Status) != 2 {
		t.Fatalf("result = %+v; want 300×200, 100×429", res)
	}
	if res.Latency.Count != 400 || res.Latency.Max < res.Latency.P99 || res.Latency.P99 < res.Latency.P50 || res.Latency.P50 <= 0 {
		t.Errorf("latency = %+v", res.Latency)
	}
	if want := 400 / res.Duration.Seconds(); res.Throughput != want || res.Duration <= 0 {
		t.Errorf("throughput %v over %v, want %v: responses per second", res.Throughput, res.Duration, want)
	}
	if len(calls) == 0 || calls[len(calls)-1] != 400 || !slices.IsSorted(calls) {
		t.Errorf("progress calls = %v; want increasing, ending at 400", calls)
	}
}

func TestRunDoesNotFollowRedirectsAndSendsBody(t *testing.T) {
	var followed, bodies atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("POST /go", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if string(b) == `{"x":1}` && r.Header.Get("Content-Type") == "application/json" {
			bodies.Add(1)
		}
		http.Redirect(w, r, "/target", http.StatusFound)
	})
	mux.HandleFunc("/target", func(http.ResponseWriter, *http.Request) { followed.Add(1) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := Run(context.Background(), Config{URL: srv.URL + "/go", Method: "POST", Body: []byte(`{"x":1}`), Requests: 50, Concurrency: 4}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status[302] != 50 || followed.Load() != 0 || bodies.Load() != 50 {
		t.Fatalf("status %v, followed %d, bodies %d; want 50×302, 0, 50", res.Status, followed.Load(), bodies.Load())
	}
}

func TestRunCountsTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	res, err := Run(context.Background(), Config{URL: url, Requests: 5, Concurrency: 2, Timeout: time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Errors != 5 || res.Requests != 5 || len(res.Status) != 0 || res.FirstError == "" {
		t.Fatalf("result = %+v; want 5 errors", res)
	}
	if res.Throughput != 0 || res.Latency.Count != 0 {
		t.Errorf("throughput %v, latency %+v: want none without a response", res.Throughput, res.Latency)
	}
}

// TestRunCancelInFlightIsNotAnError: requests cut short by cancelling
// the run (Ctrl-C) are neither errors nor responses.
func TestRunCancelInFlightIsNotAnError(t *testing.T) {
	const workers = 4
	arrived := make(chan struct{}, workers)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		select { // hold the request until the client goes away
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for range workers {
			<-arrived
		}
		cancel() // every worker has a request in flight
	}()
	res, err := Run(ctx, Config{URL: srv.URL, Requests: 100, Concurrency: workers}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
	if res.Errors != 0 || res.Requests != 0 || res.FirstError != "" {
		t.Fatalf("result = %+v; want no errors and no completed requests", res)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		if n.Add(1) == 10 {
			cancel()
		}
	}))
	defer srv.Close()
	const concurrency = 2
	res, err := Run(ctx, Config{URL: srv.URL, Requests: 1_000_000, Concurrency: concurrency}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v; want context.Canceled", err)
	}
	// When the 10th request reaches the server, at most `concurrency`
	// requests (the 10th among them) are in flight; cancelling aborts
	// those, and aborted requests are not counted. So at least
	// 10-concurrency requests completed, and far fewer than asked for.
	if res.Requests >= 1_000_000 || res.Requests < 10-concurrency {
		t.Fatalf("completed %d requests; want a partial run of at least %d", res.Requests, 10-concurrency)
	}
}

func TestRefusesRemoteTargets(t *testing.T) {
	for u, host := range map[string]string{
		"http://example.com/":      "example.com",
		"http://10.0.0.1:8080/x":   "10.0.0.1",
		"https://[2001:db8::1]/":   "2001:db8::1",
		"http://127.0.0.1.nip.io/": "127.0.0.1.nip.io",
	} {
		_, err := Run(context.Background(), Config{URL: u, Requests: 1, Concurrency: 1}, nil)
		if !errors.Is(err, ErrRemoteTarget) || !strings.Contains(err.Error(), `"`+host+`"`) {
			t.Errorf("Run(%s) = %v; want ErrRemoteTarget naming %q", u, err, host)
		}
	}
	// With AllowRemote the target is accepted (checked without sending).
	cfg := Config{URL: "http://192.0.2.1:1/", Requests: 1, Concurrency: 1, AllowRemote: true}
	if _, err := cfg.normalize(); err != nil {
		t.Errorf("AllowRemote still refused: %v", err)
	}
	for _, h := range []string{"127.0.0.1", "127.9.9.9", "::1", "localhost", "LOCALHOST"} {
		if !IsLoopback(h) {
			t.Errorf("IsLoopback(%q) = false", h)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, cfg := range []Config{
		{URL: "http://127.0.0.1/", Requests: 0, Concurrency: 1},
		{URL: "http://127.0.0.1/", Requests: 1, Concurrency: 0},
		{URL: "http://127.0.0.1/", Requests: 1, Concurrency: 1, Timeout: -time.Second},
		{URL: "ftp://127.0.0.1/", Requests: 1, Concurrency: 1},
		{URL: "127.0.0.1:80", Requests: 1, Concurrency: 1},
	} {
		if _, err := Run(context.Background(), cfg, nil); !errors.Is(err, ErrInvalidConfig) {
			t.Errorf("Run(%+v) = %v; want ErrInvalidConfig", cfg, err)
		}
	}
}
