package cmd

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/tui"
)

// EstimateOptions are the inputs of `sdprep estimate`.
type EstimateOptions struct {
	IO *IOStreams

	Preset string
	// Values holds the estimator parameters given on the command line,
	// by flag name, as typed.
	Values map[string]string
	List   bool
	Binary bool
	Format Format
	// Interactive opens the TUI page (a terminal and no inputs given).
	Interactive bool
}

// NewCmdEstimate builds `sdprep estimate`. runF replaces the run function
// in tests.
func NewCmdEstimate(f *Factory, runF func(*EstimateOptions) error) *cobra.Command {
	opts := &EstimateOptions{IO: f.IO}
	values := map[string]*string{}
	c := &cobra.Command{
		Use:   "estimate [preset] [flags]",
		Short: "Estimate QPS, storage, bandwidth and servers, with the working shown",
		Long: `Compute QPS, peak, storage, bandwidth, cache and servers from a few
assumptions, and show how every figure was derived.

Give users (--dau, or --mau with --daily-fraction) or absolute volumes
(--writes 100M/month). Everything else has a documented default, and every
assumption used is printed with where it came from. A preset fills in the
assumptions of a classic problem; flags override it.

Units are decimal (1 KB = 1,000 B) unless --binary; a day is 86,400 s, a
month 30 days and a year 365 days. On a terminal with no inputs, the
interactive estimator opens.`,
		Example: `  sdprep estimate --dau 100M
  sdprep estimate twitter
  sdprep estimate twitter --dau 500M --format markdown
  sdprep estimate --writes 100M/month --reads 10B/month --write-size 500B
  sdprep estimate --dau 300M --writes-per-user 2 --read-write-ratio 100:1 \
      --write-size 280B --media-fraction 10% --media-size 200KB
  sdprep estimate --list`,
		Args:              atMostOneArg("preset"),
		ValidArgsFunction: completeArgs(presetCompletions),
		RunE: func(c *cobra.Command, args []string) error {
			if opts.List && len(args) > 0 {
				return usageErrorf("--list lists every preset and takes no preset; got %q (sdprep estimate %s prints it)", args[0], args[0])
			}
			if len(args) == 1 {
				opts.Preset = args[0]
			}
			opts.Values = map[string]string{}
			for name, v := range values {
				if c.Flags().Changed(name) {
					opts.Values[name] = *v
				}
			}
			opts.Interactive = f.IO.IsTerminal && len(args) == 0 && len(opts.Values) == 0 &&
				!opts.List && !c.Flags().Changed("format")
			if runF != nil {
				return runF(opts)
			}
			if opts.Interactive {
				return runTUI(f, tui.Options{Start: tui.PageEstimate})
			}
			return runEstimate(opts)
		},
	}
	for _, p := range estimate.Params() {
		help := p.Help
		if p.Default != "" {
			help += " (default " + p.Default + ")"
		}
		values[p.Name] = c.Flags().String(p.Name, "", help)
	}
	c.Flags().BoolVar(&opts.List, "list", false, "list the presets and exit")
	c.Flags().BoolVar(&opts.Binary, "binary", false, "print sizes in binary units (KiB, MiB, …)")
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	return c
}

func runEstimate(opts *EstimateOptions) error {
	if opts.List {
		return listPresets(opts.IO.Out, opts.Format)
	}
	report, err := buildReport(opts.Preset, opts.Values, opts.Binary)
	if err != nil {
		return err
	}
	return writeFormatted(opts.IO.Out, opts.Format, report.JSON(), report.Text, report.Markdown)
}

// buildReport resolves a preset plus flag values into a report.
func buildReport(presetName string, values map[string]string, binary bool) (estimate.Report, error) {
	var preset *estimate.Preset
	if presetName != "" {
		p, ok := estimate.PresetByName(presetName)
		if !ok {
			return estimate.Report{}, unknownError("preset", presetName, estimate.PresetNames(), "sdprep estimate --list")
		}
		preset = p
	}
	s := estimate.NewScenario(preset)
	for _, p := range estimate.Params() {
		if v, ok := values[p.Name]; ok {
			if err := s.Set(p.Name, v); err != nil {
				return estimate.Report{}, asUsage(err)
			}
		}
	}
	in, assumptions, err := estimate.Resolve(s)
	if err != nil {
		return estimate.Report{}, asUsage(err) // every Resolve error is about the inputs
	}
	in.Binary = binary
	return estimate.Report{Preset: preset, Estimate: estimate.Compute(in), Assumptions: assumptions}, nil
}

// presets returns every preset, in --list order.
func presets() []*estimate.Preset {
	var out []*estimate.Preset
	for _, name := range estimate.PresetNames() {
		if p, ok := estimate.PresetByName(name); ok {
			out = append(out, p)
		}
	}
	return out
}

func listPresets(w io.Writer, format Format) error {
	switch format {
	case FormatJSON:
		return writeJSON(w, presets())
	case FormatMarkdown:
		var b strings.Builder
		b.WriteString("# Presets\n")
		for _, p := range presets() {
			fmt.Fprintf(&b, "\n## %s — %s\n\n%s\n\n| Input | Value | Why |\n|---|---|---|\n", p.Name, p.Title, p.Summary)
			for _, v := range p.Values {
				fmt.Fprintf(&b, "| `--%s` | %s | %s |\n", v.Param, v.Value, v.Note)
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, p := range presets() {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\t%s: %s\n", p.Name, p.Title, p.Summary)
		for _, v := range p.Values {
			fmt.Fprintf(tw, "  --%s\t%s\t%s\n", v.Param, v.Value, v.Note)
		}
	}
	return tw.Flush()
}
