package breaker

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Slices is how many equal time slices the runs' timelines (Run.Busy,
// Run.States) cut the run into.
const Slices = 40

// The runs Simulate compares, by Run.Name.
const (
	RunPlain          = "no_breaker"
	RunRetries        = "retries"
	RunBreaker        = "breaker"
	RunBreakerRetries = "breaker_retries"
)

// Incident summarises the requests that arrived during the incident.
type Incident struct {
	// Amplification is dependency calls per request that needed the
	// dependency and got a worker: 1 without retries, up to 1+Retries
	// with them.
	Amplification float64 `json:"amplification"`
	// DependencyServed is the share of requests needing the dependency
	// that got a real answer from it.
	DependencyServed float64 `json:"dependency_served"`
	// OtherServed is the share of requests that did not need the
	// dependency and were served. Below 1 it is cascading failure: the
	// dependency's slowness took the workers they needed.
	OtherServed float64 `json:"other_served"`
	// Answered is the share of all requests answered at all, with a real
	// answer or the breaker's fallback.
	Answered float64 `json:"answered"`
}

// Run is one configuration's outcome.
type Run struct {
	Name    string `json:"name"`
	Breaker bool   `json:"breaker"`
	Retries int    `json:"retries"`
	// Requests is the number of requests; each ends as exactly one of
	// Succeeded, Fallbacks, Failed or Rejected.
	Requests  int `json:"requests"`
	Succeeded int `json:"succeeded"`
	// Fallbacks were answered at once because the breaker refused the
	// call: a degraded answer, not an error.
	Fallbacks int `json:"fallbacks"`
	// Failed needed the dependency and got an error after every attempt.
	Failed int `json:"failed"`
	// Rejected found every worker busy.
	Rejected int `json:"rejected"`
	// DependencyCalls is every attempt sent to the dependency.
	DependencyCalls int      `json:"dependency_calls"`
	Incident        Incident `json:"incident"`
	// PeakBusy is the most workers busy at once.
	PeakBusy int `json:"peak_busy"`
	// P99MS is the 99th percentile of the time to answer a request that
	// needed the dependency, in milliseconds.
	P99MS float64 `json:"p99_ms"`
	// Trips counts how often the breaker opened.
	Trips int `json:"trips"`
	// Busy is the most workers busy in each of Slices slices of the run.
	Busy []int `json:"busy"`
	// States is the breaker's state in each slice: 'O' if it was open at
	// some point of the slice, else 'H' if half-open, else 'C'; empty
	// without a breaker.
	States string `json:"states"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// IncidentStartS and IncidentEndS bound the incident, in seconds.
	IncidentStartS float64 `json:"incident_start_s"`
	IncidentEndS   float64 `json:"incident_end_s"`
	// Events is how many simulation events the runs processed together.
	Events int `json:"events"`
	// Runs are, in order: no breaker and no retries, retries alone, the
	// breaker alone, the breaker with retries.
	Runs []Run `json:"runs"`
}

// Run returns the run with the given name, or false.
func (r Result) Run(name string) (Run, bool) {
	for _, x := range r.Runs {
		if x.Name == name {
			return x, true
		}
	}
	return Run{}, false
}

// Simulate replays one seeded stream of requests four times: without a
// breaker, with retries, with a breaker, with both. Every run sees the
// same arrivals and the same dependency answers for the same attempt.
// Time is simulated. Params are checked first; the error wraps
// ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	s, e := d.Incident()
	res := Result{Params: d, IncidentStartS: labkit.Round(s.Seconds()), IncidentEndS: labkit.Round(e.Seconds())}
	for _, c := range []struct {
		name    string
		breaker bool
		retries int
	}{{RunPlain, false, 0}, {RunRetries, false, d.Retries}, {RunBreaker, true, 0}, {RunBreakerRetries, true, d.Retries}} {
		sim := newSim(d, c.breaker, c.retries)
		run := sim.simulate()
		run.Name = c.name
		res.Runs = append(res.Runs, run)
		res.Events += sim.events
	}
	return res, nil
}

// Event kinds.
const (
	evArrive = iota
	evAnswer // an attempt's answer (or its timeout) arrives
	evRetry  // a backoff sleep ends
	evDone   // a request that did not need the dependency is served
)

type event struct {
	kind    uint8
	attempt uint8
	ok      bool
	req     int32
	start   time.Duration
	ticket  Ticket
}

// epoch is the wall time simulated time 0 maps to for the Breaker.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Random draws are keyed by request, attempt and purpose, so that every
// run sees the same dependency answer for the same attempt.
const (
	saltNeed uint64 = iota + 1
	saltFail
	saltLatency
	saltJitter
)

type sim struct {
	p                Params
	retries          int
	b                *Breaker
	q                labkit.Events[event]
	incStart, incEnd time.Duration
	slice            time.Duration
	busy, events     int
	out              Run
	latencies        []time.Duration
	inc              struct{ depAdmitted, calls, depServed, other, otherServed, all, answered int }
	stateRank        []byte
	lastArrival      time.Duration
	arrivals         *rand.Rand
	unitSeed         uint64
}

func newSim(p Params, useBreaker bool, retries int) *sim {
	s := &sim{p: p, retries: retries, unitSeed: labkit.Mix64(p.Seed)}
	s.incStart, s.incEnd = p.Incident()
	s.slice = max(p.Duration()/Slices, 1)
	if useBreaker {
		s.b, _ = New(p.Breaker) // Validate checked the settings
	}
	s.arrivals = labkit.NewRand(p.Seed, 1)
	s.out = Run{Breaker: useBreaker, Retries: retries, Requests: p.Requests, Busy: make([]int, Slices)}
	if useBreaker {
		s.stateRank = make([]byte, Slices)
	}
	s.latencies = make([]time.Duration, 0, int(float64(p.Requests)*p.Share)+1)
	return s
}

// unit is a uniform draw in [0, 1) for one request, attempt and purpose.
func (s *sim) unit(req int32, attempt uint8, salt uint64) float64 {
	x := labkit.Mix64(s.unitSeed ^ labkit.Mix64(uint64(req)<<8|uint64(attempt)) ^ salt*0x9e3779b97f4a7c15)
	return float64(x>>11) / (1 << 53)
}

func (s *sim) simulate() Run {
	s.q.Push(s.nextArrival(), event{kind: evArrive})
	for s.q.Len() > 0 {
		at, e := s.q.Pop()
		s.events++
		switch e.kind {
		case evArrive:
			s.arrive(at, e.req)
		case evAnswer:
			s.answer(at, e)
		case evRetry:
			s.attempt(at, e)
		case evDone:
			s.finish(at, e, outcomeServed)
		}
		s.observe(at)
	}
	return s.summary()
}

func (s *sim) nextArrival() time.Duration {
	s.lastArrival += time.Duration(s.arrivals.ExpFloat64() * float64(time.Second) / float64(s.p.Rate))
	return s.lastArrival
}

func (s *sim) inIncident(t time.Duration) bool { return t >= s.incStart && t < s.incEnd }

func (s *sim) arrive(at time.Duration, req int32) {
	if int(req)+1 < s.p.Requests {
		s.q.Push(s.nextArrival(), event{kind: evArrive, req: req + 1})
	}
	need := s.unit(req, 0, saltNeed) < s.p.Share
	inc := s.inIncident(at)
	if inc {
		s.inc.all++
		if !need {
			s.inc.other++
		}
	}
	if s.busy >= s.p.Pool {
		s.out.Rejected++
		return
	}
	s.busy++
	s.out.PeakBusy = max(s.out.PeakBusy, s.busy)
	e := event{req: req, start: at}
	if !need {
		e.kind = evDone
		s.q.Push(at+LocalWork, e)
		return
	}
	if inc {
		s.inc.depAdmitted++
	}
	s.attempt(at, e)
}

// attempt asks the breaker, then calls the dependency.
func (s *sim) attempt(at time.Duration, e event) {
	if s.b != nil {
		tk, err := s.b.AllowAt(epoch.Add(at))
		if err != nil {
			s.finish(at, e, outcomeFallback)
			return
		}
		e.ticket = tk
	}
	s.out.DependencyCalls++
	if s.inIncident(e.start) {
		s.inc.calls++
	}
	failRate, mean := HealthyFailureRate, HealthyLatency
	if s.inIncident(at) {
		failRate, mean = s.p.FailureRate, s.p.Latency
	}
	e.ok = s.unit(e.req, e.attempt, saltFail) >= failRate
	lat := time.Duration(-math.Log1p(-s.unit(e.req, e.attempt, saltLatency)) * float64(mean))
	if lat >= s.p.Timeout {
		lat, e.ok = s.p.Timeout, false
	}
	e.kind = evAnswer
	s.q.Push(at+lat, e)
}

func (s *sim) answer(at time.Duration, e event) {
	if s.b != nil {
		s.b.RecordAt(epoch.Add(at), e.ticket, e.ok)
	}
	switch {
	case e.ok:
		s.finish(at, e, outcomeServed)
	case int(e.attempt) < s.retries:
		backoff := min(s.p.BackoffCap, s.p.Backoff<<e.attempt)
		sleep := time.Duration(s.unit(e.req, e.attempt, saltJitter) * float64(backoff))
		e.kind, e.attempt = evRetry, e.attempt+1
		s.q.Push(at+sleep, e)
	default:
		s.finish(at, e, outcomeFailed)
	}
}

type outcome int

const (
	outcomeServed outcome = iota
	outcomeFallback
	outcomeFailed
)

func (s *sim) finish(at time.Duration, e event, o outcome) {
	s.busy--
	need := e.kind != evDone
	inc := s.inIncident(e.start)
	switch o {
	case outcomeServed:
		s.out.Succeeded++
	case outcomeFallback:
		s.out.Fallbacks++
	case outcomeFailed:
		s.out.Failed++
	}
	if need {
		s.latencies = append(s.latencies, at-e.start)
	}
	if !inc {
		return
	}
	if o != outcomeFailed {
		s.inc.answered++
	}
	switch {
	case !need:
		s.inc.otherServed++
	case o == outcomeServed:
		s.inc.depServed++
	}
}

// observe updates the timelines after an event at t.
func (s *sim) observe(t time.Duration) {
	i := min(int(t/s.slice), Slices-1)
	s.out.Busy[i] = max(s.out.Busy[i], s.busy)
	if s.b == nil {
		return
	}
	rank := byte(1)
	switch s.b.StateAt(epoch.Add(t)) {
	case Open:
		rank = 3
	case HalfOpen:
		rank = 2
	}
	s.stateRank[i] = max(s.stateRank[i], rank)
}

func (s *sim) summary() Run {
	r := s.out
	if s.b != nil {
		r.Trips = s.b.Trips()
		st := make([]byte, Slices)
		for i, k := range s.stateRank {
			st[i] = " CHO"[k]
		}
		r.States = string(st)
	}
	r.Incident = Incident{
		Amplification:    ratio(s.inc.calls, s.inc.depAdmitted),
		DependencyServed: ratio(s.inc.depServed, s.inc.all-s.inc.other),
		OtherServed:      ratio(s.inc.otherServed, s.inc.other),
		Answered:         ratio(s.inc.answered, s.inc.all),
	}
	slices.Sort(s.latencies)
	r.P99MS = labkit.Round(ms(time.Duration(labkit.Quantile(durs(s.latencies), 0.99))))
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return labkit.Round(float64(a) / float64(b))
}

// durs views durations as int64 nanoseconds for labkit.Quantile.
func durs(ds []time.Duration) []int64 {
	out := make([]int64, len(ds))
	for i, d := range ds {
		out[i] = int64(d)
	}
	return out
}
