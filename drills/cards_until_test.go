package drills

import (
	"errors"
	"testing"
	"time"
)

func TestParseUntil(t *testing.T) {
	now := time.Date(2026, 12, 4, 23, 30, 0, 0, time.FixedZone("X", -5*3600))
	got, err := ParseUntil(" 2026-12-10 ", now)
	if err != nil || !got.Equal(time.Date(2026, 12, 10, 0, 0, 0, 0, now.Location())) {
		t.Errorf("ParseUntil = %v, %v", got, err)
	}
	for in, want := range map[string]error{
		"2026-12-04": ErrUntilPast, "2026-12-03": ErrUntilPast, "2025-01-01": ErrUntilPast,
		"": ErrUntilFormat, "tomorrow": ErrUntilFormat, "2026-13-01": ErrUntilFormat, "12/10/2026": ErrUntilFormat, "2026-12-10T00:00:00Z": ErrUntilFormat,
	} {
		if _, err := ParseUntil(in, now); !errors.Is(err, want) {
			t.Errorf("ParseUntil(%q) = %v; want %v", in, err, want)
		}
	}
}

func FuzzParseUntil(f *testing.F) {
	for _, s := range []string{"2026-12-10", "2026-12-04", "", "2026-02-30", "9999-12-31", "0000-01-01", "２０２６-12-10"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseUntil(s, now)
		if err != nil {
			if !errors.Is(err, ErrUntilFormat) && !errors.Is(err, ErrUntilPast) {
				t.Errorf("ParseUntil(%q): unnamed error %v", s, err)
			}
			return
		}
		if !d.After(now) || !d.Equal(StartOfDay(d)) {
			t.Errorf("ParseUntil(%q) = %v: want the start of a day after %v", s, d, now)
		}
	})
}
