package cmd

import (
	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/designs/fanout"
	"github.com/sdprep/sdprep/tui"
)

// LabFanoutOptions are the inputs of `sdprep lab fanout`.
type LabFanoutOptions struct {
	IO *IOStreams

	Simulate bool
	Seed     uint64
	Format   Format

	Users      int
	Follows    int
	Skew       float64
	Posts      int
	Reads      int
	Threshold  int
	Cap        int
	PostRate   int
	InsertRate int

	// Interactive opens the TUI page.
	Interactive bool
}

// NewCmdLabFanout builds `sdprep lab fanout`. runF replaces the run
// function in tests.
func NewCmdLabFanout(f *Factory, runF func(*LabFanoutOptions) error) *cobra.Command {
	opts := &LabFanoutOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "fanout",
		Short: "Fan-out lab: news-feed timelines by push, pull or hybrid, with celebrity accounts",
		Long: `Build a follow graph of --users users following about --follows accounts
each, picked by Zipf(--skew) popularity, so a few accounts are celebrities.
Write --posts posts and read --reads home timelines under fan-out on write
(copy each post into every follower's timeline), fan-out on read (merge the
followees' lists at read time) and the hybrid, which pulls accounts with at
least --threshold followers. Pushed posts go through fan-out workers doing
--insert-rate inserts a second; timelines keep --cap entries.

The report gives write amplification, lists fetched per timeline read,
storage and delivery lag, and sweeps the hybrid's threshold.

On a terminal the interactive lab opens; --simulate (or --format) prints.`,
		Example: `  sdprep lab fanout
  sdprep lab fanout --simulate --format markdown
  sdprep lab fanout --simulate --threshold 1000 --skew 1.2 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runSimLab(f, c, opts.Simulate, &opts.Interactive, simLab[LabFanoutOptions, fanout.Params]{
				opts: opts, runF: runF, params: opts.params,
				page:  func(p fanout.Params) tui.Options { return tui.Options{Start: tui.PageLabFanout, Fanout: p} },
				print: func(p fanout.Params) error { return runLabFanout(opts, p) },
			})
		},
	}
	fl := c.Flags()
	fl.IntVar(&opts.Users, "users", fanout.DefaultUsers, "accounts (100 to 1,000,000)")
	fl.IntVar(&opts.Follows, "follows", fanout.DefaultFollows, "mean accounts each user follows")
	fl.Float64Var(&opts.Skew, "skew", fanout.DefaultSkew, "Zipf exponent of whom people follow (above 0 up to 3)")
	fl.IntVar(&opts.Posts, "posts", fanout.DefaultPosts, "posts written, authors uniform")
	fl.IntVar(&opts.Reads, "reads", fanout.DefaultReads, "home timelines read, readers uniform")
	fl.IntVar(&opts.Threshold, "threshold", fanout.DefaultThreshold, "followers from which the hybrid pulls instead of pushing")
	fl.IntVar(&opts.Cap, "cap", fanout.DefaultCap, "entries a pushed timeline keeps")
	fl.IntVar(&opts.PostRate, "post-rate", fanout.DefaultPostRate, "posts per second")
	fl.IntVar(&opts.InsertRate, "insert-rate", fanout.DefaultInsertRate, "timeline inserts per second of the fan-out workers")
	addSimFlags(c, &opts.Simulate, &opts.Seed, &opts.Format)
	return c
}

func (o *LabFanoutOptions) params() (fanout.Params, error) {
	p := fanout.Params{Seed: o.Seed, Users: o.Users, Follows: o.Follows, Skew: o.Skew, Posts: o.Posts, Reads: o.Reads,
		Threshold: o.Threshold, Cap: o.Cap, PostRate: o.PostRate, InsertRate: o.InsertRate}
	return p, asUsage(p.Validate())
}

func runLabFanout(opts *LabFanoutOptions, p fanout.Params) error {
	res, err := fanout.Simulate(p)
	if err != nil {
		return asUsage(err)
	}
	return printSimulation(opts.IO.Out, opts.Format, res)
}
