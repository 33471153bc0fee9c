package cmd

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

func TestLabLoadFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *LabLoadOptions
	c := NewCmdLabLoad(f, func(o *LabLoadOptions) error { got = o; return nil })
	c.SetArgs([]string{"--url", "http://127.0.0.1:8080/abc"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.URL != "http://127.0.0.1:8080/abc" || got.Requests != "100000" || got.Concurrency != "64" || got.Method != "GET" ||
		got.Timeout != "5s" || got.Format != "text" || got.AllowRemote || got.Progress {
		t.Errorf("defaults: %+v", *got)
	}
	cfg, err := got.config()
	if err != nil || cfg.Requests != 100_000 || cfg.Concurrency != 64 || cfg.Timeout != 5*time.Second || cfg.Body != nil {
		t.Errorf("config: %+v %v", cfg, err)
	}

	body := filepath.Join(t.TempDir(), "body.json")
	if err := os.WriteFile(body, []byte(`{"url":"https://example.com/"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	c = NewCmdLabLoad(f, func(o *LabLoadOptions) error { got = o; return nil })
	c.SetArgs([]string{"--url", "http://example.com/", "--allow-remote", "--requests", "2.5K", "--concurrency", "8",
		"--method", "post", "--body", "@" + body, "--timeout", "250ms", "--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	cfg, err = got.config()
	format := got.Format
	if err != nil || !cfg.AllowRemote || cfg.Requests != 2500 || cfg.Concurrency != 8 || cfg.Method != "POST" ||
		string(cfg.Body) != `{"url":"https://example.com/"}` || cfg.Timeout != 250*time.Millisecond || format != "json" {
		t.Errorf("config: %+v %v %v", cfg, format, err)
	}
}

func TestLabLoadBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{nil, []string{"--url", "required"}},
		{[]string{"--url", "ftp://127.0.0.1/"}, []string{"--url", `"ftp://127.0.0.1/"`, "http"}},
		{[]string{"--url", "127.0.0.1:8080"}, []string{"--url", `"127.0.0.1:8080"`}},
		{[]string{"--url", "http://example.com/"}, []string{"--url", "example.com", "not loopback", "--allow-remote"}},
		{[]string{"--url", "http://10.0.0.1:8080/"}, []string{"--url", "10.0.0.1", "--allow-remote"}},
		{[]string{"--url", "http://127.0.0.1/", "--requests", "0"}, []string{"--requests", `"0"`, "10,000,000"}},
		{[]string{"--url", "http://127.0.0.1/", "--requests", "1.5"}, []string{"--requests", `"1.5"`}},
		{[]string{"--url", "http://127.0.0.1/", "--requests", "1B"}, []string{"--requests", `"1B"`}},
		{[]string{"--url", "http://127.0.0.1/", "--requests", "lots"}, []string{"--requests", `"lots"`}},
		{[]string{"--url", "http://127.0.0.1/", "--concurrency", "0"}, []string{"--concurrency", `"0"`, "from 1 to 10,000, like 16, 64 or 1K"}},
		{[]string{"--url", "http://127.0.0.1/", "--concurrency", "100K"}, []string{"--concurrency", `"100K"`, "10,000"}},
		{[]string{"--url", "http://127.0.0.1/", "--timeout", "0s"}, []string{"--timeout", `"0s"`}},
		{[]string{"--url", "http://127.0.0.1/", "--timeout", "forever"}, []string{"--timeout", `"forever"`}},
		{[]string{"--url", "http://127.0.0.1/", "--method", "GE T"}, []string{"--method", `"GE T"`}},
		{[]string{"--url", "http://127.0.0.1/", "--body", "@/no/such/file"}, []string{"--body", "/no/such/file", "no such file"}},
		{[]string{"--url", "http://127.0.0.1/", "--format", "xml"}, []string{"--format", `"xml"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantUsageError(t, tt.want, append([]string{"lab", "load"}, tt.args...)...)
		})
	}
}

