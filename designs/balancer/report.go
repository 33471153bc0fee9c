package balancer

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const chartWidth = 36

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, tables, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	out.Title("Load balancer lab", r.Params, md)
	out.Printf("Capacity %s req/s, arrivals %s req/s.", labkit.Fixed(r.CapacityRPS, 0), labkit.Fixed(r.ArrivalRPS, 0))
	if f := r.Failure; f != nil {
		out.Printf(" Server %d fails at %s s; health checks remove it at %s s.", f.Server, labkit.Fixed(f.AtMS/1000, 1), labkit.Fixed(f.RemovedAtMS/1000, 1))
	}
	out.Printf("\n")

	heading("Response time by algorithm")
	t := labkit.Table{Header: []string{"algorithm", "p50 ms", "p95 ms", "p99 ms", "errors"}}
	for _, a := range r.Algorithms {
		t.AddRow(a.Name, ms(a.P50MS), ms(a.P95MS), ms(a.P99MS), labkit.Commas(int64(a.Errors)))
	}
	out.Table(t, md)
	out.Printf("\np99 (log scale):\n\n")
	out.Chart(r.P99Chart(), md)

	heading("Share of requests per server")
	out.Table(r.shareTable(), md)
	out.Printf("\nA server whose share is above its share of capacity queues without bound once the load is high enough: its p99 grows with the run.\n")

	heading("p99 over the run")
	out.Printf("Twenty slices of the run by arrival; each line scaled to its own range ('_' lowest, '@' highest).\n\n")
	out.Chart(r.TimelineChart(), md)
	return out.Err
}

func (r Result) shareTable() labkit.Table {
	t := labkit.Table{Header: []string{"algorithm"}}
	for i, s := range r.Params.Speeds {
		t.Header = append(t.Header, fmt.Sprintf("s%d ×%s", i+1, labkit.Format(s)))
	}
	t.Header = append(t.Header, "worst server p99 ms")
	total := 0.0
	for _, s := range r.Params.Speeds {
		total += s
	}
	row := []string{"capacity share"}
	for _, s := range r.Params.Speeds {
		row = append(row, labkit.Percent(s/total))
	}
	t.AddRow(append(row, "")...)
	for _, a := range r.Algorithms {
		row := []string{a.Name}
		worst := 0.0
		for _, s := range a.Servers {
			row = append(row, labkit.Percent(s.Share))
			worst = max(worst, s.P99MS)
		}
		t.AddRow(append(row, ms(worst))...)
	}
	return t
}

// P99Chart draws each algorithm's p99 on a log scale.
func (r Result) P99Chart() []string {
	var bars []asciichart.Bar
	for _, a := range r.Algorithms {
		bars = append(bars, asciichart.Bar{Label: a.Name, Value: math.Log10(max(a.P99MS, 1)) + 1, Note: ms(a.P99MS) + " ms"})
	}
	return asciichart.Bars(bars, chartWidth)
}

// TimelineChart draws each algorithm's p99 per slice of the run as a
// sparkline, with its largest value.
func (r Result) TimelineChart() []string {
	w := 0
	for _, a := range r.Algorithms {
		w = max(w, len(a.Name))
	}
	var lines []string
	for _, a := range r.Algorithms {
		top := 0.0
		for _, v := range a.P99ByWindowMS {
			top = max(top, v)
		}
		lines = append(lines, fmt.Sprintf("%-*s %s  max %s ms", w, a.Name, asciichart.Spark(a.P99ByWindowMS), ms(top)))
	}
	if f := r.Failure; f != nil {
		lines = append(lines, fmt.Sprintf("%*s %s^ server %d fails", w, "", strings.Repeat(" ", Windows/2), f.Server))
	}
	return lines
}

func ms(v float64) string {
	if v >= 100 {
		return labkit.Commas(int64(math.Round(v)))
	}
	return labkit.Fixed(v, 1)
}

// String summarises the result in one line.
func (r Result) String() string {
	best := r.Algorithms[0]
	for _, a := range r.Algorithms[1:] {
		if a.P99MS < best.P99MS {
			best = a
		}
	}
	return fmt.Sprintf("%s: lowest p99 %s ms with %s", r.Params, ms(best.P99MS), best.Name)
}
