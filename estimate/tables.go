package estimate

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Table is a titled reference table for the text and markdown reports.
type Table struct {
	Name    string // machine name: latency, powers, throughput, availability
	Title   string
	Columns []string
	Rows    [][]string
	Note    string
}

// LatencyTable renders Latencies.
func LatencyTable() Table {
	t := Table{Name: "latency", Title: "Latency numbers", Columns: []string{"Operation", "Time", "Note"},
		Note: "Orders of magnitude for current servers; the ratios between rows are what to remember."}
	for _, l := range Latencies {
		t.Rows = append(t.Rows, []string{l.Operation, FormatDuration(l.Duration), l.Note})
	}
	return t
}

// PowersTable renders PowersOfTwo.
func PowersTable() Table {
	t := Table{Name: "powers", Title: "Powers of two", Columns: []string{"Power", "Exact", "Approx", "Unit"}}
	for _, p := range PowersOfTwo {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("2^%d", p.Power), p.Exact(), p.Approx, p.Unit})
	}
	return t
}

// ThroughputTable renders Throughputs.
func ThroughputTable() Table {
	t := Table{Name: "throughput", Title: "Throughput of common components", Columns: []string{"Component", "Rough capacity", "Note"},
		Note: "Per node, simple operations; payload size, hardware and tuning move these a lot."}
	for _, r := range Throughputs {
		t.Rows = append(t.Rows, []string{r.Component, r.Figure, r.Note})
	}
	return t
}

// AvailabilityTable renders the downtime allowed at each level of
// AvailabilityLevels, or at the given levels.
func AvailabilityTable(levels ...float64) Table {
	if len(levels) == 0 {
		levels = AvailabilityLevels
	}
	t := Table{Name: "availability", Title: "Availability (allowed downtime)", Columns: []string{"Availability", "Per year", "Per month", "Per week", "Per day"},
		Note: "A year is 365 days and a month 30 days. Serial dependencies multiply: two 99.9% services in series give 99.8%."}
	for _, l := range levels {
		a := Downtime(l)
		t.Rows = append(t.Rows, []string{FormatPercentage(l), FormatDuration(a.PerYear), FormatDuration(a.PerMonth), FormatDuration(a.PerWeek), FormatDuration(a.PerDay)})
	}
	return t
}

// WriteTablesText prints tables as aligned plain text, a blank line
// between them.
func WriteTablesText(w io.Writer, tables ...Table) error {
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s\n", t.Title)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\n", strings.Join(t.Columns, "\t"))
		for _, r := range t.Rows {
			fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
		}
		_ = tw.Flush()
		if t.Note != "" {
			fmt.Fprintf(&b, "  %s\n", t.Note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTablesMarkdown prints tables as Markdown, each under a level-2
// heading with its note below it.
func WriteTablesMarkdown(w io.Writer, tables ...Table) error {
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s\n\n| %s |\n|%s\n", t.Title, strings.Join(t.Columns, " | "), strings.Repeat("---|", len(t.Columns)))
		for _, r := range t.Rows {
			fmt.Fprintf(&b, "| %s |\n", strings.Join(r, " | "))
		}
		if t.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", t.Note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
