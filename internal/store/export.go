package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// ExportFormat is the "format" marker of an export file; ExportVersion is
// the newest export version this binary writes and reads.
const (
	ExportFormat  = "sdprep-progress"
	ExportVersion = 2 // 2 added mock_sessions; version 1 files still import
)

// Export is the versioned JSON document that `sdprep data export` writes
// and `sdprep data import` reads. Times are RFC 3339, durations whole
// milliseconds.
type Export struct {
	Format             string             `json:"format"`
	Version            int                `json:"version"`
	ExportedAt         time.Time          `json:"exported_at"`
	Settings           map[string]string  `json:"settings"`
	Cards              []CardState        `json:"cards"`
	Reviews            []ReviewRecord     `json:"reviews"`
	QuizAttempts       []QuizRecord       `json:"quiz_attempts"`
	EstimationAttempts []EstimationRecord `json:"estimation_attempts"`
	MockSessions       []MockRecord       `json:"mock_sessions"`
}

// MockRecord is a MockSession as exported.
type MockRecord struct {
	MockSession
	TotalMS int64 `json:"total_ms"`
}

// ReviewRecord is a Review as exported.
type ReviewRecord struct {
	Review
	DurationMS int64 `json:"duration_ms"`
}

// QuizRecord is a QuizAttempt as exported.
type QuizRecord struct {
	QuizAttempt
	DurationMS int64 `json:"duration_ms"`
}

// EstimationRecord is an EstimationAttempt as exported.
type EstimationRecord struct {
	EstimationAttempt
	DurationMS int64 `json:"duration_ms"`
}

// Snapshot reads everything into an Export stamped with at, from one
// consistent read transaction.
func (s *Store) Snapshot(ctx context.Context, at time.Time) (*Export, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.wrap(err)
	}
	defer tx.Rollback()
	x := &Export{Format: ExportFormat, Version: ExportVersion, ExportedAt: at.UTC()}
	if x.Settings, err = readSettings(ctx, tx); err != nil {
		return nil, s.wrap(err)
	}
	if x.Cards, err = queryCards(ctx, tx); err != nil {
		return nil, s.wrap(err)
	}
	reviews, err := queryReviews(ctx, tx, time.Time{})
	if err != nil {
		return nil, s.wrap(err)
	}
	quiz, err := queryQuiz(ctx, tx, time.Time{})
	if err != nil {
		return nil, s.wrap(err)
	}
	est, err := queryEstimation(ctx, tx, time.Time{})
	if err != nil {
		return nil, s.wrap(err)
	}
	x.Reviews = make([]ReviewRecord, len(reviews))
	for i, v := range reviews {
		x.Reviews[i] = ReviewRecord{v, v.Duration.Milliseconds()}
	}
	x.QuizAttempts = make([]QuizRecord, len(quiz))
	for i, v := range quiz {
		x.QuizAttempts[i] = QuizRecord{v, v.Duration.Milliseconds()}
	}
	x.EstimationAttempts = make([]EstimationRecord, len(est))
	for i, v := range est {
		x.EstimationAttempts[i] = EstimationRecord{v, v.Duration.Milliseconds()}
	}
	mocks, err := queryMocks(ctx, tx)
	if err != nil {
		return nil, s.wrap(err)
	}
	x.MockSessions = make([]MockRecord, len(mocks))
	for i, v := range mocks {
		x.MockSessions[i] = MockRecord{v, v.Total.Milliseconds()}
	}
	x.Cards = nonNil(x.Cards)
	return x, nil
}

// Export writes a Snapshot stamped with at to w as indented JSON.
func (s *Store) Export(ctx context.Context, w io.Writer, at time.Time) error {
	x, err := s.Snapshot(ctx, at)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

// ImportResult counts the rows an import added or changed.
type ImportResult struct {
	Settings           int `json:"settings"`
	Cards              int `json:"cards"`
	Reviews            int `json:"reviews"`
	QuizAttempts       int `json:"quiz_attempts"`
	EstimationAttempts int `json:"estimation_attempts"`
	MockSessions       int `json:"mock_sessions"`
}

// Import reads an export from r, validates all of it, then merges it in
// one transaction: log rows (reviews, attempts) are added when their id
// is new; a card replaces the stored one when its last review is later;
// settings from the file win. Importing the same file twice changes
// nothing the second time. A file that fails validation changes nothing
// and returns an *ImportError naming the first bad record.
func (s *Store) Import(ctx context.Context, r io.Reader) (ImportResult, error) {
	x, err := DecodeExport(r)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = applyImport(ctx, tx, x)
		return err
	})
	return res, err
}

