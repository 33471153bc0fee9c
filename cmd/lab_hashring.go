package cmd

import (
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/hashring"
	"github.com/sdprep/sdprep/tui"
)

// LabHashRingOptions are the inputs of `sdprep lab hashring`.
type LabHashRingOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Nodes      int
	VNodes     int
	Keys       int
	Change     string
	LoadFactor float64

	// Interactive opens the TUI page.
	Interactive bool
}

// changeNames are the accepted --change values.
var changeNames = []string{"add", "remove"}

// NewCmdLabHashRing builds `sdprep lab hashring`. runF replaces the run
// function in tests.
func NewCmdLabHashRing(f *Factory, runF func(*LabHashRingOptions) error) *cobra.Command {
	opts := &LabHashRingOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "hashring",
		Short: "Consistent hashing lab: keys moved on a node change, ring vs hash % N",
		Long: `Place --keys keys on --nodes nodes, with a consistent-hash ring of --vnodes
virtual nodes per node and with hash % N, then add or remove a node
(--change) and count the keys that move: about N/(N+1) with hash % N, about
1/(N+1) on the ring, the least possible. The run also shows how evenly keys
spread as virtual nodes vary, and the bounded-load variant, which caps every
node at --load-factor times the mean.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab hashring
  sdprep lab hashring --simulate --nodes 10 --vnodes 1 --format markdown
  sdprep lab hashring --simulate --change remove --load-factor 1.25 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabHashRingOptions, hashring.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p hashring.Params) tui.Options { return tui.Options{Start: tui.PageLabHashRing, HashRing: p} },
				print: func(p hashring.Params) error { return runLabHashRing(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.IntVar(&opts.Nodes, "nodes", hashring.DefaultNodes, "nodes before the change (1 to 1,000)")
	fl.IntVar(&opts.VNodes, "vnodes", hashring.DefaultVNodes, "virtual nodes per node (1 to 1,000)")
	fl.IntVar(&opts.Keys, "keys", hashring.DefaultKeys, "keys placed (1 to 5,000,000)")
	fl.StringVar(&opts.Change, "change", "add", "membership change measured: add or remove")
	fl.Float64Var(&opts.LoadFactor, "load-factor", hashring.DefaultLoadFactor, "bounded loads: no node above this times the mean (1 to 3)")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	completeFlag(c, "change", func() []string { return changeNames })
	return c
}

func (o *LabHashRingOptions) params() (hashring.Params, error) {
	ch, err := hashring.ParseChange(o.Change)
	if err != nil {
		return hashring.Params{}, enumError("change", o.Change, changeNames)
	}
	p := hashring.Params{Seed: o.Seed, Nodes: o.Nodes, VNodes: o.VNodes, Keys: o.Keys, Change: ch, LoadFactor: o.LoadFactor}
	return p, asUsage(p.Validate())
}

func runLabHashRing(opts *LabHashRingOptions, p hashring.Params) error {
	res, err := hashring.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
