package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sdprep/sdprep/designs/ratelimit"
	"github.com/sdprep/sdprep/internal/loadgen"
	"github.com/sdprep/sdprep/internal/redistest"
)

// labRateLimitOpts parses args into options without running anything.
func labRateLimitOpts(t *testing.T, terminal bool, args ...string) (*LabRateLimitOptions, *Factory) {
	t.Helper()
	f, _, _ := testFactory(t)
	f.IO.IsTerminal = terminal
	var got *LabRateLimitOptions
	c := NewCmdLabRateLimit(f, func(o *LabRateLimitOptions) error { got = o; return nil })
	c.SetArgs(args)
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	return got, f
}

func TestLabRateLimitFlags(t *testing.T) {
	o, _ := labRateLimitOpts(t, false)
	if o.Algorithm != "token-bucket" || o.Rate != "10/s" || o.Burst != 20 || o.Addr != "127.0.0.1:8081" ||
		o.Store != "memory" || o.Key != "ip" || o.Seed != 1 || o.Format != "text" || o.Serve || o.Simulate || o.Interactive {
		t.Errorf("defaults: %+v", *o)
	}
	o, _ = labRateLimitOpts(t, false, "--serve", "--algo", "sliding-log", "--rate", "1000/h", "--store", "redis://127.0.0.1:6390/2",
		"--key", "global", "--addr", "127.0.0.1:0")
	if !o.Serve || o.Algorithm != "sliding-log" || o.Rate != "1000/h" || o.Store != "redis://127.0.0.1:6390/2" || o.Key != "global" ||
		o.Addr != "127.0.0.1:0" || !o.Set["store"] || o.Set["burst"] {
		t.Errorf("serve flags: %+v", *o)
	}
	for _, tt := range []struct {
		args        []string
		interactive bool
	}{
		{nil, true},
		{[]string{"--algo", "fixed-window", "--rate", "5/s", "--seed", "9"}, true},
		{[]string{"--simulate"}, false},
		{[]string{"--pattern", "spike"}, false},
		{[]string{"--format", "json"}, false},
		{[]string{"--serve"}, false},
		{[]string{"--explain"}, false},
	} {
		o, _ := labRateLimitOpts(t, true, tt.args...)
		if o.Interactive != tt.interactive {
			t.Errorf("%v on a terminal: interactive %v, want %v", tt.args, o.Interactive, tt.interactive)
		}
	}
}

func TestLabRateLimitBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--rate", "abc"}, []string{"--rate", `"abc"`, "10/s"}},
		{[]string{"--rate", "0/s"}, []string{"--rate", `"0/s"`}},
		{[]string{"--rate", "5/fortnight"}, []string{"--rate", "fortnight"}},
		{[]string{"--algo", "bogus"}, []string{"--algorithm", `"bogus"`, "token-bucket", "sliding-window"}},
		{[]string{"--burst", "-1"}, []string{"--burst", `"-1"`}},
		{[]string{"--pattern", "tsunami"}, []string{"--pattern", `"tsunami"`, "window-edge"}},
		{[]string{"--duration", "2h"}, []string{"--duration", `"2h"`, "1h"}},
		{[]string{"--duration", "soon"}, []string{"--duration", `"soon"`}},
		{[]string{"--format", "yaml"}, []string{"--format", `"yaml"`, "json"}},
		{[]string{"--serve", "--simulate"}, []string{"--serve", "--simulate"}},
		{[]string{"--serve", "--pattern", "spike"}, []string{"--pattern", "--serve"}},
		{[]string{"--explain", "--serve"}, []string{"--explain"}},
		{[]string{"--store", "memory"}, []string{"--store", "--serve"}},
		{[]string{"--serve", "--store", "postgres://x"}, []string{"--store", `"postgres://x"`, "redis://"}},
		{[]string{"--serve", "--store", "redis://127.0.0.1:6379/notadb"}, []string{"--store", "notadb"}},
		{[]string{"--serve", "--key", "user"}, []string{"--key", `"user"`, "global"}},
		{[]string{"--serve", "--addr", "8081"}, []string{"--addr", `"8081"`, "host:port"}},
		{[]string{"--serve", "--addr", "127.0.0.1:99999"}, []string{"--addr", "99999"}},
		{[]string{"--rate", "1M/ms", "--duration", "1h"}, []string{"--rate", "--duration 1h", "5,400,001,500,000 requests", "2,000,000"}},
		{[]string{"--rate", "10/0s"}, []string{`--rate "10/0s": the window must be from 1µs to 366 days`}},
		{[]string{"--rate", "10/400d"}, []string{`--rate "10/400d": the window must be from 1µs to 366 days`}},
		{[]string{"--rate", "2000000000/s"}, []string{`--rate "2000000000/s": the limit must be from 1 to 1,000,000,000`}},
		{[]string{"--burst", "2000000000"}, []string{"--burst", "1,000,000,000"}},
		{[]string{"--seed", "-1"}, []string{"--seed", "-1"}},
		{[]string{"extra"}, []string{"extra"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantUsageError(t, tt.want, append([]string{"lab", "ratelimit"}, tt.args...)...)
		})
	}
}

