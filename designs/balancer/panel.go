package balancer

import (
	"fmt"
	"math"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// shortNames abbreviate the algorithms where space is tight.
var shortNames = map[string]string{
	"round-robin": "rr", "weighted-round-robin": "weighted rr", "least-connections": "least conn",
	"least-response-time": "least time", "ip-hash": "ip hash", "power-of-two": "p2c",
}

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the lab's interactive page.
func (r Result) Panel(width int) []string {
	lines := []string{fmt.Sprintf("%s req/s of %s capacity", labkit.Fixed(r.ArrivalRPS, 0), labkit.Fixed(r.CapacityRPS, 0))}
	if f := r.Failure; f != nil {
		lines = append(lines, fmt.Sprintf("server %d down at %s s, removed at %s s", f.Server, labkit.Fixed(f.AtMS/1000, 1), labkit.Fixed(f.RemovedAtMS/1000, 1)))
	}
	lines = append(lines, "p99 (log scale), errors:")
	var bars []asciichart.Bar
	for _, a := range r.Algorithms {
		bars = append(bars, asciichart.Bar{Label: shortNames[a.Name], Value: math.Log10(max(a.P99MS, 1)) + 1,
			Note: fmt.Sprintf("%s ms, %s", ms(a.P99MS), labkit.Commas(int64(a.Errors)))})
	}
	lines = append(lines, asciichart.BarsFit(bars, width)...)
	lines = append(lines, "p99 over the run:")
	for _, a := range r.Algorithms {
		lines = append(lines, fmt.Sprintf("  %-11s %s", shortNames[a.Name], asciichart.Spark(a.P99ByWindowMS)))
	}
	return lines
}
