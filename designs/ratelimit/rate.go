package ratelimit

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// ErrInvalidRate is wrapped by every error ParseRate returns.
var ErrInvalidRate = errors.New("ratelimit: invalid rate")

const rateForms = `want LIMIT/WINDOW such as "10/s", "100/min", "5/100ms", "1000/h", "2k/d"`

// rateUnits maps the accepted unit spellings to their length.
var rateUnits = map[string]time.Duration{
	"ns": time.Nanosecond,
	"us": time.Microsecond, "µs": time.Microsecond, "μs": time.Microsecond,
	"ms": time.Millisecond,
	"s":  time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
}

// ParseRate parses a rate written LIMIT/WINDOW, such as "10/s", "100/min",
// "5/100ms", "1000/h" or "2k/1.5s" (2000 per 1.5 s). LIMIT is a whole
// number, optionally with a k (×1000) or M (×1,000,000) suffix. WINDOW is a
// unit (ns, us, ms, s, sec, m, min, h, hr, d, day and plurals), optionally
// preceded by a decimal number. Errors wrap ErrInvalidRate.
func ParseRate(s string) (limit int, window time.Duration, err error) {
	num, per, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return 0, 0, fmt.Errorf("%w %q: missing '/': %s", ErrInvalidRate, s, rateForms)
	}
	if limit, err = parseLimit(strings.TrimSpace(num)); err == nil {
		window, err = parseWindow(strings.TrimSpace(per))
	}
	var rerr rangeError
	switch {
	case err == nil:
		return limit, window, nil
	case errors.As(err, &rerr): // well formed, out of range: the range says what is accepted
		return 0, 0, fmt.Errorf("%w %q: %v", ErrInvalidRate, s, err)
	}
	return 0, 0, fmt.Errorf("%w %q: %v: %s", ErrInvalidRate, s, err, rateForms)
}

// rangeError is a well-formed limit or window out of range.
type rangeError string

func (e rangeError) Error() string { return string(e) }

// Accepted ranges, as the errors say them.
var (
	errLimitRange  = rangeError("the limit must be from 1 to " + commas(MaxLimit))
	errWindowRange = rangeError("the window must be from 1µs to 366 days")
)

func parseLimit(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "k") || strings.HasSuffix(s, "K"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(s, "M"):
		mult, s = 1_000_000, s[:len(s)-1]
	}
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("the limit must be a whole number from 1 to %s", commas(MaxLimit))
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 10 || n < 1 || n > MaxLimit/mult {
		return 0, errLimitRange
	}
	return n * mult, nil
}

func parseWindow(s string) (time.Duration, error) {
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		return 0, errors.New("window needs a unit")
	}
	num, name := s[:i], strings.TrimSpace(s[i:])
	unit, ok := rateUnits[name]
	if !ok {
		return 0, fmt.Errorf("unknown window unit %q", name)
	}
	w := unit
	if num != "" {
		if strings.Count(num, ".") > 1 || num == "." || len(num) > 20 {
			return 0, fmt.Errorf("bad window length %q", num)
		}
		// Parse the number exactly by letting time.ParseDuration do the
		// decimal arithmetic in the unit's own scale.
		base, scale := "ns", unit
		for _, u := range []struct {
			name string
			d    time.Duration
		}{{"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}, {"us", time.Microsecond}} {
			if unit%u.d == 0 {
				base, scale = u.name, unit/u.d
				break
			}
		}
		d, err := time.ParseDuration(num + base)
		if err != nil {
			if _, ferr := strconv.ParseFloat(num, 64); ferr == nil {
				return 0, errWindowRange // a number too large for a duration
			}
			return 0, fmt.Errorf("bad window length %q", num)
		}
		if scale > 1 && d > MaxWindow {
			return 0, errWindowRange
		}
		w = d * scale
	}
	if w < MinWindow || w > MaxWindow {
		return 0, errWindowRange
	}
	if w%time.Microsecond != 0 {
		return 0, rangeError("the window must be a whole number of microseconds")
	}
	return w, nil
}

// FormatWindow writes a window (or any duration) the way FormatRate writes
// its window, exactly: "1s", "100ms", "1min", "90s", "1500ms", "366d".
// Durations below 1 ns are written as Go does ("0s", "-1s").
func FormatWindow(w time.Duration) string {
	if w <= 0 {
		return w.String()
	}
	s := strings.TrimPrefix(FormatRate(1, w), "1/")
	if s[0] < '0' || s[0] > '9' {
		s = "1" + s
	}
	return s
}

// commas writes n with a comma every three digits: 1,000,000.
func commas(n int64) string { return humanize.Comma(n) }

// commasFloat writes x rounded to a whole number, with commas; values
// beyond int64 are written in scientific notation.
func commasFloat(x float64) string {
	if x >= 9e18 {
		return strconv.FormatFloat(x, 'g', 3, 64)
	}
	return humanize.Comma(int64(math.Round(x)))
}

// FormatRate writes limit and window in the form ParseRate reads, using the
// largest unit that divides the window: "10/s", "5/100ms", "1000/h".
func FormatRate(limit int, window time.Duration) string {
	units := []struct {
		name string
		d    time.Duration
	}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"min", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}, {"us", time.Microsecond}}
	for _, u := range units {
		if window >= u.d && window%u.d == 0 {
			if window == u.d {
				return fmt.Sprintf("%d/%s", limit, u.name)
			}
			return fmt.Sprintf("%d/%d%s", limit, window/u.d, u.name)
		}
	}
	return fmt.Sprintf("%d/%dns", limit, int64(window))
}