func applyImport(ctx context.Context, tx *sql.Tx, x *Export) (ImportResult, error) {
	var res ImportResult
	for k, v := range x.Settings {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`, k, v); err != nil {
			return res, err
		}
		if err := changes(ctx, tx, &res.Settings); err != nil {
			return res, err
		}
	}
	for _, c := range x.Cards {
		var last int64
		err := tx.QueryRowContext(ctx, `SELECT last_review FROM cards WHERE id = ?`, c.ID).Scan(&last)
		if err == nil && last >= ms(c.LastReview) {
			continue
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return res, err
		}
		if err := upsertCard(ctx, tx, c); err != nil {
			return res, err
		}
		res.Cards++
	}
	for _, v := range x.Reviews {
		v.Duration = time.Duration(v.DurationMS) * time.Millisecond
		if err := insertReview(ctx, tx, "INSERT OR IGNORE", v.Review, nil); err != nil {
			return res, err
		}
		if err := changes(ctx, tx, &res.Reviews); err != nil {
			return res, err
		}
	}
	for _, v := range x.QuizAttempts {
		v.Duration = time.Duration(v.DurationMS) * time.Millisecond
		if err := insertQuiz(ctx, tx, "INSERT OR IGNORE", v.QuizAttempt); err != nil {
			return res, err
		}
		if err := changes(ctx, tx, &res.QuizAttempts); err != nil {
			return res, err
		}
	}
	for _, v := range x.EstimationAttempts {
		v.Duration = time.Duration(v.DurationMS) * time.Millisecond
		if err := insertEstimation(ctx, tx, "INSERT OR IGNORE", v.EstimationAttempt); err != nil {
			return res, err
		}
		if err := changes(ctx, tx, &res.EstimationAttempts); err != nil {
			return res, err
		}
	}
	for _, v := range x.MockSessions {
		v.Total = time.Duration(v.TotalMS) * time.Millisecond
		if err := upsertMockIfNewer(ctx, tx, v.MockSession); err != nil {
			return res, err
		}
		if err := changes(ctx, tx, &res.MockSessions); err != nil {
			return res, err
		}
	}
	return res, nil
}

// changes adds the row count of the connection's last statement to n.
func changes(ctx context.Context, tx *sql.Tx, n *int) error {
	var c int
	err := tx.QueryRowContext(ctx, `SELECT changes()`).Scan(&c)
	*n += c
	return err
}

// DecodeExport reads and validates an export without touching any
// database. The first problem is returned as an *ImportError.
func DecodeExport(r io.Reader) (*Export, error) {
	var raw struct {
		Format             string            `json:"format"`
		Version            int               `json:"version"`
		ExportedAt         time.Time         `json:"exported_at"`
		Settings           map[string]string `json:"settings"`
		Cards              []json.RawMessage `json:"cards"`
		Reviews            []json.RawMessage `json:"reviews"`
		QuizAttempts       []json.RawMessage `json:"quiz_attempts"`
		EstimationAttempts []json.RawMessage `json:"estimation_attempts"`
		MockSessions       []json.RawMessage `json:"mock_sessions"`
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, &ImportError{Record: "file", Err: fmt.Errorf("not an sdprep export: %w", err)}
	}
	if raw.Format != ExportFormat {
		return nil, &ImportError{Record: "format", Err: fmt.Errorf("%q: want %q", raw.Format, ExportFormat)}
	}
	if raw.Version < 1 || raw.Version > ExportVersion {
		return nil, &ImportError{Record: "version", Err: fmt.Errorf("%d: this sdprep reads versions 1 to %d", raw.Version, ExportVersion)}
	}
	x := &Export{Format: raw.Format, Version: raw.Version, ExportedAt: raw.ExportedAt, Settings: raw.Settings}
	for k := range raw.Settings {
		if k == "" {
			return nil, &ImportError{Record: "settings", Err: fmt.Errorf("empty key")}
		}
	}
	var err error
	if x.Cards, err = decodeRecords(raw.Cards, "cards", validateCard, func(c CardState) string { return c.ID }); err != nil {
		return nil, err
	}
	if x.Reviews, err = decodeRecords(raw.Reviews, "reviews", validateReview, func(v ReviewRecord) string { return v.ID }); err != nil {
		return nil, err
	}
	if x.QuizAttempts, err = decodeRecords(raw.QuizAttempts, "quiz_attempts", validateQuiz, func(v QuizRecord) string { return v.ID }); err != nil {
		return nil, err
	}
	if x.EstimationAttempts, err = decodeRecords(raw.EstimationAttempts, "estimation_attempts", validateEstimation, func(v EstimationRecord) string { return v.ID }); err != nil {
		return nil, err
	}
	if x.MockSessions, err = decodeRecords(raw.MockSessions, "mock_sessions", validateMock, func(v MockRecord) string { return v.ID }); err != nil {
		return nil, err
	}
	return x, nil
}
