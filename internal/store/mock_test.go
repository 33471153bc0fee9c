package store

import (
	"context"
	"encoding/json"
	"errors"
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
