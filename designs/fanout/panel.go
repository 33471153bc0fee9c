package fanout

import (
	"fmt"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the TUI: the graph, the strategies' table, operations and
// the threshold sweep.
func (r Result) Panel(width int) []string {
	lines := []string{fmt.Sprintf("Top %s followers, mean %s; %d at %s+",
		labkit.Commas(int64(r.TopFollowers)), labkit.Fixed(r.MeanFollowers, 1), r.Celebrities, labkit.Commas(int64(r.Params.Threshold)))}
	t := labkit.Table{Header: []string{"strategy", "writes", "max", "reads", "storage"}}
	for _, s := range r.Strategies {
		t.AddRow(s.Name, labkit.Fixed(s.WriteAmplification, 1), labkit.Commas(int64(s.MaxWritesPerPost)), labkit.Fixed(s.ReadsPerTimeline, 1), humanize.Bytes(uint64(s.StorageBytes)))
	}
	lines = append(lines, labkit.TableLines(t)...)
	lines = append(lines, "Operations over the run:")
	var bars []asciichart.Bar
	for _, s := range r.Strategies {
		bars = append(bars, asciichart.Bar{Label: s.Name, Value: float64(s.Operations), Note: humanize.SIWithDigits(float64(s.Operations), 1, "")})
	}
	lines = append(lines, asciichart.BarsFit(bars, width)...)
	sw := labkit.Table{Header: []string{"hybrid at", "writes", "reads"}}
	for _, s := range r.Sweep {
		sw.AddRow(shortCount(s.Threshold), labkit.Fixed(s.WriteAmplification, 1), labkit.Fixed(s.ReadsPerTimeline, 1))
	}
	sweep := labkit.TableLines(sw)
	return append(lines, sweep[:min(len(sweep), 16-len(lines))]...)
}