// limitedServer is the rate-limit lab's handler on a loopback test server:
// a fixed window of limit per hour at a frozen clock, so exactly limit
// requests are admitted however fast they come.
func limitedServer(t *testing.T, limit int) string {
	t.Helper()
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	m, err := ratelimit.NewMemory(ratelimit.Config{Algorithm: ratelimit.FixedWindow, Limit: limit, Window: time.Hour},
		ratelimit.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ratelimit.Handler(m, ratelimit.HandlerOptions{}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

func TestLabLoadCountsAdmittedAndRejected(t *testing.T) {
	url := limitedServer(t, 100)
	out, errOut, code := run(t, "lab", "load", "--url", url, "--requests", "1000", "--concurrency", "16", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep loadReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if rep.Requests != 1000 || rep.Requested != 1000 || rep.Status[200] != 100 || rep.Status[429] != 900 || rep.Errors != 0 ||
		rep.Method != "GET" || rep.URL != url || rep.Concurrency != 16 {
		t.Errorf("report: %+v", rep)
	}
	l := rep.Latency
	if rep.DurationSeconds <= 0 || rep.ThroughputRPS <= 0 || l.Count != 1000 ||
		!(l.MinMS > 0 && l.MinMS <= l.P50MS && l.P50MS <= l.P90MS && l.P90MS <= l.P99MS && l.P99MS <= l.MaxMS) {
		t.Errorf("timings: %+v", rep)
	}
	var raw map[string]any
	json.Unmarshal([]byte(out), &raw)
	for _, k := range []string{"duration_seconds", "throughput_rps", "status", "errors", "latency"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("json lacks %q", k)
		}
	}
	if lat, _ := raw["latency"].(map[string]any); lat["p99_ms"] == nil || lat["p50_ms"] == nil {
		t.Errorf("latency fields: %v", raw["latency"])
	}

	out, _, _ = run(t, "lab", "load", "--url", limitedServer(t, 10), "--requests", "50", "--concurrency", "4")
	for _, want := range []string{"GET " + "http://127.0.0.1", "50 of 50, concurrency 4", "status      200: 10, 429: 40", "errors      0", "p99"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = run(t, "lab", "load", "--url", limitedServer(t, 10), "--requests", "20", "--format", "markdown")
	if !strings.HasPrefix(out, "# Load test") || !strings.Contains(out, "| status | 200: 10, 429: 10 |") {
		t.Errorf("markdown:\n%s", out)
	}
}

func TestLabLoadProgressAndErrors(t *testing.T) {
	f, out, errOut := testFactory(t)
	opts := &LabLoadOptions{IO: f.IO, URL: "http://127.0.0.1:1/", Requests: "200", Concurrency: "4", Method: "GET",
		Timeout: "2s", Format: "text", Progress: true}
	if err := runLabLoad(context.Background(), opts); !errors.Is(err, errSilent) {
		t.Fatalf("every request failed but the run returned %v", err)
	}
	if !strings.Contains(out.String(), "errors      200 (first: ") || !strings.Contains(out.String(), "status      none") {
		t.Errorf("refused connections not reported:\n%s", out)
	}
	// No response: no throughput and no latency to speak of.
	if !strings.Contains(out.String(), "throughput  0 req/s (no responses)\n") || !strings.Contains(out.String(), "latency     none (no responses)\n") {
		t.Errorf("a run without responses reports a rate or latencies:\n%s", out)
	}
	if e := errOut.String(); !strings.Contains(e, "\r100% [##############################] 200/200") || !strings.Contains(e, "\r\x1b[2K") {
		t.Errorf("progress line %q", e)
	}
}

func TestLabLoadInterrupted(t *testing.T) {
	f, out, errOut := testFactory(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	opts := &LabLoadOptions{IO: f.IO, URL: limitedServer(t, 5), Requests: "1000", Concurrency: "2", Method: "GET", Timeout: "1s", Format: "json"}
	err := runLabLoad(ctx, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	var rep loadReport
	if jerr := json.Unmarshal(out.Bytes(), &rep); jerr != nil || rep.Requested != 1000 || rep.Requests >= 1000 {
		t.Errorf("partial report: %+v %v", rep, jerr)
	}
	if !strings.Contains(errOut.String(), "interrupted after") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestLabLoadAllFailedExitsOne(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: every request is refused
	out, errOut, code := run(t, "lab", "load", "--url", "http://"+addr+"/", "--requests", "5", "--concurrency", "1")
	if code != exitError {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	if !strings.Contains(out, "errors      5") && !strings.Contains(out, "errors") {
		t.Errorf("report not printed: %q", out)
	}
	if !strings.Contains(errOut, "all 5 requests failed") {
		t.Errorf("stderr %q", errOut)
	}
}
