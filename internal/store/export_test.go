package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fill records a little of everything into s.
func fill(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for i, id := range []string{"topic:caching:what", "latency:hdd-seek"} {
		c := card(id, t0.Add(time.Duration(i+1)*48*time.Hour), int64(i+1))
		if _, err := s.RecordReview(ctx, Review{CardID: id, Rating: 3, ReviewedAt: t0.Add(time.Duration(i) * time.Minute), Duration: 2 * time.Second}, &c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordQuizAttempt(ctx, QuizAttempt{QuestionID: "q1", Topics: []string{"caching"}, Chosen: []int{0, 2}, AnsweredAt: t0}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordEstimationAttempt(ctx, EstimationAttempt{Quantity: "storage", Seed: 7, Answer: 5e15, Truth: 7e15, Unit: "B", Error: 0.146, Grade: "pass", AnsweredAt: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "new_per_day", "25"); err != nil {
		t.Fatal(err)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openTemp(t)
	fill(t, src)
	var buf bytes.Buffer
	if err := src.Export(ctx, &buf, t0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"format": "sdprep-progress"`) || !strings.Contains(buf.String(), `"duration_ms": 2000`) {
		t.Errorf("export lacks the format marker or durations:\n%s", buf.String())
	}
	dst := openTemp(t)
	res, err := dst.Import(ctx, bytes.NewReader(buf.Bytes()))
	want := ImportResult{Settings: 1, Cards: 2, Reviews: 2, QuizAttempts: 1, EstimationAttempts: 1}
	if err != nil || res != want {
		t.Fatalf("Import = %+v, %v; want %+v", res, err, want)
	}
	a, _ := src.Snapshot(ctx, t0)
	b, _ := dst.Snapshot(ctx, t0)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("snapshots differ after import:\n%+v\n%+v", a, b)
	}
	// Idempotent: the same file again changes nothing.
	res, err = dst.Import(ctx, bytes.NewReader(buf.Bytes()))
	if err != nil || res != (ImportResult{}) {
		t.Errorf("second Import = %+v, %v; want nothing changed", res, err)
	}
}

func TestImportMergesCardsByLatestReview(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	older := card("x", t0.Add(24*time.Hour), 1)
	newer := card("x", t0.Add(240*time.Hour), 5)
	if _, err := s.RecordReview(ctx, Review{CardID: "x", Rating: 3, ReviewedAt: t0}, &newer); err != nil {
		t.Fatal(err)
	}
	x := `{"format":"sdprep-progress","version":1,"cards":[` + cardJSON(older) + `]}`
	if res, err := s.Import(ctx, strings.NewReader(x)); err != nil || res.Cards != 0 {
		t.Fatalf("Import older = %+v, %v; want the stored, later card kept", res, err)
	}
	if got, _, _ := s.Card(ctx, "x"); got != newer {
		t.Errorf("card = %+v; want %+v", got, newer)
	}
}

func cardJSON(c CardState) string {
	j, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return string(j)
}

func TestImportRejectsBadFileAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	good := `{"id":"r1","card_id":"a","rating":3,"state":0,"elapsed_days":0,"scheduled_days":0,"reviewed_at":"2026-12-01T09:00:00Z","practice":false,"duration_ms":10}`
	tests := []struct {
		name, file, want string
	}{
		{"not json", `hello`, "file: not an sdprep export"},
		{"wrong format", `{"format":"anki","version":1}`, `format: "anki"`},
		{"newer version", `{"format":"sdprep-progress","version":9}`, "version: 9: this sdprep reads versions 1 to 2"},
		{"bad rating", `{"format":"sdprep-progress","version":1,"reviews":[` + good + `,` + strings.Replace(strings.Replace(good, `"rating":3`, `"rating":9`, 1), `"r1"`, `"r2"`, 1) + `]}`, `reviews[1] (id "r2"): rating: 9; want 1 (again) to 4 (easy)`},
		{"duplicate id", `{"format":"sdprep-progress","version":1,"reviews":[` + good + `,` + good + `]}`, `reviews[1] (id "r1"): duplicate id`},
		{"unknown field", `{"format":"sdprep-progress","version":1,"quiz_attempts":[{"id":"q","question_id":"x","answerd_at":"2026-12-01T09:00:00Z"}]}`, `quiz_attempts[0]: json: unknown field "answerd_at"`},
		{"wrong type", `{"format":"sdprep-progress","version":1,"estimation_attempts":[{"id":"e","answer":"lots"}]}`, `estimation_attempts[0]: json: cannot unmarshal`},
		{"missing time", `{"format":"sdprep-progress","version":1,"cards":[{"id":"c","state":2,"due":"2026-12-01T09:00:00Z"}]}`, `cards[0] (id "c"): last_review: missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			fill(t, s)
			before, _ := s.Snapshot(ctx, t0)
			_, err := s.Import(ctx, strings.NewReader(tt.file))
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, ErrBadImport) {
				t.Fatalf("err = %v; want an *ImportError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q; want it to contain %q", err, tt.want)
			}
			after, _ := s.Snapshot(ctx, t0)
			if !reflect.DeepEqual(before, after) {
				t.Error("a rejected import changed the store")
			}
		})
	}
}
