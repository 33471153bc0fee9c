package shortener

import (
	"context"
	"net/http"
	"testing"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/sdprep/sdprep/internal/loadgen"
)

// cache is the method set both LRUs share, so one benchmark body runs both.
type cache interface {
	Get(string) (string, bool)
	Add(string, string) bool
}

const benchCacheSize = 10_000

func benchKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = EncodeBase62(uint64(i) * 7919)
	}
	return keys
}

func BenchmarkLRU(b *testing.B) {
	impls := []struct {
		name string
		new  func() cache
	}{
		{"ours", func() cache { return NewLRU[string, string](benchCacheSize) }},
		{"hashicorp", func() cache {
			c, err := lru.New[string, string](benchCacheSize)
			if err != nil {
				b.Fatal(err)
			}
			return c
		}},
	}
	hot := benchKeys(benchCacheSize)
	churn := benchKeys(4 * benchCacheSize) // 4× capacity: most Adds evict
	for _, impl := range impls {
		b.Run("get-hit/"+impl.name, func(b *testing.B) {
			c := impl.new()
			for _, k := range hot {
				c.Add(k, k)
			}
			i := 0
			for b.Loop() {
				if _, ok := c.Get(hot[i%len(hot)]); !ok {
					b.Fatal("miss")
				}
				i++
			}
		})
		b.Run("add/"+impl.name, func(b *testing.B) {
			c := impl.new()
			i := 0
			for b.Loop() {
				k := churn[i%len(churn)]
				c.Add(k, k)
				i++
			}
		})
		b.Run("get-hit-parallel/"+impl.name, func(b *testing.B) {
			c := impl.new()
			for _, k := range hot {
				c.Add(k, k)
			}
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					c.Get(hot[i%len(hot)])
					i++
				}
			})
		})
	}
}

// Redirect benchmark parameters: the same load is sent to both servers.
const (
	redirectRequests    = 20_000
	redirectConcurrency = 64
)

// startServer serves h on a fresh loopback listener until the benchmark
// ends and returns its base URL.
func startServer(b *testing.B, h http.Handler, svc *Service) string {
	b.Helper()
	ln := listenLoopback(b)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeListener(ctx, ln, h, svc) }()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}

func runLoad(b *testing.B, url string, requests int) loadgen.Result {
	b.Helper()
	res, err := loadgen.Run(context.Background(), loadgen.Config{
		URL: url, Requests: requests, Concurrency: redirectConcurrency, Timeout: 10 * time.Second,
	}, nil)
	if err != nil {
		b.Fatal(err)
	}
	if res.Status[http.StatusFound] != requests {
		b.Fatalf("%s: status %v, %d errors (%s); want %d × 302", url, res.Status, res.Errors, res.FirstError, requests)
	}
	return res
}

// BenchmarkRedirect sends the same closed-loop load (20,000 GETs from 64
// workers, through internal/loadgen) to (a) the shortener with the code
// cached and (b) a bare net/http handler that writes a fixed 302, each on
// its own loopback listener, and reports both throughputs, both p99s and
// shortener/bare (p99 is the mean of the runs' p99s). Load generator and servers share the machine's cores, so
// absolute numbers understate a real server; the ratio is the point.
//
//	go test -run '^$' -bench Redirect -benchtime 3x ./designs/shortener
func BenchmarkRedirect(b *testing.B) {
	store := NewMemoryStore()
	svc := NewService(store, Config{Strategy: Random, Seed: 1})
	res, err := svc.Shorten(context.Background(), "https://example.com/a/fairly/typical/long/path?utm_source=bench", "")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := svc.Resolve(context.Background(), res.Link.Code); err != nil { // warm the cache
		b.Fatal(err)
	}
	short := startServer(b, NewServer(svc, ServerOptions{}), svc) + "/" + res.Link.Code
	bare := startServer(b, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header()["Location"] = []string{res.Link.URL}
		w.WriteHeader(http.StatusFound)
	}), nil) + "/" + res.Link.Code

	runLoad(b, short, 2000) // warm connections and both code paths
	runLoad(b, bare, 2000)
	var shortRPS, bareRPS float64
	var shortP99, bareP99 time.Duration
	for b.Loop() {
		s := runLoad(b, short, redirectRequests)
		r := runLoad(b, bare, redirectRequests)
		shortRPS += s.Throughput
		bareRPS += r.Throughput
		shortP99 += s.Latency.P99
		bareP99 += r.Latency.P99
	}
	n := float64(b.N)
	b.ReportMetric(shortRPS/n, "shortener_req/s")
	b.ReportMetric(bareRPS/n, "bare_req/s")
	b.ReportMetric(shortRPS/bareRPS, "ratio")
	b.ReportMetric(shortP99.Seconds()*1000/n, "shortener_p99_ms")
	b.ReportMetric(bareP99.Seconds()*1000/n, "bare_p99_ms")
	b.ReportMetric(0, "ns/op") // one op is 40,000 requests; ns/op means nothing here
	st := svc.Stats()
	b.Logf("%d runs × %d requests, concurrency %d: shortener %.0f req/s p99 %v, bare %.0f req/s p99 %v, ratio %.2f; clicks flushed %d, dropped %d",
		b.N, redirectRequests, redirectConcurrency, shortRPS/n, shortP99/time.Duration(b.N),
		bareRPS/n, bareP99/time.Duration(b.N), shortRPS/bareRPS, st.ClicksFlushed, st.ClicksDropped)
}

// BenchmarkSQLiteCreate measures one committed link per op with
// synchronous=NORMAL (survives a process kill) and FULL (also survives
// power loss: one fsync per commit).
func BenchmarkSQLiteCreate(b *testing.B) {
	for _, full := range []bool{false, true} {
		name := "normal"
		if full {
			name = "full"
		}
		b.Run(name, func(b *testing.B) {
			s, err := OpenSQLite(b.TempDir()+"/links.db", SQLiteOptions{FullSync: full})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			i := uint64(0)
			for b.Loop() {
				i++
				if err := s.Create(ctx, Link{Code: EncodeBase62(i), URL: "https://example.com/x", CreatedAt: fixedNow}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
