package estimate

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// The calendar used by every calculation. Interview practice rounds a month
// to 30 days and a year to 365 days; the reports print these so nobody has
// to guess.
const (
	SecondsPerDay = 86400
	DaysPerMonth  = 30
	DaysPerYear   = 365
	Day           = 24 * time.Hour
)

// ErrSyntax is wrapped by every parse failure, so callers can tell bad input
// (exit code 2) from other errors with errors.Is.
var ErrSyntax = errors.New("invalid quantity")

// ParseError says which text failed to parse and what would have been
// accepted. Field is empty when the parser is called directly; the caller
// fills it in with the flag or form field name.
type ParseError struct {
	Field    string // flag or field name, e.g. "dau"; may be empty
	Value    string // the text as given
	Accepted string // what the field accepts, e.g. "a count like 100M, 2.5K, 1e6 or 1,000"
	Reason   string // optional extra detail, e.g. "must be positive"
}

func (e *ParseError) Error() string {
	var b strings.Builder
	if e.Field != "" {
		b.WriteString("--" + e.Field + " ")
	}
	b.WriteString(strconv.Quote(e.Value))
	b.WriteString(": ")
	if e.Reason != "" {
		b.WriteString(e.Reason + "; ")
	}
	b.WriteString("expected " + e.Accepted)
	return b.String()
}

func (e *ParseError) Unwrap() error { return ErrSyntax }

// What each parser accepts, as printed in error messages.
const (
	acceptCount    = "a positive count like 100M, 2.5K, 1B, 1e6 or 1,000"
	acceptBytes    = "a size like 280B, 1KB, 200KB, 1.5GiB or 0B"
	acceptFraction = "a fraction from 0 to 1, like 10% or 0.1"
	acceptDuration = "a duration like 5y, 6mo, 2w, 30d, 12h, 45m or 90s"
	acceptRatio    = "a positive ratio like 100 or 100:1"
	acceptVolume   = "a volume per period like 100M/month, 600M/day, 6K/s"
	acceptFactor   = "a positive number like 2 or 1.5"
)

// countSuffixes are the SI-style multipliers of interview arithmetic. B is a
// billion here (a count); in ParseBytes it is a byte.
var countSuffixes = map[string]float64{
	"":  1,
	"K": 1e3,
	"M": 1e6,
	"B": 1e9,
	"G": 1e9,
	"T": 1e12,
}

// byteUnits maps a (case-insensitive) unit to its size in bytes.
var byteUnits = map[string]float64{
	"":    1,
	"B":   1,
	"KB":  1e3,
	"MB":  1e6,
	"GB":  1e9,
	"TB":  1e12,
	"PB":  1e15,
	"EB":  1e18,
	"KIB": 1 << 10,
	"MIB": 1 << 20,
	"GIB": 1 << 30,
	"TIB": 1 << 40,
	"PIB": 1 << 50,
	"EIB": 1 << 60,
}

// durationUnits maps a unit to its length. "m" is minutes, "mo" months.
var durationUnits = map[string]time.Duration{
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  Day,
	"w":  7 * Day,
	"mo": DaysPerMonth * Day,
	"y":  DaysPerYear * Day,
}

// periodSeconds maps the period of a volume ("100M/month") to seconds.
var periodSeconds = map[string]float64{
	"s": 1, "sec": 1, "second": 1,
	"min": 60, "minute": 60,
	"h": 3600, "hr": 3600, "hour": 3600,
	"d": SecondsPerDay, "day": SecondsPerDay,
	"w": 7 * SecondsPerDay, "week": 7 * SecondsPerDay,
	"mo": DaysPerMonth * SecondsPerDay, "month": DaysPerMonth * SecondsPerDay,
	"y": DaysPerYear * SecondsPerDay, "yr": DaysPerYear * SecondsPerDay, "year": DaysPerYear * SecondsPerDay,
}

// ParseCount parses a positive count: "100M", "2.5K", "1B" (a billion),
// "1e6", "1,000". Suffixes are K, M, B (or G) and T, case-insensitive.
// Values outside 1e-30 … 1e30 are rejected as out of range.
func ParseCount(s string) (float64, error) {
	num, suffix, err := splitNumber(s, acceptCount)
	if err != nil {
		return 0, err
	}
	mult, ok := countSuffixes[strings.ToUpper(suffix)]
	if !ok {
		return 0, &ParseError{Value: s, Accepted: acceptCount, Reason: "unknown suffix " + strconv.Quote(suffix)}
	}
	return positive(s, num*mult, acceptCount)
}

