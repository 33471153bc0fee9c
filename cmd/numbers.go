package cmd

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/estimate"
)

// NumbersOptions are the inputs of `sdprep numbers`.
type NumbersOptions struct {
	IO     *IOStreams
	Table  string   // "" for all tables, else latency, powers, throughput, availability or nines
	Levels []string // availability levels for `nines`
	Format Format
	// Measure times this machine's own numbers instead (--measure), each
	// the median of Runs runs (--runs), with scratch files in DataDir.
	Measure bool
	Runs    int
	DataDir string
	// Scale shrinks the measuring batches; 0 means full size. Tests set
	// it; there is no flag.
	Scale float64
}

var numberTables = []struct{ name, short string }{
	{"latency", "Latency numbers, from an L1 cache hit to a cross-ocean round trip"},
	{"powers", "Powers of two and their round decimal names"},
	{"throughput", "Rough capacity of a disk, a Redis, a Postgres, a network link …"},
	{"availability", "Allowed downtime at each level of nines"},
}

// NewCmdNumbers builds `sdprep numbers` and its table subcommands.
func NewCmdNumbers(f *Factory, runF func(*NumbersOptions) error) *cobra.Command {
	var (
		format  Format
		measure bool
		runs    int
	)
	run := func(opts *NumbersOptions) error {
		opts.IO, opts.Format = f.IO, format
		opts.Measure, opts.Runs, opts.DataDir = measure, runs, f.DataDir()
		if measure && opts.Table != "" {
			return usageErrorf("--measure prints its own table: drop %q", opts.Table)
		}
		if runF != nil {
			return runF(opts)
		}
		return runNumbers(opts)
	}
	c := &cobra.Command{
		Use:   "numbers [table]",
		Short: "Reference numbers: latency, powers of two, throughput, availability",
		Long: `Print the reference tables every estimate leans on. With no argument, all
of them; name a table to print just that one. "nines" computes the
downtime allowed by any availability level.

--measure times this machine's own versions of the latency numbers (a
cache hit, a memory read, a lock, a syscall, a goroutine switch, hashing
and JSON of 1 KB, a 1 MB read, a loopback round trip, an fsync in the
data directory) and prints each beside the textbook figure with the
ratio. Each is the median of --runs runs; progress goes to stderr, so
stdout stays clean for --format json.`,
		Example: `  sdprep numbers
  sdprep numbers latency
  sdprep numbers nines 99.99
  sdprep numbers nines 99.9 99.95 --format json
  sdprep numbers --measure
  sdprep numbers --measure --runs 9 --format json`,
		Args: subcommandArgs("table"),
		RunE: func(*cobra.Command, []string) error { return run(&NumbersOptions{}) },
	}
	addFormatFlag(c, &format, FormatText, "", true)
	c.Flags().BoolVar(&measure, "measure", false, "measure this machine's latency numbers and compare them with the textbook")
	c.Flags().IntVar(&runs, "runs", 5, "with --measure: runs each figure is the median of (1 to 101)")
	for _, t := range numberTables {
		c.AddCommand(&cobra.Command{
			Use:   t.name,
			Short: t.short,
			Args:  cobra.NoArgs,
			RunE:  func(*cobra.Command, []string) error { return run(&NumbersOptions{Table: t.name}) },
		})
	}
	nines := &cobra.Command{
		Use:   "nines <percent>...",
		Short: "Downtime allowed per year, month, week and day at an availability level",
		Long: `Downtime allowed per year, month, week and day at each availability level.
A level is a percentage: 99.99 and 99.99% are the same. A value below 1
without % (0.9999) is read as a percentage too, and a warning says so.`,
		Example: "  sdprep numbers nines 99.99\n  sdprep numbers nines 99.9% 99.95%",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("nines: give one or more availability levels, like 99.9 or 99.99%%")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			return run(&NumbersOptions{Table: "nines", Levels: args})
		},
	}
	// "nines -5" reaches pflag as a flag; say what a level is instead.
	nines.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if m := negativeArg.FindStringSubmatch(err.Error()); m != nil {
			return usageErrorf("nines %q: %s", m[1], availabilityAccepted)
		}
		return &UsageError{Err: pflagError(c, err)}
	})
	c.AddCommand(nines)
	return c
}

// availabilityAccepted is what `numbers nines` accepts.
const availabilityAccepted = "expected an availability percentage above 0 and at most 100, like 99.9 or 99.99%"

// negativeArg matches pflag's error for a negative number read as
// shorthand flags ("-5", "-0.5").
var negativeArg = regexp.MustCompile(`^unknown shorthand flag: '.' in (-[0-9.]+%?)$`)

// warnFraction warns when a level below 1 without % looks like a fraction
// (0.9999 for 99.99%): nines reads it as a percentage, while estimate
// reads a bare 0.1 as 10%.
func warnFraction(w io.Writer, text string, level float64) {
	if level >= 1 || strings.HasSuffix(strings.TrimSpace(text), "%") {
		return
	}
	fmt.Fprintf(w, "sdprep: warning: nines %s reads as %s availability; for %s write %s\n",
		text, estimate.FormatPercentage(level), estimate.FormatPercentage(level*100), strconv.FormatFloat(level*100, 'f', -1, 64))
}

func runNumbers(opts *NumbersOptions) error {
	if opts.Measure {
		return runMeasure(opts)
	}
	format := opts.Format
	var levels []float64
	for _, s := range opts.Levels {
		v, err := estimate.ParseAvailability(s)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("nines: %w", err)}
		}
		warnFraction(opts.IO.ErrOut, s, v)
		levels = append(levels, v)
	}
	if format == FormatJSON {
		return writeJSON(opts.IO.Out, numbersJSON(opts.Table, levels))
	}
	var tables []estimate.Table
	switch opts.Table {
	case "latency":
		tables = append(tables, estimate.LatencyTable())
	case "powers":
		tables = append(tables, estimate.PowersTable())
	case "throughput":
		tables = append(tables, estimate.ThroughputTable())
	case "availability":
		tables = append(tables, estimate.AvailabilityTable())
	case "nines":
		tables = append(tables, estimate.AvailabilityTable(levels...))
	default:
		tables = append(tables, estimate.LatencyTable(), estimate.PowersTable(), estimate.ThroughputTable(), estimate.AvailabilityTable())
	}
	if format == FormatMarkdown {
		return estimate.WriteTablesMarkdown(opts.IO.Out, tables...)
	}
	return estimate.WriteTablesText(opts.IO.Out, tables...)
}

// numbersJSON is the JSON shape of `sdprep numbers`: typed rows, durations
// in nanoseconds.
func numbersJSON(table string, levels []float64) map[string]any {
	availability := func(ls []float64) []estimate.Availability {
		out := make([]estimate.Availability, len(ls))
		for i, l := range ls {
			out[i] = estimate.Downtime(l)
		}
		return out
	}
	switch table {
	case "latency":
		return map[string]any{"latency": estimate.Latencies}
	case "powers":
		return map[string]any{"powers": estimate.PowersOfTwo}
	case "throughput":
		return map[string]any{"throughput": estimate.Throughputs}
	case "availability":
		return map[string]any{"availability": availability(estimate.AvailabilityLevels)}
	case "nines":
		return map[string]any{"availability": availability(levels)}
	}
	return map[string]any{
		"latency": estimate.Latencies, "powers": estimate.PowersOfTwo,
		"throughput": estimate.Throughputs, "availability": availability(estimate.AvailabilityLevels),
	}
}
