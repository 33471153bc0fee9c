package cmd

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCalcFlags(t *testing.T) {
	tests := []struct {
		args   []string
		expr   string
		format Format
	}{
		{[]string{"300M * 2 / 1 day"}, "300M * 2 / 1 day", FormatText},
		{[]string{"300M", "*", "2", "/", "1", "day"}, "300M * 2 / 1 day", FormatText}, // words are joined
		{[]string{"--format", "json", "62^7"}, "62^7", FormatJSON},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _ := testFactory(t)
			var got *CalcOptions
			c := NewCmdCalc(f, func(o *CalcOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			if got.Expr != tt.expr || got.Format != tt.format {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func TestCalcRun(t *testing.T) {
	out, errOut, code := run(t, "calc", "300M * 2 / 1 day")
	if code != 0 || out != "6.9K/s (600M/day)\n= 6,944.444444444444/s\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = run(t, "calc", "4 TB/day * 5y in PB")
	if code != 0 || out != "7.3 PB\n" {
		t.Errorf("conversion: exit %d, %q", code, out)
	}
	out, _, code = run(t, "calc", "7e3/s in /day", "--format", "json")
	var j struct {
		Value float64 `json:"value"`
		Unit  string  `json:"unit"`
		Kind  string  `json:"kind"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != 0 {
		t.Fatalf("json: %v, exit %d: %s", err, code, out)
	}
	if j.Value != 604.8e6 || j.Unit != "/day" || j.Kind != "rate" {
		t.Errorf("json = %+v", j)
	}
	out, _, _ = run(t, "calc", "1 KB * 1K", "--format", "markdown")
	if out != "`1 KB * 1K` = **1 MB** (exactly 1,000,000 B)\n" {
		t.Errorf("markdown = %q", out)
	}
}

func TestCalcBadInput(t *testing.T) {
	wantUsageError(t, []string{"column 7", `expected ")"`}, "calc", "2 * (3")
	wantUsageError(t, []string{"column 6", "cannot add a duration to a size in bytes"}, "calc", "4 TB + 1 day")
	wantUsageError(t, []string{"column 3", `unknown unit "XB"`}, "calc", "5 XB")
	wantUsageError(t, []string{"requires at least 1 arg"}, "calc")
	wantUsageError(t, []string{"--format", "yaml"}, "calc", "1", "--format", "yaml")
}
