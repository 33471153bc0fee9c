package breaker

import (
	"fmt"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// Panel is the result in at most 16 lines of at most width columns (40
// or more), for the TUI: the incident, a table of the four runs, and
// busy workers over time.
func (r Result) Panel(width int) []string {
	p := r.Params
	lines := []string{
		fmt.Sprintf("Incident %s–%s s: %s fail, %v mean", labkit.Fixed(r.IncidentStartS, 0), labkit.Fixed(r.IncidentEndS, 0), labkit.Percent(p.FailureRate), p.Latency),
		"During it: others served, answered, calls/req",
	}
	t := labkit.Table{Header: []string{"run", "others", "answered", "calls"}}
	for _, x := range r.Runs {
		i := x.Incident
		t.AddRow(Label(x.Name), labkit.Percent(i.OtherServed), labkit.Percent(i.Answered), labkit.Fixed(i.Amplification, 2))
	}
	lines = append(lines, labkit.TableLines(t)...)
	lines = append(lines, fmt.Sprintf("Busy workers of %s over time:", labkit.Commas(int64(p.Pool))))
	const labelW = 18
	n := max(8, width-labelW-2)
	for _, x := range r.Runs {
		lines = append(lines, fmt.Sprintf("%-*s|%s|", labelW, Label(x.Name), asciichart.SparkScaled(labkit.MaxPool(x.Busy, n), 0, float64(p.Pool))))
	}
	inc := make([]int, Slices)
	for i := range inc {
		mid := (float64(i) + 0.5) / Slices * p.Duration().Seconds()
		if mid >= r.IncidentStartS && mid < r.IncidentEndS {
			inc[i] = 1
		}
	}
	mark := strings.NewReplacer("_", " ", "@", "^").Replace(asciichart.SparkScaled(labkit.MaxPool(inc, n), 0, 1))
	return append(lines, fmt.Sprintf("%-*s|%s|", labelW, "incident", mark))
}
