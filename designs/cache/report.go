package cache

import (
	"fmt"
	"io"
	"strings"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

// chartWidth is the longest bar of the reports' bar charts.
const chartWidth = 40

// policyMarks are the plot marks of the policies, in Policies order.
var policyMarks = []byte{'L', 'U', 'F', 'T', 'S'}

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, tables, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	if md {
		out.Printf("## Cache lab\n\n%s.\n", r.Params)
	} else {
		out.Printf("Cache lab: %s.\n", r.Params)
	}
	heading("Hit ratio by cache size")
	out.Printf("The TTL policy keeps an entry %v; requests arrive %s per second.\n\n", r.Params.TTL, labkit.Commas(int64(r.Params.Rate)))
	out.Table(r.hitTable(), md)
	out.Printf("\n")
	out.Chart(r.HitChart(), md)

	s := r.Stampede
	heading("Stampede")
	out.Printf("One hot key stored for %v, %s readers each reading every %v on average, %v to recompute, %s reads.\n\n",
		r.Params.TTL, labkit.Commas(int64(s.Readers)), ReaderThink, r.Params.Recompute, labkit.Commas(int64(s.Reads)))
	out.Table(r.stampedeTable(), md)
	out.Printf("\nBackend hits:\n\n")
	out.Chart(r.StampedeChart(), md)

	pn := r.Penetration
	heading("Penetration")
	out.Printf("%s of %s requests ask for keys that do not exist; an LRU cache of %s entries.\n\n",
		labkit.Percent(float64(pn.MissingRequests)/float64(max(pn.Requests, 1))), labkit.Commas(int64(pn.Requests)), labkit.Commas(int64(pn.CacheSize)))
	out.Table(r.penetrationTable(), md)
	out.Printf("\nThe Bloom filter takes %s bytes (%d bits a key, k = %d) and lets %s of the missing keys through (theory %s).\n\nBackend reads of missing keys:\n\n",
		labkit.Commas(int64(pn.BloomBytes)), r.Params.BloomBits, pn.BloomK, labkit.Percent(pn.FalsePositiveRate), labkit.Percent(pn.FalsePositiveTheory))
	out.Chart(r.PenetrationChart(), md)
	return out.Err
}

func (r Result) hitTable() labkit.Table {
	t := labkit.Table{Header: []string{"size", "of keys"}}
	for _, p := range r.Policies {
		t.Header = append(t.Header, p.Name)
	}
	for i, size := range r.Sizes {
		row := []string{labkit.Commas(int64(size)), labkit.Percent(float64(size) / float64(r.Params.Keys))}
		for _, p := range r.Policies {
			row = append(row, labkit.Percent(p.HitRatio[i]))
		}
		t.AddRow(row...)
	}
	return t
}

// HitChart draws hit ratio against cache size, one mark per policy, or
// bars per policy when the run has one size.
func (r Result) HitChart() []string {
	if len(r.Sizes) == 1 {
		var bars []asciichart.Bar
		for _, p := range r.Policies {
			bars = append(bars, asciichart.Bar{Label: p.Name, Value: p.HitRatio[0], Note: labkit.Percent(p.HitRatio[0])})
		}
		return asciichart.Bars(bars, chartWidth)
	}
	lines := r.hitPlot().Lines()
	return append(lines, "       hit ratio (up) against cache size as a share of keys (across)")
}

// hitPlot is the hit ratio of every policy against cache size.
func (r Result) hitPlot() asciichart.Plot {
	plot := asciichart.Plot{Height: 12, Min: 0, Max: 1, YLabel: func(v float64) string { return labkit.Fixed(100*v, 0) + "%" }}
	for _, size := range r.Sizes {
		plot.X = append(plot.X, strings.Replace(labkit.Percent(float64(size)/float64(r.Params.Keys)), ".0%", "%", 1))
	}
	for i, p := range r.Policies {
		plot.Series = append(plot.Series, asciichart.Series{Name: p.Name, Mark: policyMarks[i%len(policyMarks)], Values: p.HitRatio})
	}
	return plot
}

func (r Result) stampedeTable() labkit.Table {
	t := labkit.Table{Header: []string{"protection", "backend hits", "waited", "expiries"}}
	for _, row := range r.stampedeRows() {
		t.AddRow(row.name, labkit.Commas(int64(row.s.BackendHits)), labkit.Commas(int64(row.s.Waited)), labkit.Commas(int64(row.s.Expiries)))
	}
	return t
}

type stampedeRow struct {
	name string
	s    Stampede
}

func (r Result) stampedeRows() []stampedeRow {
	s := r.Stampede
	return []stampedeRow{{"none", s.None}, {"singleflight", s.SingleFlight}, {"early_refresh", s.EarlyRefresh}}
}

// StampedeChart draws backend hits per protection.
func (r Result) StampedeChart() []string { return asciichart.Bars(r.stampedeBars(), chartWidth) }

func (r Result) stampedeBars() []asciichart.Bar {
	var bars []asciichart.Bar
	for _, row := range r.stampedeRows() {
		bars = append(bars, asciichart.Bar{Label: row.name, Value: float64(row.s.BackendHits), Note: labkit.Commas(int64(row.s.BackendHits))})
	}
	return bars
}

type penetrationRow struct {
	name string
	p    Penetration
}

func (r Result) penetrationRows() []penetrationRow {
	p := r.Penetration
	return []penetrationRow{{"none", p.None}, {"negative_cache", p.NegativeCache}, {"bloom_filter", p.BloomFilter}}
}

func (r Result) penetrationTable() labkit.Table {
	t := labkit.Table{Header: []string{"defence", "backend hits", "for missing keys", "hit ratio (existing keys)"}}
	for _, row := range r.penetrationRows() {
		t.AddRow(row.name, labkit.Commas(int64(row.p.BackendHits)), labkit.Commas(int64(row.p.MissingBackendHits)), labkit.Percent(row.p.HitRatio))
	}
	return t
}

// PenetrationChart draws backend reads of missing keys per defence.
func (r Result) PenetrationChart() []string {
	var bars []asciichart.Bar
	for _, row := range r.penetrationRows() {
		bars = append(bars, asciichart.Bar{Label: row.name, Value: float64(row.p.MissingBackendHits), Note: labkit.Commas(int64(row.p.MissingBackendHits))})
	}
	return asciichart.Bars(bars, chartWidth)
}

// String summarises the result in one line.
func (r Result) String() string {
	best, bestRatio := "", -1.0
	for _, p := range r.Policies {
		if h := p.HitRatio[len(p.HitRatio)-1]; h > bestRatio {
			best, bestRatio = p.Name, h
		}
	}
	return fmt.Sprintf("%s: best %s %s at %s entries; stampede backend hits %d/%d/%d (none/singleflight/early refresh)",
		r.Params, best, labkit.Percent(bestRatio), labkit.Commas(int64(r.Sizes[len(r.Sizes)-1])),
		r.Stampede.None.BackendHits, r.Stampede.SingleFlight.BackendHits, r.Stampede.EarlyRefresh.BackendHits)
}
