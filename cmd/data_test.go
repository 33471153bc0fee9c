package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sdprep/sdprep/drills"
	"github.com/sdprep/sdprep/internal/store"
)

// practise records a few reviews, a quiz answer and a drill in f's store.
func practise(t *testing.T, f *Factory) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, f.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := drills.NewSession(ctx, st, drills.Deck(library(t)), drills.SessionOptions{Now: f.Now, Topic: "caching"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []drills.Rating{drills.Good, drills.Again, drills.Easy} {
		if err := s.Rate(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.RecordQuizAttempt(ctx, store.QuizAttempt{QuestionID: "cap-1", Topics: []string{"cap-theorem"}, Correct: true, AnsweredAt: f.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordEstimationAttempt(ctx, store.EstimationAttempt{Quantity: "write_qps", Answer: 2000, Truth: 2314, Error: 0.06, Grade: "pass", AnsweredAt: f.Now()}); err != nil {
		t.Fatal(err)
	}
}

func execOK(t *testing.T, f *Factory, args ...string) string {
	t.Helper()
	out := f.IO.Out.(*bytes.Buffer)
	out.Reset()
	if code := Execute(context.Background(), f, args); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, f.IO.ErrOut.(*bytes.Buffer))
	}
	return out.String()
}

func TestDataExportDeleteImportSameStats(t *testing.T) {
	f, _, _ := testFactory(t)
	practise(t, f)
	before := execOK(t, f, "stats", "--format", "json")
	backup := filepath.Join(t.TempDir(), "backup.json")
	execOK(t, f, "data", "export", "-o", backup)

	// Delete the data directory, import into the fresh one.
	if err := os.RemoveAll(f.DataDir()); err != nil {
		t.Fatal(err)
	}
	got := execOK(t, f, "data", "import", backup)
	if !strings.Contains(got, "3 reviews") || !strings.Contains(got, "1 quiz answer") || !strings.Contains(got, "1 estimation drill") {
		t.Errorf("import said %q", got)
	}
	if after := execOK(t, f, "stats", "--format", "json"); after != before {
		t.Errorf("stats differ after export, delete, import:\n%s\n%s", before, after)
	}
	// Idempotent.
	if got := execOK(t, f, "data", "import", backup); !strings.Contains(got, "0 reviews, 0 card schedules, 0 quiz answers") {
		t.Errorf("second import said %q", got)
	}
}

func TestDataExportToStdout(t *testing.T) {
	f, _, _ := testFactory(t)
	out := execOK(t, f, "data", "export")
	if !strings.Contains(out, `"format": "sdprep-progress"`) || !strings.Contains(out, `"exported_at": "2026-11-23T12:00:00Z"`) {
		t.Errorf("export:\n%s", out)
	}
	if got := execOK(t, f, "data", "path"); got != f.DataDir()+"\n" {
		t.Errorf("data path = %q", got)
	}
}

func TestDataImportBadFileChangesNothing(t *testing.T) {
	f, _, errOut := testFactory(t)
	practise(t, f)
	before := execOK(t, f, "stats", "--format", "json")
	bad := filepath.Join(t.TempDir(), "bad.json")
	file := `{"format":"sdprep-progress","version":1,"quiz_attempts":[{"id":"a","question_id":"q","answered_at":"2026-11-20T10:00:00Z","duration_ms":1},{"id":"b","question_id":"","answered_at":"2026-11-20T10:00:00Z","duration_ms":1}]}`
	if err := os.WriteFile(bad, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Execute(context.Background(), f, []string{"data", "import", bad}); code != exitUsage {
		t.Fatalf("exit %d; want 2", code)
	}
	oneLine(t, errOut.String())
	if !strings.Contains(errOut.String(), `quiz_attempts[1] (id "b"): question_id: empty`) {
		t.Errorf("stderr %q should name the first bad record", errOut.String())
	}
	if after := execOK(t, f, "stats", "--format", "json"); after != before {
		t.Error("a rejected import changed the stats")
	}
	wantUsageError(t, []string{`import "missing.json"`, "no such file"}, "data", "import", "missing.json")
	wantUsageError(t, []string{"accepts 1 arg"}, "data", "import")
}

func TestDataExportFailureLeavesNoFile(t *testing.T) {
	f, _, _ := testFactory(t)
	target := filepath.Join(t.TempDir(), "no", "such", "dir", "backup.json")
	if code := Execute(context.Background(), f, []string{"data", "export", "-o", target}); code != exitError {
		t.Errorf("exit %d; want 1", code)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a failed export left a file")
	}
}
