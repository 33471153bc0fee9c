package drills

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors of ParseUntil, checked with errors.Is.
var (
	// ErrUntilFormat means the text is not a YYYY-MM-DD date.
	ErrUntilFormat = errors.New("want a date as YYYY-MM-DD, e.g. 2026-12-10")
	// ErrUntilPast means the date is today or earlier.
	ErrUntilPast = errors.New("want a date after today")
)

// ParseUntil parses the interview date of --until, "2026-12-10", and
// returns the start of that day in now's time zone. The date must be
// after now's day: the cards have to be seen before it.
func ParseUntil(s string, now time.Time) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), now.Location())
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %w", s, ErrUntilFormat)
	}
	if !d.After(StartOfDay(now)) {
		return time.Time{}, fmt.Errorf("%q is not after today (%s): %w", s, now.Format(time.DateOnly), ErrUntilPast)
	}
	return d, nil
}
