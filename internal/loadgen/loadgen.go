// Package loadgen is a small closed-loop HTTP load generator: Concurrency
// workers send Requests requests as fast as the server answers, and the
// result reports throughput, a status-code histogram and latency
// percentiles. It backs `sdprep lab load` and the shortener's benchmarks.
//
// It sends traffic only to loopback (127.0.0.0/8, ::1, localhost) unless
// Config.AllowRemote is set, so a typo cannot turn it on someone else's
// server. Redirects are not followed: a 302 is the response being measured.
package loadgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Named errors, checked with errors.Is.
var (
	// ErrInvalidConfig: a Config field is out of range; the message names it.
	ErrInvalidConfig = errors.New("loadgen: invalid config")
	// ErrRemoteTarget: the URL's host is not loopback and AllowRemote is off.
	ErrRemoteTarget = errors.New("loadgen: refusing non-loopback target")
)

// DefaultTimeout is the per-request timeout when Config.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// Config describes one run.
type Config struct {
	// URL is the target, e.g. "http://127.0.0.1:8080/abc1234".
	URL string
	// Method is the HTTP method; empty means GET.
	Method string
	// Requests is the total number of requests to send (≥ 1).
	Requests int
	// Concurrency is the number of workers, each with at most one request
	// in flight (≥ 1; capped at Requests).
	Concurrency int
	// Timeout bounds each request; zero means DefaultTimeout.
	Timeout time.Duration
	// Body is sent with every request (nil: no body).
	Body []byte
	// ContentType is the Content-Type of Body; empty means
	// "application/json" when Body is set.
	ContentType string
	// AllowRemote permits targets that are not loopback addresses.
	AllowRemote bool
}

// Result summarizes a run.
type Result struct {
	// Requests is the number of requests completed (responses + errors).
	// Requests cut short because ctx was cancelled are not counted: they
	// neither failed nor got an answer.
	Requests int `json:"requests"`
	// Duration is the wall time from the first send to the last answer.
	Duration time.Duration `json:"duration"`
	// Throughput is responses (of any status) per second of Duration.
	// Transport errors are left out: a refused connection fails in
	// microseconds, and counting it would report a dead server as fast.
	Throughput float64 `json:"throughput"`
	// Status counts responses by HTTP status code.
	Status map[int]int `json:"status"`
	// Errors counts requests that got no response (refused, timeout, …),
	// except those stopped by ctx.
	Errors int `json:"errors"`
	// FirstError is the first transport error seen, "" if none.
	FirstError string `json:"first_error,omitempty"`
	// Latency is over requests that got a response, measured until the
	// body is fully read.
	Latency Percentiles `json:"latency"`
}

func (c *Config) normalize() (*url.URL, error) {
	if c.Method == "" {
		c.Method = http.MethodGet
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Body != nil && c.ContentType == "" {
		c.ContentType = "application/json"
	}
	switch {
	case c.Requests < 1:
		return nil, fmt.Errorf("%w: requests = %d, want ≥ 1", ErrInvalidConfig, c.Requests)
	case c.Concurrency < 1:
		return nil, fmt.Errorf("%w: concurrency = %d, want ≥ 1", ErrInvalidConfig, c.Concurrency)
	case c.Timeout < 0:
		return nil, fmt.Errorf("%w: timeout = %v, want > 0", ErrInvalidConfig, c.Timeout)
	}
	c.Concurrency = min(c.Concurrency, c.Requests)
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: url %q, want http(s)://host[:port]/path", ErrInvalidConfig, c.URL)
	}
	if !c.AllowRemote && !IsLoopback(u.Hostname()) {
		return nil, fmt.Errorf("%w: host %q is not loopback (127.0.0.0/8, ::1, localhost); set AllowRemote to send traffic elsewhere", ErrRemoteTarget, u.Hostname())
	}
	return u, nil
}

