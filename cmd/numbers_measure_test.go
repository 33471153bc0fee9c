package cmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/estimate/measure"
)

func TestNumbersMeasureFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *NumbersOptions
	c := NewCmdNumbers(f, func(o *NumbersOptions) error { got = o; return nil })
	c.SetArgs([]string{"--measure", "--runs", "9", "--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.Measure || got.Runs != 9 || got.Format != FormatJSON || got.DataDir != f.DataDir() {
		t.Errorf("got %+v", *got)
	}
}

func TestNumbersMeasureBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"numbers", "--measure", "--runs", "0"},
		{"numbers", "--measure", "--runs", "500"},
		{"numbers", "latency", "--measure"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, code := run(t, args...)
			if code != exitUsage || out != "" {
				t.Fatalf("exit %d, want 2 (stdout %q stderr %q)", code, out, errOut)
			}
			oneLine(t, errOut)
		})
	}
}

// TestRunMeasure measures at a small scale: JSON on stdout only, one
// progress line per operation on stderr.
func TestRunMeasure(t *testing.T) {
	f, out, errOut := testFactory(t)
	opts := &NumbersOptions{IO: f.IO, Format: FormatJSON, Measure: true, Runs: 1, DataDir: f.DataDir(), Scale: 0.02}
	if err := runNumbers(opts); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Runs     int              `json:"runs"`
		Measured []measure.Figure `json:"measured"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("stdout is not clean JSON: %v\n%s", err, out)
	}
	if got.Runs != 1 || len(got.Measured) != len(measure.Keys()) || got.Measured[0].Nanoseconds <= 0 {
		t.Errorf("json %+v", got)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != len(measure.Keys()) || !strings.HasPrefix(lines[0], "measuring 1/10: L1") {
		t.Errorf("progress lines %q", lines)
	}

	out.Reset()
	opts.Format = FormatText
	if err := runNumbers(opts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"This machine's numbers", "Textbook", "latency table: Main memory reference", "×"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestProgressBarOnATerminal(t *testing.T) {
	var b strings.Builder
	p := progressLine(&b, true)
	p(0, 4, "one")
	p(2, 4, "three")
	p(4, 4, "")
	s := b.String()
	want := "\r[........................] 0/4 one\x1b[K\r[############............] 2/4 three\x1b[K\r\x1b[2K"
	if s != want {
		t.Errorf("frames %q, want %q", s, want)
	}
}
