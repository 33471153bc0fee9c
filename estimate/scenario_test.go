package estimate

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func mustSet(t testing.TB, s *Scenario, name, value string) {
	t.Helper()
	if err := s.Set(name, value); err != nil {
		t.Fatalf("Set(%q, %q): %v", name, value, err)
	}
}

func assumption(t testing.TB, as []Assumption, name string) Assumption {
	t.Helper()
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no assumption %q in %v", name, as)
	return Assumption{}
}

func TestScenarioPresetValues(t *testing.T) {
	p, ok := PresetByName("twitter")
	if !ok {
		t.Fatal("no twitter preset")
	}
	s := NewScenario(p)
	if s.Preset != "twitter" {
		t.Errorf("Preset = %q", s.Preset)
	}
	for _, v := range p.Values {
		got, ok := s.Get(v.Param)
		if !ok || got.Value != v.Value || got.Source != SourcePreset || got.Note != v.Note {
			t.Errorf("Get(%q) = %+v, %v; want preset value %q", v.Param, got, ok, v.Value)
		}
	}
	if _, ok := s.Get(PCacheFraction); ok {
		t.Error("twitter sets cache-fraction, which its preset does not list")
	}
	want := []string{PDAU, PWritesPerUser, PReadWriteRatio, PWriteSize, PMediaFraction, PMediaSize, PReadSize, PRetention, PReplication, PServerQPS}
	if got := s.SetNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("SetNames() = %v, want %v", got, want)
	}
}

func TestScenarioFlagOverridesPreset(t *testing.T) {
	e, as := runFlags(t, "twitter", "--dau", "1M", "--peak-factor", "3")
	if e.DAU != 1e6 || e.Inputs.PeakFactor != 3 {
		t.Errorf("DAU %v, peak factor %v; want the flag values 1M and 3", e.DAU, e.Inputs.PeakFactor)
	}
	if !near(e.WritesPerDay, 2e6) || !near(e.ReadsPerDay, 10e6) {
		t.Errorf("writes/day %v, reads/day %v; want preset rates applied to 1M users", e.WritesPerDay, e.ReadsPerDay)
	}
	wantSources := map[string]string{
		PDAU: "flag", PPeakFactor: "flag",
		PWritesPerUser: "preset", PReadWriteRatio: "preset", PWriteSize: "preset", PReplication: "preset",
		PCacheFraction: "default", PServerQPS: "preset", PServerEgress: "default",
	}
	for name, src := range wantSources {
		if a := assumption(t, as, name); a.Source != src {
			t.Errorf("assumption %s has source %q, want %q", name, a.Source, src)
		}
	}
	if a := assumption(t, as, PWriteSize); a.Note == "" {
		t.Error("preset assumption has no note")
	}
	if a := assumption(t, as, PDAU); a.Note != "" || a.Text != "1M" || a.Value != 1e6 {
		t.Errorf("flag assumption %+v; want text 1M, value 1e6, no note", a)
	}
}

// A flag replaces preset values of its alternatives: --reads-per-user on
// the twitter preset drops the preset's read-write ratio.
func TestScenarioFlagReplacesPresetAlternative(t *testing.T) {
	p, _ := PresetByName("twitter")
	s := NewScenario(p)
	mustSet(t, &s, PReadsPerUser, "5")
	if _, ok := s.Get(PReadWriteRatio); ok {
		t.Error("read-write-ratio from the preset survives --reads-per-user")
	}
	e, _, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	if e.Inputs.ReadsBasis != BasisPerUser || e.ReadsPerDay != 300e6*5 {
		t.Errorf("reads: basis %v, per day %v; want per-user, 1.5B", e.Inputs.ReadsBasis, e.ReadsPerDay)
	}

	p, _ = PresetByName("url-shortener")
	s = NewScenario(p)
	mustSet(t, &s, PDAU, "10M")
	mustSet(t, &s, PWritesPerUser, "1")
	e, _, err = Run(s)
	if err != nil {
		t.Fatal(err)
	}
	if e.Inputs.WritesBasis != BasisPerUser || e.WritesPerDay != 10e6 {
		t.Errorf("writes: basis %v, per day %v; want per-user, 10M", e.Inputs.WritesBasis, e.WritesPerDay)
	}
	if e.Inputs.ReadsBasis != BasisAbsolute {
		t.Errorf("reads basis %v; the preset's absolute reads should remain", e.Inputs.ReadsBasis)
	}
}

