package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/sdprep/sdprep/estimate"
)

func estimatePageOf(t *testing.T, a *App) *estimatePage {
	t.Helper()
	p, ok := a.pages[PageEstimate].(*estimatePage)
	if !ok {
		t.Fatal("no estimate page")
	}
	return p
}

func stepValue(t *testing.T, p *estimatePage, name string) float64 {
	t.Helper()
	st, ok := p.report.Estimate.Step(name)
	if !ok {
		t.Fatalf("no step %s", name)
	}
	return st.Value
}

func TestEstimatePageGolden(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate, Preset: "twitter"}, 80, 24)
	golden.RequireEqual(t, a.View().Content)
}

func TestEstimatePageWideGolden(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 120, 40)
	golden.RequireEqual(t, a.View().Content)
}

// TestEstimateLayouts: the results sit beside the form from 90 columns,
// capped in width on a wide terminal, and under it below 90.
func TestEstimateLayouts(t *testing.T) {
	for _, size := range [][2]int{{200, 50}, {60, 16}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a := newTestApp(t, Options{Start: PageEstimate, Preset: "twitter"}, size[0], size[1])
			p := estimatePageOf(t, a)
			if p.vp.Width() > estimateMaxResults {
				t.Errorf("results %d wide, cap %d", p.vp.Width(), estimateMaxResults)
			}
			golden.RequireEqual(t, a.View().Content)
		})
	}
}

// TestEstimateNoneStartsTheSame: cycling through the presets back to none
// gives the state none opens with, without errors.
func TestEstimateNoneStartsTheSame(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	p := estimatePageOf(t, a)
	first := ansi.Strip(a.View().Content)
	for range presetChoices {
		press(t, a, special(tea.KeyRight))
	}
	if p.preset != 0 || len(p.errs) != 0 || p.inputs[paramIndex(estimate.PDAU)].Value() != noneDAU {
		t.Fatalf("back on none: preset %d, errs %v, dau %q", p.preset, p.errs, p.inputs[paramIndex(estimate.PDAU)].Value())
	}
	press(t, a, special(tea.KeyLeft), special(tea.KeyRight))
	if got := ansi.Strip(a.View().Content); got != first {
		t.Errorf("none after cycling:\n%s\nnone at first:\n%s", got, first)
	}
}

// TestEstimateMarkerKeepsValuesAligned: an invalid field's ✗ does not
// move its value.
func TestEstimateMarkerKeepsValuesAligned(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate, Preset: "twitter"}, 120, 40)
	p := estimatePageOf(t, a)
	for p.focus != paramIndex(estimate.PWritesPerUser)+1 {
		press(t, a, special(tea.KeyTab))
	}
	press(t, a, text("x")...) // "2x"
	if p.errs[estimate.PWritesPerUser] == "" {
		t.Fatal("2x accepted")
	}
	col := func(name, value string) int {
		for _, l := range strings.Split(ansi.Strip(a.View().Content), "\n") {
			if strings.Contains(l, " "+name+" ") {
				return strings.Index(l, value) - strings.Index(l, name)
			}
		}
		t.Fatalf("no %s row", name)
		return 0
	}
	bad, good := col(estimate.PWritesPerUser, "2x"), col(estimate.PDAU, "300M")
	if bad != good || bad <= len(estimate.PWritesPerUser) {
		t.Errorf("value of the invalid field at +%d from its name, a valid one at +%d", bad, good)
	}
}

// TestEstimateScrollHint: at 80×24 the fields below the fold are counted,
// and those above once the form scrolls.
func TestEstimateScrollHint(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "↓ ") || !strings.Contains(v, "more fields") {
		t.Fatalf("no sign of the hidden fields:\n%s", v)
	}
	for range estimate.Params() {
		press(t, a, special(tea.KeyTab))
	}
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "↑ ") || strings.Contains(v, "↓ ") || !strings.Contains(v, "server-egress") {
		t.Errorf("on the last field:\n%s", v)
	}
}

// TestEstimateClearField: ctrl+u empties the focused field, readline-style.
func TestEstimateClearField(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	p := estimatePageOf(t, a)
	press(t, a, special(tea.KeyTab), ctrl('u'))
	if v := p.inputs[paramIndex(estimate.PDAU)].Value(); v != "" {
		t.Errorf("ctrl+u left %q", v)
	}
}

func TestEstimateRecomputesOnEveryKeystroke(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	p := estimatePageOf(t, a)
	if got := stepValue(t, p, estimate.SWritesPerDay); got != 100e6 {
		t.Fatalf("default form: %v writes/day, want 100M", got)
	}
	press(t, a, special(tea.KeyDown))                                 // dau
	press(t, a, special(tea.KeyBackspace), special(tea.KeyBackspace)) // "10"
	press(t, a, text("0K")...)                                        // "100K"
	if got := stepValue(t, p, estimate.SWritesPerDay); got != 100e3 {
		t.Fatalf("after typing 100K: %v writes/day", got)
	}
	press(t, a, text("x")...) // "100Kx": invalid
	if p.errs[estimate.PDAU] == "" || !p.stale {
		t.Fatalf("invalid dau not flagged: errs %v stale %v", p.errs, p.stale)
	}
	if got := stepValue(t, p, estimate.SWritesPerDay); got != 100e3 {
		t.Errorf("the last valid report was lost: %v", got)
	}
	v := ansi.Strip(a.View().Content)
	if !strings.Contains(v, "✗ dau") || !strings.Contains(v, "last valid estimate") {
		t.Errorf("invalid field not shown:\n%s", v)
	}
	press(t, a, special(tea.KeyBackspace))
	if len(p.errs) != 0 || p.stale {
		t.Errorf("fixing the field left errors %v", p.errs)
	}
}

