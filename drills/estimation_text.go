package drills

import (
	"fmt"
	"io"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// Conventions states the calendar and units every drill uses.
const Conventions = "1 KB = 1,000 B · 1 day = 86,400 s · 1 month = 30 days · 1 year = 365 days"

// Heading is the drill's first line: "Drill 42 · Twitter / X timeline (twitter)".
func (d Estimation) Heading() string {
	return fmt.Sprintf("Drill %d · %s", d.Seed, d.Title())
}

// InputLines are the inputs as aligned text lines: name, value, source, note.
func (d Estimation) InputLines() []string {
	out := make([]string, len(d.Inputs))
	for i, a := range d.Inputs {
		out[i] = strings.TrimRight(fmt.Sprintf("%-17s %-10s %-7s %s", a.Name, a.Text, a.Source, a.Note), " ")
	}
	return out
}

// WriteText prints the drill with its answer and derivation, for scripts
// and notes.
func (d Estimation) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\nInputs\n", d.Heading(), Conventions)
	for _, l := range d.InputLines() {
		b.WriteString("  " + l + "\n")
	}
	fmt.Fprintf(&b, "\nQuestion (%s)\n  %s\n\nAnswer\n  %s\n\nDerivation\n", d.Quantity.ID, d.Quantity.Question, d.TruthText())
	for _, st := range d.Derivation() {
		fmt.Fprintf(&b, "  %-24s %s\n", estimate.Label(st.Name), st.Formula)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown prints the drill with its answer and derivation as markdown.
func (d Estimation) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s.\n\n| Input | Value | Source | Note |\n|---|---|---|---|\n", d.Heading(), Conventions)
	for _, a := range d.Inputs {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", a.Name, a.Text, a.Source, cell(a.Note))
	}
	fmt.Fprintf(&b, "\n## Question\n\n%s (`%s`)\n\n## Answer\n\n**%s**\n\n", d.Quantity.Question, d.Quantity.ID, d.TruthText())
	for _, st := range d.Derivation() {
		fmt.Fprintf(&b, "- %s: %s\n", estimate.Label(st.Name), cell(st.Formula))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
