package tui

import (
	"strings"
	"testing"

	"github.com/sdprep/sdprep/designs/ratelimit"
)

// FuzzParseLevels: any text gives levels in (0, 100] or an error that
// names the field.
func FuzzParseLevels(f *testing.F) {
	for _, s := range []string{"99.9", "99.9, 99.99%", "0.999", "", " , ", "1e2", "100.0001", "-5", "nan", "inf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		levels, _, err := parseLevels(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "availability: ") {
				t.Errorf("%q: error %q does not name the field", s, err)
			}
			return
		}
		for _, l := range levels {
			if !(l > 0 && l <= 100) {
				t.Errorf("%q: level %v", s, l)
			}
		}
	})
}

// FuzzParseLimitForm: any rate and burst give a valid limit or an error
// naming the field.
func FuzzParseLimitForm(f *testing.F) {
	for _, c := range [][2]string{{"10/s", "0"}, {"2k/min", "20"}, {"5/100ms", "-1"}, {"0/s", "0"}, {"1/0s", "1"}, {"", ""}, {"1e9/ns", "1"}} {
		f.Add(c[0], c[1])
	}
	base := ratelimit.Config{Algorithm: ratelimit.TokenBucket, Limit: 10, Window: 1e9}
	f.Fuzz(func(t *testing.T, rate, burst string) {
		cfg, err := parseLimitForm(base, rate, burst)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "rate ") && !strings.HasPrefix(err.Error(), "burst ") && !strings.HasPrefix(err.Error(), "limit ") && !strings.HasPrefix(err.Error(), "window ") {
				t.Errorf("%q %q: error %q names no field", rate, burst, err)
			}
			return
		}
		if err := cfg.Validate(); err != nil {
			t.Errorf("%q %q: accepted an invalid config: %v", rate, burst, err)
		}
	})
}
