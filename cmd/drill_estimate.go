package cmd

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/internal/store"
	"github.com/sdprep/sdprep/tui"
)

// DrillEstimateOptions are the inputs of `sdprep drill estimate`.
type DrillEstimateOptions struct {
	IO *IOStreams

	Seed     uint64
	SeedSet  bool // --seed was given; otherwise Seed comes from the clock
	Preset   string
	Quantity string
	Format   Format
	// Interactive opens the TUI page: a terminal, and no --format.
	Interactive bool
}

// NewCmdDrillEstimate builds `sdprep drill estimate`. runF replaces the
// run function in tests.
func NewCmdDrillEstimate(f *Factory, runF func(*DrillEstimateOptions) error) *cobra.Command {
	opts := &DrillEstimateOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "estimate [flags]",
		Short: "Estimation drills: a scenario, one figure to estimate, graded by order of magnitude",
		Long: `Build a scenario from an estimator preset with randomised inputs and ask
for one figure: write QPS, peak read QPS, storage over retention, egress,
cache size or servers. Type the answer with its unit (2.3K, 2300/s, 7 PB,
115 MB/s). It is graded by how many times off it is: within 10% is exact,
within 2× a pass, within 10× off, beyond 10× a miss. Then the estimator's
derivation is shown. An answer in the wrong kind of unit (bytes for a
rate) is refused with a hint, not graded.

--seed reproduces a scenario; without it the clock picks one. With
--format (text, markdown or json) the scenario and its true answer are
printed without asking, for scripts; so they are when stdout is not a
terminal. Graded answers are kept in the progress store (sdprep stats).`,
		Example: `  sdprep drill estimate
  sdprep drill estimate --preset twitter
  sdprep drill estimate --seed 42 --format json
  sdprep drill estimate --preset url-shortener --quantity storage_total_bytes`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			opts.SeedSet = c.Flags().Changed("seed")
			if !opts.SeedSet {
				opts.Seed = uint64(f.Now().UnixNano())
			}
			if opts.Preset != "" {
				if _, ok := estimate.PresetByName(opts.Preset); !ok {
					return unknownError("preset", opts.Preset, estimate.PresetNames(), "sdprep estimate --list")
				}
			}
			if opts.Quantity != "" {
				if _, ok := drills.QuantityByID(opts.Quantity); !ok {
					return enumError("quantity", opts.Quantity, drills.QuantityIDs())
				}
			}
			opts.Interactive = f.IO.IsTerminal && !c.Flags().Changed("format")
			if runF != nil {
				return runF(opts)
			}
			if opts.Interactive {
				return runDrillEstimateTUI(c.Context(), f, opts)
			}
			return runDrillEstimate(opts)
		},
	}
	c.Flags().Uint64Var(&opts.Seed, "seed", 0, "reproduce a scenario (a whole number of 0 or more; default from the clock)")
	c.Flags().StringVar(&opts.Preset, "preset", "", "base the scenario on this preset (default: any)")
	c.Flags().StringVar(&opts.Quantity, "quantity", "", "ask for this figure: "+oneOf(drills.QuantityIDs())+" (default: any)")
	addFormatFlag(c, &opts.Format, FormatText, "print the scenario and its answer: text, markdown or json", false)
	completeFlag(c, "preset", presetCompletions)
	completeFlag(c, "quantity", drills.QuantityIDs)
	return c
}

func (o *DrillEstimateOptions) drillOptions() drills.EstimationOptions {
	return drills.EstimationOptions{Seed: o.Seed, Preset: o.Preset, Quantity: o.Quantity}
}

// runDrillEstimateTUI opens the drill page with the progress store, so
// that every graded answer is kept for sdprep stats.
func runDrillEstimateTUI(ctx context.Context, f *Factory, opts *DrillEstimateOptions) (err error) {
	st, err := store.Open(ctx, f.DataDir())
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, st.Close()) }()
	d := opts.drillOptions()
	return runTUI(f, tui.Options{Start: tui.PageDrillEstimate, Drill: &d, DrillRecorder: st})
}

func runDrillEstimate(opts *DrillEstimateOptions) error {
	d, err := drills.NewEstimation(opts.drillOptions())
	if errors.Is(err, drills.ErrUnknownPreset) || errors.Is(err, drills.ErrUnknownQuantity) {
		return asUsage(err)
	}
	if err != nil {
		return err
	}
	return writeFormatted(opts.IO.Out, opts.Format, d.JSON(),
		func(w io.Writer) error { return d.WriteText(w) },
		func(w io.Writer) error { return d.WriteMarkdown(w) })
}
