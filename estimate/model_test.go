package estimate

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// runFlags sets "--name value" pairs on a scenario (from a preset, or none
// when preset is ""), as the command line does, and runs it.
func runFlags(t *testing.T, preset string, pairs ...string) (Estimate, []Assumption) {
	t.Helper()
	var p *Preset
	if preset != "" {
		var ok bool
		if p, ok = PresetByName(preset); !ok {
			t.Fatalf("no preset %q", preset)
		}
	}
	s := NewScenario(p)
	for i := 0; i+1 < len(pairs); i += 2 {
		mustSet(t, &s, strings.TrimPrefix(pairs[i], "--"), pairs[i+1])
	}
	e, as, err := Run(s)
	if err != nil {
		t.Fatalf("Run(%v): %v", pairs, err)
	}
	return e, as
}

// The worked examples of the issue, at the precision the issue states.
func TestWorkedExamples(t *testing.T) {
	type figure struct {
		name   string
		got    func(Estimate) float64
		want   float64 // exact value in base units
		format func(float64) string
		text   string // as printed by format
	}
	count := FormatCount
	bytes := func(v float64) string { return FormatBytes(v, false) }
	tests := []struct {
		name     string
		flags    []string
		figures  []figure
		approx   map[string][2]float64 // figure → [value, unit]: rounds to value units
		formulas map[string]string     // step → exact derivation line
	}{
		{
			name:  "300M DAU, 100:1 reads, 10% media",
			flags: []string{"--dau", "300M", "--writes-per-user", "2", "--read-write-ratio", "100", "--write-size", "280B", "--media-fraction", "10%", "--media-size", "200KB"},
			figures: []figure{
				{"writes/day", func(e Estimate) float64 { return e.WritesPerDay }, 600e6, count, "600M"},
				{"write QPS", func(e Estimate) float64 { return e.WriteQPS }, 600e6 / 86400, count, "6.9K"},
				{"reads/day", func(e Estimate) float64 { return e.ReadsPerDay }, 60e9, count, "60B"},
				{"read QPS", func(e Estimate) float64 { return e.ReadQPS }, 60e9 / 86400, count, "694.4K"},
				{"text/day", func(e Estimate) float64 { return e.TextStoragePerDay }, 168e9, bytes, "168 GB"},
				{"media/day", func(e Estimate) float64 { return e.MediaStoragePerDay }, 12e12, bytes, "12 TB"},
				{"storage/day", func(e Estimate) float64 { return e.StoragePerDay }, 12.168e12, bytes, "12.2 TB"},
			},
			approx: map[string][2]float64{
				"read QPS": {694, 1e3}, // ≈694K reads/s
			},
			formulas: map[string]string{
				SWritesPerDay:       "300M users × 2 writes/user/day = 600M writes/day",
				SWriteQPS:           "600M writes/day ÷ 86,400 s/day ≈ 6.9K writes/s",
				SReadsPerDay:        "600M writes/day × 100 reads per write = 60B reads/day",
				SReadQPS:            "60B reads/day ÷ 86,400 s/day ≈ 694.4K reads/s",
				STextStoragePerDay:  "600M writes/day × 280 B = 168 GB/day",
				SMediaStoragePerDay: "600M writes/day × 10% with media × 200 KB = 12 TB/day",
				SStoragePerDay:      "168 GB text + 12 TB media ≈ 12.2 TB/day",
			},
		},
		{
			name:  "100M DAU, 100 reads per user, 5 years",
			flags: []string{"--dau", "100M", "--writes-per-user", "2", "--reads-per-user", "100", "--write-size", "280B", "--media-fraction", "10%", "--media-size", "200KB", "--read-size", "1KB", "--retention", "5y"},
			figures: []figure{
				{"writes/day", func(e Estimate) float64 { return e.WritesPerDay }, 200e6, count, "200M"},
				{"write QPS", func(e Estimate) float64 { return e.WriteQPS }, 200e6 / 86400, count, "2.3K"},
				{"read QPS", func(e Estimate) float64 { return e.ReadQPS }, 10e9 / 86400, count, "115.7K"},
				{"text/day", func(e Estimate) float64 { return e.TextStoragePerDay }, 56e9, bytes, "56 GB"},
				{"media/day", func(e Estimate) float64 { return e.MediaStoragePerDay }, 4e12, bytes, "4 TB"},
				{"storage 5y", func(e Estimate) float64 { return e.StorageTotal }, 4.056e12 * 1825, bytes, "7.4 PB"},
				{"egress", func(e Estimate) float64 { return e.EgressPerSec }, 10e9 / 86400 * 1000, bytes, "115.7 MB"},
			},
			approx: map[string][2]float64{
				"egress": {116, 1e6}, // ≈116 MB/s
			},
			formulas: map[string]string{
				SWriteQPS:           "200M writes/day ÷ 86,400 s/day ≈ 2.3K writes/s",
				SReadsPerDay:        "100M users × 100 reads/user/day = 10B reads/day",
				SReadQPS:            "10B reads/day ÷ 86,400 s/day ≈ 115.7K reads/s",
				STextStoragePerDay:  "200M writes/day × 280 B = 56 GB/day",
				SMediaStoragePerDay: "200M writes/day × 10% with media × 200 KB = 4 TB/day",
				SStoragePerDay:      "56 GB text + 4 TB media ≈ 4.1 TB/day",
				SStorageTotal:       "4.06 TB/day × 1,825 days (5y retention) ≈ 7.4 PB before replication",
				SEgress:             "115,741 reads/s × 1 KB/read ≈ 115.7 MB/s = 925.9 Mbps",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := runFlags(t, "", tt.flags...)
			for _, f := range tt.figures {
				v := f.got(e)
				if !near(v, f.want) {
					t.Errorf("%s = %v, want %v", f.name, v, f.want)
				}
				if text := f.format(v); text != f.text {
					t.Errorf("%s prints %q, want %q", f.name, text, f.text)
				}
				if a, ok := tt.approx[f.name]; ok && math.Round(v/a[1]) != a[0] {
					t.Errorf("%s = %v, does not round to %v × %v", f.name, v, a[0], a[1])
				}
			}
			for name, want := range tt.formulas {
				st, ok := e.Step(name)
				if !ok {
					t.Errorf("no step %s", name)
					continue
				}
				if st.Formula != want {
					t.Errorf("step %s formula\n got %q\nwant %q", name, st.Formula, want)
				}
			}
		})
	}
}

