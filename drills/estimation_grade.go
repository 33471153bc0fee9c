package drills

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// Grade is how close an answer is, by |log10(answer ÷ truth)|.
type Grade int

const (
	GradeExact Grade = iota // within 10%
	GradePass               // within 2×
	GradeOff                // within 10×: the right order of magnitude, not yet a pass
	GradeMiss               // beyond 10×
)

// Grade bounds, as |log10(answer ÷ truth)|.
var (
	exactBound = math.Log10(1.1)
	passBound  = math.Log10(2)
	offBound   = 1.0
)

// String is the grade's name, as stored and printed: exact, pass, off, miss.
func (g Grade) String() string {
	return [...]string{"exact", "pass", "off", "miss"}[g]
}

// MarshalText makes a Grade a JSON string.
func (g Grade) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// Passed reports whether the grade counts as a pass (exact or pass): the
// answer is within 2×, as the statistics count it.
func (g Grade) Passed() bool { return g <= GradePass }

// GradeFor grades an answer against the truth; both must be positive.
func GradeFor(answer, truth float64) (Grade, float64) {
	e := math.Abs(math.Log10(answer / truth))
	switch {
	case e <= exactBound:
		return GradeExact, e
	case e <= passBound:
		return GradePass, e
	case e <= offBound:
		return GradeOff, e
	}
	return GradeMiss, e
}

// ErrWrongDimension is returned for an answer in the wrong kind of unit
// (bytes for a rate); such an answer is not graded.
var ErrWrongDimension = errors.New("wrong kind of unit")

// ErrBadAnswer is returned for an answer that is not a positive quantity.
var ErrBadAnswer = errors.New("bad answer")

// examples show how to write an answer of each dimension.
var examples = map[estimate.Dim]string{
	estimate.DimRate:      "a rate like 2.3K, 2300/s or 2.3K/s",
	estimate.DimBytes:     "a size like 7 PB, 56 GB or 1.5 TiB",
	estimate.DimBandwidth: "bytes per second like 115 MB/s or 1 Gbps",
	estimate.DimCount:     "a number like 70 or 1.2K",
}

// ParseAnswer reads an answer with its unit ("2.3K", "2300/s", "7 PB",
// "115 MB/s") and returns its value in the base unit of want. A bare
// number is accepted for a rate (read per second) and for a count. An
// answer of another dimension is refused with ErrWrongDimension and a
// hint; text that is not a quantity gives ErrBadAnswer with the column.
func ParseAnswer(text string, want estimate.Dim) (float64, error) {
	if !hasDigit(text) {
		return 0, fmt.Errorf("%w: %q has no number; expected %s", ErrBadAnswer, strings.TrimSpace(text), examples[want])
	}
	a, err := estimate.EvalAmount(strings.TrimSpace(stripApprox(text)))
	if err != nil {
		var ce *estimate.CalcError
		if errors.As(err, &ce) {
			return 0, fmt.Errorf("%w: column %d: %s; expected %s", ErrBadAnswer, ce.Column(), ce.Reason, examples[want])
		}
		return 0, fmt.Errorf("%w: %v", ErrBadAnswer, err)
	}
	if a.Dim == estimate.DimCount && want == estimate.DimRate {
		a.Dim = estimate.DimRate
	}
	if a.Dim != want {
		return 0, fmt.Errorf("%w: %q is %s, but the question asks for %s; expected %s",
			ErrWrongDimension, strings.TrimSpace(text), a.Dim.Describe(), want.Describe(), examples[want])
	}
	if a.Value <= 0 {
		return 0, fmt.Errorf("%w: %q is not positive; expected %s", ErrBadAnswer, strings.TrimSpace(text), examples[want])
	}
	return a.Value, nil
}

// Result is a graded answer.
type Result struct {
	Answer   float64 // in base units
	Truth    float64
	Grade    Grade
	LogError float64 // |log10(answer ÷ truth)|
}

// Ratio is answer ÷ truth.
func (r Result) Ratio() float64 { return r.Answer / r.Truth }

// Off says how far the answer is from the truth: "within 10%",
// "60% too high", "30× too high, one order of magnitude".
func (r Result) Off() string {
	if r.Grade == GradeExact {
		return "within 10%"
	}
	f := Finding{Ratio: r.Ratio(), Problem: ProblemArithmetic}
	return f.Off()
}

// Verdict is one line on the answer: "pass: 60% too high".
func (r Result) Verdict() string { return r.Grade.String() + ": " + r.Off() }

// Grade parses and grades an answer to the drill.
func (d Estimation) Grade(text string) (Result, error) {
	v, err := ParseAnswer(text, d.Quantity.Dim)
	if err != nil {
		return Result{}, err
	}
	if d.Truth <= 0 {
		return Result{}, fmt.Errorf("drill %d has no %s to grade against", d.Seed, d.Quantity.Label)
	}
	g, e := GradeFor(v, d.Truth)
	return Result{Answer: v, Truth: d.Truth, Grade: g, LogError: e}, nil
}
