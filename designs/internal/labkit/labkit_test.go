package labkit

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var errTest = errors.New("test: invalid params")

func TestParamError(t *testing.T) {
	err := Invalid(errTest, "cache", "size", 0, "1 to "+Commas(1_000_000))
	if err.Error() != "cache: size 0: want 1 to 1,000,000" {
		t.Errorf("message %q", err)
	}
	if !errors.Is(err, errTest) {
		t.Error("errors.Is does not match the lab's named error")
	}
	if pe, ok := AsParam(err); !ok || pe.Name != "size" {
		t.Errorf("AsParam = %v, %v", pe, ok)
	}
	if got := Invalid(errTest, "q", "lag", 0.5, "x").Error(); got != "q: lag 0.5: want x" {
		t.Errorf("float message %q", got)
	}
}

func TestCommasAndQuantile(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567"} {
		if got := Commas(n); got != want {
			t.Errorf("Commas(%d) = %q", n, got)
		}
	}
	xs := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if Quantile(xs, 0.5) != 5 || Quantile(xs, 0.99) != 10 || Quantile(xs, 0) != 1 || Quantile([]int64(nil), 0.5) != 0 {
		t.Error("Quantile by nearest rank is off")
	}
}

func TestRandStreamsAreReproducible(t *testing.T) {
	a, b, c := NewRand(1, 1), NewRand(1, 1), NewRand(1, 2)
	x, y, z := a.Uint64(), b.Uint64(), c.Uint64()
	if x != y || x == z {
		t.Errorf("streams: %d %d %d", x, y, z)
	}
}

func TestTable(t *testing.T) {
	tb := Table{Header: []string{"name", "hits"}}
	tb.AddRow("lru", "1,000")
	var txt, md strings.Builder
	if err := tb.Text(&txt); err != nil {
		t.Fatal(err)
	}
	if err := tb.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if txt.String() != "name   hits\nlru   1,000\n" {
		t.Errorf("text %q", txt.String())
	}
	if md.String() != "| name | hits |\n|---|---:|\n| lru | 1,000 |\n" {
		t.Errorf("markdown %q", md.String())
	}
}

func TestEventsPopInTimeThenPushOrder(t *testing.T) {
	var q Events[int]
	r := NewRand(3, 0)
	for i := range 200 {
		q.Push(time.Duration(r.IntN(20)), i)
	}
	prevAt, prevV := time.Duration(-1), -1
	for q.Len() > 0 {
		at, v := q.Pop()
		if at < prevAt || (at == prevAt && v < prevV) {
			t.Fatalf("popped (%v, %d) after (%v, %d)", at, v, prevAt, prevV)
		}
		prevAt, prevV = at, v
	}
}

func TestHistogramQuantiles(t *testing.T) {
	var h Histogram
	if h.Quantile(0.5) != 0 {
		t.Error("empty histogram")
	}
	for v := int64(1); v <= 100_000; v++ {
		h.Add(v)
	}
	for _, q := range []float64{0.5, 0.95, 0.99, 1} {
		want := q * 100_000
		if got := h.Quantile(q); got < want*0.984 || got > want*1.016 {
			t.Errorf("q%v = %v, want %v within 1.6%%", q, got, want)
		}
	}
	var small Histogram
	for _, v := range []int64{3, 1, 2, -5} {
		small.Add(v)
	}
	if small.Quantile(0.5) != 1 || small.Quantile(1) != 3 || small.Quantile(0) != 0 || small.Count() != 4 {
		t.Errorf("exact small values: %v %v %v", small.Quantile(0.5), small.Quantile(1), small.Quantile(0))
	}
	for i := range 2000 {
		lo, hi := histBounds(i)
		if histIndex(lo) != i || histIndex(hi) != i || (i > 0 && func() bool { _, p := histBounds(i - 1); return p+1 != lo }()) {
			t.Fatalf("bucket %d: [%d, %d] not contiguous", i, lo, hi)
		}
	}
}
