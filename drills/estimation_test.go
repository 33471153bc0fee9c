package drills

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sdprep/sdprep/estimate"
)

func TestNewEstimationIsDeterministic(t *testing.T) {
	for seed := range uint64(50) {
		a, err := NewEstimation(EstimationOptions{Seed: seed})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		b, _ := NewEstimation(EstimationOptions{Seed: seed})
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d gives two different drills", seed)
		}
	}
}

func TestNewEstimationVaries(t *testing.T) {
	presets, quantities, dau := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for seed := range uint64(200) {
		d, err := NewEstimation(EstimationOptions{Seed: seed})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		presets[d.Preset.Name] = true
		quantities[d.Quantity.ID] = true
		if d.Preset.Name == "twitter" {
			for _, in := range d.Inputs {
				if in.Name == estimate.PDAU {
					dau[in.Text] = true
				}
			}
		}
	}
	if len(presets) != len(estimate.Presets()) || len(quantities) != len(Quantities) {
		t.Errorf("200 seeds used %d presets and %d quantities, want all %d and %d", len(presets), len(quantities), len(estimate.Presets()), len(Quantities))
	}
	if len(dau) < 3 {
		t.Errorf("twitter DAU took only %v", dau)
	}
}

// TestEstimationTruthMatchesEstimator: the answer is the estimator's own
// figure for the randomised inputs, and the derivation ends on it.
func TestEstimationTruthMatchesEstimator(t *testing.T) {
	for _, p := range estimate.Presets() {
		for _, q := range Quantities {
			d, err := NewEstimation(EstimationOptions{Seed: 7, Preset: p.Name, Quantity: q.ID})
			if q.NeedsReads && err != nil && errors.Is(err, ErrUnknownQuantity) {
				continue // a write-only preset
			}
			if err != nil {
				t.Fatalf("%s/%s: %v", p.Name, q.ID, err)
			}
			steps := d.Derivation()
			last := steps[len(steps)-1]
			if last.Name != q.ID || last.Value != d.Truth || d.Truth <= 0 {
				t.Errorf("%s/%s: truth %v, last step %s = %v", p.Name, q.ID, d.Truth, last.Name, last.Value)
			}
			// Re-running the estimator on the drill's inputs gives the same figure.
			sc := estimate.NewScenario(nil)
			for _, in := range d.Inputs {
				if in.Source != "default" {
					if err := sc.Set(in.Name, in.Text); err != nil {
						t.Fatal(err)
					}
				}
			}
			e, _, err := estimate.Run(sc)
			if err != nil {
				t.Fatalf("%s/%s: inputs do not re-run: %v", p.Name, q.ID, err)
			}
			if st, _ := e.Step(q.ID); st.Value != d.Truth {
				t.Errorf("%s/%s: re-run gives %v, drill says %v", p.Name, q.ID, st.Value, d.Truth)
			}
		}
	}
}

func TestNewEstimationErrors(t *testing.T) {
	if _, err := NewEstimation(EstimationOptions{Preset: "twiter"}); !errors.Is(err, ErrUnknownPreset) || !strings.Contains(err.Error(), "twitter") {
		t.Errorf("unknown preset: %v", err)
	}
	if _, err := NewEstimation(EstimationOptions{Quantity: "qps"}); !errors.Is(err, ErrUnknownQuantity) || !strings.Contains(err.Error(), "write_qps") {
		t.Errorf("unknown quantity: %v", err)
	}
	if _, err := NewEstimation(EstimationOptions{Preset: "web-crawler", Quantity: estimate.SCache}); !errors.Is(err, ErrUnknownQuantity) {
		t.Errorf("cache of a write-only preset: %v", err)
	}
}

