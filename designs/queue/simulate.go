package queue

import (
	"math"
	"slices"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Slices is how many equal time slices the runs' timelines cut the run
// into.
const Slices = 40

// The runs Simulate compares, by Run.Name.
const (
	RunFixed         = "fixed"
	RunShed          = "shed"
	RunAutoscale     = "autoscale"
	RunAutoscaleShed = "autoscale_shed"
)

// Delivery counts at-least-once delivery through an idempotent consumer.
type Delivery struct {
	// Delivered is every delivery a consumer processed, redeliveries
	// included.
	Delivered int `json:"delivered"`
	// Duplicates are deliveries of a message already processed, which
	// the consumer recognised by its id and skipped.
	Duplicates int `json:"duplicates"`
	// ProcessedOnce is the messages whose effect was applied: each
	// exactly once, so Delivered = ProcessedOnce + Duplicates.
	ProcessedOnce int `json:"processed_once"`
	// AppliedTwice is how many effects a consumer without the
	// idempotency check would have applied more than once: every
	// duplicate.
	AppliedTwice int `json:"applied_twice"`
}

// Run is one configuration's outcome.
type Run struct {
	Name      string `json:"name"`
	Autoscale bool   `json:"autoscale"`
	Shed      bool   `json:"shed"`
	// Produced is every message the producers offered; Shed of them were
	// refused (low priority, backlog over ShedAt).
	Produced  int `json:"produced"`
	ShedCount int `json:"shed_count"`
	Delivery
	// MaxBacklog is the longest the queue got, in messages.
	MaxBacklog int `json:"max_backlog"`
	// HighWaitP99S and LowWaitP99S are the 99th percentile of the time
	// from production to first delivery, in seconds, per priority.
	HighWaitP99S float64 `json:"high_wait_p99_s"`
	LowWaitP99S  float64 `json:"low_wait_p99_s"`
	// MaxConsumers is the most consumers running or starting at once.
	MaxConsumers int `json:"max_consumers"`
	// DrainedS is when the last message was processed, in seconds.
	DrainedS float64 `json:"drained_s"`
	// Backlog and Consumers are the largest backlog and consumer count
	// in each of Slices slices of the production time.
	Backlog   []int `json:"backlog"`
	Consumers []int `json:"consumers"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params Params `json:"params"`
	// Delivery is the full system's: the autoscale_shed run.
	Delivery
	// Events is how many simulation events the runs processed together.
	Events int `json:"events"`
	// Runs are a fixed pool of consumers, the fixed pool shedding
	// low-priority work, an autoscaled pool, and an autoscaled pool that
	// sheds, in that order.
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

// Simulate replays one seeded stream of messages four times: a fixed
// pool of consumers, with and without shedding low-priority messages
// while the backlog is long, and an autoscaled pool, with and without. Time is
// simulated. Params are checked first; the error wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	res := Result{Params: d}
	for _, c := range []struct {
		name            string
		autoscale, shed bool
	}{{RunFixed, false, false}, {RunShed, false, true}, {RunAutoscale, true, false}, {RunAutoscaleShed, true, true}} {
		s := newSim(d, c.autoscale, c.shed)
		run := s.simulate()
		run.Name = c.name
		res.Runs = append(res.Runs, run)
		res.Events += s.events
	}
	res.Delivery = res.Runs[3].Delivery
	return res, nil
}

// Event kinds.
const (
	evArrive = iota
	evDone   // a consumer finished a message
	evRedeliver
	evReady // a started consumer is ready
	evScale
)

type event struct {
	kind uint8
	id   int32
}

type message struct {
	produced time.Duration
	low      bool
	seen     bool // first delivery recorded (for waits)
	done     bool // processed: the idempotency record
	tries    uint8
}

// Random draws are keyed by message and purpose, so that every run sees
// the same messages and the same lost acknowledgements.
const (
	saltLow uint64 = iota + 1
	saltService
	saltAck
)

type sim struct {
	p                   Params
	autoscale, shed     bool
	q                   labkit.Events[event]
	msgs                []message
	high, low           fifo
	idle, running       int // running: consumers started and ready
	starting, target    int
	retire              int // consumers to stop when they finish
	events              int
	now, end, slice     time.Duration
	arrivalsSinceTick   int
	out                 Run
	highWaits, lowWaits []int64
	unitSeed            uint64
	arrivals            *arrivalStream
	producing           bool
}

func newSim(p Params, autoscale, shed bool) *sim {
	s := &sim{p: p, autoscale: autoscale, shed: shed, unitSeed: labkit.Mix64(p.Seed), end: p.Duration, producing: true}
	s.slice = max(p.Duration/Slices, 1)
	s.arrivals = newArrivals(p)
	s.running, s.idle, s.target = p.Consumers, p.Consumers, p.Consumers
	s.out = Run{Autoscale: autoscale, Shed: shed, Backlog: make([]int, Slices), Consumers: make([]int, Slices)}
	return s
}

// unit is a uniform draw in [0, 1) for one message and purpose; n
// separates redeliveries of one message.
func (s *sim) unit(id int32, n int, salt uint64) float64 {
	x := labkit.Mix64(s.unitSeed ^ labkit.Mix64(uint64(id)<<8|uint64(n&0xff)) ^ salt*0x9e3779b97f4a7c15)
	return float64(x>>11) / (1 << 53)
}

func (s *sim) simulate() Run {
	if t, ok := s.arrivals.next(); ok {
		s.q.Push(t, event{kind: evArrive})
	}
	if s.autoscale {
		s.q.Push(ScaleInterval, event{kind: evScale})
	}
	for s.q.Len() > 0 {
		at, e := s.q.Pop()
		s.now = at
		s.events++
		switch e.kind {
		case evArrive:
			s.arrive()
		case evDone:
			s.done(e.id)
		case evRedeliver:
			s.enqueue(e.id)
		case evReady:
			s.starting--
			s.running++
			s.idle++
			s.dispatch()
		case evScale:
			s.scale()
		}
		s.observe()
	}
	return s.summary()
}

func (s *sim) backlog() int { return s.high.len() + s.low.len() }

func (s *sim) arrive() {
	if t, ok := s.arrivals.next(); ok {
		s.q.Push(t, event{kind: evArrive})
	} else {
		s.producing = false
	}
	id := int32(len(s.msgs))
	low := s.unit(id, 0, saltLow) < s.p.LowShare
	s.msgs = append(s.msgs, message{produced: s.now, low: low})
	s.out.Produced++
	s.arrivalsSinceTick++ // the autoscaler sees offered load, shed or not
	if s.shed && low && s.backlog() >= s.p.ShedAt {
		s.out.ShedCount++
		return
	}
	s.enqueue(id)
}

func (s *sim) enqueue(id int32) {
	if s.msgs[id].low {
		s.low.push(id)
	} else {
		s.high.push(id)
	}
	s.dispatch()
}

// dispatch hands queued messages to idle consumers, high priority first.
func (s *sim) dispatch() {
	for s.idle > 0 && s.backlog() > 0 {
		var id int32
		if s.high.len() > 0 {
			id = s.high.pop()
		} else {
			id = s.low.pop()
		}
		s.idle--
		m := &s.msgs[id]
		if !m.seen {
			m.seen = true
			w := int64(s.now - m.produced)
			if m.low {
				s.lowWaits = append(s.lowWaits, w)
			} else {
				s.highWaits = append(s.highWaits, w)
			}
		}
		m.tries++
		svc := -math.Log1p(-s.unit(id, int(m.tries), saltService)) * float64(s.p.Service)
		s.q.Push(s.now+time.Duration(svc), event{kind: evDone, id: id})
	}
}

// done processes a delivery through the idempotent consumer, loses its
// acknowledgement with probability Redelivery, and frees the consumer.
func (s *sim) done(id int32) {
	m := &s.msgs[id]
	s.out.Delivered++
	if m.done {
		s.out.Duplicates++
	} else {
		m.done = true
		s.out.ProcessedOnce++
	}
	s.out.DrainedS = s.now.Seconds()
	if s.unit(id, int(m.tries), saltAck) < s.p.Redelivery {
		s.q.Push(s.now+s.p.Visibility, event{kind: evRedeliver, id: id})
	}
	if s.retire > 0 {
		s.retire--
		s.running--
	} else {
		s.idle++
	}
	s.dispatch()
}

// scale sets the consumer count for the arrival rate of the last
// interval at TargetUtil, plus enough to drain the backlog in
// DrainTarget, within [Consumers, MaxConsumers].
func (s *sim) scale() {
	capacity := s.p.Capacity()
	rate := float64(s.arrivalsSinceTick) / ScaleInterval.Seconds()
	s.arrivalsSinceTick = 0
	want := int(math.Ceil(rate/capacity/TargetUtil + float64(s.backlog())/(capacity*DrainTarget.Seconds())))
	want = min(max(want, s.p.Consumers), s.p.MaxConsumers)
	have := s.running - s.retire + s.starting
	for ; have < want; have++ {
		if s.retire > 0 {
			s.retire--
			continue
		}
		s.starting++
		s.q.Push(s.now+s.p.Startup, event{kind: evReady})
	}
	for ; have > want && s.running-s.retire > 0; have-- {
		if s.idle > 0 {
			s.idle--
			s.running--
		} else {
			s.retire++
		}
	}
	if s.producing || s.backlog() > 0 || s.starting > 0 {
		s.q.Push(s.now+ScaleInterval, event{kind: evScale})
	}
}

// observe updates the timelines.
func (s *sim) observe() {
	b := s.backlog()
	s.out.MaxBacklog = max(s.out.MaxBacklog, b)
	c := s.running - s.retire + s.starting
	s.out.MaxConsumers = max(s.out.MaxConsumers, c)
	if s.now >= s.end {
		return
	}
	i := min(int(s.now/s.slice), Slices-1)
	s.out.Backlog[i] = max(s.out.Backlog[i], b)
	s.out.Consumers[i] = max(s.out.Consumers[i], c)
}

func (s *sim) summary() Run {
	r := s.out
	r.AppliedTwice = r.Duplicates
	r.DrainedS = labkit.Round(r.DrainedS)
	r.HighWaitP99S = p99(s.highWaits)
	r.LowWaitP99S = p99(s.lowWaits)
	return r
}

func p99(ns []int64) float64 {
	slices.Sort(ns)
	return labkit.Round(float64(labkit.Quantile(ns, 0.99)) / 1e9)
}

// fifo is a queue of message ids.
type fifo struct {
	items []int32
	head  int
}

func (f *fifo) len() int { return len(f.items) - f.head }

func (f *fifo) push(id int32) { f.items = append(f.items, id) }

func (f *fifo) pop() int32 {
	id := f.items[f.head]
	f.head++
	if f.head > 1024 && f.head*2 > len(f.items) {
		f.items = append(f.items[:0], f.items[f.head:]...)
		f.head = 0
	}
	return id
}
