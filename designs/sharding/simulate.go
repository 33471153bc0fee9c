package sharding

import (
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// The strategies, by Strategy.Name.
const (
	Range      = "range"
	Hash       = "hash"
	Directory  = "directory"
	Geographic = "geographic"
)

// Strategy is one sharding strategy's outcome.
type Strategy struct {
	Name string `json:"name"`
	// Sizes is the number of keys on each shard.
	Sizes []int `json:"sizes"`
	// Loads is each shard's share of the reads.
	Loads []float64 `json:"loads"`
	// SizeRatio is the largest shard's keys over the mean.
	SizeRatio float64 `json:"size_ratio"`
	// HotShardRatio is the busiest shard's reads over the mean: 1 is
	// perfect balance, and the cluster saturates when its hot shard does.
	HotShardRatio float64 `json:"hot_shard_ratio"`
	// Moved is the share of keys on a different shard after the reshard
	// from Shards to Shards+1: data that has to be copied.
	Moved float64 `json:"moved"`
	// Local is the share of reads whose shard is in the reader's region
	// (shards of the other strategies sit in region shard mod regions).
	Local float64 `json:"local"`
	// RoutingEntries is what a router stores to find a key's shard:
	// split points, one modulus, one entry per key, or per region.
	RoutingEntries int `json:"routing_entries"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// HotKeyShare is the hottest key's share of the reads.
	HotKeyShare float64 `json:"hot_key_share"`
	// HotShardFloor is the lowest hot-shard ratio any strategy can reach
	// while a key lives on one shard: max(1, HotKeyShare × Shards).
	HotShardFloor float64 `json:"hot_shard_floor"`
	// MovedIdeal is 1/(Shards+1): the least data a reshard that keeps
	// shards equal can move.
	MovedIdeal float64 `json:"moved_ideal"`
	// Strategies are range, hash, directory and geographic, in that
	// order.
	Strategies []Strategy `json:"strategies"`
}

// Strategy returns the strategy with the given name, or false.
func (r Result) Strategy(name string) (Strategy, bool) {
	for _, s := range r.Strategies {
		if s.Name == name {
			return s, true
		}
	}
	return Strategy{}, false
}

// assignment is one strategy's shard for every key before and after the
// reshard, and each shard's region.
type assignment struct {
	name          string
	before, after []int16
	home          []int
	entries       int
}

// Simulate draws a skewed key set, assigns it with each strategy, samples
// Requests reads from the popularity law, and reshards to Shards+1.
// Params are checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	pop := labkit.NewZipf(d.Keys, d.Skew)
	ks := newKeySet(d, pop)
	n := d.Shards
	res := Result{
		Params:        d,
		HotKeyShare:   labkit.Round(pop.P(0)),
		HotShardFloor: labkit.Round(max(1, pop.P(0)*float64(n))),
		MovedIdeal:    labkit.Round(1 / float64(n+1)),
	}
	as := assignments(ks, d)
	reads := make([][]int, len(as))
	local := make([]int, len(as))
	for i := range as {
		reads[i] = make([]int, n)
	}
	r := labkit.NewRand(d.Seed, 1)
	for range d.Requests {
		k := ks.byRank[pop.Draw(r)]
		reg := int(ks.region[k])
		for i, a := range as {
			s := a.before[k]
			reads[i][s]++
			if a.home[s] == reg {
				local[i]++
			}
		}
	}
	for i, a := range as {
		res.Strategies = append(res.Strategies, summarise(a, reads[i], local[i], d))
	}
	return res, nil
}

func assignments(ks keySet, p Params) []assignment {
	n := p.Shards
	interleaved := make([]int, n+1)
	for s := range interleaved {
		interleaved[s] = s % p.Regions
	}
	rng := assignment{name: Range, before: make([]int16, p.Keys), after: make([]int16, p.Keys), home: interleaved, entries: n - 1}
	hash := assignment{name: Hash, before: make([]int16, p.Keys), after: make([]int16, p.Keys), home: interleaved, entries: 1}
	for k, x := range ks.pos {
		rng.before[k] = int16(x * float64(n))
		rng.after[k] = int16(x * float64(n+1))
		hash.before[k] = int16(ks.hash[k] % uint64(n))
		hash.after[k] = int16(ks.hash[k] % uint64(n+1))
	}
	dir := assignment{name: Directory, home: interleaved, entries: p.Keys}
	dir.before, dir.after = directory(ks, n)
	geo := assignment{name: Geographic, entries: p.Regions}
	geo.before, geo.after, geo.home = geographic(ks, n, p.Regions)
	return []assignment{rng, hash, dir, geo}
}

func summarise(a assignment, reads []int, local int, p Params) Strategy {
	n := p.Shards
	s := Strategy{Name: a.name, Sizes: make([]int, n), Loads: make([]float64, n), RoutingEntries: a.entries}
	moved := 0
	for k, b := range a.before {
		s.Sizes[b]++
		if a.after[k] != b {
			moved++
		}
	}
	maxSize, maxReads := 0, 0
	for i := range n {
		maxSize = max(maxSize, s.Sizes[i])
		maxReads = max(maxReads, reads[i])
		s.Loads[i] = labkit.Round(float64(reads[i]) / float64(p.Requests))
	}
	s.SizeRatio = labkit.Round(float64(maxSize) * float64(n) / float64(p.Keys))
	s.HotShardRatio = labkit.Round(float64(maxReads) * float64(n) / float64(p.Requests))
	s.Moved = labkit.Round(float64(moved) / float64(p.Keys))
	s.Local = labkit.Round(float64(local) / float64(p.Requests))
	return s
}
