package cache

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the lab's interactive page: hit ratios by size (with bars
// when there is one size), stampede backend calls as bars, and the
// penetration counts.
func (r Result) Panel(width int) []string {
	t := labkit.Table{Header: []string{"size"}}
	for _, p := range r.Policies {
		t.Header = append(t.Header, p.Name)
	}
	for i, size := range r.Sizes {
		row := []string{labkit.Commas(int64(size))}
		for _, p := range r.Policies {
			row = append(row, labkit.Fixed(100*p.HitRatio[i], 0)+"%")
		}
		t.AddRow(row...)
	}
	lines := append([]string{"Hit ratio by cache size:"}, t.Lines()...)
	if len(r.Sizes) == 1 {
		var bars []asciichart.Bar
		for _, p := range r.Policies {
			bars = append(bars, asciichart.Bar{Label: p.Name, Value: p.HitRatio[0], Note: labkit.Percent(p.HitRatio[0])})
		}
		lines = append(lines, asciichart.BarsFit(bars, width)...)
	}
	pn := r.Penetration
	lines = append(lines, "Stampede, backend calls:")
	lines = append(lines, asciichart.BarsFit(r.stampedeBars(), width)...)
	return append(lines,
		"Penetration, missing-key DB reads:",
		fmt.Sprintf("  none %s  negative %s  bloom %s", labkit.Commas(int64(pn.None.MissingBackendHits)),
			labkit.Commas(int64(pn.NegativeCache.MissingBackendHits)), labkit.Commas(int64(pn.BloomFilter.MissingBackendHits))),
	)
}
