package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// MockSession is one mock interview: what history lists, and the whole
// interview state as JSON for resume and export.
type MockSession struct {
	// ID is a short hex id; SaveMock fills it when empty.
	ID string `json:"id"`
	// Problem is the content problem id.
	Problem string `json:"problem"`
	// StartedAt and UpdatedAt are when the interview began and was last saved.
	StartedAt time.Time `json:"started_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Finished is whether the interview reached its end screen.
	Finished bool `json:"finished"`
	// Total is the interview time so far (pauses excluded).
	Total time.Duration `json:"-"`
	// Coverage is the share of the reference checklist covered (0 to 1).
	Coverage float64 `json:"coverage"`
	// RubricTotal is the self-assessment sum (0 when not scored).
	RubricTotal int `json:"rubric_total"`
	// State is the interview as JSON (drills.Mock).
	State json.RawMessage `json:"state"`
}

// mockIDLen is the length of generated session ids: 8 hex digits are short
// enough to type and, with the prefix lookup, unique enough for one person.
const mockIDLen = 8

// ErrAmbiguous means a session id prefix matches more than one session.
var ErrAmbiguous = errors.New("ambiguous")

// SaveMock writes the session in one transaction, replacing the row with
// the same id, and returns the id.
func (s *Store) SaveMock(ctx context.Context, m MockSession) (string, error) {
	if m.ID == "" {
		m.ID = s.newID()
		if len(m.ID) > mockIDLen {
			m.ID = m.ID[:mockIDLen]
		}
	}
	if !json.Valid(m.State) {
		return "", fmt.Errorf("mock session %s: state is not JSON", m.ID)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return upsertMock(ctx, tx, "INSERT OR REPLACE", m) })
	return m.ID, err
}

func upsertMock(ctx context.Context, tx *sql.Tx, verb string, m MockSession) error {
	_, err := tx.ExecContext(ctx, verb+` INTO mock_sessions
		(id, problem_id, started_at, updated_at, finished, total_ms, coverage, rubric_total, state)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.ID, m.Problem, ms(m.StartedAt), ms(m.UpdatedAt), m.Finished, m.Total.Milliseconds(), m.Coverage, m.RubricTotal, string(m.State))
	return err
}

// upsertMockIfNewer is an import's merge: a session is added when its id
// is new and replaces the stored one only when it was saved later.
func upsertMockIfNewer(ctx context.Context, tx *sql.Tx, m MockSession) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO mock_sessions
		(id, problem_id, started_at, updated_at, finished, total_ms, coverage, rubric_total, state)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET problem_id = excluded.problem_id, started_at = excluded.started_at,
			updated_at = excluded.updated_at, finished = excluded.finished, total_ms = excluded.total_ms,
			coverage = excluded.coverage, rubric_total = excluded.rubric_total, state = excluded.state
		WHERE excluded.updated_at > mock_sessions.updated_at`,
		m.ID, m.Problem, ms(m.StartedAt), ms(m.UpdatedAt), m.Finished, m.Total.Milliseconds(), m.Coverage, m.RubricTotal, string(m.State))
	return err
}

const mockColumns = `id, problem_id, started_at, updated_at, finished, total_ms, coverage, rubric_total, state`

func scanMock(sc interface{ Scan(...any) error }) (MockSession, error) {
	var m MockSession
	var started, updated, total int64
	var state string
	if err := sc.Scan(&m.ID, &m.Problem, &started, &updated, &m.Finished, &total, &m.Coverage, &m.RubricTotal, &state); err != nil {
		return m, err
	}
	m.StartedAt, m.UpdatedAt, m.Total, m.State = fromMS(started), fromMS(updated), time.Duration(total)*time.Millisecond, json.RawMessage(state)
	return m, nil
}

// MockSessions lists every session, the most recent first.
func (s *Store) MockSessions(ctx context.Context) ([]MockSession, error) {
	out, err := queryMocks(ctx, s.db)
	return out, s.wrap(err)
}

func queryMocks(ctx context.Context, q querier) ([]MockSession, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+mockColumns+` FROM mock_sessions ORDER BY started_at DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []MockSession{}
	for rows.Next() {
		m, err := scanMock(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MockSession finds a session by id, by a unique prefix of its id, or
// "last" for the most recent one. Errors wrap ErrNotFound or ErrAmbiguous.
func (s *Store) MockSession(ctx context.Context, id string) (MockSession, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	query, arg := `SELECT `+mockColumns+` FROM mock_sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, []any{id, id + "\xff"}
	if id == "last" {
		query, arg = `SELECT `+mockColumns+` FROM mock_sessions ORDER BY started_at DESC, id LIMIT 1`, nil
	}
	if id == "" {
		return MockSession{}, fmt.Errorf("mock session %q: %w", id, ErrNotFound)
	}
	rows, err := s.db.QueryContext(ctx, query, arg...)
	if err != nil {
		return MockSession{}, s.wrap(err)
	}
	defer rows.Close()
	var found []MockSession
	for rows.Next() {
		m, err := scanMock(rows)
		if err != nil {
			return MockSession{}, s.wrap(err)
		}
		if m.ID == id {
			return m, nil
		}
		found = append(found, m)
	}
	if err := rows.Err(); err != nil {
		return MockSession{}, s.wrap(err)
	}
	switch len(found) {
	case 0:
		return MockSession{}, fmt.Errorf("mock session %q: %w", id, ErrNotFound)
	case 1:
		return found[0], nil
	}
	return MockSession{}, fmt.Errorf("mock session %q matches %s and others: %w", id, found[0].ID, ErrAmbiguous)
}
