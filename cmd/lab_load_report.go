package cmd

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/sdprep/sdprep/internal/loadgen"
)

// progressBar redraws one line on a terminal: \r, the text, then ESC[K to
// erase what a longer previous line left. It is plain text: package cmd
// does not use the TUI libraries.
type progressBar struct {
	w     io.Writer
	total int
	start time.Time
	drawn bool
}

const progressWidth = 30

func (p *progressBar) draw(done int) {
	frac := float64(done) / float64(p.total)
	filled := int(frac * progressWidth)
	rate := 0.0
	if el := time.Since(p.start).Seconds(); el > 0 {
		rate = float64(done) / el
	}
	fmt.Fprintf(p.w, "\r%3.0f%% [%s%s] %s/%s  %s req/s\x1b[K", 100*frac,
		strings.Repeat("#", filled), strings.Repeat(".", progressWidth-filled),
		humanize.Comma(int64(done)), humanize.Comma(int64(p.total)), humanize.Comma(int64(rate)))
	p.drawn = true
}

// clear erases the progress line so the report starts on a clean line.
func (p *progressBar) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}

// loadReport is the printed result; its JSON is the stable shape of
// `sdprep lab load --format json`, in seconds and milliseconds.
type loadReport struct {
	URL             string  `json:"url"`
	Method          string  `json:"method"`
	Concurrency     int     `json:"concurrency"`
	Requested       int     `json:"requested"`
	Requests        int     `json:"requests"`
	DurationSeconds float64 `json:"duration_seconds"`
	// ThroughputRPS is responses (any status) per second; transport
	// errors are not counted, so a run without responses has 0.
	ThroughputRPS float64     `json:"throughput_rps"`
	Status        map[int]int `json:"status"`
	// Errors are requests without a response, not counting those cut
	// short by Ctrl-C.
	Errors     int    `json:"errors"`
	FirstError string `json:"first_error,omitempty"`
	// Latency is over responses; Count 0 (and zero times) means none.
	Latency latencyMS `json:"latency"`
}

// latencyMS is loadgen.Percentiles in milliseconds.
type latencyMS struct {
	Count  int     `json:"count"`
	MinMS  float64 `json:"min_ms"`
	MeanMS float64 `json:"mean_ms"`
	P50MS  float64 `json:"p50_ms"`
	P90MS  float64 `json:"p90_ms"`
	P99MS  float64 `json:"p99_ms"`
	MaxMS  float64 `json:"max_ms"`
}

func newLoadReport(cfg loadgen.Config, r loadgen.Result) loadReport {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	status := r.Status
	if status == nil {
		status = map[int]int{}
	}
	return loadReport{
		URL: cfg.URL, Method: cfg.Method, Concurrency: min(cfg.Concurrency, cfg.Requests), Requested: cfg.Requests,
		Requests: r.Requests, DurationSeconds: r.Duration.Seconds(), ThroughputRPS: r.Throughput,
		Status: status, Errors: r.Errors, FirstError: r.FirstError,
		Latency: latencyMS{Count: r.Latency.Count, MinMS: ms(r.Latency.Min), MeanMS: ms(r.Latency.Mean),
			P50MS: ms(r.Latency.P50), P90MS: ms(r.Latency.P90), P99MS: ms(r.Latency.P99), MaxMS: ms(r.Latency.Max)},
	}
}

func writeLoad(w io.Writer, format Format, r loadReport) error {
	if format == FormatJSON {
		return writeJSON(w, r)
	}
	codes := make([]int, 0, len(r.Status))
	for code := range r.Status {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	var status []string
	for _, code := range codes {
		status = append(status, fmt.Sprintf("%d: %s", code, humanize.Comma(int64(r.Status[code]))))
	}
	if len(status) == 0 {
		status = []string{"none"}
	}
	errs := humanize.Comma(int64(r.Errors))
	if r.FirstError != "" {
		errs += " (first: " + r.FirstError + ")"
	}
	l := r.Latency
	throughput := humanize.Comma(int64(math.Round(r.ThroughputRPS))) + " req/s"
	latency := fmt.Sprintf("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (min %.2f, mean %.2f)",
		l.P50MS, l.P90MS, l.P99MS, l.MaxMS, l.MinMS, l.MeanMS)
	if l.Count == 0 {
		throughput, latency = "0 req/s (no responses)", "none (no responses)"
	}
	rows := [][2]string{
		{"requests", fmt.Sprintf("%s of %s, concurrency %s", humanize.Comma(int64(r.Requests)), humanize.Comma(int64(r.Requested)),
			humanize.Comma(int64(r.Concurrency)))},
		{"duration", fmt.Sprintf("%.3f s", r.DurationSeconds)},
		{"throughput", throughput},
		{"status", strings.Join(status, ", ")},
		{"errors", errs},
		{"latency", latency},
	}
	var b strings.Builder
	if format == FormatMarkdown {
		fmt.Fprintf(&b, "# Load test\n\n`%s %s`\n\n| Metric | Value |\n|---|---|\n", r.Method, r.URL)
		for _, row := range rows {
			fmt.Fprintf(&b, "| %s | %s |\n", row[0], strings.ReplaceAll(row[1], "|", `\|`))
		}
	} else {
		fmt.Fprintf(&b, "%s %s\n", r.Method, r.URL)
		for _, row := range rows {
			fmt.Fprintf(&b, "  %-11s %s\n", row[0], row[1])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
