package drills

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/sdprep/sdprep/estimate"
)

// bullet matches list markers and quotes at the start of a notes line.
var bullet = regexp.MustCompile(`^\s*(?:[-*+>]|\d+[.)])\s+`)

// cleanLine removes markdown decoration and repairs the "×" that text
// stored with a broken encoding shows as "Ã—".
func cleanLine(line string) string {
	line = strings.ReplaceAll(line, "Ã—", "×")
	line = strings.ReplaceAll(line, "`", "")
	line = bullet.ReplaceAllString(line, "")
	return strings.TrimSpace(line)
}

// splitRelation splits "a = b ≈ c" into its sides. Comparisons and code
// (==, !=, <=, >=, =>) are not notes maths and give nothing.
func splitRelation(line string) []string {
	for _, code := range []string{"==", "!=", "<=", ">=", "=>", ":="} {
		if strings.Contains(line, code) {
			return nil
		}
	}
	parts := strings.FieldsFunc(line, func(r rune) bool { return r == '=' || r == '≈' || r == '≃' })
	if len(parts) < 2 || strings.Count(line, "=")+strings.Count(line, "≈")+strings.Count(line, "≃") != len(parts)-1 {
		return nil
	}
	for i, p := range parts {
		parts[i] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), "~"))
	}
	return parts
}

// stripLabel drops a leading "Write QPS:" label from an expression.
func stripLabel(s string) string {
	if i := strings.LastIndex(s, ":"); i >= 0 {
		return strings.TrimSpace(s[i+1:])
	}
	return s
}

// stripApprox drops the "~" or "about" people put before a rounded result.
func stripApprox(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"~", "≈", "about ", "approx. ", "approx ", "roughly ", "around "} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	return s
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// written is a parsed result side.
type written struct {
	text   string
	amount estimate.Amount
	// A simple result is a number and a unit ("70K/s", "7.3 PB"); only
	// those can be restated in the written unit.
	simple bool
	num    float64 // the number as written (K/M/B/T are part of the unit)
	unit   string  // the unit as written: "K/s", "PB", "tweets/second"
	sep    string  // what separated number and unit: "" or " "
	scale  float64 // one unit in base units
	// With a trailing period ("/s", "/day", "per day"), perUnit is the
	// unit without it and perScale its size, so a bare count on the
	// left can be read as per that period.
	perUnit  estimate.Amount
	hasPer   bool
	perScale float64
}

var (
	leadNumber = regexp.MustCompile(`^(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?`)
	periodTail = regexp.MustCompile(`^(.*?)\s*(?:/|\bper\s+)\s*(\p{L}+)$`)
	resultText = regexp.MustCompile(`^[\p{L}\d\s.,%/^()+\-*×÷·−]+`)
)

// maxResult bounds the text read as a written result: results are a
// number and a unit, and the bound keeps the search for the longest
// leading expression cheap.
const maxResult = 200

// parseWritten reads the result side of an equality. When the whole side
// is not an expression ("3.5 trillion (enough!)"), the longest leading
// part that is one is used; a side with no number is not a result.
func parseWritten(s string, opts estimate.CalcOptions) (written, bool) {
	if len(s) > maxResult {
		s = strings.ToValidUTF8(s[:maxResult], "")
	}
	cand := strings.TrimSpace(resultText.FindString(s))
	for cand != "" {
		if a, err := estimate.EvalAmountWith(cand, opts); err == nil {
			return describeWritten(cand, a, opts), true
		}
		i := strings.LastIndexFunc(cand, unicode.IsSpace)
		if i < 0 {
			break
		}
		cand = strings.TrimSpace(cand[:i])
	}
	return written{}, false
}

func describeWritten(text string, a estimate.Amount, opts estimate.CalcOptions) written {
	w := written{text: text, amount: a}
	numText := leadNumber.FindString(text)
	if numText == "" {
		return w
	}
	rest := text[len(numText):]
	w.unit = strings.TrimSpace(rest)
	if len(rest) > len(w.unit) {
		w.sep = " "
	}
	if strings.ContainsFunc(w.unit, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsSpace(r) && r != '/' }) {
		return w
	}
	n, err := estimate.EvalAmount(numText)
	if err != nil || n.Value == 0 {
		return w
	}
	w.num = n.Value
	w.scale = a.Value / n.Value
	w.simple = !math.IsInf(w.scale, 0) && w.scale != 0
	if m := periodTail.FindStringSubmatch(w.unit); m != nil {
		period, err1 := estimate.EvalAmountWith("1 "+m[2], opts)
		numer, err2 := estimate.EvalAmountWith(numText+" "+m[1], opts)
		if err1 == nil && err2 == nil && period.Dim == estimate.DimDuration {
			w.hasPer, w.perUnit, w.perScale = true, numer, numer.Value/n.Value
		}
	}
	return w
}
