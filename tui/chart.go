package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// barChart is a column chart of two stacked series (say admitted below,
// rejected on top), one column per data point, the newest on the right.
// The y axis is scaled to the largest column on screen and labelled with
// it at the top; the baseline is the x axis, labelled 0, under the bars,
// so a column of one is a cell above it, never on it. Labs reuse it.
//
// The zero value draws nothing; Render needs N, At, Rows and Width.
type barChart struct {
	// N is the number of data points; At(i) gives point i's two values
	// (0 ≤ i < N, oldest first). Only the last points that fit are drawn.
	N  int
	At func(i int) (lower, upper int)
	// Mark, if set, puts a ┴ on the baseline under column i. While N is
	// below the columns that fit, the axis runs on past the data (i ≥ N).
	Mark func(i int) bool
	// Rows is the height of the bars; Width the whole chart's, labels
	// included.
	Rows, Width int
}

// chartStyle draws a barChart: a glyph and a style per series (they
// differ in shape as well as colour, so the chart reads without colour),
// and the style of the axes.
type chartStyle struct {
	Lower, Upper           lipgloss.Style
	LowerGlyph, UpperGlyph string
	Axis                   lipgloss.Style
}

// Render returns Rows lines of bars and the baseline under them.
func (c barChart) Render(st chartStyle) []string {
	if c.Rows <= 0 || c.Width <= 2 || c.At == nil {
		return nil
	}
	scale, cols := c.fit()
	first := max(c.N-cols, 0)
	heights := make([][2]int, cols)
	for col := range cols {
		if i := first + col; i < c.N {
			lo, up := c.At(i)
			heights[col] = barCells(lo, up, scale, c.Rows)
		}
	}
	label := strconv.Itoa(scale)
	gutter := len(label)
	out := make([]string, 0, c.Rows+1)
	for r := c.Rows - 1; r >= 0; r-- {
		prefix := strings.Repeat(" ", gutter) + "│"
		if r == c.Rows-1 {
			prefix = label + "┤"
		}
		out = append(out, st.Axis.Render(prefix)+chartRow(heights, r, st))
	}
	var axis strings.Builder
	for col := range cols {
		if c.Mark != nil && c.Mark(first+col) {
			axis.WriteString("┴")
		} else {
			axis.WriteString("─")
		}
	}
	out = append(out, st.Axis.Render(strings.Repeat(" ", gutter-1)+"0└"+axis.String()))
	return out
}

// fit works out the scale (the largest column shown, at least 1) and
// how many columns fit beside its label: the label's width depends on the
// scale and the scale on the columns shown, so it settles in two rounds.
func (c barChart) fit() (scale, cols int) {
	scale = 1
	for range 2 {
		cols = max(c.Width-len(strconv.Itoa(scale))-1, 1)
		scale = 1
		for i := max(c.N-cols, 0); i < c.N; i++ {
			lo, up := c.At(i)
			scale = max(scale, lo+up)
		}
	}
	return scale, max(c.Width-len(strconv.Itoa(scale))-1, 1)
}

// barCells converts a column's counts to cells at scale per h rows,
// rounding up so any value shows, and keeping a cell for each series
// present.
func barCells(lower, upper, scale, h int) [2]int {
	cells := func(v int) int { return min((v*h+scale-1)/scale, h) }
	a := cells(lower)
	total := cells(lower + upper)
	r := total - a
	if upper > 0 && r == 0 {
		if total < h {
			r = 1
		} else if a > 1 {
			a, r = a-1, 1
		}
	}
	return [2]int{a, r}
}

// chartRow renders row r (0 at the bottom) of the bars, styling runs of
// the same glyph together.
func chartRow(heights [][2]int, r int, st chartStyle) string {
	var out strings.Builder
	kind, run := -1, 0
	flush := func() {
		if run == 0 {
			return
		}
		switch kind {
		case 0:
			out.WriteString(strings.Repeat(" ", run))
		case 1:
			out.WriteString(st.Lower.Render(strings.Repeat(st.LowerGlyph, run)))
		case 2:
			out.WriteString(st.Upper.Render(strings.Repeat(st.UpperGlyph, run)))
		}
		run = 0
	}
	for _, hc := range heights {
		k := 0
		switch {
		case r < hc[0]:
			k = 1
		case r < hc[0]+hc[1]:
			k = 2
		}
		if k != kind {
			flush()
			kind = k
		}
		run++
	}
	flush()
	return strings.TrimRight(out.String(), " ")
}
