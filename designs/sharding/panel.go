package sharding

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the TUI: the strategies' table and the hot-shard and
// moved charts.
func (r Result) Panel(width int) []string {
	lines := []string{fmt.Sprintf("Hot key %s of reads; ideal move %s", labkit.Percent(r.HotKeyShare), labkit.Percent(r.MovedIdeal))}
	t := labkit.Table{Header: []string{"strategy", "size", "hot", "moved", "local"}}
	for _, s := range r.Strategies {
		t.AddRow(s.Name, labkit.Fixed(s.SizeRatio, 2)+"x", labkit.Fixed(s.HotShardRatio, 2)+"x", labkit.Percent(s.Moved), labkit.Percent(s.Local))
	}
	lines = append(lines, labkit.TableLines(t)...)
	lines = append(lines, "Hot shard (busiest over mean):")
	lines = append(lines, asciichart.BarsFit(r.barsOf(func(s Strategy) float64 { return s.HotShardRatio }, func(v float64) string { return labkit.Fixed(v, 2) + "x" }), width)...)
	lines = append(lines, fmt.Sprintf("Keys moved, %d → %d shards:", r.Params.Shards, r.Params.Shards+1))
	return append(lines, asciichart.BarsFit(r.barsOf(func(s Strategy) float64 { return s.Moved }, labkit.Percent), width)...)
}

func (r Result) barsOf(value func(Strategy) float64, note func(float64) string) []asciichart.Bar {
	var bars []asciichart.Bar
	for _, s := range r.Strategies {
		v := value(s)
		bars = append(bars, asciichart.Bar{Label: s.Name, Value: v, Note: note(v)})
	}
	return bars
}
