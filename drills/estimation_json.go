package drills

import (
	"time"

	"github.com/sdprep/sdprep/estimate"
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

// EstimationAttempt is one answered drill, as the progress store keeps it.
type EstimationAttempt struct {
	Seed     uint64    `json:"seed"`
	Preset   string    `json:"preset"`
	Quantity string    `json:"quantity"`
	Answer   float64   `json:"answer"`
	Truth    float64   `json:"truth"`
	LogError float64   `json:"log_error"`
	Grade    Grade     `json:"grade"`
	At       time.Time `json:"at"`
}

// Attempt records a graded answer at the given time.
func (d Estimation) Attempt(r Result, at time.Time) EstimationAttempt {
	return EstimationAttempt{Seed: d.Seed, Preset: d.Preset.Name, Quantity: d.Quantity.ID,
		Answer: r.Answer, Truth: r.Truth, LogError: r.LogError, Grade: r.Grade, At: at}
}
