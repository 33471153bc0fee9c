package queue

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// ErrInvalidParams is wrapped by every error Params.Validate returns. The
// message names the parameter, the bad value and the accepted range:
// "queue: consumers 0: want 1 to 1,000".
var ErrInvalidParams = errors.New("queue: invalid parameter")

// Bounds of Params.
const (
	MaxDuration  = 24 * time.Hour
	MaxRate      = 100_000
	MaxBurst     = 100.0
	MaxConsumers = 1_000
	MaxBacklog   = 10_000_000
	// MaxMessages bounds duration × rate × burst, the messages of a run.
	MaxMessages = 5_000_000
)

// Defaults stand in for zero-valued Params fields.
const (
	DefaultDuration     = 10 * time.Minute
	DefaultRate         = 200
	DefaultBurst        = 3.0
	DefaultService      = 20 * time.Millisecond
	DefaultConsumers    = 5
	DefaultMaxConsumers = 20
	DefaultStartup      = 20 * time.Second
	DefaultShedAt       = 2_000
	DefaultLowShare     = 0.7
	DefaultRedelivery   = 0.02
	DefaultVisibility   = 30 * time.Second
)

// Autoscaler settings: how often it looks, the utilisation it aims for,
// and how fast it wants a backlog gone.
const (
	ScaleInterval = 10 * time.Second
	TargetUtil    = 0.8
	DrainTarget   = time.Minute
)

// Params are the inputs of Simulate. The zero value is valid: every zero
// field means the default named beside it.
type Params struct {
	// Seed drives every random draw; the same Params give the same Result.
	Seed uint64
	// Duration is how long producers produce; consumers then drain what
	// is left. 0 means 10m; accepted 1s to 24h.
	Duration time.Duration
	// Rate is the producers' messages per second outside the burst,
	// Poisson arrivals. 0 means 200; accepted 1 to 100,000.
	Rate int
	// Burst multiplies Rate during the middle third of the run. 0 means
	// 3; accepted 1 to 100.
	Burst float64
	// Service is a consumer's mean time per message, exponentially
	// distributed. 0 means 20ms; accepted 1µs to 1m.
	Service time.Duration
	// Consumers is how many consumers run at the start, and the
	// autoscaler's floor. 0 means 5; accepted 1 to 1,000.
	Consumers int
	// MaxConsumers is the autoscaler's ceiling. 0 means 20; accepted
	// consumers to 1,000.
	MaxConsumers int
	// Startup is how long a consumer the autoscaler adds takes before it
	// consumes (a cold start). 0 means 20s; accepted up to 1h (1ns
	// for an instant start).
	Startup time.Duration
	// ShedAt is the backlog above which low-priority messages are shed
	// (refused at the producer) in the shedding run. 0 means 2,000;
	// accepted 1 to 10,000,000.
	ShedAt int
	// LowShare is the fraction of messages that are low priority. 0
	// means 0.7; accepted above 0 below 1.
	LowShare float64
	// Redelivery is the chance a processed message's acknowledgement is
	// lost, so the broker delivers it again after Visibility. 0 means
	// 0.02; accepted above 0 below 1.
	Redelivery float64
	// Visibility is how long the broker waits for an acknowledgement
	// before redelivering. 0 means 30s; accepted 1ms to 1h.
	Visibility time.Duration
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	defI := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defD := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	defF := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	defD(&p.Duration, DefaultDuration)
	defI(&p.Rate, DefaultRate)
	defF(&p.Burst, DefaultBurst)
	defD(&p.Service, DefaultService)
	defI(&p.Consumers, DefaultConsumers)
	defI(&p.MaxConsumers, max(DefaultMaxConsumers, p.Consumers))
	defD(&p.Startup, DefaultStartup)
	defI(&p.ShedAt, DefaultShedAt)
	defF(&p.LowShare, DefaultLowShare)
	defF(&p.Redelivery, DefaultRedelivery)
	defD(&p.Visibility, DefaultVisibility)
	return p
}

