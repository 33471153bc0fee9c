package cmd

import (
	"io"

	"github.com/spf13/cobra"
)

// labs are the constructors of the lab commands, one entry per lab, in
// the order `sdprep lab` lists them. A new lab adds its NewCmdLabX here.
var labs = []func(*Factory) *cobra.Command{
	func(f *Factory) *cobra.Command { return NewCmdLabRateLimit(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabShortener(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabLoad(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabCache(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabQuorum(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabHashRing(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabBalancer(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabBreaker(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabSharding(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabFanout(f, nil) },
	func(f *Factory) *cobra.Command { return NewCmdLabQueue(f, nil) },
}

// LabOptions are the inputs of `sdprep lab` on its own: the listing.
type LabOptions struct {
	IO     *IOStreams
	Format Format
	// Labs are the lab commands to list.
	Labs []*cobra.Command
}

// NewCmdLab builds `sdprep lab`, the parent of the runnable mini-systems,
// and adds every lab in labs. On its own it lists them. runF replaces the
// listing in tests.
func NewCmdLab(f *Factory, runF func(*LabOptions) error) *cobra.Command {
	opts := &LabOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "lab [name]",
		Short: "Runnable mini-systems and seeded simulations: rate limiter, shortener, cache, quorum …",
		Long: `Labs are small, real implementations of the systems interviews ask about,
to poke at: an interactive view on a terminal, an HTTP server on loopback
(--serve), and seeded simulations that print numbers you can paste into notes.
With no name, list the labs.

The labs share flag names: --serve starts the HTTP server, --addr is where it
listens (127.0.0.1 unless you say otherwise), --store picks the backend,
--seed fixes the randomness and --format picks text, markdown or json.`,
		Example: `  sdprep lab                                        # list the labs
  sdprep lab ratelimit                              # interactive, on a terminal
  sdprep lab ratelimit --simulate --pattern spike --format json
  sdprep lab ratelimit --serve --store redis://127.0.0.1:6379/0 --key global
  sdprep lab shortener --serve
  sdprep lab load --url http://127.0.0.1:8081/ --requests 10000
  sdprep lab cache --simulate --workload scan --format markdown`,
		Args: subcommandArgs("lab"),
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listLabs(opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	for _, newLab := range labs {
		lab := newLab(f)
		opts.Labs = append(opts.Labs, lab)
		c.AddCommand(lab)
	}
	return c
}

// labEntry is one lab in `sdprep lab --format json` (an array).
type labEntry struct {
	Name    string `json:"name"`
	Summary string `json:"summary"`
}

func listLabs(opts *LabOptions) error {
	var entries []labEntry
	for _, l := range opts.Labs {
		if l.IsAvailableCommand() {
			entries = append(entries, labEntry{Name: l.Name(), Summary: l.Short})
		}
	}
	text := func(w io.Writer) error {
		lw := &listWriter{out: w}
		for _, e := range entries {
			lw.row(e.Name, e.Summary)
		}
		lw.line("")
		lw.line("Open one: sdprep lab <name>; its flags: sdprep lab <name> --help")
		return lw.flush()
	}
	markdown := func(w io.Writer) error {
		lw := &listWriter{out: w}
		lw.line("# Labs")
		lw.line("")
		for _, e := range entries {
			lw.line("- `" + e.Name + "` — " + e.Summary)
		}
		return lw.flush()
	}
	return writeFormatted(opts.IO.Out, opts.Format, entries, text, markdown)
}
