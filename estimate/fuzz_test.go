package estimate

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Seeds shared by the parser fuzz targets: every form the issue names, and
// the bad inputs it lists.
var fuzzSeeds = []string{
	"100M", "2.5K", "1B", "1e6", "1,000", "280B", "200KB", "1.5GiB", "10%", "0.1",
	"5y", "30d", "45m", "6mo", "100:1", "100", "100M/month", "6K/s", "600M/day", "10B/month",
	"abc", "-5", "150%", "10XB", "1e400", "", "NaN", "Inf", "1,00", "0", "-0", "1e-400",
	"1e30", "1e-30", "1e30:1e-30", "1e-10s", "0x10", "1_000", " 7 K ", "1,000,000.5e-3",
}

// checkParsed asserts the contract of a parser on any input: no panic
// (the fuzzer reports those), a value in range when err is nil, and a
// well-formed one-line *ParseError otherwise.
func checkParsed(t *testing.T, in string, v float64, err error, lo, hi float64, loOpen bool) {
	t.Helper()
	if err != nil {
		checkParseError(t, in, err)
		if v != 0 {
			t.Errorf("%q: error %v with value %v", in, err, v)
		}
		return
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v > hi || v < lo || (loOpen && v == lo) || math.Signbit(v) {
		t.Errorf("%q parsed to %v, outside the documented range", in, v)
	}
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
}

func FuzzParseCount(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseCount(in)
		checkParsed(t, in, v, err, minQuantity, maxQuantity, false)
		fv, ferr := ParseFactor(in)
		if fv != v || (ferr == nil) != (err == nil) {
			t.Errorf("%q: ParseFactor = %v, %v; ParseCount = %v, %v", in, fv, ferr, v, err)
		}
	})
}

func FuzzParseBytes(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseBytes(in)
		checkParsed(t, in, v, err, 0, maxQuantity, false)
	})
}

func FuzzParseFraction(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseFraction(in)
		checkParsed(t, in, v, err, 0, 1, false)
	})
}

func FuzzParseDuration(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDuration(in)
		if err != nil {
			checkParseError(t, in, err)
			return
		}
		if d <= 0 || d > 200*DaysPerYear*Day {
			t.Errorf("%q parsed to %v, want 0 < d ≤ 200y", in, d)
		}
		if d%time.Nanosecond != 0 {
			t.Errorf("%q parsed to a fractional duration %v", in, d)
		}
	})
}

func FuzzParseRatio(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseRatio(in)
		checkParsed(t, in, v, err, minQuantity, maxQuantity, false)
	})
}

func FuzzParseVolume(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseVolume(in)
		checkParsed(t, in, v, err, 0, maxQuantity, true)
	})
}

func FuzzParseAvailability(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{"99.99", "99.9%", "100", "100.5", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseAvailability(in)
		checkParsed(t, in, v, err, 0, 100, true)
		if err == nil {
			a := Downtime(v)
			for _, d := range []time.Duration{a.PerYear, a.PerMonth, a.PerWeek, a.PerDay} {
				if d < 0 || d > DaysPerYear*Day {
					t.Errorf("Downtime(%v) = %+v", v, a)
				}
			}
		}
	})
}

// fuzzBases are the scenarios FuzzRun changes one value of: a bare
// --dau 100M (a flag), a --mau scenario, and every preset.
func fuzzBase(t *testing.T, i int) Scenario {
	t.Helper()
	switch n := i % (len(presets) + 2); n {
	case 0:
		s := NewScenario(nil)
		mustSet(t, &s, PDAU, "100M")
		return s
	case 1:
		s := NewScenario(nil)
		mustSet(t, &s, PMAU, "300M")
		return s
	default:
		return NewScenario(&presets[n-2])
	}
}

// FuzzRun sets one parameter of a valid scenario to an arbitrary text and
// runs the estimate. It must never panic; a failure is one line naming the
// parameter and the value (or the missing volume); a success has only
// finite, non-negative figures and prints in every format without NaN or
// Inf.
func FuzzRun(f *testing.F) {
	for i, p := range params {
		for _, s := range []string{"100M", "2.5K", "10%", "5y", "100:1", "100M/month", "6K/s", "280B", "1.5GiB",
			"0", "-5", "abc", "1e30", "1e-30", "150%", "", "0.5", "1e-10s"} {
			f.Add(uint8(i*7+len(s)), uint8(i), s)
		}
		f.Add(uint8(i), uint8(i), p.Default)
	}
	f.Fuzz(func(t *testing.T, base, param uint8, value string) {
		s := fuzzBase(t, int(base))
		name := params[int(param)%len(params)].Name
		if err := s.Set(name, value); err != nil {
			// Only the flag base can conflict: --mau next to --dau.
			pe := checkParseError(t, value, err)
			if pe.Field != name {
				t.Errorf("Set(%s) error names %q", name, pe.Field)
			}
			return
		}
		e, as, err := Run(s)
		if err != nil {
			if errors.Is(err, ErrNoVolume) {
				return
			}
			pe := checkParseError(t, value, err)
			if pe.Field != name {
				t.Errorf("setting %s=%q failed on %s: %v", name, value, pe.Field, err)
			}
			return
		}
		checkEstimate(t, e)
		if len(as) == 0 {
			t.Error("no assumptions")
		}
		e2, as2, err2 := Run(s)
		if err2 != nil || !reflect.DeepEqual(e, e2) || !reflect.DeepEqual(as, as2) {
			t.Error("Run is not deterministic")
		}
		r := Report{Estimate: e, Assumptions: as}
		for _, f := range []outFormat{outText, outMarkdown, outJSON} {
			var b bytes.Buffer
			if err := f.write(&b, r); err != nil {
				t.Fatalf("Write(%s): %v", f, err)
			}
			for _, bad := range []string{"NaN", "Inf", "n/a"} {
				if strings.Contains(b.String(), bad) && !strings.Contains(value, bad) {
					t.Errorf("%s report for %s=%q contains %s", f, name, value, bad)
				}
			}
			if f == outJSON && !json.Valid(b.Bytes()) {
				t.Errorf("invalid JSON for %s=%q", name, value)
			}
		}
	})
}

// checkEstimate asserts every figure and step of e is finite and not
// negative.
func checkEstimate(t *testing.T, e Estimate) {
	t.Helper()
	for _, v := range []reflect.Value{reflect.ValueOf(e), reflect.ValueOf(e.Inputs)} {
		for i := range v.NumField() {
			if fv, ok := v.Field(i).Interface().(float64); ok {
				if math.IsNaN(fv) || math.IsInf(fv, 0) || fv < 0 {
					t.Errorf("%s = %v", v.Type().Field(i).Name, fv)
				}
			}
		}
	}
	for _, st := range e.Steps {
		if math.IsNaN(st.Value) || math.IsInf(st.Value, 0) || st.Value < 0 {
			t.Errorf("step %s = %v", st.Name, st.Value)
		}
	}
	if e.Inputs.PeakFactor < 1 || e.Inputs.Replication < 1 || e.Inputs.ServerQPS <= 0 || e.Inputs.RetentionDays <= 0 {
		t.Errorf("inputs out of range: %+v", e.Inputs)
	}
}
