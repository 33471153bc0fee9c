package drills

import (
	"context"
	"time"

	"github.com/sdprep/sdprep/estimate"
	"github.com/sdprep/sdprep/internal/store"
)

// EstimationJSON is the JSON shape of a drill with its answer, printed by
// `sdprep drill estimate --seed N --format json` for scripts.
type EstimationJSON struct {
	Seed       uint64                `json:"seed"`
	Preset     string                `json:"preset"`
	Quantity   string                `json:"quantity"`
	Question   string                `json:"question"`
	Unit       string                `json:"unit"` // base unit of answer: "/s", "B", "B/s" or "" for a count
	Inputs     []estimate.Assumption `json:"inputs"`
	Answer     float64               `json:"answer"`
	AnswerText string                `json:"answer_text"`
	Steps      []estimate.Step       `json:"steps"`
}

// JSON returns the drill with its answer in its JSON shape.
func (d Estimation) JSON() EstimationJSON {
	return EstimationJSON{
		Seed: d.Seed, Preset: d.Preset.Name, Quantity: d.Quantity.ID, Question: d.Quantity.Question,
		Unit: d.Quantity.Dim.String(), Inputs: d.Inputs, Answer: d.Truth, AnswerText: d.TruthText(),
		Steps: d.Derivation(),
	}
}

// Attempt is a graded answer as the progress store keeps it: answered at
// at, after spending spent on the scenario.
func (d Estimation) Attempt(r Result, at time.Time, spent time.Duration) store.EstimationAttempt {
	return store.EstimationAttempt{
		Quantity: d.Quantity.ID, Preset: d.Preset.Name, Seed: d.Seed,
		Answer: r.Answer, Truth: r.Truth, Unit: d.Quantity.Dim.String(),
		Error: r.LogError, Grade: r.Grade.String(), AnsweredAt: at, Duration: spent,
	}
}

// EstimationRecorder keeps answered drills; *store.Store implements it,
// committing each attempt in its own transaction.
type EstimationRecorder interface {
	RecordEstimationAttempt(ctx context.Context, a store.EstimationAttempt) (string, error)
}
