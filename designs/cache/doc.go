// Package cache is sdprep's cache lab: five eviction policies replayed on
// one seeded request trace, and the two failure modes every cache design
// is asked about, the stampede and penetration. Simulate runs all three;
// the result prints as text, markdown or JSON.
//
// See: sdprep learn caching (and bloom-filter).
//
// # Hit ratio against cache size
//
// A trace of Requests reads over Keys keys follows a Workload: Zipf(s),
// where the k-th most popular key is read in proportion to 1/k^s; uniform;
// Zipf with a one-pass scan mixed in; or Zipf whose hot set moves. Every
// Policy (LRU, LFU, FIFO, TTL, S3-FIFO) replays the same trace at each
// size of a sweep from 0.5% to 50% of the keys, or at Size alone.
//
// With the defaults (Zipf s = 1, 10,000 keys, 200,000 reads, seed 1), a
// cache of 1% of the keys hits 39% under LRU and 51% under S3-FIFO; 10%
// of the keys hits 68% and 73%. That is the skew argument for caching:
// a small cache holds most of the reads. On uniform traffic no policy
// beats size/keys (10% of the keys hits 10%), which a test checks for LRU.
// Under the scan workload, where 30% of reads can never hit, S3-FIFO at
// 10% of the keys still hits 51% (its ceiling is 0.7 × 73%) while LRU
// falls to 42%: the scan flushes it. Under the shifting workload LFU falls
// to 40% against LRU's 67%, still holding yesterday's hot keys. TTL tracks
// FIFO until entries expire before they are evicted (5 s of 1,000 reads a
// second fill 2,000 entries with room to spare), then stops gaining from
// size at all: 69% at 20% of the keys and at 50%.
//
// # Stampede
//
// One hot key expires while Readers readers read it every 100 ms. With no
// protection every reader that finds it missing recomputes it: about
// Readers·(1 − e^(−recompute/100ms)) backend calls per expiry, 126 for 200
// readers and a 100 ms recompute, 2,400 over the default run. Single-flight
// (golang.org/x/sync/singleflight, or a lock per key) makes one call per
// expiry while the other readers wait for it: 19 calls, 2,400 waits.
// Early probabilistic refresh (XFetch: recompute when
// now − δ·β·ln(rand) ≥ expiry) lets one reader refresh just before expiry,
// so no reader finds the key missing: about 2–3 calls per expiry, and only
// the refreshing readers wait.
//
// # Penetration
//
// Reads of keys that do not exist miss the cache every time and reach the
// database: 40,152 of the default run's 200,000 reads. Caching "not found"
// (negative caching) halves that to 20,140, since popular missing keys
// repeat, but takes cache space from real values (hit ratio 67.5% → 63.9%
// at 1,000 entries). A Bloom filter of every existing key (10 bits a key,
// 12.5 KB for 10,000 keys, k = 7) turns away all but its false positives:
// 150 reads reach the database, and it passes 0.7% of the missing keys
// against the (1 − e^(−kn/m))^k = 0.8% of theory.
//
// # Our LRU
//
// LRU is also a library type: a map to slots of one slice threaded into a
// list by index, which reuses slots instead of allocating. BenchmarkLRU
// compares it with github.com/hashicorp/golang-lru/v2 in the same run.
package cache
