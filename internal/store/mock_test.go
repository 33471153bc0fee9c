package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestMockSessions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := MockSession{Problem: "twitter", StartedAt: t0, UpdatedAt: t0, Total: 90 * time.Second, State: json.RawMessage(`{"step":1}`)}
	idA, err := s.SaveMock(ctx, a)
	if err != nil || len(idA) != mockIDLen {
		t.Fatalf("SaveMock = %q, %v", idA, err)
	}
	// Saving again under the id replaces the row: one transaction per event.
	a.ID, a.Finished, a.Coverage, a.RubricTotal, a.State = idA, true, 0.75, 18, json.RawMessage(`{"step":4}`)
	if _, err := s.SaveMock(ctx, a); err != nil {
		t.Fatal(err)
	}
	b := MockSession{ID: "abc00001", Problem: "uber", StartedAt: t0.Add(time.Hour), UpdatedAt: t0.Add(time.Hour), State: json.RawMessage(`{}`)}
	if _, err := s.SaveMock(ctx, b); err != nil {
		t.Fatal(err)
	}
	list, err := s.MockSessions(ctx)
	if err != nil || len(list) != 2 || list[0].ID != "abc00001" || list[1].ID != idA {
		t.Fatalf("MockSessions = %+v, %v; want newest first", list, err)
	}
	got := list[1]
	if !got.Finished || got.Coverage != 0.75 || got.RubricTotal != 18 || got.Total != 90*time.Second ||
		string(got.State) != `{"step":4}` || !got.StartedAt.Equal(t0) {
		t.Fatalf("read back %+v", got)
	}
	for id, want := range map[string]string{idA: idA, idA[:3]: idA, "LAST": "abc00001", "abc0": "abc00001"} {
		if m, err := s.MockSession(ctx, id); err != nil || m.ID != want {
			t.Errorf("MockSession(%q) = %q, %v; want %q", id, m.ID, err, want)
		}
	}
	if _, err := s.MockSession(ctx, "zzzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v; want ErrNotFound", err)
	}
	if _, err := s.MockSession(ctx, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty id: %v; want ErrNotFound", err)
	}
	if _, err := s.SaveMock(ctx, MockSession{ID: "abc00002", Problem: "x", State: json.RawMessage(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MockSession(ctx, "abc"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("shared prefix: %v; want ErrAmbiguous", err)
	}
	if _, err := s.SaveMock(ctx, MockSession{Problem: "x", State: json.RawMessage(`{`)}); err == nil {
		t.Error("invalid state JSON saved")
	}
}

// Mock sessions travel in exports: an import adds a new session, replaces
// an older copy, keeps a newer one, and refuses a bad record untouched.
func TestMockSessionsExportImport(t *testing.T) {
	ctx := context.Background()
	src, dst := openTemp(t), openTemp(t)
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	m := MockSession{ID: "aaaa0001", Problem: "uber", StartedAt: t0, UpdatedAt: t0.Add(time.Minute), Total: time.Minute,
		Coverage: 0.5, RubricTotal: 12, State: json.RawMessage(`{"step":2}`)}
	if _, err := src.SaveMock(ctx, m); err != nil {
		t.Fatal(err)
	}
	old := m
	old.UpdatedAt, old.State = t0, json.RawMessage(`{"step":0}`)
	if _, err := dst.SaveMock(ctx, old); err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := src.Export(ctx, &file, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 0} { // the second import changes nothing
		res, err := dst.Import(ctx, bytes.NewReader(file.Bytes()))
		if err != nil || res.MockSessions != want {
			t.Fatalf("import %d: %+v, %v; want %d mock session(s) changed", i+1, res, err, want)
		}
	}
	got, err := dst.MockSession(ctx, "aaaa0001")
	var state bytes.Buffer
	if err == nil {
		err = json.Compact(&state, got.State)
	}
	if err != nil || state.String() != `{"step":2}` || got.Total != time.Minute || got.RubricTotal != 12 {
		t.Fatalf("after import: %+v, %v", got, err)
	}
	bad := strings.Replace(file.String(), `"coverage": 0.5`, `"coverage": 7`, 1)
	if _, err := dst.Import(ctx, strings.NewReader(bad)); !errors.Is(err, ErrBadImport) || !strings.Contains(err.Error(), "mock_sessions[0]") {
		t.Fatalf("bad coverage: %v; want an ImportError naming mock_sessions[0]", err)
	}
}
