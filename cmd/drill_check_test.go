package cmd

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDrillCheckFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *DrillCheckOptions
	c := NewCmdDrillCheck(f, func(o *DrillCheckOptions) error { got = o; return nil })
	c.SetArgs([]string{"-", "--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Path != "-" || got.Format != FormatJSON {
		t.Errorf("got %+v", *got)
	}
}

// notes has two planted slips among lines that hold and prose.
const notes = `# Twitter estimate
Writes: 300M users × 2 tweets = 600M tweets/day
Write QPS: 600M / 86,400 = 70K/s
Storage: 600M × 280 bytes = 168 GB
Text over 5 years: 168 GB × 365 × 5 = 30 TB
Reads are 100× writes.
`

func writeNotes(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDrillCheckFindsPlantedSlips(t *testing.T) {
	out, errOut, code := run(t, "drill", "check", writeNotes(t, notes))
	want := "line 3: 600M / 86,400 = 70K/s: should be 6.94K/s (10.1× too high, one order of magnitude)\n" +
		"line 5: 168 GB × 365 × 5 = 30 TB: should be 306.6 TB (10.2× too low, one order of magnitude)\n" +
		"4 checked, 2 wrong\n"
	if code != exitError || out != want || errOut != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, want)
	}
}

func TestDrillCheckStdinAndJSON(t *testing.T) {
	f, out, errOut := testFactory(t)
	f.IO.In = strings.NewReader("1 KB = 1,000 bytes\n2^10 = 1,024\nnot maths = at all\n")
	code := Execute(context.Background(), f, []string{"drill", "check", "-"})
	if code != exitOK || out.String() != "2 checked, all hold\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	f, out, _ = testFactory(t)
	f.IO.In = strings.NewReader(notes)
	code = Execute(context.Background(), f, []string{"drill", "check", "-", "--format", "json"})
	var j struct {
		Checked  int `json:"checked"`
		Wrong    int `json:"wrong"`
		Findings []struct {
			Line    int     `json:"line"`
			Problem string  `json:"problem"`
			Ratio   float64 `json:"ratio"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &j); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if code != exitError || j.Checked != 4 || j.Wrong != 2 || len(j.Findings) != 4 ||
		j.Findings[1].Line != 3 || j.Findings[1].Problem != "magnitude" || j.Findings[0].Problem != "none" {
		t.Errorf("exit %d, json %+v", code, j)
	}
}

func TestDrillCheckNothingToCheck(t *testing.T) {
	out, _, code := run(t, "drill", "check", writeNotes(t, "just prose\n"))
	if code != exitOK || !strings.Contains(out, "nothing to check") {
		t.Errorf("exit %d, %q", code, out)
	}
}

func TestDrillCheckBadInput(t *testing.T) {
	wantUsageError(t, []string{"notes file", "missing.md", "no such file", "- for stdin"}, "drill", "check", filepath.Join(t.TempDir(), "missing.md"))
	wantUsageError(t, []string{"accepts 1 arg"}, "drill", "check")
	wantUsageError(t, []string{"unknown drill mode", "chek", "did you mean check"}, "drill", "chek")
}
