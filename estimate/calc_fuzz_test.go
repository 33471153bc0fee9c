package estimate

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCalc feeds arbitrary text to the calculator. It must never panic;
// a failure is a one-line *CalcError whose column lies inside the
// expression (or just after it); a success is finite, deterministic, and
// renders as text and JSON without NaN or Inf.
func FuzzCalc(f *testing.F) {
	for _, s := range []string{
		"300M * 2 / 1 day", "4 TB/day * 5y in PB", "7e3/s in /day", "2^10 bytes", "62^7", "(1 KB)^2",
		"100M / (30 * 86,400)", "10 Gbps in MB/s", "1 TB / 100 Mbps", "2 tweets/user/day * 300M users",
		"12 ÷ 4 × 2", "10% * 600M", "2 * (3", "1/0", "5 XB", "1e308 * 10", "2^3^2^2^2", "((((1))))",
		"1 day in /0", "-1 KB in -PB", "\xff", "1,00", "s^-6 / s^6", "0^-1", "(-8)^(1/3)", "1 KB ^ 2 in B^2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := Calc(in)
		if err != nil {
			var ce *CalcError
			if !errors.As(err, &ce) || !errors.Is(err, ErrSyntax) {
				t.Fatalf("Calc(%q) error %T %v, want a *CalcError", in, err, err)
			}
			if c := ce.Column(); c < 1 || (utf8.ValidString(in) && c > utf8.RuneCountInString(in)+1) {
				t.Errorf("Calc(%q): column %d out of range", in, c)
			}
			if strings.Contains(err.Error(), "\n") && !strings.Contains(in, "\n") {
				t.Errorf("Calc(%q): multi-line error %q", in, err)
			}
			return
		}
		v := r.Value()
		if math.IsNaN(v) || math.IsInf(v, 0) || math.IsNaN(r.Amount.Value) || math.IsInf(r.Amount.Value, 0) {
			t.Fatalf("Calc(%q) = %v", in, v)
		}
		for _, s := range []string{r.Text(), r.Exact()} {
			if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") || strings.Contains(s, "n/a") {
				t.Errorf("Calc(%q) renders %q", in, s)
			}
		}
		if _, err := json.Marshal(r.JSON()); err != nil {
			t.Errorf("Calc(%q): JSON: %v", in, err)
		}
		r2, err2 := Calc(in)
		if err2 != nil || r2 != r {
			t.Errorf("Calc(%q) is not deterministic", in)
		}
	})
}
