package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

func TestDrillCardsFlags(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *DrillCardsOptions
	c := NewCmdDrillCards(f, func(o *DrillCardsOptions) error { got = o; return nil })
	c.SetArgs([]string{"--topic", "cache", "--until", "2026-12-10", "--practice", "--new-per-day", "30"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC)
	if got.Topic != "caching" || !got.Until.Equal(want) || !got.Practice || got.Limits.NewPerDay != 30 || got.Due || got.DataDir != f.DataDir() {
		t.Errorf("options = %+v", got)
	}
}

func TestDrillCardsBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"drill", "cards", "--topic", "cachng"}, []string{`--topic "cachng": unknown topic`, "did you mean caching?"}},
		{[]string{"drill", "cards", "--until", "2026-11-01"}, []string{`--until "2026-11-01"`, "not after today (2026-11-23)"}},
		{[]string{"drill", "cards", "--until", "2026-11-23"}, []string{"not after today"}},
		{[]string{"drill", "cards", "--until", "next friday"}, []string{`--until "next friday"`, "YYYY-MM-DD"}},
		{[]string{"drill", "cards", "--new-per-day", "0"}, []string{"--new-per-day 0", "1 or more"}},
		{[]string{"drill", "cards", "--reviews-per-day", "x"}, []string{`--reviews-per-day "x"`, "whole number"}},
		{[]string{"drill", "cards", "--format", "json"}, []string{"--format json: applies to --due only"}},
		{[]string{"drill", "cards", "--due", "--practice"}, []string{"--due and --practice do not combine"}},
		{[]string{"drill", "cards", "--save-limits"}, []string{"--save-limits: give --new-per-day"}},
		{[]string{"drill", "cards"}, []string{"needs a terminal", "--due"}},
		{[]string{"drill", "crads"}, []string{`unknown drill mode "crads"`, "did you mean cards?"}},
	} {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) { wantUsageError(t, tt.want, tt.args...) })
	}
}

func TestDrillCardsDue(t *testing.T) {
	out, errOut, code := run(t, "drill", "cards", "--due")
	if code != 0 || out != "20 cards due now: 20 new\n" || errOut != "" {
		t.Errorf("--due = %q, %q, %d", out, errOut, code)
	}
	out, _, code = run(t, "drill", "cards", "--due", "--format", "json", "--topic", "caching")
	var r DueReport
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 0 {
		t.Fatalf("--due json: %v, %d: %s", err, code, out)
	}
	if r.Due != 3 || r.ByState["new"] != 3 || r.ByState["review"] != 0 || r.Unseen != 3 || r.NewPerDay != 20 {
		t.Errorf("--due json = %+v", r)
	}
}

func TestDrillCardsDueCountsReviewsAndUntil(t *testing.T) {
	f, out, _ := testFactory(t)
	ctx := context.Background()
	st, err := store.Open(ctx, f.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	lib := library(t)
	deck := drills.Deck(lib)
	past := f.Now().Add(-72 * time.Hour)
	s, err := drills.NewSession(ctx, st, deck[:2], drills.SessionOptions{Now: func() time.Time { return past }})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := s.Rate(ctx, drills.Easy); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	// Easy on a new card gives days; the interview date pulls more new cards in.
	if code := Execute(ctx, f, []string{"drill", "cards", "--due", "--until", "2026-11-25"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if want := (len(deck) - 2 + 1) / 2; !strings.HasPrefix(out.String(), countNoun(want, "card")+" due now") {
		t.Errorf("--until: %q; want %d new cards (the unseen over 2 days)", out.String(), want)
	}
}

func TestStatsCommand(t *testing.T) {
	out, _, code := run(t, "stats")
	if code != 0 || !strings.Contains(out, "Seen         0 of") || !strings.Contains(out, "Reviews, last 30 days (2026-10-25 to 2026-11-23)") {
		t.Errorf("stats = %d:\n%s", code, out)
	}
	out, _, code = run(t, "stats", "--format", "json")
	var s drills.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 || len(s.Heatmap) != 30 || s.Cards.Total == 0 {
		t.Errorf("stats json: %v, %d: %s", err, code, out)
	}
	out, _, _ = run(t, "stats", "--format", "markdown")
	if !strings.HasPrefix(out, "# sdprep progress\n") {
		t.Errorf("stats markdown:\n%s", out)
	}
}

func TestCorruptStoreIsAFailureNamingThePath(t *testing.T) {
	f, out, errOut := testFactory(t)
	path := filepath.Join(f.DataDir(), store.FileName)
	junk := bytes.Repeat([]byte("junk "), 1000)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"stats"}, {"drill", "cards", "--due"}, {"data", "export"}} {
		errOut.Reset()
		if code := Execute(context.Background(), f, args); code != exitError {
			t.Errorf("%v: exit %d; want 1", args, code)
		}
		oneLine(t, errOut.String())
		if !strings.Contains(errOut.String(), path) || !strings.Contains(errOut.String(), "--data-dir") {
			t.Errorf("%v: %q should name %s and --data-dir", args, errOut.String(), path)
		}
	}
	if out.Len() != 0 {
		t.Errorf("stdout: %q", out.String())
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
		t.Error("the corrupt file was modified")
	}
}
