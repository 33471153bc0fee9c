package estimate

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/dustin/go-humanize"
)

// CalcResult is an evaluated calculator expression, such as
// "300M * 2 / 1 day" or "4 TB/day * 5y in PB".
type CalcResult struct {
	Expr   string
	Amount Amount // the result in base units (bytes, seconds, per second)
	// Target is the unit after "in", as written without spaces ("PB",
	// "/day"); empty when the expression has no conversion.
	Target string
	// TargetScale is the size of one Target in base units (1e15 for PB).
	TargetScale float64
}

// CalcJSON is the JSON shape of a calculator result. Value is in Unit,
// which is the conversion target when there is one and otherwise the
// base unit ("" for a plain number, "B", "s", "/s", "B/s").
type CalcJSON struct {
	Expression string  `json:"expression"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text"`
}

// Calc evaluates a napkin-maths expression with units:
//
//   - counts with K, M, B (billion) and T: 300M, 2.5K, 1e6, 1,000, 10%;
//   - bytes, decimal and binary: 280 bytes, 4 TB, 1.5 GiB, 10 Gbps;
//   - durations: 1 day, 5y, 30d, 45m (minutes), 100 ms;
//   - + - * / (also × ÷ x per), ^ and parentheses;
//   - a conversion at the end: "in PB", "in /day", "in Gbps".
//
// Words it does not know that have a lower-case letter ("users",
// "tweets", "URLs") name what is counted and count as 1. Bytes over time is a bandwidth, a count
// over time a rate. Errors are *CalcError, with the column.
func Calc(expr string) (CalcResult, error) {
	return CalcWith(expr, CalcOptions{})
}

// CalcOptions change how Calc reads an expression. The zero value is
// what Calc uses.
type CalcOptions struct {
	// ByteB reads a bare "B" as a byte ("280B") instead of a billion
	// ("10B"). Notes use both; a checker can try each.
	ByteB bool
}

// CalcWith is Calc with options.
func CalcWith(expr string, opts CalcOptions) (CalcResult, error) {
	toks, err := lex(expr)
	if err != nil {
		return CalcResult{}, err
	}
	p := &parser{src: expr, toks: toks, byteB: opts.ByteB}
	if p.peek().kind == tokEOF {
		return CalcResult{}, p.errAt(0, "empty expression; expected something like 300M * 2 / 1 day")
	}
	a, err := p.sum()
	if err != nil {
		return CalcResult{}, err
	}
	r := CalcResult{Expr: expr, Amount: a, TargetScale: 1}
	if p.peek().kind == tokIn {
		if r, err = p.convert(r); err != nil {
			return CalcResult{}, err
		}
	}
	if t := p.peek(); t.kind != tokEOF {
		return CalcResult{}, p.errAt(t.pos, "unexpected "+strconv.Quote(t.text)+": expected an operator or the end")
	}
	r.Amount.Value = noNegativeZero(r.Amount.Value)
	return r, nil
}

// EvalAmount evaluates an expression without a conversion and returns
// its value in base units.
func EvalAmount(expr string) (Amount, error) {
	r, err := Calc(expr)
	return r.Amount, err
}

// EvalAmountWith is EvalAmount with options.
func EvalAmountWith(expr string, opts CalcOptions) (Amount, error) {
	r, err := CalcWith(expr, opts)
	return r.Amount, err
}

// convert reads "in TARGET"; a target that starts with "/" divides one.
func (p *parser) convert(r CalcResult) (CalcResult, error) {
	p.next() // in
	start := p.peek()
	if start.kind == tokEOF {
		return r, p.errAt(start.pos, `expected a unit after "in", like PB, GB/s or /day`)
	}
	if p.isOp('/') {
		// "in /day" means "in 1/day": read it with an implicit 1.
		one := token{kind: tokNumber, text: "1", value: 1, pos: start.pos}
		p.toks = append(p.toks[:p.i], append([]token{one}, p.toks[p.i:]...)...)
	}
	target, err := p.product()
	if err != nil {
		return r, err
	}
	if target.Dim != r.Amount.Dim {
		return r, p.errAt(start.pos, "cannot convert "+r.Amount.Dim.Describe()+" to "+target.Dim.Describe())
	}
	if target.Value <= 0 {
		return r, p.errAt(start.pos, "the unit after \"in\" must be positive")
	}
	r.Target = strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) {
			return -1
		}
		return c
	}, p.src[start.pos:p.peek().pos])
	r.TargetScale = target.Value
	return r, nil
}

