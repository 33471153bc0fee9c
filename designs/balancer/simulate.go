package balancer

import (
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Windows is the number of equal slices (by arrival) of a run that
// AlgorithmResult.P99ByWindowMS reports.
const Windows = 20

// Percentiles are response-time percentiles in milliseconds.
type Percentiles struct {
	P50MS float64 `json:"p50_ms"`
	P95MS float64 `json:"p95_ms"`
	P99MS float64 `json:"p99_ms"`
}

// ServerResult is one server's share of an algorithm's run.
type ServerResult struct {
	Server   int     `json:"server"` // numbered from 1
	Speed    float64 `json:"speed"`
	Requests int     `json:"requests"`
	Share    float64 `json:"share"`
	// Errors are requests sent to the server after it failed, or queued
	// on it when it did.
	Errors int `json:"errors"`
	// Utilization is the server's busy time over the run's length, at
	// most 1 (a server with a growing backlog is busy all the time).
	Utilization float64 `json:"utilization"`
	Percentiles
}

// AlgorithmResult is one algorithm's run.
type AlgorithmResult struct {
	Name string `json:"name"`
	Percentiles
	Errors  int            `json:"errors"`
	Servers []ServerResult `json:"servers"`
	// P99ByWindowMS is the p99 of the requests arriving in each of
	// Windows equal slices of the run, to show the failure and recovery.
	P99ByWindowMS []float64 `json:"p99_by_window_ms"`
}

// Failure is when the failing server went down and when health checks
// removed it.
type Failure struct {
	Server      int     `json:"server"`
	AtMS        float64 `json:"at_ms"`
	RemovedAtMS float64 `json:"removed_at_ms"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// CapacityRPS is the servers' total throughput; ArrivalRPS = Load ×
	// CapacityRPS.
	CapacityRPS float64           `json:"capacity_rps"`
	ArrivalRPS  float64           `json:"arrival_rps"`
	Failure     *Failure          `json:"failure"`
	Algorithms  []AlgorithmResult `json:"algorithms"`
}

// Simulate sends the same seeded Poisson stream of requests through every
// algorithm over servers of the given speeds, each a FIFO queue. If Fail
// is set, that server fails halfway: requests queued on it and those sent
// to it until health checks remove it are errors. Time is simulated.
// Params are checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	res := Result{Params: d, CapacityRPS: labkit.Round(d.Capacity()), ArrivalRPS: labkit.Round(d.Load * d.Capacity())}
	for _, a := range Algorithms() {
		ar, f := run(d, a)
		res.Algorithms = append(res.Algorithms, ar)
		res.Failure = f
	}
	return res, nil
}

// pending is a request queued or in service.
type pending struct {
	finish  time.Duration
	latency time.Duration
	window  int
}

// server is one server's simulated state.
type server struct {
	speed      float64
	alive      bool
	queue      []pending // FIFO from head, so finish times ascend
	head       int
	lastFinish time.Duration
	busy       time.Duration
	requests   int
	errors     int
	hist       labkit.Histogram
}

func run(p Params, alg Algorithm) (AlgorithmResult, *Failure) {
	trace := labkit.NewRand(p.Seed, 1)
	pk := newPicker(alg, p.Speeds, labkit.NewRand(p.Seed, 2))
	servers := make([]*server, len(p.Speeds))
	live := make([]int, len(p.Speeds))
	for i, s := range p.Speeds {
		servers[i] = &server{speed: s, alive: true}
		live[i] = i
	}
	var (
		all      labkit.Histogram
		windows  = make([]labkit.Histogram, Windows)
		errs     int
		now      time.Duration
		fail     *Failure
		removeAt time.Duration
		inflight = make([]int, len(servers))
	)
	complete := func(s int, q pending) {
		servers[s].hist.Add(q.latency.Microseconds())
		all.Add(q.latency.Microseconds())
		windows[q.window].Add(q.latency.Microseconds())
		pk.observe(s, q.latency)
	}
	meanGap := float64(time.Second) / (p.Load * p.Capacity())
	for i := range p.Requests {
		now += time.Duration(labkit.Exp(trace, meanGap))
		demand := labkit.Exp(trace, float64(p.ServiceTime))
		client := trace.IntN(Clients)
		if p.Fail > 0 && i == p.Requests/2 {
			fail, removeAt = failServer(p, servers[p.Fail-1], now)
			errs += servers[p.Fail-1].inflight()
			servers[p.Fail-1].queue, servers[p.Fail-1].head = nil, 0
		}
		if fail != nil && now >= removeAt && len(live) == len(servers) {
			live = remove(live, p.Fail-1)
		}
		for s, sv := range servers {
			for sv.head < len(sv.queue) && sv.queue[sv.head].finish <= now {
				complete(s, sv.queue[sv.head])
				sv.head++
			}
			if sv.head > 64 && sv.head*2 > len(sv.queue) {
				sv.queue = sv.queue[:copy(sv.queue, sv.queue[sv.head:])]
				sv.head = 0
			}
			inflight[s] = sv.inflight()
		}
		s := pk.pick(live, client, inflight)
		sv := servers[s]
		sv.requests++
		if !sv.alive {
			sv.errors++
			errs++
			continue
		}
		work := time.Duration(demand / sv.speed)
		finish := max(now, sv.lastFinish) + work
		sv.lastFinish, sv.busy = finish, sv.busy+work
		sv.queue = append(sv.queue, pending{finish, finish - now, i * Windows / p.Requests})
	}
	for s, sv := range servers {
		for _, q := range sv.queue[sv.head:] {
			complete(s, q)
		}
	}
	return summarise(alg, servers, &all, windows, errs, now, p.Requests), fail
}

// failServer marks sv down at now and returns when health checks, probing
// at every multiple of the interval, see HealthFailures failures in a row.
func failServer(p Params, sv *server, now time.Duration) (*Failure, time.Duration) {
	sv.alive = false
	sv.errors += sv.inflight()
	firstProbe := (now/p.HealthInterval + 1) * p.HealthInterval
	removeAt := firstProbe + (HealthFailures-1)*p.HealthInterval
	return &Failure{Server: p.Fail, AtMS: labkit.Round(toMS(now)), RemovedAtMS: labkit.Round(toMS(removeAt))}, removeAt
}

func remove(live []int, s int) []int {
	out := live[:0:0]
	for _, x := range live {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func percentiles(h *labkit.Histogram) Percentiles {
	ms := func(q float64) float64 { return labkit.Round(h.Quantile(q) / 1000) }
	return Percentiles{P50MS: ms(0.5), P95MS: ms(0.95), P99MS: ms(0.99)}
}

func summarise(alg Algorithm, servers []*server, all *labkit.Histogram, windows []labkit.Histogram, errs int, end time.Duration, total int) AlgorithmResult {
	ar := AlgorithmResult{Name: alg.String(), Percentiles: percentiles(all), Errors: errs}
	for i, sv := range servers {
		ar.Servers = append(ar.Servers, ServerResult{
			Server: i + 1, Speed: sv.speed, Requests: sv.requests, Errors: sv.errors,
			Share:       labkit.Round(float64(sv.requests) / float64(total)),
			Utilization: labkit.Round(min(1, float64(sv.busy)/float64(max(end, 1)))),
			Percentiles: percentiles(&sv.hist),
		})
	}
	for i := range windows {
		ar.P99ByWindowMS = append(ar.P99ByWindowMS, labkit.Round(windows[i].Quantile(0.99)/1000))
	}
	return ar
}

// inflight is the number of requests queued or in service.
func (sv *server) inflight() int { return len(sv.queue) - sv.head }
