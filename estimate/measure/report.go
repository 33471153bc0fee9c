package measure

import (
	"strconv"
	"time"

	"github.com/sdprep/sdprep/estimate"
)

// Table renders figures beside their textbook values, for
// estimate.WriteTablesText and WriteTablesMarkdown.
func Table(figs []Figure, runs int) estimate.Table {
	t := estimate.Table{Name: "measured", Title: "This machine's numbers",
		Columns: []string{"Operation", "Measured", "Textbook", "Ratio", "Textbook source"},
		Note: "Each figure is the median of " + strconv.Itoa(runs) + " runs. A ratio above 1 means this machine is slower than the book; " +
			"what should hold is the order: cache before memory before syscalls before disks."}
	for _, f := range figs {
		t.Rows = append(t.Rows, []string{f.Operation, Duration(f.Nanoseconds), Duration(f.TextbookNanoseconds), Ratio(f.Ratio), f.Textbook})
	}
	return t
}

// Duration writes nanoseconds the way the latency table does, keeping a
// decimal below 10 ns: "0.8 ns", "17 ns", "2 µs".
func Duration(ns float64) string {
	if ns < 10 {
		return strconv.FormatFloat(ns, 'f', 1, 64) + " ns"
	}
	return estimate.FormatDuration(time.Duration(ns))
}

// Ratio writes a ratio with two significant figures: "0.42×", "3.1×",
// "27×".
func Ratio(r float64) string {
	switch {
	case r == 0:
		return "-"
	case r < 10:
		return strconv.FormatFloat(r, 'g', 2, 64) + "×"
	}
	return strconv.FormatFloat(r, 'f', 0, 64) + "×"
}
