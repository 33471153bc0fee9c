package cache

import "github.com/sdprep/sdprep/designs/internal/labkit"

// PolicyResult is one policy's hit ratio at each of Result.Sizes.
type PolicyResult struct {
	Name     string    `json:"name"`
	HitRatio []float64 `json:"hit_ratio"`
}

// Result is the outcome of Simulate. Two runs with the same Params give
// equal Results and byte-identical reports.
type Result struct {
	Params      Params            `json:"params"`
	Sizes       []int             `json:"sizes"`
	Policies    []PolicyResult    `json:"policies"`
	Stampede    StampedeResult    `json:"stampede"`
	Penetration PenetrationResult `json:"penetration"`
}

// Simulate replays one seeded request trace through every policy at every
// size, then runs the stampede and penetration scenarios. Time is
// simulated: request i happens at i/Rate seconds, so a run takes
// milliseconds whatever the TTLs. Params are checked first; the error
// wraps ErrInvalidParams.
func Simulate(p Params) (Result, error) {
	if err := p.Validate(); err != nil {
		return Result{}, err
	}
	d := p.WithDefaults()
	tr := trace(d)
	res := Result{Params: d, Sizes: d.Sizes()}
	for _, pol := range Policies() {
		pr := PolicyResult{Name: pol.String()}
		for _, size := range res.Sizes {
			pr.HitRatio = append(pr.HitRatio, labkit.Round(HitRatio(pol, size, d, tr)))
		}
		res.Policies = append(res.Policies, pr)
	}
	res.Stampede = runStampede(d)
	res.Penetration = runPenetration(d, tr)
	return res, nil
}

// HitRatio replays tr through a cache of policy pol holding size entries,
// request i arriving at i/p.Rate seconds, and returns hits/requests.
func HitRatio(pol Policy, size int, p Params, tr []uint64) float64 {
	if len(tr) == 0 {
		return 0
	}
	d := p.WithDefaults()
	c := newAccessor(pol, size, d.TTL)
	step := float64(1e9) / float64(d.Rate)
	hits := 0
	for i, k := range tr {
		if c.access(k, timeAt(i, step)) {
			hits++
		}
	}
	return float64(hits) / float64(len(tr))
}

// Trace returns the request keys Simulate replays for p. Keys at or above
// p.Keys come from the Scan workload's scan and are read once.
func Trace(p Params) ([]uint64, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return trace(p.WithDefaults()), nil
}