func TestEstimatePresetPicker(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	p := estimatePageOf(t, a)
	press(t, a, special(tea.KeyRight))
	if presetChoices[p.preset] != estimate.PresetNames()[0] {
		t.Fatalf("→ picked %q", presetChoices[p.preset])
	}
	want, _, err := estimate.Run(estimate.NewScenario(p.selectedPreset()))
	if err != nil {
		t.Fatal(err)
	}
	if got := stepValue(t, p, estimate.SStorageTotal); got != want.StorageTotal {
		t.Errorf("form storage %v, estimator %v", got, want.StorageTotal)
	}
	press(t, a, special(tea.KeyLeft))
	if p.preset != 0 {
		t.Errorf("← did not go back to none")
	}
}

func TestEstimateAlternativesClearEachOther(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate, Preset: "twitter",
		Values: map[string]string{estimate.PReadWriteRatio: "100"}}, 80, 24)
	p := estimatePageOf(t, a)
	ratio, perUser := paramIndex(estimate.PReadWriteRatio), paramIndex(estimate.PReadsPerUser)
	if p.inputs[ratio].Value() != "100" {
		t.Fatalf("read-write-ratio field %q, want the 100 given", p.inputs[ratio].Value())
	}
	for p.focus != perUser+1 {
		press(t, a, special(tea.KeyDown))
	}
	press(t, a, text("7")...)
	if p.inputs[ratio].Value() != "" {
		t.Errorf("typing reads-per-user kept read-write-ratio %q", p.inputs[ratio].Value())
	}
	if p.stale || p.report.Estimate.Inputs.ReadsPerUser == 0 {
		t.Errorf("estimate not using reads-per-user: errs %v", p.errs)
	}
}

func TestEstimateExport(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, Options{Start: PageEstimate, Preset: "pastebin", DataDir: dir}, 80, 24)
	press(t, a, ctrl('s'))
	path := filepath.Join(dir, "estimates", "pastebin-20261123-120000.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if !strings.HasPrefix(string(b), "# ") || !strings.Contains(string(b), "÷ 86,400 s/day") {
		t.Errorf("exported file is not the markdown report:\n%.200s", b)
	}
	if !strings.Contains(ansi.Strip(a.View().Content), "…"+filepath.Join("estimates", "pastebin-20261123-120000.md")) &&
		!strings.Contains(ansi.Strip(a.View().Content), path) {
		t.Errorf("the saved path is not shown whole or cut from the left:\n%s", a.View().Content)
	}
	// The message belongs to the visit.
	press(t, a, special(tea.KeyEscape), text("e")[0])
	if strings.Contains(a.View().Content, "saved") {
		t.Error("the saved message outlived the visit")
	}
}

// TestEstimateEditedSource: a value typed in the form is saved with the
// source "edited"; one given on the command line stays "flag".
func TestEstimateEditedSource(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, Options{Start: PageEstimate, Preset: "pastebin", DataDir: dir,
		Values: map[string]string{estimate.PPeakFactor: "3"}}, 80, 24)
	p := estimatePageOf(t, a)
	for p.focus != paramIndex(estimate.PReplication)+1 {
		press(t, a, special(tea.KeyTab))
	}
	press(t, a, ctrl('u'))
	press(t, a, text("5")...)
	press(t, a, ctrl('s'))
	b, err := os.ReadFile(filepath.Join(dir, "estimates", "pastebin-20261123-120000.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	if !strings.Contains(md, "| `--replication` | 5 | edited |") || !strings.Contains(md, "| `--peak-factor` | 3 | flag |") {
		t.Errorf("sources in the saved report:\n%s", md)
	}
}

func TestEstimateExportRefusedWhileInvalid(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, Options{Start: PageEstimate, DataDir: dir}, 80, 24)
	press(t, a, special(tea.KeyDown))
	press(t, a, text("!")...)
	press(t, a, ctrl('s'))
	if _, err := os.Stat(filepath.Join(dir, "estimates")); !os.IsNotExist(err) {
		t.Errorf("a report was written while the form is invalid (%v)", err)
	}
}

func TestEstimateCopy(t *testing.T) {
	a := newTestApp(t, Options{Start: PageEstimate}, 80, 24)
	_, cmd := a.Update(ctrl('y'))
	if cmd == nil {
		t.Fatal("ctrl+y returned no command")
	}
	if !strings.Contains(a.View().Content, "copied") {
		t.Error("no confirmation after copying")
	}
}
