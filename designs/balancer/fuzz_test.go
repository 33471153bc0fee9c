package balancer

import (
	"errors"
	"testing"
	"time"
)

// FuzzParseSpeeds: any text either parses to numbers that format back to
// an equivalent list, or fails with ErrInvalidParams; neither panics.
// Validate then accepts or rejects the speeds without panicking.
func FuzzParseSpeeds(f *testing.F) {
	for _, s := range []string{"4,2,1,1", " 1 , 2 ", "", ",", "1e400", "NaN", "-1", "0.1,100", "1,,2", "0x10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		speeds, err := ParseSpeeds(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidParams) {
				t.Fatalf("ParseSpeeds(%q): %v does not wrap ErrInvalidParams", s, err)
			}
			return
		}
		back, err := ParseSpeeds(FormatSpeeds(speeds))
		if err != nil || len(back) != len(speeds) {
			t.Fatalf("round trip of %q: %v, %v", s, back, err)
		}
		if err := (Params{Speeds: speeds, Requests: 100}).Validate(); err != nil && !errors.Is(err, ErrInvalidParams) {
			t.Fatalf("Validate(%v): %v", speeds, err)
		}
	})
}

// FuzzValidate: any numbers either validate (and then simulate) or fail
// with ErrInvalidParams.
func FuzzValidate(f *testing.F) {
	f.Add(0.7, int64(40e6), 100, 1, int64(1e9))
	f.Add(-1.0, int64(-1), -5, 9, int64(0))
	f.Fuzz(func(t *testing.T, load float64, service int64, requests, fail int, health int64) {
		p := Params{Load: load, ServiceTime: time.Duration(service), Requests: requests % 2000, Fail: fail, HealthInterval: time.Duration(health)}
		if _, err := Simulate(p); err != nil && !errors.Is(err, ErrInvalidParams) {
			t.Fatalf("%+v: %v", p, err)
		}
	})
}
