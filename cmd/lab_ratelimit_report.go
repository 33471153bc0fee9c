package cmd

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// simReport is the printed result of --simulate; its JSON is the stable
// shape of `sdprep lab ratelimit --simulate --format json`.
type simReport struct {
	Pattern         ratelimit.Pattern `json:"pattern"`
	Seed            uint64            `json:"seed"`
	DurationSeconds float64           `json:"duration_seconds"`
	Rate            string            `json:"rate"`
	Limit           int               `json:"limit"`
	WindowSeconds   float64           `json:"window_seconds"`
	Burst           int               `json:"burst"`
	Results         []simRow          `json:"results"`
}

// simRow is one algorithm's outcome.
type simRow struct {
	Algorithm ratelimit.Algorithm `json:"algorithm"`
	// Capacity is the most requests admitted at one instant.
	Capacity int `json:"capacity"`
	Offered  int `json:"offered"`
	Admitted int `json:"admitted"`
	Rejected int `json:"rejected"`
	// MaxInWindow is the most requests admitted within any span one window
	// long.
	MaxInWindow int `json:"max_in_window"`
	// Buckets are the decisions per 100 ms (ratelimit.BucketWidth), in
	// time order.
	Buckets []simBucket `json:"buckets"`
}

// simBucket is one slice of a run: its start in seconds from the start of
// the run and the requests admitted and rejected in it.
type simBucket struct {
	StartSeconds float64 `json:"start_seconds"`
	Admitted     int     `json:"admitted"`
	Rejected     int     `json:"rejected"`
}

func newSimReport(in rateLimitInput, seed uint64, results []ratelimit.Result) simReport {
	bucket := in.cfg
	bucket.Algorithm = ratelimit.TokenBucket
	rep := simReport{
		Pattern: in.pattern, Seed: seed, DurationSeconds: in.duration.Seconds(),
		Rate: ratelimit.FormatRate(in.cfg.Limit, in.cfg.Window), Limit: in.cfg.Limit,
		WindowSeconds: in.cfg.Window.Seconds(), Burst: bucket.Capacity(),
	}
	for _, r := range results {
		buckets := make([]simBucket, len(r.Buckets))
		for i, b := range r.Buckets {
			buckets[i] = simBucket{StartSeconds: b.Start.Seconds(), Admitted: b.Admitted, Rejected: b.Rejected}
		}
		rep.Results = append(rep.Results, simRow{
			Algorithm: r.Config.Algorithm, Capacity: r.Config.Capacity(),
			Offered: r.Offered, Admitted: r.Admitted, Rejected: r.Rejected, MaxInWindow: r.MaxInWindow,
			Buckets: buckets,
		})
	}
	return rep
}

// fromSeconds is the duration of a report's seconds field, rounded to the
// nanosecond (0.3 s is 299999999.99… ns as a float).
func fromSeconds(x float64) time.Duration {
	return time.Duration(math.Round(x * float64(time.Second)))
}

func writeSimulation(w io.Writer, format Format, rep simReport) error {
	if format == FormatJSON {
		return writeJSON(w, rep)
	}
	window := ratelimit.FormatWindow(fromSeconds(rep.WindowSeconds))
	summary := fmt.Sprintf("%v traffic for %s at %s, burst %s (buckets only), seed %d",
		rep.Pattern, ratelimit.FormatWindow(fromSeconds(rep.DurationSeconds)), rep.Rate,
		humanize.Comma(int64(rep.Burst)), rep.Seed)
	header := []string{"algorithm", "offered", "admitted", "rejected", "admitted %", "max in any " + window}
	rows := make([][]string, len(rep.Results))
	for i, r := range rep.Results {
		pct := 0.0
		if r.Offered > 0 {
			pct = 100 * float64(r.Admitted) / float64(r.Offered)
		}
		rows[i] = []string{r.Algorithm.String(), humanize.Comma(int64(r.Offered)), humanize.Comma(int64(r.Admitted)),
			humanize.Comma(int64(r.Rejected)), fmt.Sprintf("%.1f%%", pct), humanize.Comma(int64(r.MaxInWindow))}
	}
	note := fmt.Sprintf(`"max in any %s" is the most requests admitted within any one-window span: the sliding log never passes the limit (%s), the fixed window can reach twice it at a window edge, and a bucket can pass its burst plus one window's refill.`,
		window, humanize.Comma(int64(rep.Limit)))
	var b strings.Builder
	if format == FormatMarkdown {
		fmt.Fprintf(&b, "# Rate-limit simulation\n\n%s.\n\n| %s |\n|---|--:|--:|--:|--:|--:|\n", summary, strings.Join(header, " | "))
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s |\n", strings.Join(r, " | "))
		}
		fmt.Fprintf(&b, "\n%s\n", note)
	} else {
		fmt.Fprintf(&b, "Rate-limit simulation: %s\n\n", summary)
		writeAligned(&b, header, rows)
		fmt.Fprintf(&b, "\n%s\n", wrapText(note, 78, ""))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type explanation struct {
	Algorithm   ratelimit.Algorithm `json:"algorithm"`
	Explanation string              `json:"explanation"`
}

func writeExplain(w io.Writer, format Format, algs []ratelimit.Algorithm) error {
	var list []explanation
	for _, a := range algs {
		list = append(list, explanation{Algorithm: a, Explanation: ratelimit.Explain(a)})
	}
	if format == FormatJSON {
		return writeJSON(w, list)
	}
	var b strings.Builder
	for i, e := range list {
		if i > 0 {
			b.WriteString("\n")
		}
		if format == FormatMarkdown {
			fmt.Fprintf(&b, "## %v\n\n%s\n", e.Algorithm, e.Explanation)
		} else {
			fmt.Fprintf(&b, "%v\n%s\n", e.Algorithm, wrapText(e.Explanation, 78, "  "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
