package drills

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// Tolerance is how far a written result may be from the true value and
// still hold: 10%, the precision napkin maths rounds to.
const Tolerance = 0.10

// Problem says what is wrong with a checked line.
type Problem int

const (
	ProblemNone       Problem = iota // the line holds
	ProblemArithmetic                // off by more than 10%
	ProblemMagnitude                 // off by a factor of about ten or more
	ProblemUnit                      // the written unit has the wrong dimension
)

// String is the problem's JSON name.
func (p Problem) String() string {
	switch p {
	case ProblemArithmetic:
		return "arithmetic"
	case ProblemMagnitude:
		return "magnitude"
	case ProblemUnit:
		return "unit"
	}
	return "none"
}

// MarshalText makes a Problem a JSON string.
func (p Problem) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Finding is one checked equality of a notes line: "expression = result".
type Finding struct {
	Line    int    `json:"line"`    // 1-based line number
	Expr    string `json:"expr"`    // the expression, as written
	Written string `json:"written"` // the result, as written
	// Correct is the true value in the written unit ("6.94K/s"), or in
	// the expression's own unit when the written one does not fit.
	Correct string `json:"correct"`
	// Kind is the dimension of the expression: count, bytes, duration,
	// rate, bandwidth or compound.
	Kind    string  `json:"kind"`
	Problem Problem `json:"problem"`
	// Ratio is written ÷ true (2 means twice too high); 0 for a unit
	// problem, where the two cannot be compared.
	Ratio float64 `json:"ratio"`
}

// OK reports whether the line holds.
func (f Finding) OK() bool { return f.Problem == ProblemNone }

// Off says how far off the written result is: "10.1× too high, one
// order of magnitude", "25% too low".
func (f Finding) Off() string {
	switch {
	case f.Problem == ProblemUnit:
		return "wrong unit"
	case f.Ratio == 0 || math.IsInf(f.Ratio, 0) || math.IsNaN(f.Ratio):
		return "not comparable"
	}
	dir := "too high"
	factor := f.Ratio
	if factor < 1 {
		dir, factor = "too low", 1/factor
	}
	if factor < 1.0005 {
		return "exact"
	}
	if factor < 2 {
		return fmt.Sprintf("%s%% %s", estimate.FormatPlain(math.Abs(f.Ratio-1)*100), dir)
	}
	s := fmt.Sprintf("%s× %s", estimate.FormatPlain(factor), dir)
	// Orders of magnitude count from about 9× (log10 0.95), where a slip
	// of a zero is the likely cause; 6.9× is not "an order of magnitude".
	if n := int(math.Floor(math.Log10(factor) + 0.05)); n == 1 {
		s += ", one order of magnitude"
	} else if n > 1 {
		s += fmt.Sprintf(", %d orders of magnitude", n)
	}
	return s
}

// Message is the one-line report of a wrong line.
func (f Finding) Message() string {
	if f.Problem == ProblemUnit {
		msg := fmt.Sprintf("line %d: %s = %s: wrong unit; the expression is %s: %s", f.Line, f.Expr, f.Written, kindWords[f.Kind], f.Correct)
		switch {
		case bareB.MatchString(f.Expr) || bareB.MatchString(f.Written):
			msg += " (a bare B is a billion; write bytes as bytes, KB, MB …)"
		case (f.Kind == "rate" || f.Kind == "bandwidth") && !strings.Contains(f.Written, "/"):
			// "180 GB/day * 365 * 5": the bare 365 and 5 are counts, so
			// the product is still per day.
			msg += " (a bare number multiplies as a count; write the time with its unit: 365 days, 5 years)"
		}
		return msg
	}
	return fmt.Sprintf("line %d: %s = %s: should be %s (%s)", f.Line, f.Expr, f.Written, f.Correct, f.Off())
}

// CheckReport is the result of checking a notes file.
type CheckReport struct {
	Checked  int       `json:"checked"`  // equalities checked
	Findings []Finding `json:"findings"` // every checked equality, in order
}

// Wrong returns the findings that do not hold.
func (r CheckReport) Wrong() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if !f.OK() {
			out = append(out, f)
		}
	}
	return out
}

// maxLine bounds one notes line; longer lines are not maths.
const maxLine = 64 * 1024

// Check reads notes and checks every line of the form "expression =
// result" (or ≈, or a chain a = b = c, each result against the first
// expression). Lines that are not maths are skipped silently. The error
// is only a read error.
func Check(r io.Reader) (CheckReport, error) {
	var rep CheckReport
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	for n := 1; sc.Scan(); n++ {
		fs := CheckLine(n, sc.Text())
		rep.Findings = append(rep.Findings, fs...)
		rep.Checked += len(fs)
	}
	if err := sc.Err(); err != nil {
		return rep, fmt.Errorf("reading notes: %w", err)
	}
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep, nil
}