// IsLoopback reports whether host is "localhost" or a loopback IP literal.
// Other names are not resolved: DNS could point anywhere.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// NewClient returns the client Run uses: a Transport tuned for many
// short requests to one host (idle connections kept for every worker, no
// proxy, no compression, no HTTP/2) that does not follow redirects.
func NewClient(concurrency int, timeout time.Duration) *http.Client {
	tr := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        concurrency,
		MaxIdleConnsPerHost: concurrency,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
	return &http.Client{
		Transport:     tr,
		Timeout:       timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// worker holds one goroutine's results; they are merged at the end so the
// hot loop shares nothing but the request counter.
type worker struct {
	latencies  []time.Duration
	status     map[int]int
	errors     int
	firstError string
}

// Run sends cfg.Requests requests with cfg.Concurrency workers and returns
// the summary. progress, when non-nil, is called with the number of
// completed requests about every 1% and at the end; calls are serialized
// and the count only grows. If ctx is cancelled the run stops early and
// Run returns the partial result with ctx's error.
func Run(ctx context.Context, cfg Config, progress func(done int)) (Result, error) {
	u, err := cfg.normalize()
	if err != nil {
		return Result{}, err
	}
	client := NewClient(cfg.Concurrency, cfg.Timeout)
	defer client.CloseIdleConnections()

	target := u.String()
	var next, done atomic.Int64
	rep := newReporter(cfg.Requests, progress)
	workers := make([]worker, cfg.Concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		w := &workers[i]
		w.latencies = make([]time.Duration, 0, cfg.Requests/cfg.Concurrency+1)
		w.status = make(map[int]int, 4)
		wg.Go(func() {
			for ctx.Err() == nil && next.Add(1) <= int64(cfg.Requests) {
				w.send(ctx, client, &cfg, target)
				rep.report(int(done.Add(1)))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep.final(int(done.Load()))
	return merge(workers, elapsed), ctx.Err()
}

func (w *worker) send(ctx context.Context, client *http.Client, cfg *Config, target string) {
	var body io.Reader
	if cfg.Body != nil {
		body = bytes.NewReader(cfg.Body)
	}
	req, err := http.NewRequestWithContext(ctx, cfg.Method, target, body)
	if err != nil {
		w.fail(ctx, err)
		return
	}
	if cfg.ContentType != "" {
		req.Header.Set("Content-Type", cfg.ContentType)
	}
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		w.fail(ctx, err)
		return
	}
	_, err = io.Copy(io.Discard, resp.Body) // drain so the connection is reused
	resp.Body.Close()
	if err != nil {
		w.fail(ctx, err)
		return
	}
	w.latencies = append(w.latencies, time.Since(t0))
	w.status[resp.StatusCode]++
}

// fail counts a request that got no response, unless the run was being
// cancelled: a request cut short by Ctrl-C is not the server's failure.
func (w *worker) fail(ctx context.Context, err error) {
	if ctx.Err() != nil {
		return
	}
	w.errors++
	if w.firstError == "" {
		w.firstError = err.Error()
	}
}

func merge(workers []worker, elapsed time.Duration) Result {
	res := Result{Duration: elapsed, Status: make(map[int]int)}
	n := 0
	for i := range workers {
		n += len(workers[i].latencies)
	}
	all := make([]time.Duration, 0, n)
	for i := range workers {
		w := &workers[i]
		all = append(all, w.latencies...)
		for code, c := range w.status {
			res.Status[code] += c
		}
		res.Errors += w.errors
		if res.FirstError == "" {
			res.FirstError = w.firstError
		}
	}
	res.Requests = len(all) + res.Errors
	if elapsed > 0 {
		res.Throughput = float64(len(all)) / elapsed.Seconds()
	}
	res.Latency = Summarize(all)
	return res
}

// reporter throttles progress calls to about one per 1% of the run.
type reporter struct {
	mu   sync.Mutex
	fn   func(int)
	step int
	last int
}

func newReporter(total int, fn func(int)) *reporter {
	return &reporter{fn: fn, step: max(1, total/100)}
}

func (r *reporter) report(done int) {
	if r.fn == nil || done%r.step != 0 {
		return
	}
	r.final(done)
}

func (r *reporter) final(done int) {
	if r.fn == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if done > r.last {
		r.last = done
		r.fn(done)
	}
}
