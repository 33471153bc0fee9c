package estimate

import (
	"strings"
	"testing"
)

func TestCacheCappedAtStoredData(t *testing.T) {
	// 1M × 1,000 reads/day of the 10 B records written, 20% hot, is 2 GB, but only
	// 1 day × 1M × 10 B = 10 MB is stored.
	e, _ := runFlags(t, "", "--dau", "1M", "--writes-per-user", "1", "--reads-per-user", "1000", "--write-size", "10B", "--read-size", "10B", "--retention", "1d")
	if !e.CacheCapped || e.CacheBytes != e.StorageTotal || e.ReadsElsewhere {
		t.Fatalf("cache %v, stored %v, capped %v, reads elsewhere %v", e.CacheBytes, e.StorageTotal, e.CacheCapped, e.ReadsElsewhere)
	}
	st, _ := e.Step(SCache)
	if !strings.Contains(st.Formula, "the whole data set fits") {
		t.Errorf("formula does not explain the cap: %s", st.Formula)
	}
	e, _ = runFlags(t, "", "--dau", "100M")
	if e.CacheCapped {
		t.Errorf("--dau 100M capped its cache (%v of %v)", e.CacheBytes, e.StorageTotal)
	}
}

// TestCacheOfReadsFromElsewhere: netflix writes 200 B playback events and
// reads 2.25 GB streams from the catalogue, so its hot set is not bounded
// by the events it stores (issue 10, correction 1).
func TestCacheOfReadsFromElsewhere(t *testing.T) {
	e, _ := runFlags(t, "netflix")
	want := 200e6 * 2.25e9 * 0.2 // 90 PB
	if e.CacheCapped || !e.ReadsElsewhere || e.CacheBytes != want {
		t.Fatalf("cache %v (want %v), stored %v, capped %v, reads elsewhere %v", e.CacheBytes, want, e.StorageTotal, e.CacheCapped, e.ReadsElsewhere)
	}
	st, _ := e.Step(SCache)
	for _, s := range []string{"≈ 90 PB", "larger than anything written (200 B)", "such as a catalogue", "876 TB stored here does not bound them"} {
		if !strings.Contains(st.Formula, s) {
			t.Errorf("formula lacks %q: %s", s, st.Formula)
		}
	}
}

func TestCacheTier(t *testing.T) {
	for preset, want := range map[string]CacheTier{
		"twitter": CacheRAM, "url-shortener": CacheRAM, "rate-limiter": CacheRAM,
		"instagram": CacheEdge, "youtube": CacheEdge, "netflix": CacheEdge, "dropbox": CacheEdge,
	} {
		e, _ := runFlags(t, preset)
		r := Report{Estimate: e}
		st, _ := e.Step(SCache)
		label := map[CacheTier]string{CacheRAM: "(RAM)", CacheEdge: "(CDN/edge disk)"}[want]
		if e.CacheTier != want || !strings.HasSuffix(r.Value(st), label) {
			t.Errorf("%s: tier %q, value %q, want %q", preset, e.CacheTier, r.Value(st), want)
		}
		if phrase := map[CacheTier]string{CacheRAM: "this hot set is RAM", CacheEdge: "this hot set is CDN/edge disk, not RAM"}[want]; !strings.Contains(st.Formula, phrase) {
			t.Errorf("%s: formula lacks %q: %s", preset, phrase, st.Formula)
		}
	}
}

func TestUnusedUsersAreMarked(t *testing.T) {
	_, as := runFlags(t, "url-shortener", "--dau", "10M")
	for _, a := range as {
		if a.Name == PDAU {
			if !strings.Contains(a.Note, "not used") {
				t.Errorf("dau note %q", a.Note)
			}
			return
		}
	}
	t.Fatal("dau missing from the assumptions")
}

func TestDerivationsMultiplyOut(t *testing.T) {
	e, _ := runFlags(t, "twitter")
	for name, want := range map[string]string{
		SPeakWriteQPS:    "6,944 writes/s × 2 peak factor ≈ 13.9K writes/s",
		SStoragePerMonth: "12.17 TB/day × 30 days ≈ 365 TB/month",
		SServers:         "(6.9K + 34.7K) req/s ÷ 2K req/s per server → 21 servers",
	} {
		st, _ := e.Step(name)
		if !strings.Contains(st.Formula, want) {
			t.Errorf("%s: %q lacks %q", name, st.Formula, want)
		}
	}
	e, _ = runFlags(t, "", "--dau", "1K", "--server-qps", "10K")
	if st, _ := e.Step(SServers); !strings.HasSuffix(st.Formula, "→ 1 server") {
		t.Errorf("singular server: %q", st.Formula)
	}
	if st, _ := e.Step(SWritesPerDay); !strings.Contains(st.Formula, "1 write/user/day") {
		t.Errorf("singular write: %q", st.Formula)
	}
}

func TestEgressBoundServers(t *testing.T) {
	e, _ := runFlags(t, "netflix")
	want := e.PeakEgressPerSec / 1.25e9
	if e.EgressServers < want || e.EgressServers >= want+1 {
		t.Fatalf("egress servers %v, want ceil(%v)", e.EgressServers, want)
	}
	if e.EgressServers <= e.PeakServers {
		t.Errorf("netflix: %v egress servers vs %v by requests; video should be bandwidth-bound", e.EgressServers, e.PeakServers)
	}
	st, _ := e.Step(SEgressServers)
	if !strings.Contains(st.Formula, "10 Gbps") || !strings.Contains(st.Formula, "bandwidth, not requests") {
		t.Errorf("formula %q", st.Formula)
	}
	e, _ = runFlags(t, "netflix", "--server-egress", "12.5GB") // 100 Gbps boxes
	if got := e.EgressServers; got < want/10 || got >= want/10+1 {
		t.Errorf("--server-egress 12.5GB: %v servers, want ceil(%v)", got, want/10)
	}
	e, _ = runFlags(t, "web-crawler")
	if _, ok := e.Step(SEgressServers); ok || e.EgressServers != 0 {
		t.Error("a write-only system has an egress server count")
	}
}
