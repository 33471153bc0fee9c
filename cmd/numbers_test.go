package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNumbersFlags(t *testing.T) {
	tests := []struct {
		args   []string
		table  string
		levels []string
		format Format
	}{
		{nil, "", nil, "text"},
		{[]string{"latency"}, "latency", nil, "text"},
		{[]string{"--format", "json", "powers"}, "powers", nil, "json"},
		{[]string{"nines", "99.9", "99.99"}, "nines", []string{"99.9", "99.99"}, "text"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _ := testFactory(t)
			var got *NumbersOptions
			c := NewCmdNumbers(f, func(o *NumbersOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			if got.Table != tt.table || got.Format != tt.format || strings.Join(got.Levels, ",") != strings.Join(tt.levels, ",") {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func TestNumbersNines(t *testing.T) {
	out, errOut, code := run(t, "numbers", "nines", "99.99")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"52.56 min", "4.32 min", "1.01 min", "8.64 s"} {
		if !strings.Contains(out, want) {
			t.Errorf("nines 99.99 lacks %q:\n%s", want, out)
		}
	}
}

func TestNumbersTables(t *testing.T) {
	out, _, code := run(t, "numbers")
	if code != 0 {
		t.Fatal(code)
	}
	for _, want := range []string{"L1", "2^10", "Redis", "PostgreSQL", "1 Gbps", "99.99%"} {
		if !strings.Contains(out, want) {
			t.Errorf("numbers lacks %q", want)
		}
	}
	out, _, code = run(t, "numbers", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(m) < 4 {
		t.Errorf("json has %d keys, want the four tables", len(m))
	}
	out, _, _ = run(t, "numbers", "latency", "--format", "markdown")
	if !strings.Contains(out, "| Operation |") {
		t.Errorf("markdown latency table missing header:\n%s", out)
	}
}

func TestNumbersBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"numbers", "nines", "abc"},
		{"numbers", "nines", "100.5"},
		{"numbers", "nines"},
		{"numbers", "--format", "xml"},
		{"numbers", "bogus"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, errOut, code := run(t, args...)
			if code != exitUsage {
				t.Fatalf("exit %d, want 2 (stderr %q)", code, errOut)
			}
			oneLine(t, errOut)
		})
	}
}

func TestNumbersNinesJSONSeconds(t *testing.T) {
	out, _, code := run(t, "numbers", "nines", "99.99", "--format", "json")
	if code != 0 {
		t.Fatal(code)
	}
	var got struct {
		Availability []map[string]float64 `json:"availability"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Availability) != 1 {
		t.Fatalf("json %v: %s", err, out)
	}
	want := map[string]float64{"percent": 99.99, "per_year_seconds": 3153.6, "per_month_seconds": 259.2,
		"per_week_seconds": 60.48, "per_day_seconds": 8.64}
	for k, v := range want {
		if got.Availability[0][k] != v {
			t.Errorf("%s = %v, want %v", k, got.Availability[0][k], v)
		}
	}
}