// ParseBytes parses a size: "280B", "200KB", "1.5GiB", "0B". Decimal units
// (KB = 1,000 B) and binary units (KiB = 1,024 B) are both accepted, case
// is ignored, and a bare number is bytes. Zero is allowed; more than 1e30
// bytes is rejected as out of range.
func ParseBytes(s string) (float64, error) {
	num, unit, err := splitNumber(s, acceptBytes)
	if err != nil {
		return 0, err
	}
	mult, ok := byteUnits[strings.ToUpper(unit)]
	if !ok {
		return 0, &ParseError{Value: s, Accepted: acceptBytes, Reason: "unknown unit " + strconv.Quote(unit)}
	}
	return nonNegative(s, num*mult, acceptBytes)
}

// ParseFraction parses "10%" or "0.1" into a value in [0, 1].
func ParseFraction(s string) (float64, error) {
	t := strings.TrimSpace(s)
	scale := 1.0
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		t, scale = rest, 0.01
	}
	num, suffix, err := splitNumber(t, acceptFraction)
	if err != nil {
		return 0, &ParseError{Value: s, Accepted: acceptFraction}
	}
	if suffix != "" {
		return 0, &ParseError{Value: s, Accepted: acceptFraction, Reason: "unknown suffix " + strconv.Quote(suffix)}
	}
	v := num * scale
	if v < 0 || v > 1 {
		return 0, &ParseError{Value: s, Accepted: acceptFraction, Reason: "out of range"}
	}
	return noNegativeZero(v), nil
}

// ParseDuration parses a retention-style duration: "5y", "6mo", "2w",
// "30d", "12h", "45m" (minutes) or "90s". A year is 365 days and a month
// 30 days. The result is positive and at most 200 years.
func ParseDuration(s string) (time.Duration, error) {
	num, unit, err := splitNumber(s, acceptDuration)
	if err != nil {
		return 0, err
	}
	d, ok := durationUnits[strings.ToLower(unit)]
	if !ok {
		reason := "missing unit"
		if unit != "" {
			reason = "unknown unit " + strconv.Quote(unit)
		}
		return 0, &ParseError{Value: s, Accepted: acceptDuration, Reason: reason}
	}
	v := num * float64(d)
	if v <= 0 {
		return 0, &ParseError{Value: s, Accepted: acceptDuration, Reason: "must be positive"}
	}
	if v > float64(200*DaysPerYear*Day) {
		return 0, &ParseError{Value: s, Accepted: acceptDuration, Reason: "longer than 200 years"}
	}
	if v < 1 {
		return 0, &ParseError{Value: s, Accepted: acceptDuration, Reason: "shorter than a nanosecond"}
	}
	return time.Duration(v), nil
}

// ParseRatio parses a read:write style ratio, "100" or "100:1", and returns
// the first number divided by the second.
func ParseRatio(s string) (float64, error) {
	left, right, found := strings.Cut(strings.TrimSpace(s), ":")
	a, err := ParseFactor(left)
	if err != nil {
		return 0, &ParseError{Value: s, Accepted: acceptRatio}
	}
	if !found {
		return a, nil
	}
	b, err := ParseFactor(right)
	if err != nil {
		return 0, &ParseError{Value: s, Accepted: acceptRatio}
	}
	return positive(s, a/b, acceptRatio)
}

// ParseFactor parses a positive plain number such as a peak factor ("2",
// "1.5") or a replication factor ("3"). SI suffixes are accepted ("10K")
// so it also serves for per-server QPS.
func ParseFactor(s string) (float64, error) {
	v, err := ParseCount(s)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			pe.Accepted = acceptFactor
		}
		return 0, err
	}
	return v, nil
}

