package queue

import (
	"math/rand/v2"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// arrivalStream is the arrival stream: Poisson at Rate, Rate × Burst in the
// middle third of Duration, until Duration.
type arrivalStream struct {
	r        *rand.Rand
	t        time.Duration
	p        Params
	from, to time.Duration
}

func newArrivals(p Params) *arrivalStream {
	return &arrivalStream{r: labkit.NewRand(p.Seed, 1), p: p, from: p.Duration / 3, to: 2 * p.Duration / 3}
}

// next returns the next arrival time, or false once production is over.
func (a *arrivalStream) next() (time.Duration, bool) {
	rate := float64(a.p.Rate)
	if a.t >= a.from && a.t < a.to {
		rate *= a.p.Burst
	}
	a.t += time.Duration(a.r.ExpFloat64() / rate * float64(time.Second))
	return a.t, a.t < a.p.Duration
}
