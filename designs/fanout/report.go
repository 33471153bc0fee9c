package fanout

import (
	"fmt"
	"io"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const chartWidth = 36

// Label is a strategy's name for people.
func Label(name string) string {
	switch name {
	case Write:
		return "fan-out on write"
	case Read:
		return "fan-out on read"
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
	out.Title("Fan-out lab", r.Params, md)
	out.Printf("%s\n", r.Summary())
	heading("Strategies")
	out.Table(r.table(), md)
	out.Printf("\nWrites are timeline inserts per post, reads are lists fetched per timeline read; operations count both over the run. Storage is timeline entries of %d bytes, each timeline capped at %s.\n",
		EntryBytes, labkit.Commas(int64(r.Params.Cap)))
	out.Printf("\nOperations over the run:\n\n")
	out.Chart(r.OperationsChart(), md)
	heading("Hybrid threshold")
	out.Table(r.sweepTable(), md)
	out.Printf("\nW = writes per post, R = reads per timeline, by threshold (followers):\n\n")
	out.Chart(r.SweepChart(), md)
	return out.Err
}

// Summary says in a few sentences what the strategies show.
func (r Result) Summary() string {
	wr, _ := r.Strategy(Write)
	rd, _ := r.Strategy(Read)
	hy, _ := r.Strategy(Hybrid)
	return fmt.Sprintf("The most followed account has %s followers against a mean of %s. Fan-out on write turns a post into %s timeline inserts on average and %s at most (delivered after up to %s ms), and reads one list per timeline. Fan-out on read writes nothing but fetches %s lists per timeline read (up to %s). The hybrid pulls the %d accounts with %s followers or more: %s inserts per post, at most %s, and %s lists per read.",
		labkit.Commas(int64(r.TopFollowers)), labkit.Fixed(r.MeanFollowers, 1),
		labkit.Fixed(wr.WriteAmplification, 1), labkit.Commas(int64(wr.MaxWritesPerPost)), labkit.Fixed(wr.DeliveryMaxMS, 0),
		labkit.Fixed(rd.ReadsPerTimeline, 1), labkit.Commas(int64(rd.MaxReadsPerTimeline)),
		r.Celebrities, labkit.Commas(int64(r.Params.Threshold)), labkit.Fixed(hy.WriteAmplification, 1), labkit.Commas(int64(hy.MaxWritesPerPost)),
		labkit.Fixed(hy.ReadsPerTimeline, 1))
}

func (r Result) table() labkit.Table {
	t := labkit.Table{Header: []string{"strategy", "writes", "max writes", "reads", "max reads", "operations", "storage", "delivery p99 ms"}}
	for _, s := range r.Strategies {
		t.AddRow(Label(s.Name), labkit.Fixed(s.WriteAmplification, 1), labkit.Commas(int64(s.MaxWritesPerPost)),
			labkit.Fixed(s.ReadsPerTimeline, 1), labkit.Commas(int64(s.MaxReadsPerTimeline)), labkit.Commas(s.Operations),
			humanize.Bytes(uint64(s.StorageBytes)), labkit.Fixed(s.DeliveryP99MS, 1))
	}
	return t
}

func (r Result) sweepTable() labkit.Table {
	t := labkit.Table{Header: []string{"threshold", "celebrities", "writes per post", "reads per timeline"}}
	for _, s := range r.Sweep {
		label := labkit.Commas(int64(s.Threshold))
		if s.Threshold == r.Params.Threshold {
			label += " (set)"
		}
		t.AddRow(label, labkit.Commas(int64(s.Celebrities)), labkit.Fixed(s.WriteAmplification, 1), labkit.Fixed(s.ReadsPerTimeline, 1))
	}
	return t
}

// OperationsChart draws each strategy's inserts plus fetches.
func (r Result) OperationsChart() []string {
	var bars []asciichart.Bar
	for _, s := range r.Strategies {
		bars = append(bars, asciichart.Bar{Label: Label(s.Name), Value: float64(s.Operations), Note: labkit.Commas(s.Operations)})
	}
	return asciichart.Bars(bars, chartWidth)
}

// SweepChart plots writes per post (W) and reads per timeline (R)
// against the hybrid threshold.
func (r Result) SweepChart() []string {
	var x []string
	w := asciichart.Series{Name: "writes per post", Mark: 'W'}
	rd := asciichart.Series{Name: "reads per timeline", Mark: 'R'}
	for _, s := range r.Sweep {
		x = append(x, shortCount(s.Threshold))
		w.Values = append(w.Values, s.WriteAmplification)
		rd.Values = append(rd.Values, s.ReadsPerTimeline)
	}
	lo := 0.0
	return asciichart.Plot{Series: []asciichart.Series{w, rd}, X: x, Height: 8, Min: lo,
		YLabel: func(v float64) string { return labkit.Fixed(v, 0) }}.Lines()
}

// shortCount writes 10000 as "10K".
func shortCount(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprint(n/1_000_000) + "M"
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprint(n/1000) + "K"
	}
	return fmt.Sprint(n)
}