func TestComputeFigures(t *testing.T) {
	in := Inputs{
		Users: 1e6, WritesBasis: BasisPerUser, WritesPerUser: 10, WritesPerDay: 10e6,
		ReadsBasis: BasisRatio, ReadWriteRatio: 5, ReadsPerDay: 50e6,
		WriteSize: 1000, MediaFraction: 0.5, MediaSize: 10000, ReadSize: 2000,
		PeakFactor: 3, RetentionDays: 10, RetentionText: "10d", Replication: 3,
		CacheFraction: 0.2, ServerQPS: 100,
	}
	e := Compute(in)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"WriteQPS", e.WriteQPS, 10e6 / 86400},
		{"PeakWriteQPS", e.PeakWriteQPS, 3 * 10e6 / 86400},
		{"ReadQPS", e.ReadQPS, 50e6 / 86400},
		{"PeakReadQPS", e.PeakReadQPS, 3 * 50e6 / 86400},
		{"TextStoragePerDay", e.TextStoragePerDay, 10e9},
		{"MediaStoragePerDay", e.MediaStoragePerDay, 10e6 * 0.5 * 10000},
		{"StoragePerDay", e.StoragePerDay, 10e9 + 50e9},
		{"StoragePerMonth", e.StoragePerMonth, 60e9 * 30},
		{"StoragePerYear", e.StoragePerYear, 60e9 * 365},
		{"StorageTotal", e.StorageTotal, 60e9 * 10},
		{"StorageReplicated", e.StorageReplicated, 60e9 * 10 * 3},
		{"IngressPerSec", e.IngressPerSec, 10e6 / 86400 * 6000},
		{"PeakIngressPerSec", e.PeakIngressPerSec, 3 * 10e6 / 86400 * 6000},
		{"EgressPerSec", e.EgressPerSec, 50e6 / 86400 * 2000},
		{"PeakEgressPerSec", e.PeakEgressPerSec, 3 * 50e6 / 86400 * 2000},
		{"CacheBytes", e.CacheBytes, 50e6 * 2000 * 0.2},
		{"QPS", e.QPS, 60e6 / 86400},
		{"PeakQPS", e.PeakQPS, 180e6 / 86400},
		{"Servers", e.Servers, math.Ceil(60e6 / 86400 / 100)},
		{"PeakServers", e.PeakServers, math.Ceil(180e6 / 86400 / 100)},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if e.Servers != 7 || e.PeakServers != 21 {
		t.Errorf("servers = %v / %v, want 7 / 21", e.Servers, e.PeakServers)
	}
	st, _ := e.Step(SPeakServers)
	if !strings.Contains(st.Formula, "→ 21 servers; at average load they run at 33% of capacity (67% headroom)") {
		t.Errorf("peak servers formula %q", st.Formula)
	}
	if !reflect.DeepEqual(Compute(in), e) {
		t.Error("Compute is not deterministic")
	}
}

