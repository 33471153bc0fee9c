package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// ErrBadImport is wrapped by every *ImportError.
var ErrBadImport = errors.New("bad import file")

// ImportError names the first bad record of an import file.
type ImportError struct {
	// Record locates it: "reviews[12]", "version", "file".
	Record string
	// ID is the record's id when it has one.
	ID string
	// Err says what is wrong and what is accepted.
	Err error
}

func (e *ImportError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("%s: %s (id %q): %v", ErrBadImport, e.Record, e.ID, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v", ErrBadImport, e.Record, e.Err)
}

// Unwrap lets errors.Is match ErrBadImport and the cause.
func (e *ImportError) Unwrap() []error { return []error{ErrBadImport, e.Err} }

// decodeRecords decodes each raw record strictly (unknown fields are
// refused), validates it, and refuses duplicate ids within the file.
func decodeRecords[T any](raws []json.RawMessage, name string, check func(T) error, id func(T) string) ([]T, error) {
	out := make([]T, 0, len(raws))
	seen := make(map[string]bool, len(raws))
	for i, raw := range raws {
		rec := fmt.Sprintf("%s[%d]", name, i)
		var v T
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&v); err != nil {
			return nil, &ImportError{Record: rec, Err: err}
		}
		if err := check(v); err != nil {
			return nil, &ImportError{Record: rec, ID: id(v), Err: err}
		}
		if seen[id(v)] {
			return nil, &ImportError{Record: rec, ID: id(v), Err: errors.New("duplicate id")}
		}
		seen[id(v)] = true
		out = append(out, v)
	}
	return out, nil
}

func validateMock(m MockRecord) error {
	switch {
	case m.ID == "":
		return errors.New("id: empty; want the session's id")
	case m.Problem == "":
		return errors.New("problem: empty; want a problem id")
	case m.StartedAt.IsZero():
		return errors.New("started_at: missing; want an RFC 3339 time")
	case m.TotalMS < 0:
		return fmt.Errorf("total_ms: %d; want ≥ 0", m.TotalMS)
	case !finite(m.Coverage) || m.Coverage < 0 || m.Coverage > 1:
		return fmt.Errorf("coverage: %v; want 0 to 1", m.Coverage)
	case m.RubricTotal < 0 || m.RubricTotal > 24:
		return fmt.Errorf("rubric_total: %d; want 0 to 24", m.RubricTotal)
	case !json.Valid(m.State) || len(m.State) == 0 || m.State[0] != '{':
		return errors.New("state: want the interview as a JSON object")
	}
	return nil
}

func validateCard(c CardState) error {
	switch {
	case c.ID == "":
		return errors.New("id: empty; want the card's id")
	case c.State < 0 || c.State > 3:
		return fmt.Errorf("state: %d; want 0 (new) to 3 (relearning)", c.State)
	case c.Due.IsZero():
		return errors.New("due: missing; want an RFC 3339 time")
	case c.LastReview.IsZero():
		return errors.New("last_review: missing; want an RFC 3339 time")
	case !finite(c.Stability) || c.Stability < 0:
		return fmt.Errorf("stability: %v; want a number ≥ 0", c.Stability)
	case !finite(c.Difficulty) || c.Difficulty < 0 || c.Difficulty > 10:
		return fmt.Errorf("difficulty: %v; want a number from 0 to 10", c.Difficulty)
	case c.ElapsedDays < 0 || c.ScheduledDays < 0 || c.Reps < 0 || c.Lapses < 0:
		return errors.New("elapsed_days, scheduled_days, reps and lapses: want counts ≥ 0")
	}
	return nil
}

func validateReview(r ReviewRecord) error {
	switch {
	case r.ID == "":
		return errors.New("id: empty; want the review's id")
	case r.CardID == "":
		return errors.New("card_id: empty; want the card's id")
	case r.Rating < 1 || r.Rating > 4:
		return fmt.Errorf("rating: %d; want 1 (again) to 4 (easy)", r.Rating)
	case r.State < 0 || r.State > 3:
		return fmt.Errorf("state: %d; want 0 (new) to 3 (relearning)", r.State)
	case r.ReviewedAt.IsZero():
		return errors.New("reviewed_at: missing; want an RFC 3339 time")
	case r.DurationMS < 0:
		return fmt.Errorf("duration_ms: %d; want milliseconds ≥ 0", r.DurationMS)
	case r.ElapsedDays < 0 || r.ScheduledDays < 0:
		return errors.New("elapsed_days and scheduled_days: want days ≥ 0")
	}
	return nil
}

func validateQuiz(a QuizRecord) error {
	switch {
	case a.ID == "":
		return errors.New("id: empty; want the attempt's id")
	case a.QuestionID == "":
		return errors.New("question_id: empty; want the question's id")
	case a.AnsweredAt.IsZero():
		return errors.New("answered_at: missing; want an RFC 3339 time")
	case a.DurationMS < 0:
		return fmt.Errorf("duration_ms: %d; want milliseconds ≥ 0", a.DurationMS)
	}
	for _, c := range a.Chosen {
		if c < 0 {
			return fmt.Errorf("chosen: %d; want option indexes ≥ 0", c)
		}
	}
	return nil
}

func validateEstimation(a EstimationRecord) error {
	switch {
	case a.ID == "":
		return errors.New("id: empty; want the attempt's id")
	case a.Quantity == "":
		return errors.New("quantity: empty; want the quantity asked, e.g. write_qps")
	case !finite(a.Answer) || a.Answer <= 0:
		return fmt.Errorf("answer: %v; want a number > 0", a.Answer)
	case !finite(a.Truth) || a.Truth <= 0:
		return fmt.Errorf("truth: %v; want a number > 0", a.Truth)
	case !finite(a.Error) || a.Error < 0:
		return fmt.Errorf("error: %v; want a number ≥ 0", a.Error)
	case a.Grade == "":
		return errors.New("grade: empty; want the drill's grade")
	case a.AnsweredAt.IsZero():
		return errors.New("answered_at: missing; want an RFC 3339 time")
	case a.DurationMS < 0:
		return fmt.Errorf("duration_ms: %d; want milliseconds ≥ 0", a.DurationMS)
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
