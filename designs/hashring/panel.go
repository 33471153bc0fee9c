package hashring

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the lab's interactive page.
func (r Result) Panel(width int) []string {
	lines := []string{fmt.Sprintf("Keys moved (%s, %d -> %d nodes):", r.Params.Change, r.NodesBefore, r.NodesAfter)}
	lines = append(lines, asciichart.BarsFit(r.movedBars(), width)...)
	var keys []float64
	for _, k := range r.NodeKeys {
		keys = append(keys, float64(k))
	}
	spark := asciichart.Spark(keys)
	if len(spark) > width-6 {
		spark = spark[:width-6]
	}
	lines = append(lines,
		fmt.Sprintf("Load, %d vnodes: max/mean %s, sd %s of mean", r.Params.VNodes, labkit.Fixed(r.Load.MaxOverMean, 2), labkit.Percent(r.Load.StddevOverMean)),
		"  "+spark,
		"Busiest node / mean, by vnodes:")
	var bars []asciichart.Bar
	for _, s := range r.Spread {
		bars = append(bars, asciichart.Bar{Label: labkit.Commas(int64(s.VNodes)), Value: s.MaxOverMean, Note: labkit.Fixed(s.MaxOverMean, 2)})
	}
	lines = append(lines, asciichart.BarsFit(bars, width)...)
	b := r.Bounded
	return append(lines, fmt.Sprintf("Bounded c=%s: max/mean %s, moved %s", labkit.Fixed(b.LoadFactor, 2), labkit.Fixed(b.MaxOverMean, 2), labkit.Percent(b.Moved)))
}