func TestGradeFor(t *testing.T) {
	tests := []struct {
		answer, truth float64
		want          Grade
	}{
		{100, 100, GradeExact},
		{110, 100, GradeExact},     // +10%
		{100, 110, GradeExact},     // -9.1%
		{111, 100, GradePass},      // just beyond 10%
		{200, 100, GradePass},      // 2×
		{50, 100, GradePass},       // ½
		{201, 100, GradeOff},       // beyond 2×
		{1000, 100, GradeOff},      // 10×
		{10, 100, GradeOff},        // 1/10
		{1001, 100, GradeMiss},     // beyond 10×
		{7e15, 7.3e15, GradeExact}, // 7 PB for 7.3 PB
	}
	for _, tt := range tests {
		if g, _ := GradeFor(tt.answer, tt.truth); g != tt.want {
			t.Errorf("GradeFor(%v, %v) = %v, want %v", tt.answer, tt.truth, g, tt.want)
		}
	}
}

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		text string
		want estimate.Dim
		v    float64
		err  error
	}{
		{"2.3K", estimate.DimRate, 2300, nil},      // a bare number is per second
		{"2300/s", estimate.DimRate, 2300, nil},    // explicit rate
		{"2.3K/s", estimate.DimRate, 2300, nil},    // suffix and rate
		{"~2.3K qps", estimate.DimRate, 2300, nil}, // approx and qps
		{"200M/day", estimate.DimRate, 200e6 / 86400, nil},
		{"7 PB", estimate.DimBytes, 7e15, nil},
		{"1.5 TiB", estimate.DimBytes, 1.5 * (1 << 40), nil},
		{"115 MB/s", estimate.DimBandwidth, 115e6, nil},
		{"8 Gbps", estimate.DimBandwidth, 1e9, nil},
		{"70", estimate.DimCount, 70, nil},
		{"7 PB", estimate.DimRate, 0, ErrWrongDimension},        // bytes for a rate
		{"115 MB", estimate.DimBandwidth, 0, ErrWrongDimension}, // a size for a bandwidth
		{"2300/s", estimate.DimBytes, 0, ErrWrongDimension},
		{"40/s", estimate.DimCount, 0, ErrWrongDimension},
		{"abc", estimate.DimRate, 0, ErrBadAnswer},
		{"", estimate.DimRate, 0, ErrBadAnswer},
		{"0", estimate.DimRate, 0, ErrBadAnswer},
		{"-5", estimate.DimRate, 0, ErrBadAnswer},
		{"2 *", estimate.DimRate, 0, ErrBadAnswer},
	}
	for _, tt := range tests {
		v, err := ParseAnswer(tt.text, tt.want)
		if !errors.Is(err, tt.err) || (tt.err == nil && math.Abs(v-tt.v) > 1e-9*tt.v) {
			t.Errorf("ParseAnswer(%q, %s) = %v, %v; want %v, %v", tt.text, tt.want.Kind(), v, err, tt.v, tt.err)
		}
	}
	_, err := ParseAnswer("7 PB", estimate.DimRate)
	if want := `"7 PB" is a size in bytes, but the question asks for a rate per unit of time; expected a rate like 2.3K, 2300/s or 2.3K/s`; !strings.Contains(err.Error(), want) {
		t.Errorf("hint = %q, want it to contain %q", err, want)
	}
	_, err = ParseAnswer("2 *", estimate.DimRate)
	if !strings.Contains(err.Error(), "column 4") {
		t.Errorf("syntax error = %q, want the column", err)
	}
}

func TestEstimationGradeAndAttempt(t *testing.T) {
	d, err := NewEstimation(EstimationOptions{Seed: 1, Preset: "twitter", Quantity: estimate.SWriteQPS})
	if err != nil {
		t.Fatal(err)
	}
	r, err := d.Grade(estimate.FormatCount(d.Truth))
	if err != nil || r.Grade != GradeExact {
		t.Fatalf("the true figure grades %v, %v", r.Grade, err)
	}
	r, err = d.Grade(strings.ReplaceAll(estimate.FormatCount(d.Truth*30), "K", "K/s"))
	if err != nil || r.Grade != GradeMiss || r.Verdict() != "miss: 30× too high, one order of magnitude" {
		t.Fatalf("30× grades %v (%q), %v", r.Grade, r.Verdict(), err)
	}
	at := time.Date(2026, 12, 4, 17, 0, 0, 0, time.UTC)
	a := d.Attempt(r, at, 90*time.Second)
	if a.Seed != 1 || a.Preset != "twitter" || a.Quantity != estimate.SWriteQPS || a.Grade != "miss" || !a.AnsweredAt.Equal(at) ||
		a.Truth != d.Truth || a.Answer != r.Answer || a.Unit != "/s" || a.Error != r.LogError || a.Duration != 90*time.Second {
		t.Errorf("attempt = %+v", a)
	}
	if _, err := d.Grade("7 PB"); !errors.Is(err, ErrWrongDimension) {
		t.Errorf("7 PB for write QPS: %v", err)
	}
}

func TestEstimationJSON(t *testing.T) {
	d, err := NewEstimation(EstimationOptions{Seed: 3, Preset: "url-shortener", Quantity: estimate.SStorageTotal})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d.JSON())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["seed"] != float64(3) || m["preset"] != "url-shortener" || m["quantity"] != "storage_total_bytes" ||
		m["unit"] != "B" || m["answer"] != d.Truth {
		t.Errorf("JSON = %s", b)
	}
}

// FuzzParseAnswer: any text either parses to a positive finite value of
// the wanted dimension or gives one of the two named errors.
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{"2.3K", "2300/s", "7 PB", "115 MB/s", "abc", "", "-5", "1e308 * 10", "2 *", "~3", "0x10", "1 day"} {
		f.Add(s, uint8(0))
	}
	dims := []estimate.Dim{estimate.DimRate, estimate.DimBytes, estimate.DimBandwidth, estimate.DimCount}
	f.Fuzz(func(t *testing.T, text string, k uint8) {
		want := dims[int(k)%len(dims)]
		v, err := ParseAnswer(text, want)
		if err != nil {
			if !errors.Is(err, ErrBadAnswer) && !errors.Is(err, ErrWrongDimension) {
				t.Fatalf("ParseAnswer(%q): unnamed error %v", text, err)
			}
			if v != 0 {
				t.Errorf("ParseAnswer(%q): error with value %v", text, v)
			}
			return
		}
		if !(v > 0) || math.IsInf(v, 0) {
			t.Errorf("ParseAnswer(%q) = %v", text, v)
		}
	})
}

// BenchmarkNewEstimation builds one drill: randomised preset, estimate,
// derivation.
func BenchmarkNewEstimation(b *testing.B) {
	var seed uint64
	for b.Loop() {
		seed++
		if _, err := NewEstimation(EstimationOptions{Seed: seed}); err != nil {
			b.Fatal(err)
		}
	}
}
