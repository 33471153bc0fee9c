package quorum

import (
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// runConfig is one simulated configuration.
type runConfig struct {
	r, w      int
	partition bool // partition the middle third of the operations
	ap        bool // answer from reachable replicas instead of refusing
}

// counts tallies operations: tries, successes and stale reads.
type counts struct {
	readTries, reads, writeTries, writes, stale int
}

type runStats struct {
	counts
	part              counts // operations during the partition
	readLat, writeLat []float64
}

// versions tracks, for one key on one replica (or the acknowledged writes
// of one key), the highest version in effect: base is settled, pending
// entries take effect at their time, deferred ones when the partition
// heals.
type versions struct {
	base     int64
	pending  []stamped
	deferred int64
}

type stamped struct {
	at time.Duration
	v  int64
}

// settle folds the entries in effect by now into base; every later query
// is at now or after.
func (s *versions) settle(now time.Duration) {
	keep := s.pending[:0]
	for _, e := range s.pending {
		if e.at <= now {
			s.base = max(s.base, e.v)
		} else {
			keep = append(keep, e)
		}
	}
	s.pending = keep
}

// at is the highest version in effect at t.
func (s *versions) at(t time.Duration) int64 {
	v := s.base
	for _, e := range s.pending {
		if e.at <= t {
			v = max(v, e.v)
		}
	}
	return v
}

// op is one generated operation with its per-replica network draws.
type op struct {
	at        time.Duration
	write     bool
	key       int
	side      int // the client's side during a partition: 0 or 1
	out, back [MaxN]time.Duration
	lag       [MaxN]time.Duration
}

// run replays p.Ops operations. Every configuration draws the same
// numbers in the same order, so runs differ only in their rules.
func run(p Params, c runConfig) runStats {
	r := labkit.NewRand(p.Seed, 1)
	replicas := make([][]versions, Keys) // [key][replica]
	acked := make([]versions, Keys)
	for k := range replicas {
		replicas[k] = make([]versions, p.N)
	}
	var (
		s      runStats
		o      op
		now    time.Duration
		from   = p.Ops / 3
		to     = 2 * p.Ops / 3
		healed bool
	)
	for i := range p.Ops {
		now += time.Duration(labkit.Exp(r, float64(time.Second)/OpsPerSecond))
		o = op{at: now, write: r.Float64() < p.Writes, key: r.IntN(Keys), side: r.IntN(2)}
		for j := range p.N {
			o.out[j] = NetBase + time.Duration(labkit.Exp(r, float64(NetJitter)))
			o.back[j] = NetBase + time.Duration(labkit.Exp(r, float64(NetJitter)))
			o.lag[j] = time.Duration(labkit.Exp(r, float64(p.Lag)))
		}
		split := c.partition && i >= from && i < to
		if c.partition && i >= to && !healed {
			healed = true
			heal(replicas)
		}
		if o.write {
			write(&s, &o, int64(i+1), p.N, c, split, replicas[o.key], &acked[o.key])
		} else {
			read(&s, &o, p.N, c, split, replicas[o.key], &acked[o.key])
		}
	}
	return s
}

// heal delivers the writes held back by the partition.
func heal(replicas [][]versions) {
	for _, rs := range replicas {
		for j := range rs {
			rs[j].base = max(rs[j].base, rs[j].deferred)
			rs[j].deferred = 0
		}
	}
}

// reachable lists the replicas the client can reach: all of them, or
// during a partition those on its side (replicas below n/2 are side 0).
func reachable(o *op, n int, split bool) []int {
	out := make([]int, 0, n)
	for j := range n {
		side := 1
		if j < n/2 {
			side = 0
		}
		if !split || side == o.side {
			out = append(out, j)
		}
	}
	return out
}

// need is the number of answers an operation waits for, or 0 when a CP
// run must refuse it.
func need(quorum, reach int, ap bool) int {
	if reach >= quorum {
		return quorum
	}
	if ap {
		return reach
	}
	return 0
}

func write(s *runStats, o *op, v int64, n int, c runConfig, split bool, rs []versions, acked *versions) {
	s.writeTries++
	if split {
		s.part.writeTries++
	}
	reach := reachable(o, n, split)
	k := need(c.w, len(reach), c.ap)
	if k == 0 {
		return
	}
	rtts := make([]time.Duration, 0, len(reach))
	for _, j := range reach {
		rs[j].settle(o.at)
		rs[j].pending = append(rs[j].pending, stamped{o.at + o.out[j] + o.lag[j], v})
		rtts = append(rtts, o.out[j]+o.lag[j]+o.back[j])
	}
	if split {
		for j := range n {
			if !contains(reach, j) {
				rs[j].deferred = max(rs[j].deferred, v)
			}
		}
	}
	lat := kth(rtts, k)
	acked.settle(o.at)
	acked.pending = append(acked.pending, stamped{o.at + lat, v})
	s.writes++
	if split {
		s.part.writes++
	}
	s.writeLat = append(s.writeLat, toMS(lat))
}

func read(s *runStats, o *op, n int, c runConfig, split bool, rs []versions, acked *versions) {
	s.readTries++
	if split {
		s.part.readTries++
	}
	reach := reachable(o, n, split)
	k := need(c.r, len(reach), c.ap)
	if k == 0 {
		return
	}
	// The k fastest answers: order reachable replicas by round trip.
	sortBy(reach, func(j int) time.Duration { return o.out[j] + o.back[j] })
	var got int64
	for _, j := range reach[:k] {
		rs[j].settle(o.at)
		got = max(got, rs[j].at(o.at+o.out[j]))
	}
	lat := o.out[reach[k-1]] + o.back[reach[k-1]]
	acked.settle(o.at)
	stale := got < acked.base
	s.reads++
	if split {
		s.part.reads++
	}
	if stale {
		s.stale++
		if split {
			s.part.stale++
		}
	}
	s.readLat = append(s.readLat, toMS(lat))
}

// kth returns the k-th smallest of ds (1-based), reordering ds.
func kth(ds []time.Duration, k int) time.Duration {
	sortBy(ds, func(d time.Duration) time.Duration { return d })
	return ds[k-1]
}

// sortBy is an insertion sort: the slices here hold at most MaxN items.
func sortBy[T any](xs []T, key func(T) time.Duration) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && key(xs[j]) < key(xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
