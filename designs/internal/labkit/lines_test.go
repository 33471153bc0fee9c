package labkit

import (
	"slices"
	"testing"
)

func TestMaxPoolKeepsPeaks(t *testing.T) {
	if got := MaxPool([]int{1, 5, 2, 2, 9, 0}, 3); !slices.Equal(got, []float64{5, 2, 9}) {
		t.Errorf("MaxPool = %v", got)
	}
	if got := MaxPool([]int{3, 4}, 10); !slices.Equal(got, []float64{3, 4}) {
		t.Errorf("wider than the data: %v", got)
	}
}

func TestTableLines(t *testing.T) {
	tb := Table{Header: []string{"a", "b"}}
	tb.AddRow("x", "1")
	if got := TableLines(tb); !slices.Equal(got, []string{"a  b", "x  1"}) {
		t.Errorf("%q", got)
	}
}
