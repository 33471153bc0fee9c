package queue

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the TUI: the runs' table, backlog over time and the
// delivery counts.
func (r Result) Panel(width int) []string {
	p := r.Params
	lines := []string{fmt.Sprintf("Burst %s/s vs %s/s of consumers", labkit.Fixed(float64(p.Rate)*p.Burst, 0), labkit.Fixed(float64(p.Consumers)*p.Capacity(), 0))}
	t := labkit.Table{Header: []string{"run", "backlog", "low p99 s", "shed"}}
	for _, x := range r.Runs {
		t.AddRow(Label(x.Name), labkit.Commas(int64(x.MaxBacklog)), labkit.Fixed(x.LowWaitP99S, 1), labkit.Commas(int64(x.ShedCount)))
	}
	lines = append(lines, labkit.TableLines(t)...)
	lines = append(lines, "Backlog over time (each to its own peak):")
	const labelW = 17
	n := max(8, width-labelW-2)
	for _, x := range r.Runs {
		lines = append(lines, fmt.Sprintf("%-*s|%s|", labelW, Label(x.Name), asciichart.SparkScaled(labkit.MaxPool(x.Backlog, n), 0, float64(max(x.MaxBacklog, 1)))))
	}
	return append(lines,
		fmt.Sprintf("delivered %s, duplicates %s,", labkit.Commas(int64(r.Delivered)), labkit.Commas(int64(r.Duplicates))),
		fmt.Sprintf("processed once %s (idempotent consumer)", labkit.Commas(int64(r.ProcessedOnce))))
}
