package estimate

import (
	"errors"
	"strings"
	"testing"
)

func TestParamBounds(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
		reason      string
	}{
		{PDAU, "1", true, ""},
		{PDAU, "10B", true, ""},
		{PDAU, "0.001", false, "below 1"},
		{PDAU, "1e30", false, "too large"},
		{PMAU, "20B", false, "too large"},
		{PWritesPerUser, "0.5", true, ""},
		{PWrites, "1e30/day", false, "too large"},
		{PWrites, "1/month", true, ""},
		{PWriteSize, "0B", true, ""},
		{PWriteSize, "2TB", false, "too large"},
		{PServerEgress, "0", false, "must be above 0"},
		{PServerEgress, "1.25GB", true, ""},
		{PServerQPS, "2e9", false, "too large"},
		{PPeakFactor, "1", true, ""},
		{PPeakFactor, "0.5", false, "below 1"},
		{PReplication, "1000", false, "too large"},
	}
	for _, tt := range tests {
		p, _ := ParamByName(tt.name)
		_, err := p.parse(tt.value)
		if tt.ok {
			if err != nil {
				t.Errorf("--%s %s: %v", tt.name, tt.value, err)
			}
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Field != tt.name || pe.Value != tt.value || pe.Reason != tt.reason || !strings.Contains(pe.Accepted, "like") {
			t.Errorf("--%s %s: error %v, want field, value, reason %q and what is accepted", tt.name, tt.value, err, tt.reason)
		}
	}
}

// Every preset and every default lies inside the bounds.
func TestPresetsAndDefaultsWithinBounds(t *testing.T) {
	for _, p := range params {
		if p.Default == "" {
			continue
		}
		if _, err := p.parse(p.Default); err != nil {
			t.Errorf("default of --%s: %v", p.Name, err)
		}
	}
	for _, name := range PresetNames() {
		pr, _ := PresetByName(name)
		for _, v := range pr.Values {
			p, _ := ParamByName(v.Param)
			if _, err := p.parse(v.Value); err != nil {
				t.Errorf("preset %s: %v", name, err)
			}
		}
	}
}

// A bad value is reported before a missing volume.
func TestResolveReportsBadValueBeforeMissingVolume(t *testing.T) {
	s := NewScenario(nil)
	if err := s.Set(PMediaFraction, "150%"); err != nil {
		t.Fatal(err)
	}
	_, _, err := Resolve(s)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Field != PMediaFraction || errors.Is(err, ErrNoVolume) {
		t.Errorf("Resolve error %v, want the --media-fraction error first", err)
	}
	s = NewScenario(nil)
	if err := s.Set(PServerEgress, "1GB"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Resolve(s); !errors.Is(err, ErrNoVolume) {
		t.Errorf("Resolve with only good values: %v, want ErrNoVolume", err)
	}
}
