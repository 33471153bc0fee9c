package fanout

import (
	"slices"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// The strategies, by Strategy.Name.
const (
	Write  = "write"
	Read   = "read"
	Hybrid = "hybrid"
)

// Strategy is one delivery strategy's cost.
type Strategy struct {
	Name string `json:"name"`
	// WriteAmplification is timeline inserts per post: the author's
	// follower count under fan-out on write, 0 on read.
	WriteAmplification float64 `json:"write_amplification"`
	// MaxWritesPerPost is the most inserts one post caused.
	MaxWritesPerPost int `json:"max_writes_per_post"`
	// ReadsPerTimeline is lists fetched per home-timeline read: 1 for a
	// pushed timeline, one per followee on read, 1 plus the celebrities
	// followed for the hybrid.
	ReadsPerTimeline float64 `json:"reads_per_timeline"`
	// MaxReadsPerTimeline is the most lists one read fetched.
	MaxReadsPerTimeline int `json:"max_reads_per_timeline"`
	// Operations is every insert and every fetch of the run.
	Operations int64 `json:"operations"`
	// StorageEntries and StorageBytes are the timeline entries kept,
	// each timeline capped at Cap (posts themselves are stored once by
	// every strategy and not counted).
	StorageEntries int64 `json:"storage_entries"`
	StorageBytes   int64 `json:"storage_bytes"`
	// DeliveryP99MS and DeliveryMaxMS are the time from a post to its
	// last timeline insert, behind the inserts queued before it; 0 when
	// nothing is pushed.
	DeliveryP99MS float64 `json:"delivery_p99_ms"`
	DeliveryMaxMS float64 `json:"delivery_max_ms"`
}

// SweepPoint is the hybrid at one threshold.
type SweepPoint struct {
	Threshold          int     `json:"threshold"`
	Celebrities        int     `json:"celebrities"`
	WriteAmplification float64 `json:"write_amplification"`
	ReadsPerTimeline   float64 `json:"reads_per_timeline"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// MeanFollowers equals the mean follows; TopFollowers is the most
	// followed account's count.
	MeanFollowers float64 `json:"mean_followers"`
	TopFollowers  int     `json:"top_followers"`
	// Celebrities is how many accounts reach Threshold followers.
	Celebrities int `json:"celebrities"`
	// Strategies are write, read and hybrid, in that order.
	Strategies []Strategy `json:"strategies"`
	// Sweep is the hybrid at thresholds 10, 100, 1,000 … up to users,
	// with the configured one among them.
	Sweep []SweepPoint `json:"sweep"`
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

// Simulate builds the follow graph, writes Posts posts (pushing them
// through one fan-out queue in simulated time) and reads Reads home
// timelines, under each strategy and each sweep threshold. Params are
// checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	g := newGraph(d)
	res := Result{Params: d, MeanFollowers: labkit.Round(float64(len(g.edges)) / float64(d.Users))}
	for _, f := range g.followers {
		res.TopFollowers = max(res.TopFollowers, int(f))
		if int(f) >= d.Threshold {
			res.Celebrities++
		}
	}
	thresholds := Thresholds(d)
	w := writePath(d, g, thresholds)
	rd := readPath(d, g, thresholds)
	for _, name := range []string{Write, Read, Hybrid} {
		res.Strategies = append(res.Strategies, summarise(name, d, g, w, rd, slices.Index(thresholds, d.Threshold)))
	}
	for i, t := range thresholds {
		c := 0
		for _, f := range g.followers {
			if int(f) >= t {
				c++
			}
		}
		res.Sweep = append(res.Sweep, SweepPoint{
			Threshold: t, Celebrities: c,
			WriteAmplification: labkit.Round(float64(w.pushed[i]) / float64(d.Posts)),
			ReadsPerTimeline:   labkit.Round(float64(rd.fetches[i]) / float64(d.Reads)),
		})
	}
	return res, nil
}

// Thresholds are the sweep's thresholds: powers of ten from 10 below
// users, users itself (nobody is a celebrity: pure push) and p.Threshold,
// in order.
func Thresholds(p Params) []int {
	d := p.WithDefaults()
	var ts []int
	for t := 10; t < d.Users; t *= 10 {
		ts = append(ts, t)
	}
	ts = append(ts, d.Users, d.Threshold)
	slices.Sort(ts)
	return slices.Compact(ts)
}

// writes is the write path: per threshold of the sweep, inserts pushed
// (index len(thresholds) is pure push), and the delivery lags.
type writes struct {
	posts      []int32 // posts per author
	pushed     []int64 // inserts per threshold
	maxPush    []int
	lagsPush   []time.Duration // pure push
	lagsHybrid []time.Duration // at p.Threshold
}

func writePath(p Params, g *graph, thresholds []int) writes {
	r := labkit.NewRand(p.Seed, 3)
	w := writes{posts: make([]int32, p.Users), pushed: make([]int64, len(thresholds)), maxPush: make([]int, len(thresholds)),
		lagsPush: make([]time.Duration, 0, p.Posts), lagsHybrid: make([]time.Duration, 0, p.Posts)}
	var now, busyPush, busyHybrid time.Duration
	perInsert := float64(time.Second) / float64(p.InsertRate)
	queue := func(busy *time.Duration, inserts int) time.Duration {
		*busy = max(*busy, now) + time.Duration(float64(inserts)*perInsert)
		return *busy - now
	}
	for range p.Posts {
		now += time.Duration(labkit.Exp(r, float64(time.Second)/float64(p.PostRate)))
		a := r.IntN(p.Users)
		w.posts[a]++
		f := int(g.followers[a])
		for i, t := range thresholds {
			if f < t {
				w.pushed[i] += int64(f)
				w.maxPush[i] = max(w.maxPush[i], f)
			}
		}
		w.lagsPush = append(w.lagsPush, queue(&busyPush, f))
		if f < p.Threshold {
			w.lagsHybrid = append(w.lagsHybrid, queue(&busyHybrid, f))
		}
	}
	return w
}

// reads is the read path: per threshold, lists fetched by the sampled
// timeline reads, and the most by one read.
type reads struct {
	fetches   []int64
	maxFetch  []int
	pull      int64 // pure pull: one list per followee
	maxPull   int
	celebrity [][]int32 // celebrity[i][u]: accounts u follows at or above thresholds[i]
}

func readPath(p Params, g *graph, thresholds []int) reads {
	rd := reads{fetches: make([]int64, len(thresholds)), maxFetch: make([]int, len(thresholds)), celebrity: make([][]int32, len(thresholds))}
	for i := range thresholds {
		rd.celebrity[i] = make([]int32, p.Users)
	}
	for u := range p.Users {
		for _, v := range g.followees(u) {
			f := int(g.followers[v])
			for i, t := range thresholds {
				if f >= t {
					rd.celebrity[i][u]++
				}
			}
		}
	}
	r := labkit.NewRand(p.Seed, 4)
	for range p.Reads {
		u := r.IntN(p.Users)
		n := len(g.followees(u))
		rd.pull += int64(n)
		rd.maxPull = max(rd.maxPull, n)
		for i := range thresholds {
			// The pushed timeline, if anything is pushed, plus each
			// celebrity's own list.
			k := int(rd.celebrity[i][u]) + 1
			rd.fetches[i] += int64(k)
			rd.maxFetch[i] = max(rd.maxFetch[i], k)
		}
	}
	return rd
}

func summarise(name string, p Params, g *graph, w writes, rd reads, hi int) Strategy {
	s := Strategy{Name: name}
	last := len(w.pushed) - 1 // threshold = users: nobody pulled
	var ins, fetch int64
	switch name {
	case Write:
		ins, fetch = w.pushed[last], rd.fetches[last]
		s.MaxWritesPerPost, s.MaxReadsPerTimeline = w.maxPush[last], rd.maxFetch[last]
		s.StorageEntries = storage(p, g, w.posts, p.Users+1)
		s.DeliveryP99MS, s.DeliveryMaxMS = lagStats(w.lagsPush)
	case Read:
		fetch = rd.pull
		s.MaxReadsPerTimeline = rd.maxPull
	case Hybrid:
		ins, fetch = w.pushed[hi], rd.fetches[hi]
		s.MaxWritesPerPost, s.MaxReadsPerTimeline = w.maxPush[hi], rd.maxFetch[hi]
		s.StorageEntries = storage(p, g, w.posts, p.Threshold)
		s.DeliveryP99MS, s.DeliveryMaxMS = lagStats(w.lagsHybrid)
	}
	s.WriteAmplification = labkit.Round(float64(ins) / float64(p.Posts))
	s.ReadsPerTimeline = labkit.Round(float64(fetch) / float64(p.Reads))
	s.Operations = ins + fetch
	s.StorageBytes = s.StorageEntries * EntryBytes
	return s
}

// storage is the entries kept in pushed timelines: each user receives
// the posts of followees below threshold, capped at p.Cap.
func storage(p Params, g *graph, posts []int32, threshold int) int64 {
	var total int64
	for u := range p.Users {
		n := 0
		for _, v := range g.followees(u) {
			if int(g.followers[v]) < threshold {
				n += int(posts[v])
			}
		}
		total += int64(min(n, p.Cap))
	}
	return total
}

func lagStats(lags []time.Duration) (p99, maxMS float64) {
	if len(lags) == 0 {
		return 0, 0
	}
	ns := make([]int64, len(lags))
	for i, l := range lags {
		ns[i] = int64(l)
	}
	slices.Sort(ns)
	return labkit.Round(float64(labkit.Quantile(ns, 0.99)) / 1e6), labkit.Round(float64(ns[len(ns)-1]) / 1e6)
}
