package balancer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Algorithm picks a server for each request.
type Algorithm int

// The algorithms, in report order.
const (
	// RoundRobin takes the live servers in turn, ignoring their speed.
	RoundRobin Algorithm = iota
	// WeightedRoundRobin takes them in turn in proportion to their
	// speed (nginx's smooth weighted round robin).
	WeightedRoundRobin
	// LeastConnections picks the server with the fewest requests in
	// flight.
	LeastConnections
	// LeastResponseTime picks the lowest recent average response time
	// times requests in flight plus one (nginx's least_time).
	LeastResponseTime
	// IPHash maps each client address to hash(address) mod live servers:
	// sticky, blind to load, and remapped when the server count changes.
	IPHash
	// PowerOfTwo picks two live servers at random and takes the one with
	// fewer requests in flight (Mitzenmacher's power of two choices).
	PowerOfTwo
)

var algorithmNames = []string{"round-robin", "weighted-round-robin", "least-connections", "least-response-time", "ip-hash", "power-of-two"}

// Algorithms lists every algorithm in report order.
func Algorithms() []Algorithm {
	return []Algorithm{RoundRobin, WeightedRoundRobin, LeastConnections, LeastResponseTime, IPHash, PowerOfTwo}
}

// String returns the algorithm's name.
func (a Algorithm) String() string {
	if a < 0 || int(a) >= len(algorithmNames) {
		return fmt.Sprintf("algorithm(%d)", int(a))
	}
	return algorithmNames[a]
}

// ParseAlgorithm reads an algorithm name, ignoring case; "p2c" is
// accepted for power-of-two.
func ParseAlgorithm(s string) (Algorithm, error) {
	if strings.EqualFold(s, "p2c") {
		return PowerOfTwo, nil
	}
	for i, n := range algorithmNames {
		if strings.EqualFold(s, n) {
			return Algorithm(i), nil
		}
	}
	return 0, labkit.Invalid(ErrInvalidParams, "balancer", "algorithm", s, "one of "+strings.Join(algorithmNames, ", "))
}

// ewmaAlpha weighs each new response time in least-response-time's
// running average.
const ewmaAlpha = 0.1

// picker is one algorithm's state over the servers.
type picker struct {
	alg     Algorithm
	speeds  []float64
	rng     *rand.Rand
	next    int       // round robin position
	current []float64 // smooth weighted round robin
	ewma    []float64 // response time average, seconds
}

func newPicker(alg Algorithm, speeds []float64, rng *rand.Rand) *picker {
	return &picker{alg: alg, speeds: speeds, rng: rng, current: make([]float64, len(speeds)), ewma: make([]float64, len(speeds))}
}

// observe records a completed request's response time on server s.
func (p *picker) observe(s int, d time.Duration) {
	if p.ewma[s] == 0 {
		p.ewma[s] = d.Seconds()
		return
	}
	p.ewma[s] += ewmaAlpha * (d.Seconds() - p.ewma[s])
}

// pick chooses among live (server indices, in order) for a request from
// client, given each server's requests in flight.
func (p *picker) pick(live []int, client int, inflight []int) int {
	switch p.alg {
	case WeightedRoundRobin:
		total, best := 0.0, -1
		for _, s := range live {
			p.current[s] += p.speeds[s]
			total += p.speeds[s]
			if best < 0 || p.current[s] > p.current[best] {
				best = s
			}
		}
		p.current[best] -= total
		return best
	case LeastConnections:
		return argmin(live, func(s int) float64 { return float64(inflight[s]) })
	case LeastResponseTime:
		return argmin(live, func(s int) float64 { return p.ewma[s] * float64(inflight[s]+1) })
	case IPHash:
		return live[labkit.Mix64(uint64(client))%uint64(len(live))]
	case PowerOfTwo:
		if len(live) == 1 {
			return live[0]
		}
		i := p.rng.IntN(len(live))
		j := p.rng.IntN(len(live) - 1)
		if j >= i {
			j++
		}
		a, b := live[min(i, j)], live[max(i, j)]
		if inflight[b] < inflight[a] {
			return b
		}
		return a
	}
	s := live[p.next%len(live)]
	p.next++
	return s
}

// argmin returns the first of xs with the least score.
func argmin(xs []int, score func(int) float64) int {
	best, bestScore := xs[0], score(xs[0])
	for _, x := range xs[1:] {
		if sc := score(x); sc < bestScore {
			best, bestScore = x, sc
		}
	}
	return best
}
