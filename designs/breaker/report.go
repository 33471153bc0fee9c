package breaker

import (
	"fmt"
	"io"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const chartWidth = 36

// Label is a run's name for people: "no breaker", "retries", "breaker",
// "breaker + retries".
func Label(name string) string {
	switch name {
	case RunPlain:
		return "no breaker"
	case RunBreakerRetries:
		return "breaker + retries"
	}
	return name
}

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, tables, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	out.Title("Circuit-breaker lab", r.Params, md)
	out.Printf("%s\n", r.Summary())
	heading("Outcomes")
	out.Table(r.outcomeTable(), md)
	heading("During the incident")
	out.Table(r.incidentTable(), md)
	out.Printf("\nBusy workers over time (pool %s, '^' marks the incident):\n\n", labkit.Commas(int64(r.Params.Pool)))
	out.Chart(r.BusyChart(), md)
	out.Printf("\nRequests that did not need the dependency, served during the incident (below 100%% is cascading failure):\n\n")
	out.Chart(r.OtherChart(), md)
	out.Printf("\nDependency calls per request during the incident (retry amplification):\n\n")
	out.Chart(r.AmplificationChart(), md)
	return out.Err
}

// Summary says in two sentences what the runs show.
func (r Result) Summary() string {
	plain, _ := r.Run(RunPlain)
	retry, _ := r.Run(RunRetries)
	br, _ := r.Run(RunBreaker)
	return fmt.Sprintf("During the incident (%s s to %s s) the slow dependency holds the caller's workers: without a breaker %s of the requests that never touch it are still served, %s with %d retries (%s calls per request), and %s with a breaker, which fails fast and answers %s of everything with a real answer or a fallback.",
		labkit.Fixed(r.IncidentStartS, 1), labkit.Fixed(r.IncidentEndS, 1),
		labkit.Percent(plain.Incident.OtherServed), labkit.Percent(retry.Incident.OtherServed), retry.Retries,
		labkit.Fixed(retry.Incident.Amplification, 2), labkit.Percent(br.Incident.OtherServed), labkit.Percent(br.Incident.Answered))
}

func (r Result) outcomeTable() labkit.Table {
	t := labkit.Table{Header: []string{"run", "succeeded", "fallbacks", "failed", "rejected", "dependency calls", "p99 ms", "trips"}}
	c := func(n int) string { return labkit.Commas(int64(n)) }
	for _, x := range r.Runs {
		t.AddRow(Label(x.Name), c(x.Succeeded), c(x.Fallbacks), c(x.Failed), c(x.Rejected), c(x.DependencyCalls), labkit.Fixed(x.P99MS, 0), c(x.Trips))
	}
	return t
}

func (r Result) incidentTable() labkit.Table {
	t := labkit.Table{Header: []string{"run", "calls per request", "dependency served", "others served", "answered"}}
	for _, x := range r.Runs {
		i := x.Incident
		t.AddRow(Label(x.Name), labkit.Fixed(i.Amplification, 2), labkit.Percent(i.DependencyServed), labkit.Percent(i.OtherServed), labkit.Percent(i.Answered))
	}
	return t
}

// BusyChart draws each run's busy workers per slice as a sparkline on
// the common scale 0 to Pool, the breaker runs' states under them, and
// the incident.
func (r Result) BusyChart() []string {
	const labelW = 20
	pad := func(s string) string { return s + strings.Repeat(" ", max(labelW-len(s), 1)) }
	var lines []string
	for _, x := range r.Runs {
		lines = append(lines, pad(Label(x.Name))+"|"+spark(x.Busy, r.Params.Pool)+"| peak "+labkit.Commas(int64(x.PeakBusy)))
		if x.States != "" {
			lines = append(lines, pad("  state")+"|"+x.States+"|")
		}
	}
	inc := make([]byte, Slices)
	for i := range inc {
		inc[i] = ' '
		mid := (float64(i) + 0.5) / Slices * (float64(r.Params.Requests) / float64(r.Params.Rate))
		if mid >= r.IncidentStartS && mid < r.IncidentEndS {
			inc[i] = '^'
		}
	}
	lines = append(lines, pad("incident")+"|"+string(inc)+"|")
	return append(lines, pad("")+"busy: _ none to @ all; state: C closed, H half-open, O open")
}

// spark draws busy workers per slice on the scale 0 to the pool.
func spark(values []int, top int) string {
	fs := make([]float64, len(values))
	for i, v := range values {
		fs[i] = float64(v)
	}
	return asciichart.SparkScaled(fs, 0, float64(top))
}

// OtherChart draws, per run, the share of requests not needing the
// dependency that were served during the incident.
func (r Result) OtherChart() []string {
	var bars []asciichart.Bar
	for _, x := range r.Runs {
		bars = append(bars, asciichart.Bar{Label: Label(x.Name), Value: x.Incident.OtherServed, Note: labkit.Percent(x.Incident.OtherServed)})
	}
	return asciichart.Bars(bars, chartWidth)
}

// AmplificationChart draws, per run, dependency calls per request during
// the incident.
func (r Result) AmplificationChart() []string {
	var bars []asciichart.Bar
	for _, x := range r.Runs {
		bars = append(bars, asciichart.Bar{Label: Label(x.Name), Value: x.Incident.Amplification, Note: labkit.Fixed(x.Incident.Amplification, 2)})
	}
	return asciichart.Bars(bars, chartWidth)
}
