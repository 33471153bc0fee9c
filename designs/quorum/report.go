package quorum

import (
	"fmt"
	"io"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const chartWidth = 36

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, tables, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

// OverlapText explains whether R + W > N in one sentence.
func (r Result) OverlapText() string {
	p := r.Params
	if r.Overlap {
		return fmt.Sprintf("R + W = %d > N = %d: every read quorum meets every write quorum, so without a partition a read sees the latest acknowledged write.", p.R+p.W, p.N)
	}
	return fmt.Sprintf("R + W = %d ≤ N = %d: a read quorum can miss every replica that acknowledged the latest write, so reads can be stale.", p.R+p.W, p.N)
}

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	if md {
		out.Printf("## Quorum lab\n\n%s.\n\n%s\n", r.Params, r.OverlapText())
	} else {
		out.Printf("Quorum lab: %s.\n\n%s\n", r.Params, r.OverlapText())
	}
	heading("Configured run")
	out.Printf("%s reads (%s refused), %s writes (%s refused). Stale reads %s. Read p50 %s ms, p99 %s ms; write p50 %s ms, p99 %s ms.\n",
		labkit.Commas(int64(r.Reads)), labkit.Commas(int64(r.FailedReads)), labkit.Commas(int64(r.Writes)), labkit.Commas(int64(r.FailedWrites)),
		labkit.Percent(r.StaleReadFraction), ms(r.ReadLatency.P50MS), ms(r.ReadLatency.P99MS), ms(r.WriteLatency.P50MS), ms(r.WriteLatency.P99MS))

	heading("During a partition: consistency or availability (CAP)")
	out.Printf("The middle third of the run: %s; half the clients sit on each side.\n\n", r.sidesText())
	t := labkit.Table{Header: []string{"choice", "R", "W", "read availability", "write availability", "stale reads"}}
	for _, c := range []struct {
		name string
		c    PartitionChoice
	}{{"CP (refuse)", r.Partition.CP}, {"AP (sloppy quorum)", r.Partition.AP}} {
		t.AddRow(c.name, fmt.Sprint(c.c.R), fmt.Sprint(c.c.W), labkit.Percent(c.c.ReadAvailability), labkit.Percent(c.c.WriteAvailability), labkit.Percent(c.c.StaleReadFraction))
	}
	out.Table(t, md)
	if cp := r.Partition.CP; cp.R+cp.W <= r.Params.N {
		out.Printf("\nWith R + W = %d ≤ N = %d the CP row is not consistent: refusing operations that cannot reach a quorum does not help when quorums need not overlap. Give R + W > N (for example --r %d --w %d) to see CP keep every read fresh at the cost of availability.\n",
			cp.R+cp.W, r.Params.N, r.Params.N/2+1, r.Params.N/2+1)
	}

	heading("Else: latency or consistency (PACELC)")
	t = labkit.Table{Header: []string{"choice", "R", "W", "read p50", "read p99", "write p50", "write p99", "stale reads"}}
	for _, c := range []struct {
		name string
		c    ElseChoice
	}{{"consistency", r.Else.Consistency}, {"latency", r.Else.Latency}} {
		t.AddRow(c.name, fmt.Sprint(c.c.R), fmt.Sprint(c.c.W), ms(c.c.ReadLatency.P50MS), ms(c.c.ReadLatency.P99MS),
			ms(c.c.WriteLatency.P50MS), ms(c.c.WriteLatency.P99MS), labkit.Percent(c.c.StaleReadFraction))
	}
	out.Table(t, md)
	out.Printf("\nLatencies in milliseconds.\n\nStale reads:\n\n")
	out.Chart(r.StaleChart(), md)
	out.Printf("\nWrite p99 (ms):\n\n")
	out.Chart(r.LatencyChart(), md)
	return out.Err
}

// StaleChart draws the stale-read fraction of every run.
func (r Result) StaleChart() []string { return asciichart.Bars(r.staleBars(), chartWidth) }

func (r Result) staleBars() []asciichart.Bar {
	rows := []struct {
		label string
		f     float64
	}{
		{"configured", r.StaleReadFraction},
		{"partition, CP", r.Partition.CP.StaleReadFraction},
		{"partition, AP", r.Partition.AP.StaleReadFraction},
		{"else, consistency", r.Else.Consistency.StaleReadFraction},
		{"else, latency", r.Else.Latency.StaleReadFraction},
	}
	var bars []asciichart.Bar
	for _, row := range rows {
		bars = append(bars, asciichart.Bar{Label: row.label, Value: row.f, Note: labkit.Percent(row.f)})
	}
	return bars
}

// LatencyChart draws the write p99 of the two no-partition choices.
func (r Result) LatencyChart() []string {
	c, l := r.Else.Consistency, r.Else.Latency
	return asciichart.Bars([]asciichart.Bar{
		{Label: fmt.Sprintf("consistency (W=%d)", c.W), Value: c.WriteLatency.P99MS, Note: ms(c.WriteLatency.P99MS)},
		{Label: fmt.Sprintf("latency (W=%d)", l.W), Value: l.WriteLatency.P99MS, Note: ms(l.WriteLatency.P99MS)},
	}, chartWidth)
}

func ms(v float64) string {
	if v >= 100 {
		return labkit.Fixed(v, 0)
	}
	return labkit.Fixed(v, 1)
}

// sidesText names the replicas the partition cuts off.
func (r Result) sidesText() string {
	switch k := r.Params.N / 2; k {
	case 0:
		return "the clients on one side cannot reach the only replica"
	case 1:
		return "replica 1 cannot reach the others"
	default:
		return fmt.Sprintf("replicas 1 to %d cannot reach the other %d", k, r.Params.N-k)
	}
}
