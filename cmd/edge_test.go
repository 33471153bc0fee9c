package cmd

import (
	"strings"
	"testing"
)

// The edge cases of issue 9: each is bad input with one line naming the
// field, the value and what is accepted.
func TestEdgeCasesAreUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"numbers", "nines"}, []string{"nines", "availability levels", "99.9"}},
		{[]string{"numbers", "nines", "-5"}, []string{`nines "-5"`, "above 0 and at most 100"}},
		{[]string{"estimate", "--dau", "1M", "--server-egress", "0"}, []string{`--server-egress "0"`, "must be above 0", "10 Gbps"}},
		{[]string{"estimate", "--list", "twitter"}, []string{"--list", `"twitter"`}},
		{[]string{"estimate", "--dau", "1e30"}, []string{`--dau "1e30"`, "too large", "from 1 to 10B"}},
		{[]string{"estimate", "--dau", "0.001"}, []string{`--dau "0.001"`, "below 1", "from 1 to 10B"}},
		{[]string{"estimate", "--writes", "1e30/day"}, []string{`--writes "1e30/day"`, "too large"}},
		// The bad value first, then (after it is fixed) the missing volume.
		{[]string{"estimate", "--media-fraction", "150%"}, []string{`--media-fraction "150%"`, "from 0 to 1"}},
		{[]string{"estimate", "--media-fraction", "10%"}, []string{"no volume", "--dau"}},
		{[]string{"completion", "tcsh"}, []string{`unknown shell "tcsh"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) { wantUsageError(t, tt.want, tt.args...) })
	}
}

func TestNinesWarnsWhenALevelLooksLikeAFraction(t *testing.T) {
	out, errOut, code := run(t, "numbers", "nines", "0.9999")
	if code != exitOK || !strings.Contains(out, "0.9999%") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	oneLine(t, errOut)
	if !strings.Contains(errOut, "warning") || !strings.Contains(errOut, "write 99.99") {
		t.Errorf("warning %q does not say how to write 99.99%%", errOut)
	}
	for _, quiet := range [][]string{{"numbers", "nines", "99.99"}, {"numbers", "nines", "0.5%"}} {
		if _, errOut, code := run(t, quiet...); code != exitOK || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q; want no warning", quiet, code, errOut)
		}
	}
}
