// Package asciichart draws the small plain-ASCII charts the labs put in
// their text and markdown reports, so notes pasted anywhere keep the
// shape of a result: horizontal bars, a multi-series point plot and a
// one-line sparkline. Every function returns lines without trailing
// newlines and never emits anything but printable ASCII.
package asciichart

import (
	"math"
	"strconv"
	"strings"
)

// Bar is one row of a bar chart.
type Bar struct {
	Label string  // left of the bar
	Value float64 // length, relative to the largest Value
	Note  string  // right of the bar, usually the formatted Value
}

// Bars draws one '#' bar per row, the longest width characters long.
// Labels are padded to a common width; a positive value gets at least
// one '#', zero or negative none.
func Bars(bars []Bar, width int) []string {
	width = max(width, 1)
	labelW, top := 0, 0.0
	for _, b := range bars {
		labelW = max(labelW, len(b.Label))
		top = max(top, b.Value)
	}
	out := make([]string, 0, len(bars))
	for _, b := range bars {
		n := 0
		if b.Value > 0 && top > 0 {
			n = max(1, int(math.Round(b.Value/top*float64(width))))
		}
		line := pad(b.Label, labelW) + " |" + strings.Repeat("#", n)
		if b.Note != "" {
			line += strings.Repeat(" ", width-n+1) + b.Note
		}
		out = append(out, strings.TrimRight(line, " "))
	}
	return out
}

// Series is one line of a Plot.
type Series struct {
	Name   string
	Mark   byte      // drawn at each point, such as 'L'
	Values []float64 // one per Plot.X; NaN skips a point
}

// Plot is a point chart of several series over shared x labels. Where
// two series fall on the same cell, '*' is drawn.
type Plot struct {
	Series []Series
	X      []string // x-axis labels, one per point
	Height int      // rows of plot area; below 3 means 3
	// Min and Max are the y range. If Max ≤ Min, the data's range is used.
	Min, Max float64
	// YLabel formats the axis values; nil prints two decimals.
	YLabel func(float64) string
}

// Lines renders the plot: y-axis labels at the top, middle and bottom, the
// x labels under the axis, then a legend.
func (p Plot) Lines() []string {
	h := max(p.Height, 3)
	lo, hi := p.Min, p.Max
	if hi <= lo {
		lo, hi = p.dataRange()
	}
	yl := p.YLabel
	if yl == nil {
		yl = func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	}
	colW := 2
	for _, x := range p.X {
		colW = max(colW, len(x)+1)
	}
	grid := make([][]byte, h)
	for r := range grid {
		grid[r] = []byte(strings.Repeat(" ", colW*len(p.X)))
	}
	for _, s := range p.Series {
		for i, v := range s.Values {
			if i >= len(p.X) || math.IsNaN(v) {
				continue
			}
			r := h - 1 - int(math.Round((clamp(v, lo, hi)-lo)/(hi-lo)*float64(h-1)))
			c := i*colW + colW/2
			if grid[r][c] != ' ' && grid[r][c] != s.Mark {
				grid[r][c] = '*'
			} else {
				grid[r][c] = s.Mark
			}
		}
	}
	labels := map[int]string{0: yl(hi), h / 2: yl((lo + hi) / 2), h - 1: yl(lo)}
	axisW := 0
	for _, l := range labels {
		axisW = max(axisW, len(l))
	}
	out := make([]string, 0, h+3)
	for r, row := range grid {
		out = append(out, strings.TrimRight(pad(labels[r], axisW)+" |"+string(row), " "))
	}
	out = append(out, strings.Repeat(" ", axisW)+" +"+strings.Repeat("-", colW*len(p.X)))
	var xs strings.Builder
	for _, x := range p.X {
		left := colW/2 - len(x)/2
		xs.WriteString(strings.Repeat(" ", left) + x + strings.Repeat(" ", colW-left-len(x)))
	}
	out = append(out, strings.TrimRight(strings.Repeat(" ", axisW+2)+xs.String(), " "))
	var legend []string
	for _, s := range p.Series {
		legend = append(legend, string(s.Mark)+" "+s.Name)
	}
	if len(p.Series) > 1 {
		legend = append(legend, "* several")
	}
	return append(out, strings.Repeat(" ", axisW+2)+strings.Join(legend, "  "))
}

func (p Plot) dataRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range p.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if hi <= lo {
		return lo - 1, hi + 1
	}
	return lo, hi
}

// sparkLevels are the ASCII glyphs of Spark, lowest first.
const sparkLevels = "_.-=+*#@"

// Spark draws values as one character each, scaled between the smallest
// and the largest: '_' lowest, '@' highest. All-equal values draw '-'.
func Spark(values []float64) string {
	if len(values) == 0 {
		return ""
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	var b strings.Builder
	for _, v := range values {
		if hi == lo {
			b.WriteByte('-')
			continue
		}
		i := int((v - lo) / (hi - lo) * float64(len(sparkLevels)-1))
		b.WriteByte(sparkLevels[min(max(i, 0), len(sparkLevels)-1)])
	}
	return b.String()
}

func clamp(v, lo, hi float64) float64 { return min(max(v, lo), hi) }

func pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// BarsFit is Bars with the bar length chosen so that every line fits in
// width columns (at least 4 columns of bar).
func BarsFit(bars []Bar, width int) []string {
	labelW, noteW := 0, 0
	for _, b := range bars {
		labelW = max(labelW, len(b.Label))
		noteW = max(noteW, len(b.Note))
	}
	return Bars(bars, max(4, width-labelW-noteW-3))
}
