package estimate

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// requiredJSON are the fields the issue requires in `--format json`.
var requiredJSON = []string{
	"dau", "writes_per_day", "reads_per_day", "write_qps", "peak_write_qps", "read_qps", "peak_read_qps",
	"storage_per_day_bytes", "storage_per_month_bytes", "storage_per_year_bytes", "storage_total_bytes",
	"ingress_bytes_per_sec", "egress_bytes_per_sec", "cache_bytes", "servers", "peak_servers",
}

func report(t *testing.T, preset string, pairs ...string) Report {
	t.Helper()
	e, as := runFlags(t, preset, pairs...)
	p, _ := PresetByName(preset)
	return Report{Preset: p, Estimate: e, Assumptions: as}
}

// outFormat names one of a report's outputs, for the table tests.
type outFormat string

const (
	outText     outFormat = "text"
	outMarkdown outFormat = "markdown"
	outJSON     outFormat = "json"
)

// write prints r in format f.
func (f outFormat) write(w io.Writer, r Report) error {
	switch f {
	case outJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r.JSON())
	case outMarkdown:
		return r.Markdown(w)
	}
	return r.Text(w)
}

func render(t testing.TB, r Report, f outFormat) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.write(&b, r); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	return b.String()
}

// checkJSON decodes a JSON report and checks its shape: the required
// snake_case fields as finite non-negative numbers, assumptions, and steps
// with name, formula, value and unit.
func checkJSON(t testing.TB, out string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("JSON does not decode: %v\n%s", err, out)
	}
	for _, k := range requiredJSON {
		v, ok := m[k].(float64)
		if !ok {
			t.Errorf("JSON field %q = %#v, want a number", k, m[k])
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Errorf("JSON field %q = %v", k, v)
		}
	}
	as, ok := m["assumptions"].([]any)
	if !ok || len(as) == 0 {
		t.Errorf("JSON assumptions = %#v", m["assumptions"])
	}
	for _, a := range as {
		a, _ := a.(map[string]any)
		for _, k := range []string{"name", "text", "source"} {
			if s, _ := a[k].(string); s == "" {
				t.Errorf("assumption %v has no %s", a, k)
			}
		}
		if _, ok := a["value"].(float64); !ok {
			t.Errorf("assumption %v has no numeric value", a)
		}
	}
	steps, ok := m["steps"].([]any)
	if !ok || len(steps) == 0 {
		t.Errorf("JSON steps = %#v", m["steps"])
	}
	for _, st := range steps {
		st, _ := st.(map[string]any)
		for _, k := range []string{"name", "formula", "unit"} {
			if s, _ := st[k].(string); s == "" {
				t.Errorf("step %v has no %s", st, k)
			}
		}
		if _, ok := st["value"].(float64); !ok {
			t.Errorf("step %v has no numeric value", st)
		}
	}
	for k := range m {
		if k != strings.ToLower(k) || strings.Contains(k, "-") {
			t.Errorf("JSON key %q is not snake_case", k)
		}
	}
	return m
}

// checkReadable asserts a text or markdown report has a line with the
// label, value and derivation of every figure, and no NaN, Inf or n/a.
func checkReadable(t testing.TB, r Report, f outFormat, out string) {
	t.Helper()
	for _, bad := range []string{"NaN", "Inf", "n/a"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s report contains %q", f, bad)
		}
	}
	if !strings.Contains(out, r.Conventions()) {
		t.Errorf("%s report does not state the conventions", f)
	}
	for _, st := range r.Estimate.Steps {
		formula := st.Formula
		if f == outMarkdown {
			formula = mdCell(formula)
		}
		found := false
		for _, line := range strings.Split(out, "\n") {
			if f == outMarkdown {
				found = strings.Contains(line, "| "+Label(st.Name)+" | "+r.Value(st)+" | "+formula+" |")
			} else {
				found = strings.TrimSpace(line) == formula
			}
			if found {
				break
			}
		}
		if !found {
			t.Errorf("%s report has no derivation line for %s: %q", f, st.Name, formula)
		}
		if !strings.Contains(out, Label(st.Name)) {
			t.Errorf("%s report has no label for %s", f, st.Name)
		}
	}
	for _, a := range r.Assumptions {
		if !strings.Contains(out, a.Name) || !strings.Contains(out, a.Text) {
			t.Errorf("%s report does not list assumption %s = %s", f, a.Name, a.Text)
		}
	}
}

