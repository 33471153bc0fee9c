package hashring

import (
	"fmt"
	"io"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const (
	chartWidth = 36
	// maxNodeBars is how many nodes the per-node bar chart shows.
	maxNodeBars = 16
)

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, tables, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	if md {
		out.Printf("## Consistent hashing lab\n\n%s.\n", r.Params)
	} else {
		out.Printf("Consistent hashing lab: %s.\n", r.Params)
	}
	heading("Keys moved by the change")
	out.Printf("hash %% N moves most keys because nearly every key's remainder changes; the ring moves only the keys on the arcs the changed node owns.\n\n")
	out.Chart(r.MovedChart(), md)

	heading("Load per node")
	out.Printf("With %s vnodes a node: busiest node %s× the mean, standard deviation %s keys (%s of the mean).\n\n",
		labkit.Commas(int64(r.Params.VNodes)), labkit.Fixed(r.Load.MaxOverMean, 2), labkit.Fixed(r.Load.Stddev, 0), labkit.Percent(r.Load.StddevOverMean))
	out.Chart(r.NodeChart(), md)

	heading("Load spread against virtual nodes")
	t := labkit.Table{Header: []string{"vnodes", "max/mean", "stddev", "stddev/mean", "1/sqrt(vnodes)"}}
	for _, s := range r.Spread {
		t.AddRow(labkit.Commas(int64(s.VNodes)), labkit.Fixed(s.MaxOverMean, 2), labkit.Fixed(s.Stddev, 0),
			labkit.Percent(s.StddevOverMean), labkit.Percent(1/sqrt(float64(s.VNodes))))
	}
	out.Table(t, md)
	out.Printf("\nBusiest node over the mean:\n\n")
	out.Chart(r.SpreadChart(), md)

	b := r.Bounded
	heading("Bounded loads")
	out.Printf("With load factor %s no node takes more than %s keys: busiest node %s× the mean (plain ring: %s×), and the change moves %s of keys (plain ring: %s).\n",
		labkit.Fixed(b.LoadFactor, 2), labkit.Commas(int64(b.Capacity)), labkit.Fixed(b.MaxOverMean, 2), labkit.Fixed(r.Load.MaxOverMean, 2),
		labkit.Percent(b.Moved), labkit.Percent(r.MovedConsistent))
	return out.Err
}

// MovedChart draws the moved fractions.
func (r Result) MovedChart() []string { return asciichart.Bars(r.movedBars(), chartWidth) }

func (r Result) movedBars() []asciichart.Bar {
	return []asciichart.Bar{
		{Label: "hash % N", Value: r.MovedModulo, Note: labkit.Percent(r.MovedModulo)},
		{Label: "ring", Value: r.MovedConsistent, Note: labkit.Percent(r.MovedConsistent)},
		{Label: "ring, bounded", Value: r.Bounded.Moved, Note: labkit.Percent(r.Bounded.Moved)},
		{Label: "ideal", Value: r.MovedIdeal, Note: labkit.Percent(r.MovedIdeal) + fmt.Sprintf(" (1/%d)", max(r.NodesBefore, r.NodesAfter))},
	}
}

// NodeChart draws the keys on each node (the first 16 nodes).
func (r Result) NodeChart() []string {
	var bars []asciichart.Bar
	for i, k := range r.NodeKeys {
		if i == maxNodeBars {
			break
		}
		bars = append(bars, asciichart.Bar{Label: fmt.Sprintf("node %d", i+1), Value: float64(k), Note: labkit.Commas(int64(k))})
	}
	lines := asciichart.Bars(bars, chartWidth)
	if len(r.NodeKeys) > maxNodeBars {
		lines = append(lines, fmt.Sprintf("(first %d of %d nodes)", maxNodeBars, len(r.NodeKeys)))
	}
	return lines
}

// SpreadChart draws max/mean for each vnode count.
func (r Result) SpreadChart() []string {
	var bars []asciichart.Bar
	for _, s := range r.Spread {
		bars = append(bars, asciichart.Bar{Label: labkit.Commas(int64(s.VNodes)), Value: s.MaxOverMean, Note: labkit.Fixed(s.MaxOverMean, 2)})
	}
	return asciichart.Bars(bars, chartWidth)
}
