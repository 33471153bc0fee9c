package estimate

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// Every expected value below is worked by hand from the definitions: a
// day is 86,400 s, a year 365 days, KB = 1,000 B, KiB = 1,024 B, a bit is
// 1/8 byte.
func TestCalcValues(t *testing.T) {
	tests := []struct {
		expr  string
		value float64
		unit  string
		kind  string
	}{
		{"300M * 2 / 1 day", 600e6 / 86400, "/s", "rate"},               // 6,944.4/s
		{"300M*2/1day", 600e6 / 86400, "/s", "rate"},                    // no spaces
		{"4 TB/day * 5y in PB", 7.3, "PB", "bytes"},                     // 4e12 × 1,825 = 7.3e15
		{"7e3/s in /day", 604.8e6, "/day", "rate"},                      // 7,000 × 86,400
		{"2^10 bytes", 1024, "B", "bytes"},                              // unit binds to the power
		{"62^7", 3521614606208, "", "count"},                            // short-code space
		{"100M / (30 * 86,400)", 100e6 / 2592000, "", "count"},          // a bare count of seconds
		{"10B / 86,400", 1e10 / 86400, "", "count"},                     // B is a billion
		{"600M * 280 bytes", 168e9, "B", "bytes"},                       // 168 GB of text a day
		{"60M * 200 KB", 12e12, "B", "bytes"},                           // 12 TB of media
		{"700K/s * 280 bytes", 196e6, "B/s", "bandwidth"},               // 196 MB/s
		{"10 Gbps in MB/s", 1250, "MB/s", "bandwidth"},                  // 1e10 / 8 / 1e6
		{"1.5 GiB in MiB", 1536, "MiB", "bytes"},                        // 1.5 × 1,024
		{"1,000 * 1 KiB", 1024000, "B", "bytes"},                        // comma thousands
		{"1 TB / 100 Mbps", 80000, "s", "duration"},                     // 1e12 / 1.25e7
		{"(2 + 3) * 4", 20, "", "count"},                                // parentheses
		{"2 + 3 * 4", 14, "", "count"},                                  // precedence
		{"2^3^2", 512, "", "count"},                                     // ^ is right-associative
		{"-2^2", -4, "", "count"},                                       // minus applies after ^
		{"10 - 4 - 3", 3, "", "count"},                                  // left-associative
		{"2 * -3", -6, "", "count"},                                     // unary minus
		{"10% * 600M", 60e6, "", "count"},                               // percent
		{"1 day in h", 24, "h", "duration"},                             // 86,400 / 3,600
		{"5y in days", 1825, "days", "duration"},                        // plural unit words
		{"45m in s", 2700, "s", "duration"},                             // m is a minute
		{"1 mo in d", 30, "d", "duration"},                              // a month is 30 days
		{"2 tweets/user/day * 300M users", 600e6 / 86400, "/s", "rate"}, // labels count as 1
		{"600M tweets per day in /s", 600e6 / 86400, "/s", "rate"},      // per divides
		{"100 ms * 10", 1, "s", "duration"},                             // ms
		{"(1 KB)^2", 1e6, "B^2", "compound"},                            // units square
		{"1 MB/s * 1 day in GB", 86.4, "GB", "bytes"},                   // 1e6 × 86,400 / 1e9
		{"3 x 4", 12, "", "count"},                                      // x multiplies
		{"12 ÷ 4 × 2", 6, "", "count"},                                  // typographic operators
		{"1,000,000 − 1", 999999, "", "count"},                          // typographic minus
		{"7K qps in /day", 604.8e6, "/day", "rate"},                     // qps is a rate
		{"-0", 0, "", "count"},                                          // never -0
		{"40 URLs/sec in /day", 3456000, "/day", "rate"},                // capitalised labels
		{"62^7 in trillion", 3.521614606208, "trillion", "count"},       // number words
	}
	for _, tt := range tests {
		r, err := Calc(tt.expr)
		if err != nil {
			t.Errorf("Calc(%q): %v", tt.expr, err)
			continue
		}
		if !closeTo(r.Value(), tt.value) || r.Unit() != tt.unit || r.Amount.Dim.Kind() != tt.kind {
			t.Errorf("Calc(%q) = %v %q (%s), want %v %q (%s)", tt.expr, r.Value(), r.Unit(), r.Amount.Dim.Kind(), tt.value, tt.unit, tt.kind)
		}
		if math.Signbit(r.Value()) && tt.value == 0 {
			t.Errorf("Calc(%q) = -0", tt.expr)
		}
	}
}

func closeTo(got, want float64) bool {
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want) <= 1e-12*math.Abs(want)
}

