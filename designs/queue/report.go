package queue

import (
	"fmt"
	"io"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const chartWidth = 36

// Label is a run's name for people.
func Label(name string) string {
	switch name {
	case RunFixed:
		return "fixed consumers"
	case RunShed:
		return "fixed + shed"
	case RunAutoscaleShed:
		return "autoscale + shed"
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
	out.Title("Queue lab", r.Params, md)
	out.Printf("%s\n", r.Summary())
	heading("Runs")
	out.Table(r.runTable(), md)
	out.Printf("\nWaits are from production to first delivery, 99th percentile, in seconds.\n")
	heading("Backlog and consumers over time")
	out.Chart(r.TimelineChart(), md)
	out.Printf("\nLongest backlog (messages):\n\n")
	out.Chart(r.BacklogChart(), md)
	heading("At-least-once delivery, idempotent consumer")
	out.Table(r.deliveryTable(), md)
	out.Printf("\nA lost acknowledgement makes the broker deliver a message again after %v. The consumer records each processed message id and skips a delivery it has seen, so every message takes effect once; without that check each duplicate would apply twice.\n", r.Params.Visibility)
	return out.Err
}

// Summary says in a few sentences what the runs show.
func (r Result) Summary() string {
	f, _ := r.Run(RunFixed)
	sh, _ := r.Run(RunShed)
	a, _ := r.Run(RunAutoscale)
	return fmt.Sprintf("The burst brings %s/s against %s/s of consumer capacity. With a fixed pool the backlog reaches %s messages and low-priority messages wait up to %s s (p99). Shedding low-priority work while more than %s are queued bounds the backlog at %s, refusing %s messages (%s). Autoscaling to %d consumers caps the backlog at %s with nothing refused, once the consumers it adds have taken %v to start. %s deliveries processed %s messages once and skipped %s duplicates.",
		labkit.Fixed(float64(r.Params.Rate)*r.Params.Burst, 0), labkit.Fixed(float64(r.Params.Consumers)*r.Params.Capacity(), 0),
		labkit.Commas(int64(f.MaxBacklog)), labkit.Fixed(f.LowWaitP99S, 1),
		labkit.Commas(int64(r.Params.ShedAt)), labkit.Commas(int64(sh.MaxBacklog)), labkit.Commas(int64(sh.ShedCount)),
		labkit.Percent(float64(sh.ShedCount)/float64(max(sh.Produced, 1))),
		a.MaxConsumers, labkit.Commas(int64(a.MaxBacklog)), r.Params.Startup,
		labkit.Commas(int64(r.Delivered)), labkit.Commas(int64(r.ProcessedOnce)), labkit.Commas(int64(r.Duplicates)))
}

func (r Result) runTable() labkit.Table {
	t := labkit.Table{Header: []string{"run", "produced", "shed", "max backlog", "high wait p99", "low wait p99", "max consumers", "drained s"}}
	c := func(n int) string { return labkit.Commas(int64(n)) }
	for _, x := range r.Runs {
		t.AddRow(Label(x.Name), c(x.Produced), c(x.ShedCount), c(x.MaxBacklog), labkit.Fixed(x.HighWaitP99S, 2), labkit.Fixed(x.LowWaitP99S, 2), c(x.MaxConsumers), labkit.Fixed(x.DrainedS, 0))
	}
	return t
}

func (r Result) deliveryTable() labkit.Table {
	t := labkit.Table{Header: []string{"run", "delivered", "duplicates", "processed once", "applied twice without dedup"}}
	c := func(n int) string { return labkit.Commas(int64(n)) }
	for _, x := range r.Runs {
		t.AddRow(Label(x.Name), c(x.Delivered), c(x.Duplicates), c(x.ProcessedOnce), c(x.AppliedTwice))
	}
	return t
}

// TimelineChart draws each run's backlog per slice, each on its own
// scale from empty to its peak, and the autoscaled runs' consumer counts
// (0 to MaxConsumers), with the burst marked.
func (r Result) TimelineChart() []string {
	line := func(label string, vs []int, hi int, note string) string {
		fs := make([]float64, len(vs))
		for i, v := range vs {
			fs[i] = float64(v)
		}
		return fmt.Sprintf("%-18s|%s| %s", label, asciichart.SparkScaled(fs, 0, float64(max(hi, 1))), note)
	}
	var lines []string
	for _, x := range r.Runs {
		lines = append(lines, line(Label(x.Name), x.Backlog, x.MaxBacklog, "peak "+labkit.Commas(int64(x.MaxBacklog))))
		if x.Autoscale {
			lines = append(lines, line("  consumers", x.Consumers, r.Params.MaxConsumers, "up to "+labkit.Commas(int64(x.MaxConsumers))))
		}
	}
	burst := make([]byte, Slices)
	for i := range burst {
		burst[i] = ' '
		if i >= Slices/3 && i < 2*Slices/3 {
			burst[i] = '^'
		}
	}
	lines = append(lines, fmt.Sprintf("%-18s|%s|", "burst", burst))
	return append(lines, fmt.Sprintf("%-18s backlog _ empty to @ its peak; consumers _ none to @ %d", "", r.Params.MaxConsumers))
}

// BacklogChart draws each run's longest backlog.
func (r Result) BacklogChart() []string {
	var bars []asciichart.Bar
	for _, x := range r.Runs {
		bars = append(bars, asciichart.Bar{Label: Label(x.Name), Value: float64(x.MaxBacklog), Note: labkit.Commas(int64(x.MaxBacklog))})
	}
	return asciichart.Bars(bars, chartWidth)
}
