package cmd

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/drills"
)

func TestDrillEstimateFlags(t *testing.T) {
	tests := []struct {
		args        []string
		tty         bool
		seed        uint64
		seedSet     bool
		preset      string
		quantity    string
		interactive bool
	}{
		{nil, true, 0, false, "", "", true}, // the clock seeds it
		{[]string{"--seed", "42", "--preset", "twitter"}, true, 42, true, "twitter", "", true},
		{[]string{"--seed", "0", "--format", "json"}, true, 0, true, "", "", false},
		{[]string{"--quantity", "cache_bytes"}, false, 0, false, "", "cache_bytes", false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _ := testFactory(t)
			f.IO.IsTerminal = tt.tty
			var got *DrillEstimateOptions
			c := NewCmdDrillEstimate(f, func(o *DrillEstimateOptions) error { got = o; return nil })
			c.SetArgs(tt.args)
			if err := c.Execute(); err != nil {
				t.Fatal(err)
			}
			want := tt.seed
			if !tt.seedSet {
				want = uint64(f.Now().UnixNano())
			}
			if got.Seed != want || got.SeedSet != tt.seedSet || got.Preset != tt.preset ||
				got.Quantity != tt.quantity || got.Interactive != tt.interactive {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func TestDrillEstimateJSON(t *testing.T) {
	out, errOut, code := run(t, "drill", "estimate", "--seed", "42", "--preset", "twitter", "--quantity", "write_qps", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var j drills.EstimationJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	want, err := drills.NewEstimation(drills.EstimationOptions{Seed: 42, Preset: "twitter", Quantity: "write_qps"})
	if err != nil {
		t.Fatal(err)
	}
	if j.Seed != 42 || j.Preset != "twitter" || j.Quantity != "write_qps" || j.Unit != "/s" || j.Answer != want.Truth || len(j.Steps) == 0 {
		t.Errorf("json = %+v", j)
	}
	again, _, _ := run(t, "drill", "estimate", "--seed", "42", "--preset", "twitter", "--quantity", "write_qps", "--format", "json")
	if again != out {
		t.Error("the same seed printed a different drill")
	}
}

func TestDrillEstimateText(t *testing.T) {
	out, _, code := run(t, "drill", "estimate", "--seed", "7", "--preset", "url-shortener", "--quantity", "storage_total_bytes")
	if code != 0 {
		t.Fatal(code)
	}
	d, _ := drills.NewEstimation(drills.EstimationOptions{Seed: 7, Preset: "url-shortener", Quantity: "storage_total_bytes"})
	for _, want := range []string{"Drill 7 · URL shortener (bit.ly) (url-shortener)", "Question (storage_total_bytes)",
		"Answer\n  " + d.TruthText(), "Derivation", "Over retention"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestDrillEstimateBadInput(t *testing.T) {
	wantUsageError(t, []string{"--seed", `"-1"`, "0 or more"}, "drill", "estimate", "--seed", "-1")
	wantUsageError(t, []string{"--seed", `"abc"`}, "drill", "estimate", "--seed", "abc")
	wantUsageError(t, []string{"unknown preset", "twiter", "did you mean twitter"}, "drill", "estimate", "--preset", "twiter")
	wantUsageError(t, []string{"--quantity", "qps", "write_qps"}, "drill", "estimate", "--quantity", "qps")
	wantUsageError(t, []string{"no reads"}, "drill", "estimate", "--preset", "web-crawler", "--quantity", "cache_bytes", "--format", "json")
}
