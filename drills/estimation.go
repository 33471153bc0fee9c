package drills

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/sdprep/sdprep/estimate"
)

// Quantity is one figure an estimation drill can ask for. Its ID is the
// name the estimator uses for the figure in its steps and JSON.
type Quantity struct {
	ID       string // "write_qps", "peak_read_qps" …
	Label    string // "Write QPS (average)"
	Question string // what the drill asks
	Dim      estimate.Dim
	// NeedsReads is true for figures a write-only scenario does not have.
	NeedsReads bool
	// Steps are the derivation steps that lead to the figure, in order;
	// the last one holds the answer.
	Steps []string
}

// Quantities lists what the drills ask for.
var Quantities = []Quantity{
	{ID: estimate.SWriteQPS, Label: "Write QPS (average)", Question: "How many writes per second, on average?",
		Dim: estimate.DimRate, Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.SWriteQPS}},
	{ID: estimate.SPeakReadQPS, Label: "Read QPS (peak)", Question: "How many reads per second at peak?",
		Dim: estimate.DimRate, NeedsReads: true,
		Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.SReadsPerDay, estimate.SReadQPS, estimate.SPeakReadQPS}},
	{ID: estimate.SStorageTotal, Label: "Storage over retention", Question: "How much storage over the retention period, before replication?",
		Dim: estimate.DimBytes, Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.STextStoragePerDay,
			estimate.SMediaStoragePerDay, estimate.SStoragePerDay, estimate.SStorageTotal}},
	{ID: estimate.SEgress, Label: "Egress (average)", Question: "How many bytes per second do reads send out, on average?",
		Dim: estimate.DimBandwidth, NeedsReads: true,
		Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.SReadsPerDay, estimate.SReadQPS, estimate.SEgress}},
	{ID: estimate.SCache, Label: "Cache memory", Question: "How much cache memory holds the hot share of a day's reads?",
		Dim: estimate.DimBytes, NeedsReads: true,
		Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.SReadsPerDay, estimate.SCache}},
	{ID: estimate.SPeakServers, Label: "Servers (peak load)", Question: "How many servers does the peak request rate need (server-qps each)?",
		Dim: estimate.DimCount, Steps: []string{estimate.SDAU, estimate.SWritesPerDay, estimate.SWriteQPS, estimate.SPeakWriteQPS,
			estimate.SReadsPerDay, estimate.SReadQPS, estimate.SPeakReadQPS, estimate.SPeakServers}},
}

// QuantityByID finds a quantity.
func QuantityByID(id string) (Quantity, bool) {
	i := slices.IndexFunc(Quantities, func(q Quantity) bool { return q.ID == id })
	if i < 0 {
		return Quantity{}, false
	}
	return Quantities[i], true
}

// QuantityIDs lists the quantity IDs.
func QuantityIDs() []string {
	ids := make([]string, len(Quantities))
	for i, q := range Quantities {
		ids[i] = q.ID
	}
	return ids
}

// ErrUnknownPreset and ErrUnknownQuantity are returned by NewEstimation
// for names it does not know; the message lists what is accepted.
var (
	ErrUnknownPreset   = errors.New("unknown preset")
	ErrUnknownQuantity = errors.New("unknown quantity")
)

// EstimationOptions choose a drill. The zero value picks the preset and
// the quantity from seed 0.
type EstimationOptions struct {
	Seed     uint64
	Preset   string // a preset name; "" picks one from the seed
	Quantity string // a Quantity ID; "" picks one from the seed
}

// Estimation is one drill: a preset with randomised inputs, the quantity
// asked for, and the estimator's answer with its derivation.
type Estimation struct {
	Seed     uint64
	Preset   *estimate.Preset
	Quantity Quantity
	// Inputs are every assumption the estimate used (randomised preset
	// values and defaults), as the user should see them.
	Inputs   []estimate.Assumption
	Estimate estimate.Estimate
	Truth    float64 // the answer in base units
}

