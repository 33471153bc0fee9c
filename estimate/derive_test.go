package estimate

import (
	"strings"
	"testing"
)

func TestCacheCappedAtStoredData(t *testing.T) {
	// 1M reads/day of 1 KB with 20% hot is 200 GB, but only 1 day × 1M × 10 B = 10 MB is stored.
	e, _ := runFlags(t, "", "--dau", "1M", "--writes-per-user", "1", "--reads-per-user", "1000", "--write-size", "10B", "--read-size", "1KB", "--retention", "1d")
	if !e.CacheCapped || e.CacheBytes != e.StorageTotal {
		t.Fatalf("cache %v, stored %v, capped %v", e.CacheBytes, e.StorageTotal, e.CacheCapped)
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
		SServers:         "→ 71 servers",
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
