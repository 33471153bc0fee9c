package cmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/quorum"
	"github.com/sdprep/sdprep/tui"
)

// LabQuorumOptions are the inputs of `sdprep lab quorum`.
type LabQuorumOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	N, R, W   int
	Lag       time.Duration
	Partition bool
	Ops       int
	Writes    float64

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabQuorum builds `sdprep lab quorum`. runF replaces the run
// function in tests.
func NewCmdLabQuorum(f *Factory, runF func(*LabQuorumOptions) error) *cobra.Command {
	opts := &LabQuorumOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "quorum",
		Short: "Quorum lab: N/R/W replicas, stale reads, CAP during a partition, PACELC",
		Long: `Replicate each key on --n replicas; reads wait for --r answers and writes for
--w acknowledgements (Dynamo's names), and each replica applies a write after
a replication lag (--lag, mean). The run counts stale reads: reads that miss
a write acknowledged before they began. With R + W > N there are none.

--partition cuts the replicas in two for the middle third of the run. The
report always compares the two choices under a partition (CP refuses what
cannot reach its quorum; AP answers from what it can reach), and, without
one, the latency of majority quorums against R = W = 1 (PACELC's "else").

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab quorum
  sdprep lab quorum --simulate --n 3 --r 1 --w 1 --lag 50ms --format markdown
  sdprep lab quorum --simulate --n 5 --r 3 --w 3 --partition --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabQuorumOptions, quorum.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p quorum.Params) tui.Options { return tui.Options{Start: tui.PageLabQuorum, Quorum: p} },
				print: func(p quorum.Params) error { return runLabQuorum(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.IntVar(&opts.N, "n", quorum.DefaultN, "replicas of each key (1 to 9)")
	fl.IntVar(&opts.R, "r", 0, "replicas a read waits for; 0 means a majority of n")
	fl.IntVar(&opts.W, "w", 0, "replicas a write waits for; 0 means a majority of n")
	fl.DurationVar(&opts.Lag, "lag", quorum.DefaultLag, "mean replication lag (0 for none, up to 10s)")
	fl.BoolVar(&opts.Partition, "partition", false, "partition the replicas for the middle third of the run")
	fl.IntVar(&opts.Ops, "ops", quorum.DefaultOps, "operations per run")
	fl.Float64Var(&opts.Writes, "writes", quorum.DefaultWrites, "fraction of operations that are writes")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabQuorumOptions) params() (quorum.Params, error) {
	p := quorum.Params{Seed: o.Seed, N: o.N, R: o.R, W: o.W, Lag: o.Lag, Partition: o.Partition, Ops: o.Ops, Writes: o.Writes}
	return p, asUsage(p.Validate())
}

func runLabQuorum(opts *LabQuorumOptions, p quorum.Params) error {
	res, err := quorum.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
