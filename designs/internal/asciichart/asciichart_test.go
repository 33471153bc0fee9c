package asciichart

import (
	"strings"
	"testing"
)

func TestBars(t *testing.T) {
	got := Bars([]Bar{{"none", 100, "100"}, {"singleflight", 10, "10"}, {"zero", 0, "0"}}, 10)
	want := []string{
		"none         |########## 100",
		"singleflight |#          10",
		"zero         |           0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Bars =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPlot(t *testing.T) {
	p := Plot{
		Series: []Series{{"up", 'U', []float64{0, 0.5, 1}}, {"flat", 'F', []float64{1, 1, 1}}},
		X:      []string{"10", "20", "30"},
		Height: 3, Min: 0, Max: 1,
	}
	want := []string{
		"1.00 | F  F  *",
		"0.50 |    U",
		"0.00 | U",
		"     +---------",
		"      10 20 30",
		"      U up  F flat  * several",
	}
	if got := p.Lines(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Plot =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPlotDataRangeAndASCII(t *testing.T) {
	p := Plot{Series: []Series{{"a", 'a', []float64{5, 5}}}, X: []string{"x", "y"}}
	for _, l := range p.Lines() {
		for _, r := range l {
			if r > 126 || r < 32 {
				t.Fatalf("non-printable-ASCII %q in %q", r, l)
			}
		}
	}
	if got := (Plot{}).Lines(); len(got) != 6 {
		t.Errorf("empty plot has %d lines, want 6", len(got))
	}
}

func TestSpark(t *testing.T) {
	if got := Spark([]float64{0, 1, 2, 3, 4, 5, 6, 7}); got != "_.-=+*#@" {
		t.Errorf("Spark = %q", got)
	}
	if got := Spark([]float64{3, 3}); got != "--" {
		t.Errorf("flat Spark = %q", got)
	}
	if Spark(nil) != "" {
		t.Error("Spark(nil) not empty")
	}
}

func TestBarsFit(t *testing.T) {
	for _, w := range []int{20, 40, 80} {
		for _, l := range BarsFit([]Bar{{"label", 3, "3.0"}, {"x", 1, "1"}}, w) {
			if len(l) > w {
				t.Errorf("width %d: %q is %d long", w, l, len(l))
			}
		}
	}
}
