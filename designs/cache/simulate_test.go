package cache

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/designs/internal/labtest"
)

// small keeps the report tests quick and the golden files short.
var small = Params{Seed: 7, Keys: 1000, Requests: 20_000}

func reports(t *testing.T, p Params) map[string][]byte {
	t.Helper()
	r, err := Simulate(p)
	return labtest.Render(t, r, err)
}

func TestSimulateIsDeterministic(t *testing.T) {
	for _, w := range []Workload{Zipf, Uniform, Scan, Shifting} {
		p := small
		p.Workload = w
		a, b := reports(t, p), reports(t, p)
		for f := range a {
			if !bytes.Equal(a[f], b[f]) {
				t.Errorf("%v %s: two runs with one seed differ", w, f)
			}
		}
		p.Seed++
		if c := reports(t, p); bytes.Equal(a["json"], c["json"]) {
			t.Errorf("%v: seeds %d and %d gave the same result", w, p.Seed-1, p.Seed)
		}
	}
}

func TestReportsGolden(t *testing.T) {
	sweep := reports(t, small)
	one := small
	one.Size, one.Workload = 100, Scan
	single := reports(t, one)
	for _, f := range []string{"text", "markdown", "json"} {
		t.Run("sweep_"+f, func(t *testing.T) { golden.RequireEqual(t, sweep[f]) })
		t.Run("size_"+f, func(t *testing.T) { golden.RequireEqual(t, single[f]) })
	}
}

func TestJSONFieldNames(t *testing.T) {
	var got struct {
		Sizes    []int `json:"sizes"`
		Policies []struct {
			Name     string    `json:"name"`
			HitRatio []float64 `json:"hit_ratio"`
		} `json:"policies"`
		Stampede map[string]json.RawMessage `json:"stampede"`
	}
	if err := json.Unmarshal(reports(t, small)["json"], &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Sizes) != 7 || len(got.Policies) != 5 || got.Policies[4].Name != "s3-fifo" || len(got.Policies[0].HitRatio) != 7 {
		t.Errorf("sizes %v, policies %+v", got.Sizes, got.Policies)
	}
	for _, k := range []string{"none", "singleflight", "early_refresh"} {
		var s struct {
			BackendHits *int `json:"backend_hits"`
		}
		if err := json.Unmarshal(got.Stampede[k], &s); err != nil || s.BackendHits == nil {
			t.Errorf("stampede.%s.backend_hits missing (%v)", k, err)
		}
	}
}

