package ratelimit

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
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
	limit, err = parseLimit(strings.TrimSpace(num))
	if err != nil {
		return 0, 0, fmt.Errorf("%w %q: %v: %s", ErrInvalidRate, s, err, rateForms)
	}
	window, err = parseWindow(strings.TrimSpace(per))
	if err != nil {
		return 0, 0, fmt.Errorf("%w %q: %v: %s", ErrInvalidRate, s, err, rateForms)
	}
	return limit, window, nil
}

func parseLimit(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "k") || strings.HasSuffix(s, "K"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(s, "M"):
		mult, s = 1_000_000, s[:len(s)-1]
	}
	if s == "" || strings.Trim(s, "0123456789") != "" || len(s) > 10 {
		return 0, fmt.Errorf("limit must be a whole number from 1 to %d", MaxLimit)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit/mult {
		return 0, fmt.Errorf("limit must be a whole number from 1 to %d", MaxLimit)
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
		if err != nil || (scale > 1 && d > MaxWindow) {
			return 0, fmt.Errorf("bad window length %q", num)
		}
		w = d * scale
	}
	if w%time.Microsecond != 0 {
		return 0, fmt.Errorf("window %v is not a whole number of microseconds", w)
	}
	if w < MinWindow || w > MaxWindow {
		return 0, fmt.Errorf("window %v out of range %v..%v", w, MinWindow, MaxWindow)
	}
	return w, nil
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
