package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"time"
)

// QuizAttempt is one answered quiz question.
type QuizAttempt struct {
	// ID is the attempt's id; RecordQuizAttempt fills it when empty.
	ID string `json:"id"`
	// QuestionID is the question's id in the quiz bank.
	QuestionID string `json:"question_id"`
	// Topics are the topic ids the question drills, kept so that stats
	// survive edits to the bank. Never nil after a read.
	Topics []string `json:"topics"`
	// Chosen are the 0-based indexes of the options picked. Never nil
	// after a read.
	Chosen []int `json:"chosen"`
	// Correct is whether the answer was right.
	Correct bool `json:"correct"`
	// AnsweredAt is when the answer was given.
	AnsweredAt time.Time `json:"answered_at"`
	// Duration is the time spent on the question.
	Duration time.Duration `json:"-"`
}

// EstimationAttempt is one graded estimation-drill answer.
type EstimationAttempt struct {
	// ID is the attempt's id; RecordEstimationAttempt fills it when empty.
	ID string `json:"id"`
	// Quantity is what was asked, e.g. "write_qps" or "storage".
	Quantity string `json:"quantity"`
	// Preset and Seed rebuild the scenario; Preset may be empty.
	Preset string `json:"preset"`
	Seed   uint64 `json:"seed"`
	// Answer and Truth are in Unit, the quantity's base unit ("1/s", "B").
	Answer float64 `json:"answer"`
	Truth  float64 `json:"truth"`
	Unit   string  `json:"unit"`
	// Error is |log10(answer/truth)|.
	Error float64 `json:"error"`
	// Grade is the drill's verdict, e.g. "exact", "pass" or "miss".
	Grade string `json:"grade"`
	// AnsweredAt is when the answer was given.
	AnsweredAt time.Time `json:"answered_at"`
	// Duration is the time spent on the scenario.
	Duration time.Duration `json:"-"`
}

// RecordQuizAttempt stores a in its own transaction and returns its id.
func (s *Store) RecordQuizAttempt(ctx context.Context, a QuizAttempt) (string, error) {
	if a.ID == "" {
		a.ID = s.newID()
	}
	return a.ID, s.inTx(ctx, func(tx *sql.Tx) error { return insertQuiz(ctx, tx, "INSERT", a) })
}

func insertQuiz(ctx context.Context, tx *sql.Tx, verb string, a QuizAttempt) error {
	topics, err := json.Marshal(nonNil(a.Topics))
	if err != nil {
		return err
	}
	chosen, err := json.Marshal(nonNil(a.Chosen))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, verb+` INTO quiz_attempts (id, question_id, topics, chosen, correct, answered_at, duration_ms)
		VALUES (?,?,?,?,?,?,?)`, a.ID, a.QuestionID, string(topics), string(chosen), a.Correct, ms(a.AnsweredAt), a.Duration.Milliseconds())
	return err
}

// QuizAttempts returns the attempts from since on (all for the zero
// time), oldest first.
func (s *Store) QuizAttempts(ctx context.Context, since time.Time) ([]QuizAttempt, error) {
	a, err := queryQuiz(ctx, s.db, since)
	return a, s.wrap(err)
}

func queryQuiz(ctx context.Context, q querier, since time.Time) ([]QuizAttempt, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, question_id, topics, chosen, correct, answered_at, duration_ms
		FROM quiz_attempts WHERE answered_at >= ? ORDER BY answered_at, id`, ms(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuizAttempt
	for rows.Next() {
		var a QuizAttempt
		var topics, chosen string
		var at, dur int64
		if err := rows.Scan(&a.ID, &a.QuestionID, &topics, &chosen, &a.Correct, &at, &dur); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(topics), &a.Topics); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(chosen), &a.Chosen); err != nil {
			return nil, err
		}
		a.Topics, a.Chosen = nonNil(a.Topics), nonNil(a.Chosen)
		a.AnsweredAt, a.Duration = fromMS(at), time.Duration(dur)*time.Millisecond
		out = append(out, a)
	}
	return out, rows.Err()
}

// RecordEstimationAttempt stores a in its own transaction and returns its id.
func (s *Store) RecordEstimationAttempt(ctx context.Context, a EstimationAttempt) (string, error) {
	if a.ID == "" {
		a.ID = s.newID()
	}
	return a.ID, s.inTx(ctx, func(tx *sql.Tx) error { return insertEstimation(ctx, tx, "INSERT", a) })
}

func insertEstimation(ctx context.Context, tx *sql.Tx, verb string, a EstimationAttempt) error {
	_, err := tx.ExecContext(ctx, verb+` INTO estimation_attempts (id, quantity, preset, seed, answer, truth, unit, error, grade, answered_at, duration_ms)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`, a.ID, a.Quantity, a.Preset, strconv.FormatUint(a.Seed, 10), a.Answer, a.Truth, a.Unit, a.Error, a.Grade,
		ms(a.AnsweredAt), a.Duration.Milliseconds())
	return err
}

// EstimationAttempts returns the attempts from since on (all for the zero
// time), oldest first.
func (s *Store) EstimationAttempts(ctx context.Context, since time.Time) ([]EstimationAttempt, error) {
	a, err := queryEstimation(ctx, s.db, since)
	return a, s.wrap(err)
}

func queryEstimation(ctx context.Context, q querier, since time.Time) ([]EstimationAttempt, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, quantity, preset, seed, answer, truth, unit, error, grade, answered_at, duration_ms
		FROM estimation_attempts WHERE answered_at >= ? ORDER BY answered_at, id`, ms(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EstimationAttempt
	for rows.Next() {
		var a EstimationAttempt
		var seed string
		var at, dur int64
		if err := rows.Scan(&a.ID, &a.Quantity, &a.Preset, &seed, &a.Answer, &a.Truth, &a.Unit, &a.Error, &a.Grade, &at, &dur); err != nil {
			return nil, err
		}
		if a.Seed, err = strconv.ParseUint(seed, 10, 64); err != nil {
			return nil, err
		}
		a.AnsweredAt, a.Duration = fromMS(at), time.Duration(dur)*time.Millisecond
		out = append(out, a)
	}
	return out, rows.Err()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
