package cmd

import (
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/sharding"
	"github.com/sdprep/sdprep/tui"
)

// LabShardingOptions are the inputs of `sdprep lab sharding`.
type LabShardingOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Keys     int
	Requests int
	Shards   int
	Skew     float64
	Regions  int

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabSharding builds `sdprep lab sharding`. runF replaces the run
// function in tests.
func NewCmdLabSharding(f *Factory, runF func(*LabShardingOptions) error) *cobra.Command {
	opts := &LabShardingOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "sharding",
		Short: "Sharding lab: range, hash, directory and geographic on skewed keys; hot shards, resharding",
		Long: `Split --keys keys, whose first letters and popularity both follow Zipf(--skew),
over --shards shards four ways: range (split points even over the key space),
hash (hash mod N), directory (a lookup table filled by load) and geographic
(each of --regions regions hashes its users over its own shards). --requests
reads sample the load. Then add one shard and count the keys that move.

The report gives each strategy's largest shard and busiest shard over the mean
(the hot-shard ratio), the share of keys a reshard moves against the ideal
1/(N+1), and the share of reads served in the reader's region.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab sharding
  sdprep lab sharding --simulate --format markdown
  sdprep lab sharding --simulate --shards 64 --skew 1.2 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabShardingOptions, sharding.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p sharding.Params) tui.Options { return tui.Options{Start: tui.PageLabSharding, Sharding: p} },
				print: func(p sharding.Params) error { return runLabSharding(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.IntVar(&opts.Keys, "keys", sharding.DefaultKeys, "keys to place (100 to 2,000,000)")
	fl.IntVar(&opts.Requests, "requests", sharding.DefaultRequests, "reads that sample the load")
	fl.IntVar(&opts.Shards, "shards", sharding.DefaultShards, "shards before the reshard adds one (regions to 256)")
	fl.Float64Var(&opts.Skew, "skew", sharding.DefaultSkew, "Zipf exponent of popularity and of first letters (above 0 up to 3)")
	fl.IntVar(&opts.Regions, "regions", sharding.DefaultRegions, "regions users live in (1 to 8)")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabShardingOptions) params() (sharding.Params, error) {
	p := sharding.Params{Seed: o.Seed, Keys: o.Keys, Requests: o.Requests, Shards: o.Shards, Skew: o.Skew, Regions: o.Regions}
	return p, asUsage(p.Validate())
}

func runLabSharding(opts *LabShardingOptions, p sharding.Params) error {
	res, err := sharding.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
