package cmd

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/estimate"
)

func TestEstimateFlags(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		terminal    bool
		wantPreset  string
		wantValues  map[string]string
		wantFormat  Format
		interactive bool
	}{
		{name: "dau only", args: []string{"--dau", "100M"}, wantValues: map[string]string{"dau": "100M"}, wantFormat: "text"},
		{name: "preset and override", args: []string{"twitter", "--dau", "5M", "--format", "json"},
			wantPreset: "twitter", wantValues: map[string]string{"dau": "5M"}, wantFormat: "json"},
		{name: "volumes", args: []string{"--writes", "100M/month", "--reads", "10B/month", "--write-size", "500B"},
			wantValues: map[string]string{"writes": "100M/month", "reads": "10B/month", "write-size": "500B"}, wantFormat: "text"},
		{name: "bare on a terminal opens the form", args: nil, terminal: true, wantValues: map[string]string{}, wantFormat: "text", interactive: true},
		{name: "a preset on a terminal prints", args: []string{"uber"}, terminal: true, wantPreset: "uber", wantValues: map[string]string{}, wantFormat: "text"},
		{name: "format on a terminal prints", args: []string{"--format", "markdown"}, terminal: true, wantValues: map[string]string{}, wantFormat: "markdown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _ := testFactory(t)
			f.IO.IsTerminal = tt.terminal
			var got *EstimateOptions
			c := NewCmdEstimate(f, func(o *EstimateOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			if got.Preset != tt.wantPreset || got.Format != tt.wantFormat || got.Interactive != tt.interactive {
				t.Errorf("preset %q format %q interactive %v; want %q %q %v",
					got.Preset, got.Format, got.Interactive, tt.wantPreset, tt.wantFormat, tt.interactive)
			}
			if fmt.Sprint(got.Values) != fmt.Sprint(tt.wantValues) {
				t.Errorf("values %v, want %v", got.Values, tt.wantValues)
			}
		})
	}
}

func TestEstimateWorkedExample(t *testing.T) {
	out, errOut, code := run(t, "estimate", "--dau", "300M", "--writes-per-user", "2", "--read-write-ratio", "100",
		"--write-size", "280B", "--media-fraction", "10%", "--media-size", "200KB")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"300M users × 2 writes/user/day = 600M writes/day",
		"600M writes/day ÷ 86,400 s/day ≈ 6.9K writes/s",
		"694.4K reads/s",
		"168 GB",
		"12 TB",
		"12.2 TB",
		"1 day = 86,400 s",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestEstimateBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want []string // substrings of the one-line error
	}{
		{[]string{"--dau", "abc"}, []string{"--dau", `"abc"`}},
		{[]string{"--dau", "-5"}, []string{"--dau", `"-5"`}},
		{[]string{"--dau", "1M", "--media-fraction", "150%"}, []string{"--media-fraction", `"150%"`}},
		{[]string{"--dau", "1M", "--write-size", "10XB"}, []string{"--write-size", `"10XB"`}},
		{[]string{"--dau", "1e400"}, []string{"--dau", `"1e400"`}},
		{[]string{"--dau", ""}, []string{"--dau"}},
		{[]string{"--dau", "1M", "--reads-per-user", "5", "--read-write-ratio", "10"}, []string{"--read-write-ratio", "--reads-per-user"}},
		{[]string{"--dau", "1M", "--peak-factor", "0.5"}, []string{"--peak-factor", `"0.5"`}},
		{[]string{"nosuch"}, []string{`"nosuch"`, "sdprep estimate --list lists all"}},
		{[]string{"--dau", "1M", "--format", "yaml"}, []string{"yaml", "json"}},
		{[]string{"--write-size", "1KB"}, []string{"--dau"}},
		{[]string{"--no-such-flag"}, []string{"--no-such-flag"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			errOut := wantUsageError(t, tt.want, append([]string{"estimate"}, tt.args...)...)
			if strings.Contains(errOut, "NaN") || strings.Contains(errOut, "Inf") {
				t.Errorf("stderr mentions NaN/Inf: %q", errOut)
			}
		})
	}
}

func TestEveryPresetEveryFormat(t *testing.T) {
	for _, name := range estimate.PresetNames() {
		for _, format := range []string{"text", "markdown", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				out, errOut, code := run(t, "estimate", name, "--format", format)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
					t.Fatalf("output contains NaN/Inf")
				}
				switch format {
				case "json":
					var m map[string]any
					if err := json.Unmarshal([]byte(out), &m); err != nil {
						t.Fatalf("json: %v", err)
					}
					for _, k := range []string{"dau", "writes_per_day", "write_qps", "peak_write_qps", "storage_per_day_bytes",
						"storage_total_bytes", "ingress_bytes_per_sec", "servers", "peak_servers"} {
						v, ok := m[k].(float64)
						if !ok || math.IsNaN(v) || v < 0 {
							t.Errorf("%s = %v", k, m[k])
						}
					}
					if steps, _ := m["steps"].([]any); len(steps) == 0 {
						t.Error("no steps")
					}
				case "markdown":
					if !strings.HasPrefix(out, "# ") || !strings.Contains(out, "|") {
						t.Errorf("not markdown: %.80q", out)
					}
				default:
					if !strings.Contains(out, "÷ 86,400 s/day") {
						t.Errorf("text output lacks the QPS derivation")
					}
				}
			})
		}
	}
}

func TestEstimateList(t *testing.T) {
	out, _, code := run(t, "estimate", "--list")
	if code != 0 {
		t.Fatal(code)
	}
	for _, name := range estimate.PresetNames() {
		if !strings.Contains(out, name) {
			t.Errorf("--list lacks %s", name)
		}
	}
	out, _, _ = run(t, "estimate", "--list", "--format", "json")
	var presets []estimate.Preset
	if err := json.Unmarshal([]byte(out), &presets); err != nil || len(presets) != len(estimate.Presets()) {
		t.Fatalf("json list: %v, %d presets", err, len(presets))
	}
}

func TestEstimateJSONNotRounded(t *testing.T) {
	out, _, code := run(t, "estimate", "--dau", "100M", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var r struct {
		WriteQPS float64 `json:"write_qps"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if want := 100e6 / 86400; math.Abs(r.WriteQPS-want) > 1e-9 {
		t.Errorf("write_qps = %v, want %v", r.WriteQPS, want)
	}
}