// NewEstimation builds the drill for a seed. The same options always give
// the same drill.
func NewEstimation(opts EstimationOptions) (Estimation, error) {
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	preset, err := pickPreset(rng, opts.Preset)
	if err != nil {
		return Estimation{}, err
	}
	sc := estimate.NewScenario(preset)
	varied := map[string]string{}
	for _, v := range preset.Values {
		if text, ok := vary(rng, v); ok && text != v.Value {
			if err := sc.Set(v.Param, text); err != nil {
				return Estimation{}, fmt.Errorf("preset %s: %w", preset.Name, err)
			}
			varied[v.Param] = v.Value
		}
	}
	est, inputs, err := estimate.Run(sc)
	if err != nil {
		return Estimation{}, fmt.Errorf("preset %s: %w", preset.Name, err)
	}
	q, err := pickQuantity(rng, opts.Quantity, est)
	if err != nil {
		return Estimation{}, err
	}
	for i, a := range inputs {
		if from, ok := varied[a.Name]; ok {
			inputs[i].Source = SourceDrill
			inputs[i].Note = "varied from the preset's " + from
		} else if note := presetNote(preset, a.Name); note != "" {
			inputs[i].Note = note
		}
	}
	d := Estimation{Seed: opts.Seed, Preset: preset, Quantity: q, Inputs: inputs, Estimate: est}
	st, _ := est.Step(q.ID)
	d.Truth = st.Value
	return d, nil
}

func pickPreset(rng *rand.Rand, name string) (*estimate.Preset, error) {
	if name == "" {
		return &estimate.Presets()[rng.IntN(len(estimate.Presets()))], nil
	}
	p, ok := estimate.PresetByName(name)
	if !ok {
		return nil, fmt.Errorf("%w %q; expected one of %s", ErrUnknownPreset, name, strings.Join(estimate.PresetNames(), ", "))
	}
	return p, nil
}

// SourceDrill is the source of an input the drill randomised.
const SourceDrill = "drill"

// pickQuantity returns the named quantity, or picks one the scenario can
// answer with a figure worth estimating (a fleet of one server is not).
func pickQuantity(rng *rand.Rand, id string, est estimate.Estimate) (Quantity, error) {
	hasReads := est.Inputs.ReadsBasis != estimate.BasisNone
	if id != "" {
		q, ok := QuantityByID(id)
		if !ok {
			return Quantity{}, fmt.Errorf("%w %q; expected one of %s", ErrUnknownQuantity, id, strings.Join(QuantityIDs(), ", "))
		}
		if q.NeedsReads && !hasReads {
			return Quantity{}, fmt.Errorf("%w %q: this scenario has no reads; pick another quantity or preset", ErrUnknownQuantity, id)
		}
		return q, nil
	}
	var fit []Quantity
	for _, q := range Quantities {
		st, _ := est.Step(q.ID)
		if (hasReads || !q.NeedsReads) && st.Value > 0 && (q.ID != estimate.SPeakServers || st.Value >= 2) {
			fit = append(fit, q)
		}
	}
	if len(fit) == 0 {
		return Quantities[0], nil // every scenario has writes
	}
	return fit[rng.IntN(len(fit))], nil
}

func presetNote(p *estimate.Preset, param string) string {
	for _, v := range p.Values {
		if v.Param == param {
			return v.Note
		}
	}
	return ""
}

// Derivation returns the estimator's steps that lead to the answer, in
// order; the last one is the answer.
func (d Estimation) Derivation() []estimate.Step {
	var out []estimate.Step
	for _, name := range d.Quantity.Steps {
		if st, ok := d.Estimate.Step(name); ok {
			out = append(out, st)
		}
	}
	return out
}

// TruthText is the answer humanized: "6.9K/s (600M/day)", "7.3 PB".
func (d Estimation) TruthText() string {
	if d.Quantity.Dim == estimate.DimCount {
		return estimate.FormatPlain(d.Truth)
	}
	return estimate.HumanAmount(estimate.Amount{Value: d.Truth, Dim: d.Quantity.Dim})
}

// Title names the scenario: "Twitter / X timeline (twitter)".
func (d Estimation) Title() string {
	return fmt.Sprintf("%s (%s)", d.Preset.Title, d.Preset.Name)
}