// TestLRUUniformMatchesTheory: with every key equally likely, an LRU of
// size entries holds size/keys of the keys, so it hits that often.
func TestLRUUniformMatchesTheory(t *testing.T) {
	p := Params{Seed: 3, Workload: Uniform, Keys: 10_000, Requests: 300_000}
	tr, err := Trace(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{100, 1000, 5000} {
		want := float64(size) / float64(p.Keys)
		got := HitRatio(PolicyLRU, size, p, tr[50_000:])
		if math.Abs(got-want) > 0.05*want+0.002 {
			t.Errorf("size %d: hit ratio %.4f, want %.4f", size, got, want)
		}
	}
}

func TestPoliciesOnScanAndShift(t *testing.T) {
	hit := func(w Workload, pol Policy) float64 {
		p := Params{Seed: 5, Workload: w, Requests: 100_000}
		tr, err := Trace(p)
		if err != nil {
			t.Fatal(err)
		}
		return HitRatio(pol, 500, p, tr)
	}
	if lru, s3 := hit(Scan, PolicyLRU), hit(Scan, PolicyS3FIFO); s3 < lru*1.1 {
		t.Errorf("scan: S3-FIFO %.3f should clearly beat LRU %.3f", s3, lru)
	}
	if lru, lfu := hit(Shifting, PolicyLRU), hit(Shifting, PolicyLFU); lfu > lru*0.8 {
		t.Errorf("shifting: LFU %.3f should fall well behind LRU %.3f", lfu, lru)
	}
	if lru, fifo := hit(Zipf, PolicyLRU), hit(Zipf, PolicyFIFO); fifo >= lru {
		t.Errorf("zipf: FIFO %.3f should trail LRU %.3f", fifo, lru)
	}
}

// TestStampedeMatchesTheory: unprotected, each reader that reads during
// the recompute window recomputes, P = 1 − e^(−recompute/think) per
// reader per expiry; single-flight recomputes once per expiry; early
// refresh never lets the key expire.
func TestStampedeMatchesTheory(t *testing.T) {
	p := Params{Seed: 11, Requests: 400_000, Readers: 500}.WithDefaults()
	s := runStampede(p)
	perExpiry := float64(p.Readers) * (1 - math.Exp(-float64(p.Recompute)/float64(ReaderThink)))
	want := perExpiry * float64(s.None.Expiries)
	if got := float64(s.None.BackendHits); math.Abs(got-want) > 0.1*want {
		t.Errorf("none: %v backend hits over %d expiries, want about %.0f", got, s.None.Expiries, want)
	}
	if s.SingleFlight.BackendHits != s.SingleFlight.Expiries || s.SingleFlight.Expiries == 0 {
		t.Errorf("singleflight: %d backend hits for %d expiries", s.SingleFlight.BackendHits, s.SingleFlight.Expiries)
	}
	if s.SingleFlight.Waited < s.None.BackendHits*9/10 {
		t.Errorf("singleflight: %d waits; the readers that recomputed without it should wait instead", s.SingleFlight.Waited)
	}
	if e := s.EarlyRefresh; e.Expiries != 0 || e.BackendHits == 0 || e.BackendHits > s.None.BackendHits/10 {
		t.Errorf("early refresh: %+v", e)
	}
}

func TestPenetrationDefences(t *testing.T) {
	r, err := Simulate(Params{Seed: 2, Requests: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	pn := r.Penetration
	if pn.None.MissingBackendHits != pn.MissingRequests {
		t.Errorf("no defence: %d backend reads of missing keys, want all %d", pn.None.MissingBackendHits, pn.MissingRequests)
	}
	if pn.NegativeCache.MissingBackendHits >= pn.None.MissingBackendHits || pn.NegativeCache.HitRatio > pn.None.HitRatio {
		t.Errorf("negative caching should absorb some missing reads at some cost in hit ratio: %+v vs %+v", pn.NegativeCache, pn.None)
	}
	if pn.BloomFilter.HitRatio != pn.None.HitRatio {
		t.Errorf("a Bloom filter never turns away an existing key: hit ratio %v vs %v", pn.BloomFilter.HitRatio, pn.None.HitRatio)
	}
	if math.Abs(pn.FalsePositiveRate-pn.FalsePositiveTheory) > 0.5*pn.FalsePositiveTheory {
		t.Errorf("false positives %.4f, theory %.4f", pn.FalsePositiveRate, pn.FalsePositiveTheory)
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		p    Params
		want string
	}{
		{Params{Size: -1}, "cache: size -1: want 0 (sweep) or 1 to keys (10,000)"},
		{Params{Keys: 100, Size: 101}, "cache: size 101: want 0 (sweep) or 1 to keys (100)"},
		{Params{Keys: 5}, "cache: keys 5: want 10 to 1,000,000"},
		{Params{Requests: -3}, "cache: requests -3: want 1 to 10,000,000"},
		{Params{Skew: 4}, "cache: skew 4: want above 0 up to 3"},
		{Params{Workload: 9}, "cache: workload 9: want one of zipf, uniform, scan, shifting"},
		{Params{TTL: time.Millisecond}, "cache: ttl 1ms: want 10ms to 1h"},
		{Params{Rate: -1}, "cache: rate -1: want 1 to 1,000,000 requests per second"},
		{Params{Readers: 200_000}, "cache: readers 200,000: want 1 to 100,000"},
		{Params{Recompute: 10 * time.Second}, "cache: recompute 10s: want 1ms up to the ttl (5s)"},
		{Params{Missing: 1}, "cache: missing 1: want above 0 and below 1"},
		{Params{BloomBits: 65}, "cache: bloom-bits 65: want 1 to 64"},
	}
	for _, tt := range tests {
		_, err := Simulate(tt.p)
		if !errors.Is(err, ErrInvalidParams) || err.Error() != tt.want {
			t.Errorf("%+v: error %v, want %q", tt.p, err, tt.want)
		}
	}
	if err := (Params{}).Validate(); err != nil {
		t.Errorf("zero Params: %v", err)
	}
}

func TestParseNames(t *testing.T) {
	for _, w := range []Workload{Zipf, Uniform, Scan, Shifting} {
		if got, err := ParseWorkload(strings.ToUpper(w.String())); err != nil || got != w {
			t.Errorf("ParseWorkload(%v) = %v, %v", w, got, err)
		}
	}
	for _, p := range Policies() {
		if got, err := ParsePolicy(p.String()); err != nil || got != p {
			t.Errorf("ParsePolicy(%v) = %v, %v", p, got, err)
		}
	}
	if p, err := ParsePolicy("S3FIFO"); err != nil || p != PolicyS3FIFO {
		t.Errorf("ParsePolicy(S3FIFO) = %v, %v", p, err)
	}
	if _, err := ParseWorkload("zipfian"); !errors.Is(err, ErrInvalidParams) || !strings.Contains(err.Error(), `"zipfian"`) {
		t.Errorf("ParseWorkload(zipfian) error %v", err)
	}
}