func TestScenarioGroupConflicts(t *testing.T) {
	tests := []struct{ first, firstValue, second, secondValue string }{
		{PReadsPerUser, "100", PReadWriteRatio, "100"},
		{PReadWriteRatio, "100:1", PReadsPerUser, "100"},
		{PReads, "10B/month", PReadsPerUser, "5"},
		{PWritesPerUser, "2", PWrites, "100M/month"},
		{PDAU, "100M", PMAU, "300M"},
	}
	for _, tt := range tests {
		t.Run(tt.first+"+"+tt.second, func(t *testing.T) {
			p, _ := PresetByName("twitter")
			s := NewScenario(p)
			mustSet(t, &s, tt.first, tt.firstValue)
			err := s.Set(tt.second, tt.secondValue)
			pe := checkParseError(t, tt.secondValue, err)
			if pe.Field != tt.second {
				t.Errorf("Field = %q, want %q", pe.Field, tt.second)
			}
			msg := err.Error()
			for _, name := range []string{"--" + tt.first, "--" + tt.second} {
				if !strings.Contains(msg, name) {
					t.Errorf("message %q does not name %s", msg, name)
				}
			}
			got, ok := s.Get(tt.first)
			if !ok || got.Value != tt.firstValue || got.Source != SourceFlag {
				t.Errorf("the first value changed: %+v", got)
			}
			if _, ok := s.Get(tt.second); ok {
				t.Error("a rejected value was stored")
			}
		})
	}
	// Setting the same flag twice is not a conflict: the last value wins.
	s := NewScenario(nil)
	mustSet(t, &s, PReadsPerUser, "5")
	mustSet(t, &s, PReadsPerUser, "7")
	if got, _ := s.Get(PReadsPerUser); got.Value != "7" {
		t.Errorf("second Set kept %q", got.Value)
	}
}

func TestScenarioUnset(t *testing.T) {
	p, _ := PresetByName("twitter")
	s := NewScenario(p)
	mustSet(t, &s, PPeakFactor, "3")
	s.Unset(PPeakFactor)
	s.Unset(PReplication) // a preset value
	s.Unset(PServerQPS)   // not set: nothing happens
	for _, name := range []string{PPeakFactor, PReplication} {
		if _, ok := s.Get(name); ok {
			t.Errorf("%s still set after Unset", name)
		}
	}
	e, as, err := Run(s)
	if err != nil {
		t.Fatal(err)
	}
	if e.Inputs.PeakFactor != 2 || e.Inputs.Replication != 1 {
		t.Errorf("peak factor %v, replication %v; want defaults 2 and 1", e.Inputs.PeakFactor, e.Inputs.Replication)
	}
	for _, name := range []string{PPeakFactor, PReplication} {
		a := assumption(t, as, name)
		param, _ := ParamByName(name)
		if a.Source != "default" || a.Text != param.Default {
			t.Errorf("assumption %s = %+v; want default %q", name, a, param.Default)
		}
	}
	// Unsetting a flag frees its group: the alternative may now be set.
	mustSet(t, &s, PReadsPerUser, "5")
	s.Unset(PReadsPerUser)
	mustSet(t, &s, PReadWriteRatio, "50")
}

func TestScenarioZeroValue(t *testing.T) {
	var s Scenario
	if _, _, err := Run(s); !errors.Is(err, ErrNoVolume) {
		t.Errorf("Run(empty) error = %v, want ErrNoVolume", err)
	}
	s.Unset(PDAU)
	mustSet(t, &s, PDAU, "100M")
	if _, _, err := Run(s); err != nil {
		t.Errorf("Run(--dau 100M on a zero Scenario): %v", err)
	}
	if err := s.Set("no-such-flag", "1"); err == nil || !strings.Contains(err.Error(), `"no-such-flag"`) {
		t.Errorf("Set(unknown) error = %v", err)
	}
}