// Validate reports the first parameter out of range. Errors wrap
// ErrInvalidParams.
func (p Params) Validate() error {
	bad := func(name string, v any, want string) error {
		return labkit.Invalid(ErrInvalidParams, "queue", name, v, want)
	}
	d := p.WithDefaults()
	switch {
	case d.Duration < time.Second || d.Duration > MaxDuration:
		return bad("duration", p.Duration, "1s to 24h")
	case d.Rate < 1 || d.Rate > MaxRate:
		return bad("rate", p.Rate, "1 to 100,000 messages per second")
	case !(d.Burst >= 1 && d.Burst <= MaxBurst):
		return bad("burst", p.Burst, "1 to 100")
	case d.Duration.Seconds()*float64(d.Rate)*d.Burst > MaxMessages:
		return bad("duration", p.Duration, "at most 5,000,000 messages: duration × rate × burst")
	case d.Service < time.Microsecond || d.Service > time.Minute:
		return bad("service", p.Service, "1µs to 1m")
	case d.Consumers < 1 || d.Consumers > MaxConsumers:
		return bad("consumers", p.Consumers, "1 to 1,000")
	case d.MaxConsumers < d.Consumers || d.MaxConsumers > MaxConsumers:
		return bad("max-consumers", p.MaxConsumers, fmt.Sprintf("consumers (%d) to 1,000", d.Consumers))
	case d.Startup < 0 || d.Startup > time.Hour:
		return bad("startup", p.Startup, "up to 1h")
	case d.ShedAt < 1 || d.ShedAt > MaxBacklog:
		return bad("shed-at", p.ShedAt, "1 to 10,000,000 messages")
	case !(d.LowShare > 0 && d.LowShare < 1):
		return bad("low-share", p.LowShare, "above 0 below 1")
	case !(d.Redelivery > 0 && d.Redelivery < 1):
		return bad("redelivery", p.Redelivery, "above 0 below 1")
	case d.Visibility < time.Millisecond || d.Visibility > time.Hour:
		return bad("visibility", p.Visibility, "1ms to 1h")
	}
	return nil
}

// Capacity is the messages per second one consumer handles: 1/Service.
func (p Params) Capacity() float64 {
	return float64(time.Second) / float64(p.WithDefaults().Service)
}

// String summarises the parameters in one line.
func (p Params) String() string {
	d := p.WithDefaults()
	return fmt.Sprintf("%s/s for %v (%s× in the middle third), %s low priority; %d consumers of %s/s each (up to %d, %v to start); shed above %s; %s of acks lost, redelivered after %v; seed %d",
		labkit.Commas(int64(d.Rate)), d.Duration, labkit.Format(d.Burst), labkit.Percent(d.LowShare), d.Consumers,
		labkit.Fixed(d.Capacity(), 0), d.MaxConsumers, d.Startup, labkit.Commas(int64(d.ShedAt)), labkit.Percent(d.Redelivery), d.Visibility, d.Seed)
}

// MarshalJSON writes the parameters in snake_case, durations in
// milliseconds.
func (p Params) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Seed         uint64  `json:"seed"`
		DurationMS   float64 `json:"duration_ms"`
		Rate         int     `json:"rate"`
		Burst        float64 `json:"burst"`
		ServiceMS    float64 `json:"service_ms"`
		Consumers    int     `json:"consumers"`
		MaxConsumers int     `json:"max_consumers"`
		StartupMS    float64 `json:"startup_ms"`
		ShedAt       int     `json:"shed_at"`
		LowShare     float64 `json:"low_share"`
		Redelivery   float64 `json:"redelivery"`
		VisibilityMS float64 `json:"visibility_ms"`
	}{p.Seed, ms(p.Duration), p.Rate, p.Burst, ms(p.Service), p.Consumers, p.MaxConsumers, ms(p.Startup), p.ShedAt,
		p.LowShare, p.Redelivery, ms(p.Visibility)})
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
