package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/cache"
	"github.com/sdprep/sdprep/tui"
)

// LabCacheOptions are the inputs of `sdprep lab cache`.
type LabCacheOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Workload  string
	Skew      float64
	Keys      int
	Requests  int
	Size      int
	TTL       time.Duration
	Rate      int
	Readers   int
	Recompute time.Duration
	Missing   float64
	BloomBits int

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabCache builds `sdprep lab cache`. runF replaces the run
// function in tests.
func NewCmdLabCache(f *Factory, runF func(*LabCacheOptions) error) *cobra.Command {
	opts := &LabCacheOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "cache",
		Short: "Cache lab: eviction policies by cache size, stampede and penetration",
		Long: `Replay one seeded request trace through LRU, LFU, FIFO, TTL and S3-FIFO
caches and compare hit ratios by cache size (--size for one size; without it
the run sweeps 0.5% to 50% of the keys). Workloads: zipf (skewed, --skew),
uniform, scan (zipf plus a one-pass scan) and shifting (the hot set moves).

Two failure modes run alongside. Stampede: one hot key expires under
--readers concurrent readers; compare backend calls with no protection, with
single-flight and with early probabilistic refresh (XFetch). Penetration:
requests for keys that do not exist (--missing), with no protection, with
negative caching and with a Bloom filter (--bloom-bits per key).

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab cache
  sdprep lab cache --simulate --workload scan --format markdown
  sdprep lab cache --simulate --size 500 --readers 1000 --format json
  sdprep lab cache --simulate --workload uniform --keys 100000 --seed 7`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabCacheOptions, cache.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p cache.Params) tui.Options { return tui.Options{Start: tui.PageLabCache, Cache: p} },
				print: func(p cache.Params) error { return runLabCache(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.Workload, "workload", "zipf", "request pattern: zipf, uniform, scan or shifting")
	fl.Float64Var(&opts.Skew, "skew", cache.DefaultSkew, "Zipf exponent s of zipf, scan and shifting (above 0 up to 3)")
	fl.IntVar(&opts.Keys, "keys", cache.DefaultKeys, "key space (10 to 1,000,000)")
	fl.IntVar(&opts.Requests, "requests", cache.DefaultRequests, "requests replayed, and reads in the stampede run")
	fl.IntVar(&opts.Size, "size", 0, "cache size in entries; 0 sweeps 0.5% to 50% of the keys")
	fl.DurationVar(&opts.TTL, "ttl", cache.DefaultTTL, "lifetime of an entry under TTL, and of the hot key in the stampede")
	fl.IntVar(&opts.Rate, "rate", cache.DefaultRate, "requests per simulated second")
	fl.IntVar(&opts.Readers, "readers", cache.DefaultReaders, "concurrent readers of the hot key in the stampede")
	fl.DurationVar(&opts.Recompute, "recompute", cache.DefaultRecompute, "time the backend takes to rebuild the hot value")
	fl.Float64Var(&opts.Missing, "missing", cache.DefaultMissing, "fraction of requests for keys that do not exist")
	fl.IntVar(&opts.BloomBits, "bloom-bits", cache.DefaultBloomBits, "Bloom filter bits per existing key")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	completeFlag(c, "workload", cache.WorkloadNames)
	return c
}

// params turns the flags into checked simulation parameters.
func (o *LabCacheOptions) params() (cache.Params, error) {
	w, err := cache.ParseWorkload(o.Workload)
	if err != nil {
		return cache.Params{}, enumError("workload", o.Workload, cache.WorkloadNames())
	}
	p := cache.Params{
		Seed: o.Seed, Workload: w, Skew: o.Skew, Keys: o.Keys, Requests: o.Requests, Size: o.Size,
		TTL: o.TTL, Rate: o.Rate, Readers: o.Readers, Recompute: o.Recompute, Missing: o.Missing, BloomBits: o.BloomBits,
	}
	return p, asUsage(p.Validate())
}

func runLabCache(opts *LabCacheOptions, p cache.Params) error {
	res, err := cache.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
