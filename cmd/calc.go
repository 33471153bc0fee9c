package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/estimate"
)

// CalcOptions are the inputs of `sdprep calc`.
type CalcOptions struct {
	IO     *IOStreams
	Expr   string // the arguments joined with spaces
	Format Format
}

// NewCmdCalc builds `sdprep calc`. runF replaces the run function in tests.
func NewCmdCalc(f *Factory, runF func(*CalcOptions) error) *cobra.Command {
	opts := &CalcOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "calc <expression>",
		Short: "A unit-aware calculator for napkin maths",
		Long: `Evaluate an expression with units and print the result humanized and
exact.

Counts take K, M, B (billion) and T: 300M, 2.5K, 1e6, 1,000, 10%.
Sizes are bytes, KB … PB (1 KB = 1,000 B) or KiB … PiB (1 KiB = 1,024 B);
a bare B is a billion, so write bytes as "bytes" or with a prefix.
Bandwidths: bps, Mbps, Gbps. Times: ns, ms, s, m (minute), h, d, w,
mo (30 days), y (365 days), or spelled out (day, month, year).
Operators: + - * / ^ and parentheses (× ÷ x and "per" work too). End
with "in UNIT" to convert: in PB, in GB/s, in /day.

Units are tracked: bytes over time is a bandwidth, a count over time a
rate, and adding bytes to seconds is an error. Words such as users or
tweets name what is counted and count as 1. A parse error gives the
column.

--format json prints value and unit (the conversion target, or the base
unit: "" for a count, B, s, /s, B/s), kind and the humanized text.`,
		Example: `  sdprep calc "300M * 2 / 1 day"
  sdprep calc "4 TB/day * 5y in PB"
  sdprep calc "7e3/s in /day"
  sdprep calc "700K/s * 1 KB in Gbps"
  sdprep calc "62^7" --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Expr = strings.Join(args, " ")
			if runF != nil {
				return runF(opts)
			}
			return runCalc(opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatText, "output format: text, markdown or json", false)
	return c
}

func runCalc(opts *CalcOptions) error {
	r, err := estimate.Calc(opts.Expr)
	if err != nil {
		return asUsage(err)
	}
	return writeFormatted(opts.IO.Out, opts.Format, r.JSON(),
		func(w io.Writer) error { return writeCalcText(w, r) },
		func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "`%s` = **%s** (exactly %s)\n", r.Expr, r.Text(), r.Exact())
			return err
		})
}

// writeCalcText prints the humanized result, then the exact one when it
// says more.
func writeCalcText(w io.Writer, r estimate.CalcResult) error {
	if r.Text() == r.Exact() {
		_, err := fmt.Fprintln(w, r.Text())
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n= %s\n", r.Text(), r.Exact())
	return err
}