// Every step the model records names a figure of the estimate with the same
// value, so JSON steps and JSON fields never disagree.
func TestStepsMatchFigures(t *testing.T) {
	e, _ := runFlags(t, "twitter")
	fields := map[string]float64{
		SWritesPerDay: e.WritesPerDay, SWriteQPS: e.WriteQPS, SPeakWriteQPS: e.PeakWriteQPS,
		SReadsPerDay: e.ReadsPerDay, SReadQPS: e.ReadQPS, SPeakReadQPS: e.PeakReadQPS,
		STextStoragePerDay: e.TextStoragePerDay, SMediaStoragePerDay: e.MediaStoragePerDay,
		SStoragePerDay: e.StoragePerDay, SStoragePerMonth: e.StoragePerMonth, SStoragePerYear: e.StoragePerYear,
		SStorageTotal: e.StorageTotal, SStorageReplicated: e.StorageReplicated,
		SIngress: e.IngressPerSec, SPeakIngress: e.PeakIngressPerSec, SEgress: e.EgressPerSec, SPeakEgress: e.PeakEgressPerSec,
		SCache: e.CacheBytes, SServers: e.Servers, SPeakServers: e.PeakServers, SEgressServers: e.EgressServers,
	}
	if len(e.Steps) != len(fields) {
		t.Errorf("twitter has %d steps, want %d", len(e.Steps), len(fields))
	}
	for _, st := range e.Steps {
		want, ok := fields[st.Name]
		if !ok {
			t.Errorf("unexpected step %s", st.Name)
			continue
		}
		if st.Value != want {
			t.Errorf("step %s = %v, figure = %v", st.Name, st.Value, want)
		}
		if st.Unit == "" || st.Formula == "" || Label(st.Name) == "" {
			t.Errorf("step %s: unit %q, formula %q, label %q", st.Name, st.Unit, st.Formula, Label(st.Name))
		}
	}
}

func TestBinaryChangesUnitsOnly(t *testing.T) {
	e, as := runFlags(t, "twitter")
	in := e.Inputs
	in.Binary = true
	b := Compute(in)
	for i, st := range b.Steps {
		if st.Value != e.Steps[i].Value {
			t.Errorf("step %s: binary value %v, decimal %v", st.Name, st.Value, e.Steps[i].Value)
		}
	}
	st, _ := b.Step(STextStoragePerDay)
	if want := "600M writes/day × 280 B = 156.5 GiB/day"; st.Formula != want {
		t.Errorf("binary text storage formula %q, want %q", st.Formula, want)
	}
	var out strings.Builder
	if err := (Report{Estimate: b, Assumptions: as}).Text(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "binary units (1 KiB = 1,024 B)") {
		t.Error("binary report does not state its units")
	}
	if strings.Contains(out.String(), " GB") || strings.Contains(out.String(), " TB") {
		t.Error("binary report prints decimal units")
	}
}