func TestEveryPresetEveryFormat(t *testing.T) {
	names := PresetNames()
	required := []string{"twitter", "url-shortener", "instagram", "youtube", "whatsapp", "uber", "netflix",
		"web-crawler", "notification-system", "dropbox", "pastebin", "rate-limiter"}
	for _, n := range required {
		if _, ok := PresetByName(n); !ok {
			t.Errorf("missing preset %q", n)
		}
	}
	if len(names) != len(presets) {
		t.Errorf("PresetNames has %d names, presets %d", len(names), len(presets))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, _ := PresetByName(name)
			if p.Title == "" || p.Summary == "" || len(p.Values) == 0 {
				t.Errorf("preset %s lacks a title, summary or values", name)
			}
			for _, v := range p.Values {
				if _, ok := ParamByName(v.Param); !ok {
					t.Errorf("preset %s sets unknown parameter %q", name, v.Param)
				}
				if strings.TrimSpace(v.Note) == "" {
					t.Errorf("preset %s: %s has no note", name, v.Param)
				}
			}
			for _, binary := range []bool{false, true} {
				r := report(t, name)
				r.Estimate.Inputs.Binary = binary
				r.Estimate = Compute(r.Estimate.Inputs)
				for _, f := range []outFormat{outText, outMarkdown} {
					checkReadable(t, r, f, render(t, r, f))
				}
				m := checkJSON(t, render(t, r, outJSON))
				if m["preset"] != name {
					t.Errorf("JSON preset = %v", m["preset"])
				}
				if want := map[bool]string{false: "decimal", true: "binary"}[binary]; m["units"] != want {
					t.Errorf("JSON units = %v, want %s", m["units"], want)
				}
			}
		})
	}
}

func TestJSONNumbersAreExact(t *testing.T) {
	r := report(t, "", "--dau", "300M", "--writes-per-user", "2", "--read-write-ratio", "100",
		"--write-size", "280B", "--media-fraction", "10%", "--media-size", "200KB")
	m := checkJSON(t, render(t, r, outJSON))
	want := map[string]float64{
		"dau":                   300e6,
		"writes_per_day":        600e6,
		"write_qps":             600e6 / 86400,
		"read_qps":              60e9 / 86400,
		"storage_per_day_bytes": 12.168e12,
		"storage_total_bytes":   12.168e12 * 1825,
		"seconds_per_day":       86400,
		"days_per_month":        30,
		"days_per_year":         365,
		"replication":           1,
		"retention_days":        1825,
	}
	for k, v := range want {
		if got, _ := m[k].(float64); !near(got, v) {
			t.Errorf("%s = %v, want %v (not rounded)", k, m[k], v)
		}
	}
	if _, ok := m["preset"]; ok {
		t.Error("JSON has a preset without one")
	}
	steps := m["steps"].([]any)
	if len(steps) != len(r.Estimate.Steps) {
		t.Errorf("%d JSON steps, want %d", len(steps), len(r.Estimate.Steps))
	}
	first := steps[0].(map[string]any)
	if first["name"] != SWritesPerDay || first["formula"] != "300M users × 2 writes/user/day = 600M writes/day" ||
		first["value"] != 600e6 || first["unit"] != "writes/day" {
		t.Errorf("first step = %v", first)
	}
}

func TestReportValue(t *testing.T) {
	r := report(t, "", "--dau", "100M")
	tests := []struct {
		step Step
		want string
	}{
		{Step{Value: 600e6, Unit: "writes/day"}, "600M writes/day"},
		{Step{Value: 12.168e12, Unit: "bytes"}, "12.2 TB"},
		{Step{Value: 115.74e6, Unit: "bytes/s"}, "115.7 MB/s (925.9 Mbps)"},
		{Step{Value: 1234, Unit: "servers"}, "1,234"},
	}
	for _, tt := range tests {
		if got := r.Value(tt.step); got != tt.want {
			t.Errorf("Value(%+v) = %q, want %q", tt.step, got, tt.want)
		}
	}
}

// Golden reports: run with -update to regenerate testdata/TestReportGolden.
func TestReportGolden(t *testing.T) {
	cases := []struct {
		name   string
		preset string
		flags  []string
	}{
		{"twitter", "twitter", nil},
		{"dau-100M", "", []string{"--dau", "100M"}},
	}
	for _, c := range cases {
		r := report(t, c.preset, c.flags...)
		for _, f := range []outFormat{outText, outMarkdown} {
			t.Run(c.name+"_"+string(f), func(t *testing.T) {
				golden.RequireEqual(t, render(t, r, f))
			})
		}
	}
}
