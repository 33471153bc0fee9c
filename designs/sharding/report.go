package sharding

import (
	"fmt"
	"io"

	"github.com/sdprep/sdprep/designs/internal/asciichart"
	"github.com/sdprep/sdprep/designs/internal/labkit"
)

const (
	chartWidth = 36
	// sparkShards is the most shards the load chart draws.
	sparkShards = 64
)

// Text writes the result as plain text with ASCII charts.
func (r Result) Text(w io.Writer) error { return r.write(w, false) }

// Markdown writes the result as markdown: headings, a table, and the
// charts in fenced code blocks.
func (r Result) Markdown(w io.Writer) error { return r.write(w, true) }

func (r Result) write(w io.Writer, md bool) error {
	out := &labkit.Writer{W: w}
	heading := func(s string) { out.Heading(s, md) }
	out.Title("Sharding lab", r.Params, md)
	out.Printf("%s\n", r.Summary())
	heading("Strategies")
	out.Table(r.table(), md)
	out.Printf("\nSize and hot shard are the largest and busiest shard over the mean; moved is the share of keys copied when shard %d is added; local is the share of reads served in the reader's region.\n", r.Params.Shards+1)
	heading("Reads per shard")
	out.Chart(r.LoadChart(), md)
	out.Printf("\nHot-shard ratio (busiest shard's reads over the mean; 1 is even):\n\n")
	out.Chart(r.HotChart(), md)
	out.Printf("\nKeys moved by the reshard from %d to %d shards (ideal 1/%d = %s):\n\n", r.Params.Shards, r.Params.Shards+1, r.Params.Shards+1, labkit.Percent(r.MovedIdeal))
	out.Chart(r.MovedChart(), md)
	return out.Err
}

// Summary says in a few sentences what the strategies show.
func (r Result) Summary() string {
	rg, _ := r.Strategy(Range)
	h, _ := r.Strategy(Hash)
	d, _ := r.Strategy(Directory)
	g, _ := r.Strategy(Geographic)
	hot := fmt.Sprintf("The hottest key takes %s of reads, less than a shard's fair share, so the directory, placing keys by load, balances reads to %s×.",
		labkit.Percent(r.HotKeyShare), labkit.Fixed(d.HotShardRatio, 2))
	if r.HotShardFloor > 1 {
		hot = fmt.Sprintf("The hottest key alone takes %s of reads, so no strategy's hot shard can drop below %s× the mean (the directory reaches %s×): a hot key needs splitting or caching, not a better shard map.",
			labkit.Percent(r.HotKeyShare), labkit.Fixed(r.HotShardFloor, 2), labkit.Fixed(d.HotShardRatio, 2))
	}
	return fmt.Sprintf("Range sharding on split points spread evenly over the key space puts %s× the mean number of keys on its largest shard, because first letters are skewed. Hashing evens out sizes but moves %s of the keys when a shard is added, against %s for the directory, which pays with %s routing entries. %s Geographic sharding serves %s of reads in the reader's region, at a hot shard of %s×.",
		labkit.Fixed(rg.SizeRatio, 2), labkit.Percent(h.Moved), labkit.Percent(d.Moved), labkit.Commas(int64(d.RoutingEntries)),
		hot, labkit.Percent(g.Local), labkit.Fixed(g.HotShardRatio, 2))
}

func (r Result) table() labkit.Table {
	t := labkit.Table{Header: []string{"strategy", "size", "hot shard", "moved", "local", "routing entries"}}
	for _, s := range r.Strategies {
		t.AddRow(s.Name, labkit.Fixed(s.SizeRatio, 2)+"x", labkit.Fixed(s.HotShardRatio, 2)+"x", labkit.Percent(s.Moved), labkit.Percent(s.Local), labkit.Commas(int64(s.RoutingEntries)))
	}
	return t
}

// LoadChart draws each strategy's reads per shard as a sparkline on one
// scale, 0 to the busiest shard of any strategy, at most 64 shards.
func (r Result) LoadChart() []string {
	top := 0.0
	for _, s := range r.Strategies {
		for _, l := range s.Loads {
			top = max(top, l)
		}
	}
	var lines []string
	for _, s := range r.Strategies {
		loads := s.Loads[:min(len(s.Loads), sparkShards)]
		line := fmt.Sprintf("%-11s|%s|", s.Name, asciichart.SparkScaled(loads, 0, top))
		if len(s.Loads) > sparkShards {
			line += " first 64"
		}
		lines = append(lines, line)
	}
	return append(lines, fmt.Sprintf("%-11s one character a shard: _ none to @ %s of reads", "", labkit.Percent(top)))
}

// HotChart draws each strategy's hot-shard ratio.
func (r Result) HotChart() []string {
	return asciichart.Bars(r.barsOf(func(s Strategy) float64 { return s.HotShardRatio }, func(v float64) string { return labkit.Fixed(v, 2) + "x" }), chartWidth)
}

// MovedChart draws each strategy's share of keys moved by the reshard.
func (r Result) MovedChart() []string {
	return asciichart.Bars(r.barsOf(func(s Strategy) float64 { return s.Moved }, labkit.Percent), chartWidth)
}
