package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/internal/redistest"
)

func labShortenerOpts(t *testing.T, terminal bool, args ...string) *LabShortenerOptions {
	t.Helper()
	f, _, _ := testFactory(t)
	f.IO.IsTerminal = terminal
	var got *LabShortenerOptions
	c := NewCmdLabShortener(f, func(o *LabShortenerOptions) error { got = o; return nil })
	c.SetArgs(args)
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestLabShortenerFlags(t *testing.T) {
	o := labShortenerOpts(t, false)
	if o.Serve || o.Addr != "127.0.0.1:8080" || o.Store != "sqlite" || o.DB != "" || o.Memory || o.Permanent ||
		o.Strategy != "counter" || o.Rate != "" || o.BaseURL != "" || o.DataDir == "" || o.Interactive {
		t.Errorf("defaults: %+v", *o)
	}
	in, err := o.parse()
	if err != nil || in.store.kind != "sqlite" || in.db != filepath.Join(o.DataDir, "shortener.db") {
		t.Errorf("default store: %+v, %v", in, err)
	}
	o = labShortenerOpts(t, false, "--serve", "--memory", "--permanent", "--strategy", "random", "--seed", "7",
		"--rate", "100/s", "--base-url", "https://sho.rt", "--addr", "127.0.0.1:9000")
	in, err = o.parse()
	if err != nil {
		t.Fatal(err)
	}
	if in.store.kind != "memory" || in.cfg.Seed != 7 || in.cfg.Strategy.String() != "random" || in.limiter == nil ||
		!in.server.Permanent || in.server.BaseURL != "https://sho.rt" || o.Addr != "127.0.0.1:9000" {
		t.Errorf("parsed: %+v", in)
	}
	if o := labShortenerOpts(t, true); !o.Interactive {
		t.Error("a terminal without --serve should open the interactive lab")
	}
	if o := labShortenerOpts(t, true, "--serve"); o.Interactive {
		t.Error("--serve on a terminal should serve")
	}
	o = labShortenerOpts(t, false, "--store", "redis://127.0.0.1:6390/3")
	if in, err := o.parse(); err != nil || in.store.kind != "redis" || in.store.redis.DB != 3 || in.storeLabel() != "redis 127.0.0.1:6390/3" {
		t.Errorf("redis store: %+v %v", in.store, err)
	}
}

func TestLabShortenerBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{nil, []string{"needs a terminal", "--serve"}},
		{[]string{"--serve", "--store", "mysql"}, []string{"--store", `"mysql"`, "sqlite", "memory", "redis://"}},
		{[]string{"--serve", "--strategy", "uuid"}, []string{"--strategy", `"uuid"`, "counter, hash or random"}},
		{[]string{"--serve", "--rate", "lots"}, []string{"--rate", `"lots"`}},
		{[]string{"--serve", "--base-url", "ftp://x"}, []string{"--base-url", `"ftp://x"`, "https://"}},
		{[]string{"--serve", "--memory", "--db", "/tmp/x.db"}, []string{"--db", "memory"}},
		{[]string{"--serve", "--memory", "--store", "sqlite"}, []string{"--memory", "--store"}},
		{[]string{"--serve", "--db", ""}, []string{"--db"}},
		{[]string{"--serve", "--addr", "localhost"}, []string{"--addr", `"localhost"`}},
		{[]string{"--permanent"}, []string{"--permanent", "--serve"}},
		{[]string{"--rate", "5/s"}, []string{"--rate", "--serve"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			wantUsageError(t, tt.want, append([]string{"lab", "shortener"}, tt.args...)...)
		})
	}
}

// startShortener runs `sdprep lab shortener --serve` with args in the
// background on a free port.
func startShortener(t *testing.T, args ...string) (addr string, stop func() (error, string)) {
	t.Helper()
	f, _, errOut := testFactory(t)
	var opts *LabShortenerOptions
	c := NewCmdLabShortener(f, func(o *LabShortenerOptions) error { opts = o; return nil })
	c.SetArgs(append([]string{"--serve", "--addr", "127.0.0.1:0"}, args...))
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	addr, stopRun := serveInBackground(t, &opts.onListen, func(ctx context.Context) error { return runLabShortener(ctx, opts) })
	stop = func() (error, string) { err := stopRun(); return err, errOut.String() }
	return addr, stop
}

