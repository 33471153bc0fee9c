package tui

import (
	"strconv"
	"strings"
	"time"
)

// fmtDur is the one way the lab writes a span of time (the clock, the
// traffic's progress, the limiter's countdowns), at a precision that
// suits its size: 650ms, 1.4s, 12.3s, 1min 5s, 1h 2min. Window lengths,
// which are exact settings, are written by ratelimit.FormatWindow instead,
// as in the rate (10/s, 5/100ms, 100/min).
func fmtDur(d time.Duration) string {
	switch {
	case d <= 0:
		return "0s"
	case d < time.Millisecond:
		return strconv.FormatInt(int64(d.Round(time.Microsecond)/time.Microsecond), 10) + "µs"
	case d.Round(time.Millisecond) < time.Second:
		return strconv.FormatInt(int64(d.Round(time.Millisecond)/time.Millisecond), 10) + "ms"
	case d.Round(100*time.Millisecond) < time.Minute:
		return strings.TrimSuffix(strconv.FormatFloat(d.Round(100*time.Millisecond).Seconds(), 'f', 1, 64), ".0") + "s"
	case d.Round(time.Second) < time.Hour:
		return joinUnits(int64(d.Round(time.Second)/time.Minute), "min", int64(d.Round(time.Second)%time.Minute/time.Second), "s")
	}
	r := d.Round(time.Minute)
	return joinUnits(int64(r/time.Hour), "h", int64(r%time.Hour/time.Minute), "min")
}

// joinUnits writes "1min 5s", or "1min" when the smaller part is zero.
func joinUnits(big int64, bigUnit string, small int64, smallUnit string) string {
	s := strconv.FormatInt(big, 10) + bigUnit
	if small > 0 {
		s += " " + strconv.FormatInt(small, 10) + smallUnit
	}
	return s
}
