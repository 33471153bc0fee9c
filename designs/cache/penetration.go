package cache

import "github.com/sdprep/sdprep/designs/internal/labkit"

// missingBase is where the keys that do not exist start, far above any
// real or scanned key.
const missingBase = 1 << 40

// Penetration is the outcome of one defence in the penetration run.
type Penetration struct {
	// BackendHits counts every backend read.
	BackendHits int `json:"backend_hits"`
	// MissingBackendHits counts backend reads for keys that do not exist:
	// the load an attacker or a buggy client puts on the database.
	MissingBackendHits int `json:"missing_backend_hits"`
	// HitRatio is the cache hit ratio of requests for existing keys.
	HitRatio float64 `json:"hit_ratio"`
}

// PenetrationResult compares three defences against reads of keys that do
// not exist, on the same requests and an LRU cache of CacheSize entries.
// The missing keys come from a key space as large as the real one, with
// the workload's popularity (Zipf, or uniform for Uniform): some missing
// keys are asked for again and again, as after a popular item is deleted.
type PenetrationResult struct {
	Requests        int `json:"requests"`
	MissingRequests int `json:"missing_requests"`
	CacheSize       int `json:"cache_size"`
	// None caches only values found, so every missing key reaches the
	// backend.
	None Penetration `json:"none"`
	// NegativeCache also caches "not found", which takes cache space
	// from real values.
	NegativeCache Penetration `json:"negative_cache"`
	// BloomFilter asks a filter of every existing key first and answers
	// "not found" without the backend when the filter says no.
	BloomFilter Penetration `json:"bloom_filter"`
	// BloomBytes is the filter's size; BloomK its hash count.
	BloomBytes int `json:"bloom_bytes"`
	BloomK     int `json:"bloom_k"`
	// FalsePositiveRate is the share of the distinct missing keys asked
	// for that the filter let through; FalsePositiveTheory is
	// (1 − e^(−kn/m))^k.
	FalsePositiveRate   float64 `json:"false_positive_rate"`
	FalsePositiveTheory float64 `json:"false_positive_theory"`
}

// PenetrationSize is the cache size of the penetration run: Size, or a
// tenth of the keys when sweeping.
func (p Params) PenetrationSize() int {
	d := p.WithDefaults()
	if d.Size > 0 {
		return d.Size
	}
	return max(1, d.Keys/10)
}

func runPenetration(p Params, tr []uint64) PenetrationResult {
	r := labkit.NewRand(p.Seed, 3)
	keys := make([]uint64, len(tr))
	res := PenetrationResult{Requests: len(tr), CacheSize: p.PenetrationSize()}
	missing := func() int { return r.IntN(p.Keys) }
	if p.Workload != Uniform {
		z := newZipf(p.Keys, p.Skew)
		missing = func() int { return z.draw(r) }
	}
	for i, k := range tr {
		if r.Float64() < p.Missing {
			keys[i] = missingBase + uint64(missing())
			res.MissingRequests++
		} else {
			keys[i] = k % uint64(p.Keys)
		}
	}
	bloom := NewBloom(p.Keys, p.BloomBits, p.Seed)
	for k := range p.Keys {
		bloom.Add(uint64(k))
	}
	res.BloomBytes, res.BloomK = bloom.Bytes(), bloom.K()
	res.FalsePositiveTheory = labkit.Round(bloom.FalsePositiveRate(p.Keys))
	res.None = penetrate(keys, res.CacheSize, false, nil)
	res.NegativeCache = penetrate(keys, res.CacheSize, true, nil)
	res.BloomFilter = penetrate(keys, res.CacheSize, false, bloom)
	res.FalsePositiveRate = labkit.Round(falsePositives(keys, bloom))
	return res
}

// penetrate replays keys through an LRU of size entries in front of a
// backend holding the keys below missingBase.
func penetrate(keys []uint64, size int, negative bool, bloom *Bloom) Penetration {
	c := NewLRU[uint64, bool](size)
	var out Penetration
	existing, hits := 0, 0
	for _, k := range keys {
		exists := k < missingBase
		if exists {
			existing++
		}
		if bloom != nil && !bloom.MayContain(k) {
			continue
		}
		if _, ok := c.Get(k); ok {
			if exists {
				hits++
			}
			continue
		}
		out.BackendHits++
		if !exists {
			out.MissingBackendHits++
		}
		if exists || negative {
			c.Add(k, exists)
		}
	}
	if existing > 0 {
		out.HitRatio = labkit.Round(float64(hits) / float64(existing))
	}
	return out
}

// falsePositives is the share of distinct missing keys that bloom passes.
func falsePositives(keys []uint64, bloom *Bloom) float64 {
	seen := map[uint64]bool{}
	passed := 0
	for _, k := range keys {
		if k < missingBase || seen[k] {
			continue
		}
		seen[k] = true
		if bloom.MayContain(k) {
			passed++
		}
	}
	if len(seen) == 0 {
		return 0
	}
	return float64(passed) / float64(len(seen))
}