// `--dau 100M` alone is a full estimate, and the assumptions say which
// inputs were defaulted.
func TestDefaultsOnly(t *testing.T) {
	e, as := runFlags(t, "", "--dau", "100M")
	want := []struct{ name, text, source string }{
		{PDAU, "100M", "flag"},
		{PWritesPerUser, "1", "default"},
		{PReadsPerUser, "10", "default"},
		{PWriteSize, "1KB", "default"},
		{PMediaFraction, "0%", "default"},
		{PReadSize, "1 KB", "default"},
		{PPeakFactor, "2", "default"},
		{PRetention, "5y", "default"},
		{PReplication, "1", "default"},
		{PCacheFraction, "20%", "default"},
		{PServerQPS, "10K", "default"},
		{PServerEgress, "1.25GB", "default"},
	}
	if len(as) != len(want) {
		t.Errorf("%d assumptions, want %d: %+v", len(as), len(want), as)
	}
	for i, w := range want {
		if i >= len(as) {
			break
		}
		if a := as[i]; a.Name != w.name || a.Text != w.text || a.Source != w.source {
			t.Errorf("assumption %d = %+v, want %s %q %s", i, a, w.name, w.text, w.source)
		}
	}
	if a := assumption(t, as, PReadSize); a.Note != "same as the write size" || a.Value != 1000 {
		t.Errorf("read-size assumption %+v", a)
	}
	if e.WritesPerDay != 100e6 || e.ReadsPerDay != 1e9 || e.StoragePerDay != 100e9 {
		t.Errorf("writes/day %v, reads/day %v, storage/day %v", e.WritesPerDay, e.ReadsPerDay, e.StoragePerDay)
	}
	if e.MediaStoragePerDay != 0 {
		t.Errorf("media storage %v with no media", e.MediaStoragePerDay)
	}
	if _, ok := e.Step(SMediaStoragePerDay); ok {
		t.Error("a media step with no media")
	}
	st, _ := e.Step(SStorageReplicated)
	if want := "182.5 TB × 1 copy ≈ 182.5 TB stored"; st.Formula != want {
		t.Errorf("replication formula %q, want %q", st.Formula, want)
	}
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name   string
		preset string
		flags  []string
		field  string // "" for ErrNoVolume
		value  string
		reason string
	}{
		{"nothing", "", nil, "", "", ""},
		{"rates without users", "", []string{PWritesPerUser, "2"}, "", "", ""},
		{"reads per user without users", "", []string{PWrites, "1M/day", PReadsPerUser, "5"}, PReadsPerUser, "5", "no users"},
		{"daily fraction 0", "", []string{PMAU, "100M", PDailyFraction, "0"}, PDailyFraction, "0", "no daily users"},
		{"peak factor below 1", "", []string{PDAU, "1M", PPeakFactor, "0.5"}, PPeakFactor, "0.5", "below 1"},
		{"replication below 1", "twitter", []string{PReplication, "0.9"}, PReplication, "0.9", "below 1"},
		{"bad preset-overriding flag", "twitter", []string{PReadSize, "1XB"}, PReadSize, "1XB", "unknown unit"},
		// Values the estimate does not need are still checked.
		{"unused daily fraction", "", []string{PDAU, "1M", PDailyFraction, "abc"}, PDailyFraction, "abc", ""},
		{"unused media size", "", []string{PDAU, "1M", PMediaSize, "-1KB"}, PMediaSize, "-1KB", "negative"},
		{"unused read size", "web-crawler", []string{PReadSize, "big"}, PReadSize, "big", ""},
		{"unused cache fraction", "web-crawler", []string{PCacheFraction, "120%"}, PCacheFraction, "120%", "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *Preset
			if tt.preset != "" {
				p, _ = PresetByName(tt.preset)
			}
			s := NewScenario(p)
			for i := 0; i < len(tt.flags); i += 2 {
				mustSet(t, &s, tt.flags[i], tt.flags[i+1])
			}
			e, as, err := Run(s)
			if err == nil {
				t.Fatalf("no error; estimate %+v", e)
			}
			if as != nil || !reflect.DeepEqual(e, Estimate{}) {
				t.Error("a failed Run returned partial results")
			}
			if tt.field == "" {
				if !errors.Is(err, ErrNoVolume) {
					t.Errorf("error %v, want ErrNoVolume", err)
				}
				if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "--dau") {
					t.Errorf("ErrNoVolume message %q", err)
				}
				return
			}
			pe := checkParseError(t, tt.value, err)
			if pe.Field != tt.field || !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q; want field %s and reason %q", err, tt.field, tt.reason)
			}
		})
	}
}

func TestSourceString(t *testing.T) {
	for src, want := range map[Source]string{SourceDefault: "default", SourcePreset: "preset", SourceFlag: "flag"} {
		if got := src.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", src, got, want)
		}
	}
}