var noRedirects = &http.Client{
	Timeout:       5 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// post sends a create request and returns the status and decoded body.
func post(t *testing.T, addr, body string) (int, map[string]any) {
	t.Helper()
	resp, err := noRedirects.Post("http://"+addr+"/api/urls", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatalf("POST %s: %v", body, err)
	}
	return resp.StatusCode, m
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := noRedirects.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestLabShortenerServeSQLiteRestart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nested", "links.db") // the directory is created
	addr, stop := startShortener(t, "--db", db)

	status, created := post(t, addr, `{"url": "https://example.com/a/long/path?q=1"}`)
	code, _ := created["code"].(string)
	if status != http.StatusCreated || code == "" || created["short_url"] != "http://"+addr+"/"+code {
		t.Fatalf("create: %d %v", status, created)
	}
	if status, m := post(t, addr, `{"url": "https://example.com/", "alias": "my-link"}`); status != http.StatusCreated || m["code"] != "my-link" {
		t.Fatalf("alias: %d %v", status, m)
	}
	for _, tt := range []struct {
		body string
		want int
	}{
		{`{"url": "javascript:alert(1)"}`, http.StatusBadRequest},
		{`{"url": "https://example.com/` + strings.Repeat("a", 2100) + `"}`, http.StatusBadRequest},
		{`{"url": "https://example.com/` + strings.Repeat("a", 9000) + `"}`, http.StatusRequestEntityTooLarge},
		{`{"url": "https://example.org/", "alias": "my-link"}`, http.StatusConflict},
		{`{"url": "https://example.org/", "alias": "api"}`, http.StatusBadRequest},
	} {
		if status, m := post(t, addr, tt.body); status != tt.want || m["error"] == nil {
			t.Errorf("POST %.60s…: %d %v, want %d with an error", tt.body, status, m, tt.want)
		}
	}
	for range 3 {
		resp := get(t, "http://"+addr+"/"+code)
		if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "https://example.com/a/long/path?q=1" {
			t.Fatalf("redirect: %d %v", resp.StatusCode, resp.Header)
		}
	}
	if resp := get(t, "http://"+addr+"/nosuchcode"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown code: %d", resp.StatusCode)
	}
	err, log := stop()
	if err != nil {
		t.Fatalf("graceful stop: %v", err)
	}
	if !strings.Contains(log, "listening on http://"+addr+" (store sqlite "+db+", strategy counter, redirects 302, no rate limit)") ||
		!strings.Contains(log, "curl -s -X POST http://"+addr+"/api/urls") || !strings.Contains(log, "stopped: 3 clicks written, 0 dropped") {
		t.Errorf("stderr:\n%s", log)
	}

	// A new process on the same file resolves the old codes and sees the
	// clicks the first one flushed while shutting down.
	addr, _ = startShortener(t, "--db", db)
	if resp := get(t, "http://"+addr+"/my-link"); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "https://example.com/" {
		t.Errorf("alias after restart: %d %v", resp.StatusCode, resp.Header)
	}
	resp, err := noRedirects.Get("http://" + addr + "/api/urls/" + code)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var stats struct {
		URL    string `json:"url"`
		Clicks int    `json:"clicks"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil || stats.Clicks != 3 || stats.URL != "https://example.com/a/long/path?q=1" {
		t.Errorf("stats after restart: %+v %v", stats, err)
	}
}

func TestLabShortenerServeOptions(t *testing.T) {
	addr, stop := startShortener(t, "--memory", "--permanent", "--rate", "3/h", "--base-url", "https://sho.rt/",
		"--strategy", "random", "--seed", "5")
	_, m := post(t, addr, `{"url": "https://example.com/"}`)
	code, _ := m["code"].(string)
	if len(code) != 7 || m["short_url"] != "https://sho.rt/"+code {
		t.Fatalf("random code with base URL: %v", m)
	}
	if resp := get(t, "http://"+addr+"/"+code); resp.StatusCode != http.StatusMovedPermanently {
		t.Errorf("--permanent redirect: %d", resp.StatusCode)
	}
	get(t, "http://"+addr+"/"+code) // the third request of 3/h
	resp := get(t, "http://"+addr+"/"+code)
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("fourth request under --rate 3/h: %d %v", resp.StatusCode, resp.Header)
	}
	if resp := get(t, "http://"+addr+"/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz is not rate limited, got %d", resp.StatusCode)
	}
	err, log := stop()
	if err != nil || !strings.Contains(log, "(store memory, strategy random, redirects 301, rate limit 3/h per client)") {
		t.Errorf("stop: %v\n%s", err, log)
	}

	// The same seed gives the same first code.
	addr, _ = startShortener(t, "--memory", "--strategy", "random", "--seed", "5")
	if _, m := post(t, addr, `{"url": "https://example.net/"}`); m["code"] != code {
		t.Errorf("seed 5 gave %v, then %v", code, m["code"])
	}
}

// TestLabShortenerSelfLinkAndOneClick: the server refuses to shorten its
// own short URLs, and the stop line says "1 click", not "1 clicks".
func TestLabShortenerSelfLinkAndOneClick(t *testing.T) {
	addr, stop := startShortener(t, "--memory")
	_, m := post(t, addr, `{"url": "https://example.com/docs", "alias": "go-docs"}`)
	if m["code"] != "go-docs" {
		t.Fatalf("alias: %v", m)
	}
	for _, u := range []string{"http://" + addr + "/go-docs", strings.Replace("http://"+addr+"/x", "127.0.0.1", "localhost", 1)} {
		status, m := post(t, addr, `{"url": "`+u+`"}`)
		if status != http.StatusBadRequest || m["error"] != "invalid url: points back at this shortener" {
			t.Errorf("shorten %s: %d %v, want 400 points back", u, status, m)
		}
	}
	get(t, "http://"+addr+"/go-docs")
	err, log := stop()
	if err != nil || !strings.Contains(log, "stopped: 1 click written, 0 dropped\n") {
		t.Errorf("stop: %v\n%s", err, log)
	}
	for n, want := range map[int]string{0: "0 clicks", 1: "1 click", 42000: "42,000 clicks"} {
		if got := countNoun(n, "click"); got != want {
			t.Errorf("countNoun(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLabShortenerRedisStore(t *testing.T) {
	redisAddr := redistest.Start(t)
	store := "redis://" + redisAddr + "/0"
	a, _ := startShortener(t, "--store", store)
	b, _ := startShortener(t, "--store", store)
	_, m := post(t, a, `{"url": "https://example.com/shared"}`)
	code, _ := m["code"].(string)
	if resp := get(t, "http://"+b+"/"+code); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "https://example.com/shared" {
		t.Errorf("server B resolving server A's code %q: %d %v", code, resp.StatusCode, resp.Header)
	}
	if _, m := post(t, b, `{"url": "https://example.com/other"}`); m["code"] == code {
		t.Errorf("two servers handed out the same counter code %q", code)
	}
}

func TestLabShortenerListenFailure(t *testing.T) {
	addr, _ := startShortener(t, "--memory")
	_, errOut, code := run(t, "lab", "shortener", "--serve", "--memory", "--addr", addr)
	if code != exitError {
		t.Fatalf("exit %d, want 1; stderr %q", code, errOut)
	}
	oneLine(t, errOut)
	if !strings.Contains(errOut, "cannot listen on "+addr) {
		t.Errorf("stderr %q", errOut)
	}
}

func TestLabShortenerDataDirCreated(t *testing.T) {
	f, _, errOut := testFactory(t)
	dir := filepath.Join(f.DataDir(), "sub")
	f.DataDir = func() string { return dir }
	var opts *LabShortenerOptions
	c := NewCmdLabShortener(f, func(o *LabShortenerOptions) error { opts = o; return nil })
	c.SetArgs([]string{"--serve", "--addr", "127.0.0.1:0"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	opts.onListen = func(string) { cancel() }
	if err := runLabShortener(ctx, opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "shortener.db")); err != nil {
		t.Errorf("default database not created: %v", err)
	}
	if !bytes.Contains([]byte(errOut.String()), []byte(filepath.Join(dir, "shortener.db"))) {
		t.Errorf("listening line does not name the database: %s", errOut)
	}
}
