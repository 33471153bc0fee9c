package quorum

import (
	"fmt"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the lab's interactive page.
func (r Result) Panel(width int) []string {
	p := r.Params
	rel := "≤"
	if r.Overlap {
		rel = ">"
	}
	cp, ap := r.Partition.CP, r.Partition.AP
	c, l := r.Else.Consistency, r.Else.Latency
	lines := []string{
		fmt.Sprintf("R+W = %d %s N = %d: stale reads %s", p.R+p.W, rel, p.N, labkit.Percent(r.StaleReadFraction)),
		fmt.Sprintf("read p99 %s ms, write p99 %s ms, refused %s", ms(r.ReadLatency.P99MS), ms(r.WriteLatency.P99MS), labkit.Commas(int64(r.FailedReads+r.FailedWrites))),
		"During a partition (CAP), available / stale:",
		fmt.Sprintf("  CP  reads %s  writes %s  stale %s", labkit.Percent(cp.ReadAvailability), labkit.Percent(cp.WriteAvailability), labkit.Percent(cp.StaleReadFraction)),
		fmt.Sprintf("  AP  reads %s  writes %s  stale %s", labkit.Percent(ap.ReadAvailability), labkit.Percent(ap.WriteAvailability), labkit.Percent(ap.StaleReadFraction)),
		"Else (PACELC), write p99 / stale:",
		fmt.Sprintf("  R=W=%d  %s ms  stale %s", c.R, ms(c.WriteLatency.P99MS), labkit.Percent(c.StaleReadFraction)),
		fmt.Sprintf("  R=W=1  %s ms  stale %s", ms(l.WriteLatency.P99MS), labkit.Percent(l.StaleReadFraction)),
		"Stale reads:",
	}
	bars := r.staleBars()
	return append(lines, asciichart.BarsFit(bars, width)...)
}
