package tui

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/internal/store"
)

// fakeRecorder keeps the attempts it is given, or fails with err.
type fakeRecorder struct {
	got []store.EstimationAttempt
	err error
}

func (r *fakeRecorder) RecordEstimationAttempt(_ context.Context, a store.EstimationAttempt) (string, error) {
	r.got = append(r.got, a)
	return "id", r.err
}

func drillApp(t *testing.T, w, h int, rec drills.EstimationRecorder) (*App, *drillEstimatePage) {
	t.Helper()
	opts := drills.EstimationOptions{Seed: 42, Preset: "twitter", Quantity: estimate.SWriteQPS}
	a := newTestApp(t, Options{Start: PageDrillEstimate, Drill: &opts, DrillRecorder: rec}, w, h)
	p, ok := a.pages[PageDrillEstimate].(*drillEstimatePage)
	if !ok {
		t.Fatal("no drill page")
	}
	return a, p
}

func TestDrillEstimateAskGolden(t *testing.T) {
	a, _ := drillApp(t, 80, 24, nil)
	golden.RequireEqual(t, a.View().Content)
}

func TestDrillEstimateGradedGolden(t *testing.T) {
	a, _ := drillApp(t, 80, 24, nil)
	press(t, a, text("10K")...)
	press(t, a, special(tea.KeyEnter))
	golden.RequireEqual(t, a.View().Content)
}

func TestDrillEstimateGradedWideGolden(t *testing.T) {
	a, _ := drillApp(t, 120, 40, nil)
	press(t, a, text("3K/s")...)
	press(t, a, special(tea.KeyEnter))
	golden.RequireEqual(t, a.View().Content)
}

// TestDrillEstimateFits checks both states at the smallest size the app
// lays out.
func TestDrillEstimateFits(t *testing.T) {
	a, _ := drillApp(t, MinWidth, MinHeight, nil)
	check := func(state string) {
		lines := strings.Split(a.View().Content, "\n")
		if len(lines) > MinHeight {
			t.Errorf("%s: %d lines at %d×%d", state, len(lines), MinWidth, MinHeight)
		}
		for _, l := range lines {
			if w := displayWidth(l); w > MinWidth {
				t.Errorf("%s: line %q is %d wide", state, l, w)
			}
		}
	}
	check("asking")
	press(t, a, text("7 PB")...)
	press(t, a, special(tea.KeyEnter))
	check("refused")
	press(t, a, ctrl('u'))
	press(t, a, text("10K")...)
	press(t, a, special(tea.KeyEnter))
	check("graded")
}

func TestDrillEstimateFlow(t *testing.T) {
	rec := &fakeRecorder{}
	a, p := drillApp(t, 80, 24, rec)
	truth := p.drill.Truth

	// Bytes for a rate: refused with a hint, not graded, not recorded.
	press(t, a, text("7 PB")...)
	press(t, a, special(tea.KeyEnter))
	if p.result != nil || len(rec.got) != 0 || !strings.Contains(a.View().Content, "is a size in bytes") {
		t.Fatalf("7 PB was graded or not explained:\n%s", a.View().Content)
	}
	// q is text while typing: it does not quit.
	if cmd := press(t, a, text("q")...); isQuit(cmd) {
		t.Fatal("q quit while typing an answer")
	}
	press(t, a, ctrl('u'))
	press(t, a, text(estimate.FormatCount(truth))...)
	press(t, a, special(tea.KeyEnter))
	if p.result == nil || p.result.Grade != drills.GradeExact {
		t.Fatalf("the true answer graded %+v", p.result)
	}
	if len(rec.got) != 1 || rec.got[0].Seed != 42 || rec.got[0].Grade != "exact" || !rec.got[0].AnsweredAt.Equal(testNow()) {
		t.Fatalf("recorded %+v", rec.got)
	}
	v := a.View().Content
	for _, want := range []string{"EXACT", "True answer", "Derivation", "1 drill this session, 1 passed"} {
		if !strings.Contains(v, want) {
			t.Errorf("graded view lacks %q:\n%s", want, v)
		}
	}
	// Next drill: the seed advances and the field is empty again.
	press(t, a, text("n")...)
	if p.result != nil || p.drill.Seed != 43 || p.input.Value() != "" || !p.Typing() {
		t.Errorf("after n: seed %d, result %v, input %q", p.drill.Seed, p.result, p.input.Value())
	}
}

func TestDrillEstimateSaveError(t *testing.T) {
	rec := &fakeRecorder{err: errors.New("disk full")}
	a, _ := drillApp(t, 80, 24, rec)
	press(t, a, text("1K")...)
	press(t, a, special(tea.KeyEnter))
	if v := a.View().Content; !strings.Contains(v, "not saved: disk full") {
		t.Errorf("save error not shown:\n%s", v)
	}
}

func TestDrillEstimateSeedsFromClock(t *testing.T) {
	a := newTestApp(t, Options{Start: PageDrillEstimate}, 80, 24)
	p := a.pages[PageDrillEstimate].(*drillEstimatePage)
	if p.drill.Seed != uint64(testNow().UnixNano()) {
		t.Errorf("seed %d, want the clock's %d", p.drill.Seed, testNow().UnixNano())
	}
}

func TestDrillEstimateBadOptions(t *testing.T) {
	opts := drills.EstimationOptions{Preset: "nope"}
	if _, err := NewApp(t.Context(), Options{Start: PageDrillEstimate, Drill: &opts}); !errors.Is(err, drills.ErrUnknownPreset) {
		t.Errorf("unknown preset: %v", err)
	}
}

// TestDrillEstimateRecordsInStore grades two drills with the real progress
// store and reads the attempts back.
func TestDrillEstimateRecordsInStore(t *testing.T) {
	st, err := store.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, p := drillApp(t, 80, 24, st)
	first := p.drill
	press(t, a, text(estimate.FormatCount(first.Truth))...)
	press(t, a, special(tea.KeyEnter))
	press(t, a, text("n")...)
	press(t, a, text("7 PB")...) // refused: not recorded
	press(t, a, special(tea.KeyEnter))
	press(t, a, ctrl('u'))
	press(t, a, text("1")...)
	press(t, a, special(tea.KeyEnter))
	got, err := st.EstimationAttempts(t.Context(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// The test clock is fixed, so both have the same time: order by seed.
	slices.SortFunc(got, func(x, y store.EstimationAttempt) int { return cmp.Compare(x.Seed, y.Seed) })
	if len(got) != 2 || got[0].Seed != 42 || got[0].Grade != "exact" || got[1].Seed != 43 || got[1].Grade != "miss" ||
		got[0].Quantity != estimate.SWriteQPS || got[0].Truth != first.Truth || got[0].Unit != "/s" {
		t.Errorf("stored %+v", got)
	}
}

// Opened without a recorder (from the Drill menu), the page records into
// the data dir's own store.
func TestDrillEstimateRecordsIntoDataDir(t *testing.T) {
	a, p := drillApp(t, 80, 24, nil)
	press(t, a, text(estimate.FormatCount(p.drill.Truth))...)
	press(t, a, special(tea.KeyEnter))
	st, err := store.Open(t.Context(), a.common.Opts.DataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.EstimationAttempts(t.Context(), time.Time{})
	if err != nil || len(got) != 1 || got[0].Grade != "exact" {
		t.Fatalf("data dir store holds %+v, %v; want the one exact answer", got, err)
	}
}
