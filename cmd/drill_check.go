package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sdprep/sdprep/drills"
)

// DrillCheckOptions are the inputs of `sdprep drill check`.
type DrillCheckOptions struct {
	IO     *IOStreams
	Path   string // the notes file, or "-" for stdin
	Format Format
}

// NewCmdDrillCheck builds `sdprep drill check`. runF replaces the run
// function in tests.
func NewCmdDrillCheck(f *Factory, runF func(*DrillCheckOptions) error) *cobra.Command {
	opts := &DrillCheckOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "check <notes.txt | ->",
		Short: "Check the arithmetic and units of your estimation notes",
		Long: `Read estimation notes and check every line of the form
"expression = result" (or ≈, or a chain a = b = c): the arithmetic, the
units (a byte count where a rate was meant) and order-of-magnitude slips.
A result within 10% holds. Each wrong line is printed with its number,
what was written, the correct value in the written unit and how far off
it is. Lines that are not maths are skipped.

Expressions use the units of sdprep calc. A label before a colon is
ignored ("Write QPS: 100M / 86,400 = 1.2K/s"). A bare count of seconds
such as 30*24*60*60 divides as a count; "/s" in the written result says
the figure is a rate.

Exit status: 0 when every checked line holds, 1 when any is wrong.`,
		Example: `  sdprep drill check notes.md
  pbpaste | sdprep drill check -
  sdprep drill check notes.md --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Path = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runDrillCheck(opts)
		},
	}
	addFormatFlag(c, &opts.Format, FormatText, "", false)
	return c
}

// checkJSON is the JSON shape of `sdprep drill check`.
type checkJSON struct {
	Checked  int              `json:"checked"`
	Wrong    int              `json:"wrong"`
	Findings []drills.Finding `json:"findings"`
}

func runDrillCheck(opts *DrillCheckOptions) error {
	in := opts.IO.In
	if opts.Path != "-" {
		file, err := os.Open(opts.Path)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return usageErrorf("notes file %q: %v; expected a readable file or - for stdin", opts.Path, errors.Unwrap(err))
		}
		if err != nil {
			return fmt.Errorf("notes file %q: %w", opts.Path, err)
		}
		defer file.Close()
		in = file
	}
	rep, err := drills.Check(in)
	if err != nil {
		return err
	}
	wrong := rep.Wrong()
	data := checkJSON{Checked: rep.Checked, Wrong: len(wrong), Findings: rep.Findings}
	err = writeFormatted(opts.IO.Out, opts.Format, data,
		func(w io.Writer) error { return writeCheckText(w, rep.Checked, wrong) },
		func(w io.Writer) error { return writeCheckMarkdown(w, rep.Checked, wrong) })
	if err == nil && len(wrong) > 0 {
		return errSilent
	}
	return err
}

func writeCheckText(w io.Writer, checked int, wrong []drills.Finding) error {
	var b strings.Builder
	for _, f := range wrong {
		b.WriteString(f.Message() + "\n")
	}
	b.WriteString(checkSummary(checked, len(wrong)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCheckMarkdown(w io.Writer, checked int, wrong []drills.Finding) error {
	var b strings.Builder
	if len(wrong) > 0 {
		b.WriteString("| Line | Written | Correct | Off |\n|---|---|---|---|\n")
		for _, f := range wrong {
			fmt.Fprintf(&b, "| %d | `%s = %s` | %s | %s |\n", f.Line, checkCell(f.Expr), checkCell(f.Written), checkCell(f.Correct), f.Off())
		}
		b.WriteString("\n")
	}
	b.WriteString(checkSummary(checked, len(wrong)) + ".\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// checkCell escapes the pipes of a markdown table cell.
func checkCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// checkSummary is the last line: how many results were checked and how
// many are wrong.
func checkSummary(checked, wrong int) string {
	switch {
	case checked == 0:
		return "nothing to check: no lines of the form \"expression = result\""
	case wrong == 0:
		return fmt.Sprintf("%d checked, all hold", checked)
	}
	return fmt.Sprintf("%d checked, %d wrong", checked, wrong)
}