// simJSON runs a simulation with --format json and decodes it.
func simJSON(t *testing.T, args ...string) simReport {
	t.Helper()
	out, errOut, code := run(t, append([]string{"lab", "ratelimit", "--simulate", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep simReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	return rep
}

func TestLabRateLimitSimulateJSON(t *testing.T) {
	rep := simJSON(t, "--pattern", "window-edge", "--rate", "10/s", "--burst", "20", "--seed", "3", "--duration", "20s")
	if rep.Pattern != ratelimit.WindowEdge || rep.Seed != 3 || rep.DurationSeconds != 20 || rep.Rate != "10/s" ||
		rep.Limit != 10 || rep.WindowSeconds != 1 || rep.Burst != 20 {
		t.Errorf("header fields: %+v", rep)
	}
	if len(rep.Results) != 5 {
		t.Fatalf("%d results, want one per algorithm", len(rep.Results))
	}
	byAlg := map[ratelimit.Algorithm]simRow{}
	for i, r := range rep.Results {
		if r.Algorithm != ratelimit.Algorithms()[i] {
			t.Errorf("result %d is %v, want algorithms in order", i, r.Algorithm)
		}
		if r.Offered != rep.Results[0].Offered || r.Admitted+r.Rejected != r.Offered || r.Offered == 0 {
			t.Errorf("%v: offered %d admitted %d rejected %d (first offered %d)", r.Algorithm, r.Offered, r.Admitted, r.Rejected, rep.Results[0].Offered)
		}
		byAlg[r.Algorithm] = r
	}
	if r := byAlg[ratelimit.SlidingLog]; r.MaxInWindow > rep.Limit {
		t.Errorf("sliding log admitted %d in one window, limit %d", r.MaxInWindow, rep.Limit)
	}
	if r := byAlg[ratelimit.FixedWindow]; r.MaxInWindow <= rep.Limit || r.MaxInWindow > 2*rep.Limit {
		t.Errorf("fixed window at its edges admitted %d in one window; want more than %d and at most %d", r.MaxInWindow, rep.Limit, 2*rep.Limit)
	}
	if a, b := byAlg[ratelimit.TokenBucket], byAlg[ratelimit.LeakyBucket]; a.Admitted != b.Admitted || a.Capacity != 20 {
		t.Errorf("token bucket %+v and leaky bucket %+v should admit the same, capacity 20", a, b)
	}

	one := simJSON(t, "--algo", "sliding-window", "--pattern", "window-edge", "--seed", "3", "--duration", "20s")
	if len(one.Results) != 1 || !reflect.DeepEqual(one.Results[0], byAlg[ratelimit.SlidingWindow]) {
		t.Errorf("--algo sliding-window: %+v, want just %+v", one.Results, byAlg[ratelimit.SlidingWindow])
	}
}

func TestLabRateLimitSimulateDeterministic(t *testing.T) {
	for _, format := range []string{"text", "markdown", "json"} {
		args := []string{"lab", "ratelimit", "--pattern", "spike", "--seed", "42", "--format", format}
		a, _, code := run(t, args...)
		b, _, _ := run(t, args...)
		if code != 0 || a != b || a == "" {
			t.Errorf("%s: exit %d; two runs with one seed differ:\n%s\n---\n%s", format, code, a, b)
		}
		c, _, _ := run(t, "lab", "ratelimit", "--pattern", "spike", "--seed", "43", "--format", format)
		if c == a {
			t.Errorf("%s: seeds 42 and 43 print the same output", format)
		}
	}
}

func TestLabRateLimitPipedPrintsSimulation(t *testing.T) {
	out, errOut, code := run(t, "lab", "ratelimit", "--rate", "100/min", "--algo", "fixed-window")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"steady traffic for 10s at 100/min", "seed 1", "fixed-window", "max in any 1min"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "token-bucket") {
		t.Errorf("--algo fixed-window printed other algorithms:\n%s", out)
	}
	md, _, _ := run(t, "lab", "ratelimit", "--format", "markdown")
	if !strings.HasPrefix(md, "# Rate-limit simulation") || !strings.Contains(md, "| sliding-log |") {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestLabRateLimitExplain(t *testing.T) {
	out, _, code := run(t, "lab", "ratelimit", "--explain")
	if code != 0 {
		t.Fatal(code)
	}
	for _, a := range ratelimit.Algorithms() {
		if !strings.Contains(out, a.String()+"\n") {
			t.Errorf("--explain lacks %v", a)
		}
	}
	out, _, _ = run(t, "lab", "ratelimit", "--explain", "--algo", "leaky-bucket", "--format", "json")
	var list []explanation
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 ||
		list[0].Algorithm != ratelimit.LeakyBucket || list[0].Explanation != ratelimit.Explain(ratelimit.LeakyBucket) {
		t.Errorf("json explain: %v %+v", err, list)
	}
}

// startRateLimitServer runs `sdprep lab ratelimit --serve` with args in the
// background and returns its address and a stop function that cancels it
// and returns what the run returned.
func startRateLimitServer(t *testing.T, args ...string) (addr string, stderr func() string, stop func() error) {
	t.Helper()
	f, _, errOut := testFactory(t)
	var opts *LabRateLimitOptions
	c := NewCmdLabRateLimit(f, func(o *LabRateLimitOptions) error { opts = o; return nil })
	c.SetArgs(append([]string{"--serve", "--addr", "127.0.0.1:0"}, args...))
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	addr, stop = serveInBackground(t, &opts.onListen, func(ctx context.Context) error { return runLabRateLimit(ctx, opts) })
	return addr, func() string { stop(); return errOut.String() }, stop
}

func TestLabRateLimitServe(t *testing.T) {
	addr, stderr, stop := startRateLimitServer(t, "--algo", "fixed-window", "--rate", "2/h")
	client := &http.Client{Timeout: 5 * time.Second}
	var codes []int
	for range 3 {
		resp, err := client.Get("http://" + addr + "/anything")
		if err != nil {
			t.Fatal(err)
		}
		var body ratelimit.Response
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
		if resp.Header.Get("RateLimit-Limit") != "2" || resp.Header.Get("RateLimit-Reset") == "" || body.Limit != 2 {
			t.Errorf("headers %v body %+v", resp.Header, body)
		}
		if resp.StatusCode == http.StatusTooManyRequests && (resp.Header.Get("Retry-After") == "" || body.Allowed) {
			t.Errorf("429 without Retry-After or with allowed: %v %+v", resp.Header, body)
		}
	}
	if codes[0] != 200 || codes[1] != 200 || codes[2] != 429 {
		t.Errorf("statuses %v, want 200 200 429", codes)
	}
	if err := stop(); err != nil {
		t.Fatalf("graceful stop returned %v", err)
	}
	if _, err := client.Get("http://" + addr + "/"); err == nil {
		t.Error("server still answers after stop")
	}
	log := stderr()
	if !strings.Contains(log, "listening on http://"+addr+" (fixed-window 2/h, store memory, key ip)") || !strings.HasSuffix(log, "stopped\n") {
		t.Errorf("stderr:\n%s", log)
	}
}

// TestLabRateLimitRedisUnreachable: an unreachable Redis is one line on
// stderr, soon: go-redis's own logger, which writes straight to the
// process's stderr, is silenced, and the startup ping does not retry for
// seconds.
func TestLabRateLimitRedisUnreachable(t *testing.T) {
	rec := &redisLogRecorder{}
	redis.SetLogger(rec) // what go-redis would print; openRedis must replace it
	start := time.Now()
	_, errOut, code := run(t, "lab", "ratelimit", "--serve", "--addr", "127.0.0.1:0", "--store", "redis://127.0.0.1:1/0")
	elapsed := time.Since(start)
	if code != exitError {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	oneLine(t, errOut)
	if !strings.Contains(errOut, "cannot reach redis at 127.0.0.1:1: connect: connection refused") {
		t.Errorf("stderr %q does not name the Redis address and the cause", errOut)
	}
	if lines := rec.lines(); len(lines) > 0 {
		t.Errorf("go-redis logged %d lines: %q", len(lines), lines)
	}
	if elapsed > time.Second {
		t.Errorf("a refused connection took %v to report", elapsed)
	}
}

// redisLogRecorder is a go-redis logger that keeps what it is given.
type redisLogRecorder struct {
	mu  sync.Mutex
	got []string
}

func (r *redisLogRecorder) Printf(_ context.Context, format string, v ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, fmt.Sprintf(format, v...))
}

func (r *redisLogRecorder) lines() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// flakyLimiter fails while down is set.
type flakyLimiter struct{ down atomic.Bool }

func (f *flakyLimiter) Allow(context.Context, string) (ratelimit.Decision, error) {
	if f.down.Load() {
		return ratelimit.Decision{}, errors.New("dial tcp 127.0.0.1:6379: connect: connection refused")
	}
	return ratelimit.Decision{Allowed: true, Limit: 1}, nil
}

// TestWatchedLimiterLogsStateChanges: an outage is one line when it begins
// and one when it ends, however many requests fail in between; a request
// whose client went away is not counted.
func TestWatchedLimiterLogsStateChanges(t *testing.T) {
	var out strings.Builder
	f := &flakyLimiter{}
	w := watchLimiter(f, &out)
	ctx := context.Background()
	allow := func(ctx context.Context) error { _, err := w.Allow(ctx, "k"); return err }
	if allow(ctx) != nil || out.Len() != 0 {
		t.Fatalf("a working limiter logged %q", out.String())
	}
	f.down.Store(true)
	for range 1500 {
		if allow(ctx) == nil {
			t.Fatal("the error was swallowed")
		}
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	allow(gone) // the client hung up: not a limiter failure
	f.down.Store(false)
	for range 3 {
		allow(ctx)
	}
	f.down.Store(true)
	allow(ctx)
	want := "sdprep: limiter unavailable, answering 503 until it recovers: dial tcp 127.0.0.1:6379: connect: connection refused\n" +
		"sdprep: limiter recovered after 1,500 requests answered 503\n" +
		"sdprep: limiter unavailable, answering 503 until it recovers: dial tcp 127.0.0.1:6379: connect: connection refused\n"
	if out.String() != want {
		t.Errorf("log:\n%s\nwant:\n%s", out.String(), want)
	}
}

// TestLabRateLimitTwoServersOneRedis is the multi-server check: two
// servers, each with its own Redis client, share one limit with --key
// global, and two load generators hammer them at once.
func TestLabRateLimitTwoServersOneRedis(t *testing.T) {
	redisAddr := redistest.Start(t)
	tests := []struct {
		algo, rate, burst string
		limit             int
		// exact: the total admitted must equal limit; otherwise it may
		// exceed it by what refills while the test runs.
		exact bool
	}{
		// A sliding log over an hour admits exactly 1000 in any run
		// shorter than an hour: no boundary, no refill.
		{"sliding-log", "1000/h", "0", 1000, true},
		// A token bucket refills 1000/h (one token per 3.6 s) while the
		// test runs.
		{"token-bucket", "1000/h", "1000", 1000, false},
	}
	for db, tt := range tests {
		t.Run(tt.algo, func(t *testing.T) {
			store := "redis://" + redisAddr + "/" + string(rune('0'+db))
			args := []string{"--algorithm", tt.algo, "--rate", tt.rate, "--burst", tt.burst, "--store", store, "--key", "global"}
			a, _, _ := startRateLimitServer(t, args...)
			b, _, _ := startRateLimitServer(t, args...)
			start := time.Now()
			results := make([]loadgen.Result, 2)
			var wg sync.WaitGroup
			for i, addr := range []string{a, b} {
				wg.Go(func() {
					r, err := loadgen.Run(context.Background(), loadgen.Config{URL: "http://" + addr + "/", Requests: 1500, Concurrency: 16}, nil)
					if err != nil {
						t.Error(err)
					}
					results[i] = r
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			ok, rejected := results[0].Status[200]+results[1].Status[200], results[0].Status[429]+results[1].Status[429]
			t.Logf("%s: server A %v, server B %v, %v", tt.algo, results[0].Status, results[1].Status, elapsed)
			if ok+rejected != 3000 || results[0].Errors+results[1].Errors != 0 {
				t.Fatalf("%d admitted + %d rejected of 3000, errors %d/%d", ok, rejected, results[0].Errors, results[1].Errors)
			}
			bound := tt.limit
			if !tt.exact {
				bound += int(elapsed/(3600*time.Millisecond)) + 1 // tokens refilled during the run
			}
			if ok > bound || (tt.exact && ok != tt.limit) || ok < tt.limit {
				t.Errorf("admitted %d across both servers; want %d (at most %d)", ok, tt.limit, bound)
			}
		})
	}
}

// The JSON carries the 100 ms buckets the README promises, and they add
// up to the totals.
func TestLabRateLimitSimulateJSONBuckets(t *testing.T) {
	rep := simJSON(t, "--pattern", "spike", "--duration", "2s", "--seed", "5")
	for _, r := range rep.Results {
		if len(r.Buckets) != 20 {
			t.Fatalf("%v: %d buckets over 2s, want 20", r.Algorithm, len(r.Buckets))
		}
		admitted, rejected := 0, 0
		for i, b := range r.Buckets {
			if want := float64(i) / 10; b.StartSeconds < want-1e-9 || b.StartSeconds > want+1e-9 {
				t.Errorf("%v bucket %d starts at %v s, want %v", r.Algorithm, i, b.StartSeconds, want)
			}
			admitted += b.Admitted
			rejected += b.Rejected
		}
		if admitted != r.Admitted || rejected != r.Rejected {
			t.Errorf("%v: buckets add to %d/%d, totals %d/%d", r.Algorithm, admitted, rejected, r.Admitted, r.Rejected)
		}
	}
}
