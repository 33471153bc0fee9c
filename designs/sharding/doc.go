// Package sharding is sdprep's sharding lab: one skewed key set split
// over shards four ways, range, hash, directory and geographic, and
// resharded from N to N+1 shards. It shows what each strategy balances,
// what it cannot, and what adding a shard costs.
//
// See: sdprep learn sharding (and consistent-hashing).
//
// # The key set
//
// Keys (100,000 by default) start with a first letter drawn from
// Zipf(s) over 26 letters, like surnames, so the key space is unevenly
// filled. Reads (1,000,000) pick keys by a second Zipf(s) law of
// popularity, independent of the key; with s = 1 the hottest key takes
// 8.3% of reads. Users live in Regions regions, the k-th holding a share
// in proportion to 1/k (48%, 24%, 16%, 12% for four).
//
// # The strategies, in the default run (8 shards, seed 1)
//
//   - Range: split points evenly over the key space. Range scans stay on
//     one shard, but the crowded letters make the largest shard 2.53× the
//     mean size and the busiest 2.42× the mean load. Splitting by size
//     (as Bigtable and HBase do) evens the sizes, not the hot ranges.
//     Moving to 9 equal ranges moves 47.5% of the keys; on uniform keys
//     it is exactly 1/2 for any N, which a test checks.
//   - Hash: hash(key) mod N. Sizes even (1.02×), load near even (1.57×,
//     the hot keys land where they land), but the reshard moves
//     N/(N+1) = 88.9% of the keys (tested). Consistent hashing cuts that
//     to about 1/(N+1): see sdprep lab hashring.
//   - Directory: a lookup table from key to shard, filled hottest key
//     first onto the least-loaded shard. It balances sizes and load
//     (1.00×) and the reshard moves only 1/(N+1) = 11.1% (tested), at
//     the price of 100,000 routing entries to store, replicate and
//     consult on every request.
//   - Geographic: each region gets an equal share of the shards and
//     hashes its users over them. Every read is served in the reader's
//     region (against 16–23% for the others, whose shards sit anywhere),
//     but the big region's shards are hot (1.89×). The reshard adds a
//     shard to the busiest region and moves only that region's keys
//     (32.0%).
//
// # The hot key
//
// A key lives on one shard, so no strategy can push the hot shard below
// HotKeyShare × N times the mean. At 64 shards the hottest key alone is
// 5.3× a shard's fair share and even the directory stays there (tested):
// a celebrity key needs splitting, replication or a cache, not a better
// shard map.
package sharding