func TestAbsoluteVolumes(t *testing.T) {
	e, _ := runFlags(t, "", "--writes", "100M/month", "--reads", "10B/month", "--write-size", "500B")
	if !near(e.WritesPerDay, 100e6/30) || !near(e.ReadsPerDay, 10e9/30) {
		t.Errorf("per day = %v writes, %v reads", e.WritesPerDay, e.ReadsPerDay)
	}
	if e.DAU != 0 {
		t.Errorf("DAU = %v with absolute volumes", e.DAU)
	}
	st, _ := e.Step(SWritesPerDay)
	if want := "100M/month = 3.3M writes/day"; st.Formula != want {
		t.Errorf("writes formula %q, want %q", st.Formula, want)
	}
	st, _ = e.Step(SReadsPerDay)
	if want := "10B/month = 333.3M reads/day"; st.Formula != want {
		t.Errorf("reads formula %q, want %q", st.Formula, want)
	}
	if _, ok := e.Step(SDAU); ok {
		t.Error("absolute volumes print a DAU step")
	}

	e, _ = runFlags(t, "", "--writes", "6K/s", "--reads", "600M/day")
	if !near(e.WriteQPS, 6000) || !near(e.ReadsPerDay, 600e6) {
		t.Errorf("6K/s gives %v writes/s; 600M/day gives %v reads/day", e.WriteQPS, e.ReadsPerDay)
	}
}

func TestWriteOnly(t *testing.T) {
	e, as := runFlags(t, "web-crawler")
	if e.ReadsPerDay != 0 || e.ReadQPS != 0 || e.EgressPerSec != 0 || e.CacheBytes != 0 {
		t.Errorf("write-only system has reads: %+v", e)
	}
	for _, name := range []string{SReadsPerDay, SReadQPS, SPeakReadQPS, SEgress, SPeakEgress, SCache} {
		if _, ok := e.Step(name); ok {
			t.Errorf("write-only system has step %s", name)
		}
	}
	for _, a := range as {
		if a.Name == PReadSize || a.Name == PCacheFraction || a.Name == PReadsPerUser {
			t.Errorf("write-only system lists read assumption %s", a.Name)
		}
	}
	if !near(e.WritesPerDay, 1e9/30) {
		t.Errorf("crawler writes/day = %v", e.WritesPerDay)
	}
}

func TestMAU(t *testing.T) {
	e, as := runFlags(t, "", "--mau", "200M")
	if e.DAU != 100e6 {
		t.Errorf("DAU = %v, want 100M (MAU × default 50%%)", e.DAU)
	}
	st, ok := e.Step(SDAU)
	if want := "200M MAU × 50% active daily = 100M users/day"; !ok || st.Formula != want {
		t.Errorf("DAU formula %q, want %q", st.Formula, want)
	}
	if a := assumption(t, as, PDailyFraction); a.Source != "default" || a.Value != 0.5 {
		t.Errorf("daily-fraction assumption %+v", a)
	}

	e, _ = runFlags(t, "", "--mau", "1B", "--daily-fraction", "20%")
	if e.DAU != 200e6 {
		t.Errorf("DAU = %v, want 200M", e.DAU)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatCount(600e6), "600M"},
		{FormatCount(600e6 / 86400), "6.9K"},
		{FormatCount(60e9 / 86400), "694.4K"},
		{FormatCount(999.96), "1K"},
		{FormatCount(40), "40"},
		{FormatCount(3.5), "3.5"},
		{FormatCount(12.2e9), "12.2B"},
		{FormatCount(0), "0"},
		{FormatCount(-2500), "-2.5K"},
		{FormatCount(math.NaN()), "n/a"},
		{FormatBytes(168e9, false), "168 GB"},
		{FormatBytes(12.168e12, false), "12.2 TB"},
		{FormatBytes(280, false), "280 B"},
		{FormatBytes(1.5*(1<<30), true), "1.5 GiB"},
		{FormatBytes(1023.99, true), "1 KiB"},
		{FormatBytes(math.Inf(1), false), "n/a"},
		{FormatBits(5.6e9), "5.6 Gbps"},
		{FormatBits(925.9e6), "925.9 Mbps"},
		{FormatPlain(86400), "86,400"},
		{FormatPlain(1825), "1,825"},
		{FormatPlain(2.5), "2.5"},
		{FormatPlain(-3.25), "-3.3"},
		{FormatPlain(2e15), "2Q"},
		{FormatPercent(0.1), "10%"},
		{FormatPercent(0.005), "0.5%"},
		{FormatPercent(1), "100%"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
