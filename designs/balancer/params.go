package balancer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "balancer: load 2: want above 0 up to 1.5".
var ErrInvalidParams = errors.New("balancer: invalid parameter")

// Bounds and defaults of Params.
const (
	MaxServers         = 16
	MinSpeed           = 0.1
	MaxSpeed           = 100
	MaxLoad            = 1.5
	MaxRequests        = 10_000_000
	DefaultServiceTime = 40 * time.Millisecond
	DefaultLoad        = 0.7
	DefaultRequests    = 100_000
	DefaultHealth      = time.Second
	// HealthFailures is how many failed probes in a row remove a server.
	HealthFailures = 2
	// Clients is the number of client addresses IP hash sees.
	Clients = 1000
)

// DefaultSpeeds are the servers when Params.Speeds is empty: one fast,
// one medium and two slow machines.
var DefaultSpeeds = []float64{4, 2, 1, 1}

// Params are the inputs of Simulate. The zero value is valid.
type Params struct {
	// Seed drives arrivals, service times, clients and random choices.
	Seed uint64
	// Speeds are the servers' relative speeds: a server of speed 2 serves
	// a request in half the time. Empty means 4, 2, 1, 1; accepted 1 to 16
	// servers, each 0.1 to 100.
	Speeds []float64
	// ServiceTime is the mean time a speed-1 server spends on a request
	// (exponentially distributed). 0 means 40ms; accepted 1ms to 10s.
	ServiceTime time.Duration
	// Load is the offered load as a fraction of the servers' total
	// capacity; arrivals are Poisson at that rate. 0 means 0.7; accepted
	// above 0 up to 1.5.
	Load float64
	// Requests is the number of requests per algorithm. 0 means 100,000;
	// accepted 1 to 10,000,000.
	Requests int
	// Fail is the server (numbered from 1) that fails halfway through the
	// run. 0 means no failure; accepted 0 to the number of servers, and
	// not the only server.
	Fail int
	// HealthInterval is the time between health probes; a server is
	// removed after 2 failed probes in a row. 0 means 1s; accepted 10ms
	// to 1m.
	HealthInterval time.Duration
}

// WithDefaults returns p with every zero field that has a default
// replaced.
func (p Params) WithDefaults() Params {
	if len(p.Speeds) == 0 {
		p.Speeds = DefaultSpeeds
	}
	p.Speeds = append([]float64(nil), p.Speeds...)
	if p.ServiceTime == 0 {
		p.ServiceTime = DefaultServiceTime
	}
	if p.Load == 0 {
		p.Load = DefaultLoad
	}
	if p.Requests == 0 {
		p.Requests = DefaultRequests
	}
	if p.HealthInterval == 0 {
		p.HealthInterval = DefaultHealth
	}
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "balancer", name, v, want)
	}
	d := p.WithDefaults()
	if len(d.Speeds) > MaxServers {
		return bad("speeds", labkit.Raw(FormatSpeeds(p.Speeds)), "1 to 16 servers")
	}
	for _, s := range d.Speeds {
		if !(s >= MinSpeed && s <= MaxSpeed) {
			return bad("speeds", labkit.Raw(FormatSpeeds(p.Speeds)), "speeds from 0.1 to 100")
		}
	}
	switch {
	case d.ServiceTime < time.Millisecond || d.ServiceTime > 10*time.Second:
		return bad("service-time", p.ServiceTime, "1ms to 10s")
	case !(d.Load > 0 && d.Load <= MaxLoad):
		return bad("load", p.Load, "above 0 up to 1.5")
	case d.Requests < 1 || d.Requests > MaxRequests:
		return bad("requests", p.Requests, "1 to 10,000,000")
	case d.Fail < 0 || d.Fail > len(d.Speeds):
		return bad("fail", p.Fail, fmt.Sprintf("0 (none) to %d (the number of servers)", len(d.Speeds)))
	case d.Fail > 0 && len(d.Speeds) == 1:
		return bad("fail", p.Fail, "0: the only server cannot fail")
	case d.HealthInterval < 10*time.Millisecond || d.HealthInterval > time.Minute:
		return bad("health-interval", p.HealthInterval, "10ms to 1m")
	}
	return nil
}

// Capacity is the servers' total throughput in requests per second.
func (p Params) Capacity() float64 {
	d := p.WithDefaults()
	sum := 0.0
	for _, s := range d.Speeds {
		sum += s
	}
	return sum / d.ServiceTime.Seconds()
}

// FormatSpeeds writes speeds as the --speeds flag takes them: "4,2,1,1".
func FormatSpeeds(speeds []float64) string {
	parts := make([]string, len(speeds))
	for i, s := range speeds {
		parts[i] = strconv.FormatFloat(s, 'g', -1, 64)
	}
	return strings.Join(parts, ",")
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	fail := "no failure"
	if d.Fail > 0 {
		fail = fmt.Sprintf("server %d fails halfway, health checks every %v", d.Fail, d.HealthInterval)
	}
	return fmt.Sprintf("%d servers of speeds %s, %v a request at speed 1, load %s (%s req/s), %s requests, %s, seed %d",
		len(d.Speeds), FormatSpeeds(d.Speeds), d.ServiceTime, labkit.Percent(d.Load), labkit.Commas(int64(d.Load*d.Capacity())),
		labkit.Commas(int64(d.Requests)), fail, d.Seed)
}

// MarshalJSON writes the parameters in snake_case, durations in
// milliseconds.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed             uint64    `json:"seed"`
		Speeds           []float64 `json:"speeds"`
		ServiceTimeMS    float64   `json:"service_time_ms"`
		Load             float64   `json:"load"`
		Requests         int       `json:"requests"`
		Fail             int       `json:"fail"`
		HealthIntervalMS float64   `json:"health_interval_ms"`
	}{p.Seed, p.Speeds, toMS(p.ServiceTime), p.Load, p.Requests, p.Fail, toMS(p.HealthInterval)})
}

func toMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// ParseSpeeds reads speeds as the --speeds flag takes them: numbers
// separated by commas, spaces around them allowed ("4,2,1,1"). It checks
// the syntax only; Validate checks the range.
func ParseSpeeds(s string) ([]float64, error) {
	var out []float64
	for _, part := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil {
			return nil, labkit.Invalid(ErrInvalidParams, "balancer", "speeds", labkit.Raw(s), "comma-separated numbers such as 4,2,1,1")
		}
		out = append(out, v)
	}
	return out, nil
}