// Value is the result in Unit.
func (r CalcResult) Value() float64 {
	return noNegativeZero(r.Amount.Value / r.TargetScale)
}

// Unit is the conversion target, or the base unit of the result.
func (r CalcResult) Unit() string {
	if r.Target != "" {
		return r.Target
	}
	return r.Amount.Dim.String()
}

// Text is the result humanized: "6.9K/s (600M/day)", "7.3 PB",
// "56 GB", "12.5 MB/s (100 Mbps)".
func (r CalcResult) Text() string {
	if r.Target != "" {
		return targetNumber(r.Value()) + unitSep(r.Target) + r.Target
	}
	return HumanAmount(r.Amount)
}

// Exact is the result with every digit, in Unit: "6,944.444444444444 /s".
func (r CalcResult) Exact() string {
	u := r.Unit()
	return exactNumber(r.Value()) + unitSep(u) + u
}

// JSON returns the JSON shape of the result.
func (r CalcResult) JSON() CalcJSON {
	return CalcJSON{Expression: r.Expr, Value: r.Value(), Unit: r.Unit(), Kind: r.Amount.Dim.Kind(), Text: r.Text()}
}

// HumanAmount renders an amount the way napkin maths writes it, in the
// largest unit that keeps the number readable.
func HumanAmount(a Amount) string {
	v := a.Value
	switch a.Dim {
	case DimCount:
		return humanNumber(v)
	case DimBytes:
		return FormatBytes(v, false)
	case DimDuration:
		return humanDuration(v)
	case DimRate:
		return humanNumber(v) + "/s (" + humanNumber(v*SecondsPerDay) + "/day)"
	case DimBandwidth:
		return FormatBytes(v, false) + "/s (" + FormatBits(v*8) + ")"
	}
	return humanNumber(v) + " " + a.Dim.String()
}

// unitSep puts a space before a unit, but not before "/day" or "".
func unitSep(u string) string {
	if u == "" || strings.HasPrefix(u, "/") {
		return ""
	}
	return " "
}

// humanNumber renders a plain number: K/M/B/T from a thousand up
// ("694.4K") below a quadrillion, three significant digits otherwise
// ("7.3", "0.0116", "1e+25").
func humanNumber(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e15:
		return strconv.FormatFloat(v, 'g', 3, 64)
	case a >= 1000:
		return FormatCount(v)
	case a == 0:
		return "0"
	case a < 1e-3:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(roundSig(v, 3), 'f', -1, 64)
}

// FormatNumber renders a value in a unit the user chose, as napkin maths
// writes it: three significant digits below 100 ("7.3", "6.94"),
// separators up to a million ("1,250"), K/M/B/T beyond ("604.8M").
func FormatNumber(v float64) string { return targetNumber(v) }

func targetNumber(v float64) string {
	if a := math.Abs(v); a >= 100 && a < 1e6 {
		return FormatPlain(v)
	}
	return humanNumber(v)
}

func roundSig(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	p := float64(digits) - math.Ceil(math.Log10(math.Abs(v)))
	scale := math.Pow(10, p)
	return math.Round(v*scale) / scale
}

// durationNames are the units humanDuration picks from, largest first.
var durationNames = []struct {
	one, many string
	secs      float64
}{
	{"year", "years", DaysPerYear * SecondsPerDay},
	{"day", "days", SecondsPerDay},
	{"hour", "hours", 3600},
	{"minute", "minutes", 60},
	{"s", "s", 1},
	{"ms", "ms", 1e-3},
	{"µs", "µs", 1e-6},
	{"ns", "ns", 1e-9},
}

// humanDuration renders seconds in the largest unit of at least one:
// "5 years", "11.6 days", "250 ms".
func humanDuration(secs float64) string {
	for _, u := range durationNames {
		if math.Abs(secs) >= u.secs || u.secs == 1e-9 {
			n := secs / u.secs
			name := u.many
			if humanNumber(n) == "1" {
				name = u.one
			}
			return humanNumber(n) + " " + name
		}
	}
	return humanNumber(secs) + " s"
}

// exactNumber prints every digit a float64 holds, with thousands
// separators ("6,944.444444444444"); very large or small values use an
// exponent ("1.2e+24"); the cut-over is 1e18.
func exactNumber(v float64) string {
	a := math.Abs(v)
	if a != 0 && (a >= 1e18 || a < 1e-6) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	s := strconv.FormatFloat(a, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	w, _ := strconv.ParseInt(whole, 10, 64)
	out := humanize.Comma(w)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 {
		out = "-" + out
	}
	return out
}
