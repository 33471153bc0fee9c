// Package labkit holds what the simulation labs under designs/ share:
// parameter errors that name the field, the value and the accepted range;
// seeded random sources; number formatting; aligned text and markdown
// tables; percentiles. It has no UI code.
package labkit

import (
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// ParamError is a rejected parameter. Its message reads
// "cache: size 0: want 1 to 1,000,000": the lab, the parameter, the value
// and what is accepted. errors.Is matches it against Kind, the lab's named
// error (such as cache.ErrInvalidParams).
type ParamError struct {
	Kind  error  // the lab's named error, matched by errors.Is
	Lab   string // "cache"
	Name  string // parameter name as the flag spells it: "size"
	Value string // the rejected value as typed
	Want  string // what is accepted: "1 to 1,000,000"
}

// Error implements error.
func (e *ParamError) Error() string {
	return e.Lab + ": " + e.Name + " " + e.Value + ": want " + e.Want
}

// Unwrap returns Kind.
func (e *ParamError) Unwrap() error { return e.Kind }

// Invalid builds a *ParamError. value is formatted with Format.
func Invalid(kind error, lab, name string, value any, want string) error {
	return &ParamError{Kind: kind, Lab: lab, Name: name, Value: Format(value), Want: want}
}

// AsParam returns the *ParamError inside err, if any.
func AsParam(err error) (*ParamError, bool) {
	var pe *ParamError
	ok := errors.As(err, &pe)
	return pe, ok
}

// Format renders a parameter value: integers with thousands separators,
// floats in their shortest form, anything else with its String method.
func Format(v any) string {
	switch x := v.(type) {
	case int:
		return Commas(int64(x))
	case int64:
		return Commas(x)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return strconv.Quote(x)
	case interface{ String() string }:
		return x.String()
	}
	return "?"
}

// Commas writes n with thousands separators: 1234567 → "1,234,567".
func Commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// Percent writes a fraction as a percentage with one decimal: 0.1234 →
// "12.3%".
func Percent(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
}

// Fixed writes f with the given number of decimals.
func Fixed(f float64, decimals int) string {
	return strconv.FormatFloat(f, 'f', decimals, 64)
}

// Round rounds f to 4 significant decimals so that JSON output is short
// and identical across platforms' last-bit differences.
func Round(f float64) float64 {
	return math.Round(f*1e4) / 1e4
}

// NewRand returns a PCG random source for seed and stream. Different
// streams of one seed are independent, so one part of a simulation can
// draw more numbers without shifting another part's.
func NewRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream^0x9e3779b97f4a7c15))
}

// Exp draws an exponential variate with the given mean.
func Exp(r *rand.Rand, mean float64) float64 {
	return r.ExpFloat64() * mean
}

// Quantile returns the q-quantile (0 ≤ q ≤ 1) of sorted by the
// nearest-rank method; 0 for an empty slice.
func Quantile[T int64 | float64](sorted []T, q float64) T {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// Mix64 is the SplitMix64 finaliser: a fast, well-spread 64-bit hash of x.
func Mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Raw is a parameter value written as is, without the quotes Format puts
// around strings.
type Raw string

// String returns r.
func (r Raw) String() string { return string(r) }