// CheckLine checks the equalities of one line; it returns none when the
// line is not maths.
//
// A bare "B" is a billion ("10B / 86,400"); when that makes a line's units
// disagree and reading it as a byte ("600M × 280B = 168 GB") makes the
// line hold, the line is checked with bytes.
func CheckLine(n int, line string) []Finding {
	parts := splitRelation(cleanLine(line))
	if len(parts) < 2 {
		return nil
	}
	out := checkParts(n, parts, estimate.CalcOptions{})
	if unitProblems(out) > 0 && bareB.MatchString(line) {
		if alt := checkParts(n, parts, estimate.CalcOptions{ByteB: true}); len(alt) == len(out) && allHold(alt) {
			return alt
		}
	}
	return out
}

// bareB finds a "B" that could be a byte or a billion: "280B", "280 B".
var bareB = regexp.MustCompile(`[\d\s]B\b`)

func allHold(fs []Finding) bool {
	for _, f := range fs {
		if !f.OK() {
			return false
		}
	}
	return true
}

func unitProblems(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Problem == ProblemUnit {
			n++
		}
	}
	return n
}

func checkParts(n int, parts []string, opts estimate.CalcOptions) []Finding {
	expr := stripLabel(parts[0])
	if !hasDigit(expr) {
		return nil
	}
	computed, err := estimate.EvalAmountWith(expr, opts)
	if err != nil {
		return nil
	}
	var out []Finding
	for _, w := range parts[1:] {
		w = stripApprox(w)
		if !hasDigit(w) {
			continue
		}
		if f, ok := compare(computed, w, opts); ok {
			f.Line, f.Expr = n, strings.TrimSpace(expr)
			out = append(out, f)
		}
	}
	return out
}

// kindWords describe a dimension in a message.
var kindWords = map[string]string{
	"count": "a plain count", "bytes": "a size in bytes", "duration": "a duration",
	"rate": "a rate", "bandwidth": "a bandwidth", "compound": "a compound quantity",
}

// compare checks one written result against the computed value.
func compare(c estimate.Amount, text string, opts estimate.CalcOptions) (Finding, bool) {
	w, ok := parseWritten(text, opts)
	if !ok {
		return Finding{}, false
	}
	f := Finding{Written: w.text, Kind: c.Dim.Kind()}
	switch {
	case w.amount.Dim == c.Dim:
		f.Correct = restate(c.Value, w, w.scale)
		grade(&f, w.amount.Value, c.Value)
	case w.hasPer && w.perUnit.Dim == c.Dim:
		// "100M / (30*24*60*60) = 40/s": the left side divided by a
		// bare count of seconds; the "/s" says the user meant a rate.
		f.Correct = restate(c.Value, w, w.perScale)
		grade(&f, w.perUnit.Value, c.Value)
	case w.amount.Dim == estimate.DimCount && w.unit == "" && c.Dim == estimate.DimRate:
		// A bare number for a rate: the unit was left out, read it
		// per second.
		f.Correct = estimate.FormatNumber(c.Value)
		grade(&f, w.amount.Value, c.Value)
	default:
		f.Problem = ProblemUnit
		f.Correct = estimate.HumanAmount(c)
	}
	return f, true
}

// restate writes v (in base units) in the written unit, or humanized in
// its own unit when the written side is not a plain number and unit.
func restate(v float64, w written, scale float64) string {
	if !w.simple || scale == 0 {
		return estimate.HumanAmount(estimate.Amount{Value: v, Dim: w.amount.Dim})
	}
	return estimate.FormatNumber(v/scale) + w.sep + w.unit
}

// grade sets the problem and the ratio of a written value against the
// true one.
func grade(f *Finding, got, want float64) {
	if want == 0 {
		if got != 0 {
			f.Problem = ProblemArithmetic
		}
		return
	}
	f.Ratio = got / want
	if math.Abs(got-want) <= Tolerance*math.Abs(want) {
		return
	}
	f.Problem = ProblemArithmetic
	if f.Ratio > 0 && math.Max(f.Ratio, 1/f.Ratio) >= magnitudeFactor {
		f.Problem = ProblemMagnitude
	}
}

// magnitudeFactor is where a slip counts as an order of magnitude: a
// result nine or more times too high or too low.
const magnitudeFactor = 9