// ParseVolume parses an absolute volume with its period, "100M/month",
// "6K/s", "600M/day", and returns the equivalent volume per day.
func ParseVolume(s string) (float64, error) {
	countText, period, found := strings.Cut(strings.TrimSpace(s), "/")
	if !found {
		return 0, &ParseError{Value: s, Accepted: acceptVolume, Reason: "missing period"}
	}
	secs, ok := periodSeconds[strings.ToLower(strings.TrimSpace(period))]
	if !ok {
		return 0, &ParseError{Value: s, Accepted: acceptVolume, Reason: "unknown period " + strconv.Quote(period)}
	}
	n, err := ParseCount(countText)
	if err != nil {
		return 0, &ParseError{Value: s, Accepted: acceptVolume}
	}
	return finite(s, n*SecondsPerDay/secs, acceptVolume)
}

// splitNumber separates the leading decimal number of s from its unit
// suffix. It accepts digits with an optional fraction, exponent and comma
// thousands separators ("1,000,000"); it rejects hex, underscores, NaN and
// Inf, which strconv.ParseFloat would otherwise let through.
func splitNumber(s, accepted string) (float64, string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, "", &ParseError{Value: s, Accepted: accepted, Reason: "empty"}
	}
	i := 0
	if t[0] == '+' || t[0] == '-' {
		i++
	}
	digits, seenDot, seenExp := 0, false, false
	for i < len(t) {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' && !seenDot && !seenExp && digits > 0:
			if !isThousandsGroup(t[i+1:]) {
				return 0, "", &ParseError{Value: s, Accepted: accepted, Reason: "misplaced comma"}
			}
		case c == '.' && !seenDot && !seenExp:
			seenDot = true
		case (c == 'e' || c == 'E') && !seenExp && digits > 0 && i+1 < len(t) && isExponentStart(t[i+1:]):
			seenExp = true
			if t[i+1] == '+' || t[i+1] == '-' {
				i++
			}
		default:
			goto done
		}
		i++
	}
done:
	if digits == 0 {
		return 0, "", &ParseError{Value: s, Accepted: accepted, Reason: "no number"}
	}
	numText := strings.ReplaceAll(t[:i], ",", "")
	v, err := strconv.ParseFloat(numText, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, "", &ParseError{Value: s, Accepted: accepted, Reason: "number out of range"}
	}
	return v, strings.TrimSpace(t[i:]), nil
}

// isThousandsGroup reports whether rest starts with exactly three digits
// that are not followed by a fourth.
func isThousandsGroup(rest string) bool {
	if len(rest) < 3 {
		return false
	}
	for j := range 3 {
		if rest[j] < '0' || rest[j] > '9' {
			return false
		}
	}
	return len(rest) == 3 || rest[3] < '0' || rest[3] > '9'
}

func isExponentStart(rest string) bool {
	if rest[0] == '+' || rest[0] == '-' {
		rest = rest[1:]
	}
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// maxQuantity and minQuantity bound every parsed count, size and volume.
// They are far beyond any real system, and they keep every product and
// quotient the model forms (at most a handful of factors, one divisor)
// well inside the range of a float64, so no figure can become Inf or NaN.
const (
	maxQuantity = 1e30
	minQuantity = 1e-30
)

func finite(s string, v float64, accepted string) (float64, error) {
	if math.IsInf(v, 0) || math.IsNaN(v) || v > maxQuantity {
		return 0, &ParseError{Value: s, Accepted: accepted, Reason: "number out of range"}
	}
	return v, nil
}

func positive(s string, v float64, accepted string) (float64, error) {
	v, err := finite(s, v, accepted)
	if err != nil {
		return 0, err
	}
	if v <= 0 {
		return 0, &ParseError{Value: s, Accepted: accepted, Reason: "must be positive"}
	}
	if v < minQuantity {
		return 0, &ParseError{Value: s, Accepted: accepted, Reason: "number out of range"}
	}
	return v, nil
}

func nonNegative(s string, v float64, accepted string) (float64, error) {
	v, err := finite(s, v, accepted)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, &ParseError{Value: s, Accepted: accepted, Reason: "must not be negative"}
	}
	return noNegativeZero(v), nil
}

// noNegativeZero turns "-0" into 0, so JSON never prints -0.
func noNegativeZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

// describe is used by tests and docs: it prints what a kind accepts.
func describe(k Kind) string {
	switch k {
	case KindCount:
		return acceptCount
	case KindBytes:
		return acceptBytes
	case KindFraction:
		return acceptFraction
	case KindDuration:
		return acceptDuration
	case KindRatio:
		return acceptRatio
	case KindVolume:
		return acceptVolume
	default:
		return acceptFactor
	}
}
