package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

var plainChart = chartStyle{Lower: lipgloss.NewStyle(), Upper: lipgloss.NewStyle(), Axis: lipgloss.NewStyle(), LowerGlyph: "#", UpperGlyph: "x"}

func chartOf(data [][2]int, rows, width int) []string {
	return barChart{N: len(data), At: func(i int) (int, int) { return data[i][0], data[i][1] }, Rows: rows, Width: width}.Render(plainChart)
}

// TestBarChartScalesToData: the top label is the largest column shown,
// a column of one stands above the baseline, and 0 labels the baseline.
func TestBarChartScalesToData(t *testing.T) {
	got := chartOf([][2]int{{1, 0}, {1, 0}, {2, 1}, {0, 0}}, 3, 10)
	want := []string{
		"3┤  x",
		" │  #",
		" │###",
		"0└────────",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBarChartKeepsTheNewest: with more points than columns, the newest
// are drawn and the scale follows only what is on screen.
func TestBarChartKeepsTheNewest(t *testing.T) {
	data := make([][2]int, 50)
	data[0] = [2]int{1000, 0} // off screen
	data[49] = [2]int{4, 0}
	got := chartOf(data, 2, 12)
	if !strings.HasPrefix(got[0], "4┤") || !strings.HasSuffix(got[0], "#") || len([]rune(got[2])) != 12 {
		t.Errorf("chart:\n%s", strings.Join(got, "\n"))
	}
}

func TestBarChartEmptyAndMarks(t *testing.T) {
	c := barChart{N: 0, At: func(int) (int, int) { return 0, 0 }, Mark: func(i int) bool { return i%4 == 0 }, Rows: 2, Width: 10}
	got := c.Render(plainChart)
	if len(got) != 3 || got[0] != "1┤" || got[2] != "0└┴───┴───" {
		t.Errorf("empty chart: %q", got)
	}
	if (barChart{}).Render(plainChart) != nil {
		t.Error("the zero chart drew something")
	}
}

func TestBarCells(t *testing.T) {
	for _, c := range []struct{ a, r, scale, h, wantA, wantR int }{
		{0, 0, 8, 8, 0, 0},
		{1, 0, 8, 8, 1, 0},
		{1, 39, 40, 8, 1, 7},
		{20, 20, 40, 8, 4, 4},
		{40, 1, 41, 8, 7, 1}, // the one rejection still shows
		{3, 0, 40, 8, 1, 0},
	} {
		got := barCells(c.a, c.r, c.scale, c.h)
		if got != [2]int{c.wantA, c.wantR} {
			t.Errorf("barCells(%d, %d, %d, %d) = %v, want [%d %d]", c.a, c.r, c.scale, c.h, got, c.wantA, c.wantR)
		}
	}
}