func TestCalcText(t *testing.T) {
	tests := []struct{ expr, text, exact string }{
		{"300M * 2 / 1 day", "6.9K/s (600M/day)", "6,944.444444444444/s"},
		{"4 TB/day * 5y in PB", "7.3 PB", "7.3 PB"},
		{"7e3/s in /day", "604.8M/day", "604,800,000/day"},
		{"600M * 280 bytes", "168 GB", "168,000,000,000 B"},
		{"700K/s * 280 bytes", "196 MB/s (1.6 Gbps)", "196,000,000 B/s"},
		{"1 TB / 100 Mbps", "22.2 hours", "80,000 s"},
		{"10 Gbps in MB/s", "1,250 MB/s", "1,250 MB/s"},
		{"62^7", "3.5T", "3,521,614,606,208"},
		{"100M / (30 * 86,400)", "38.6", "38.58024691358025"},
		{"1 day", "1 day", "86,400 s"},
		{"250 ms", "250 ms", "0.25 s"},
		{"(1 KB)^2", "1M B^2", "1,000,000 B^2"},
		{"1e20 * 1e5", "1e+25", "1e+25"},
		{"1 KB^2 / 1 KB", "1 KB", "1,000 B"},
	}
	for _, tt := range tests {
		r, err := Calc(tt.expr)
		if err != nil {
			t.Errorf("Calc(%q): %v", tt.expr, err)
			continue
		}
		if r.Text() != tt.text || r.Exact() != tt.exact {
			t.Errorf("Calc(%q) text %q exact %q, want %q and %q", tt.expr, r.Text(), r.Exact(), tt.text, tt.exact)
		}
	}
}

func TestCalcErrors(t *testing.T) {
	tests := []struct {
		expr   string
		column int
		reason string
	}{
		{"", 1, "empty expression"},
		{"2 * (3", 7, `expected ")" to close the "(" at column 5`},
		{"300M * / 2", 8, `unexpected "/"`},
		{"4 TB + 1 day", 6, "cannot add a duration to a size in bytes"},
		{"4 TB - 1 day", 6, "cannot subtract a duration from a size in bytes"},
		{"1/0", 2, "division by zero"},
		{"5 XB", 3, `unknown unit "XB"`},
		{"7e3/s in PB", 10, "cannot convert a rate per unit of time to a size in bytes"},
		{"2 ^ (1 s)", 5, "an exponent must be a plain number"},
		{"(1 KB) ^ 0.5", 10, "small whole power"},
		{"3 $", 3, `unexpected '$'`},
		{"1,00 + 2", 1, "misplaced comma"},
		{"1e308 * 10", 7, "result out of range"},
		{"2 × × 3", 5, `unexpected "×"`},
		{"5 in", 5, `expected a unit after "in"`},
		{"5 5", 3, "expected an operator or the end"},
		{"1 day in /0", 10, "division by zero"},
		{"-1 KB in -PB", 10, `must be positive`},
	}
	for _, tt := range tests {
		_, err := Calc(tt.expr)
		var ce *CalcError
		if !errors.As(err, &ce) {
			t.Errorf("Calc(%q) error = %v, want a *CalcError", tt.expr, err)
			continue
		}
		if ce.Column() != tt.column || !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("Calc(%q) = %v (column %d), want column %d and %q", tt.expr, err, ce.Column(), tt.column, tt.reason)
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("Calc(%q): error does not wrap ErrSyntax", tt.expr)
		}
	}
}

func TestCalcJSON(t *testing.T) {
	r, err := Calc("4 TB/day * 5y in PB")
	if err != nil {
		t.Fatal(err)
	}
	want := CalcJSON{Expression: "4 TB/day * 5y in PB", Value: 7.3, Unit: "PB", Kind: "bytes", Text: "7.3 PB"}
	if got := r.JSON(); got.Expression != want.Expression || !closeTo(got.Value, want.Value) || got.Unit != want.Unit ||
		got.Kind != want.Kind || got.Text != want.Text {
		t.Errorf("JSON() = %+v, want %+v", got, want)
	}
}

func TestDimString(t *testing.T) {
	tests := map[Dim]string{
		DimCount: "", DimBytes: "B", DimDuration: "s", DimRate: "/s", DimBandwidth: "B/s",
		{Bytes: 2}: "B^2", {Bytes: 1, Time: 1}: "B·s", {Time: -2}: "/s^2", {Bytes: -1, Time: -1}: "/B·s",
	}
	for d, want := range tests {
		if got := d.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", d, got, want)
		}
	}
}

func BenchmarkCalc(b *testing.B) {
	for b.Loop() {
		if _, err := Calc("4 TB/day * 5y in PB"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCalcByteB(t *testing.T) {
	a, err := EvalAmountWith("600M × 280B", CalcOptions{ByteB: true})
	if err != nil || a.Value != 168e9 || a.Dim != DimBytes {
		t.Errorf("with ByteB: %+v, %v; want 168 GB", a, err)
	}
	a, err = EvalAmount("600M × 280B")
	if err != nil || a.Value != 168e18 || a.Dim != DimCount {
		t.Errorf("without ByteB: %+v, %v; want 168 quintillion", a, err)
	}
}
