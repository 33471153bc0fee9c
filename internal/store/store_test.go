package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// t0 is the fixed instant the tests start from.
var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesAndMigrates(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "nested", "sdprep")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != filepath.Join(dir, FileName) {
		t.Errorf("Path() = %q", s.Path())
	}
	v, err := s.Version(ctx)
	if err != nil || v != SchemaVersion() || v < 1 {
		t.Fatalf("Version() = %d, %v; want %d", v, err, SchemaVersion())
	}
	var mode string
	if err := s.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if _, err := s.RecordQuizAttempt(ctx, QuizAttempt{QuestionID: "q1", AnsweredAt: t0}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopening keeps the data and migrates nothing.
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.QuizAttempts(ctx, time.Time{})
	if err != nil || len(got) != 1 {
		t.Fatalf("after reopen: %d attempts, %v", len(got), err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.DB().ExecContext(ctx, `PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := OpenFile(ctx, s.Path(), Options{})
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("err = %v; want ErrSchemaTooNew", err)
	}
	if !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "version 99") {
		t.Errorf("error %q should name the path and the version", err)
	}
	// Not downgraded.
	db, err := sql.Open("sqlite", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != 99 {
		t.Errorf("user_version = %d, %v; want 99 untouched", v, err)
	}
}

func TestOpenRefusesCorruptFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	junk := bytes.Repeat([]byte("this is not a database\n"), 400)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v; want ErrCorrupt", err)
	}
	checkRefusal(t, err, path, junk)
}

func TestOpenRefusesForeignDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), dir)
	if !errors.Is(err, ErrForeign) {
		t.Fatalf("err = %v; want ErrForeign", err)
	}
	checkRefusal(t, err, path, before)
}

// checkRefusal checks that err is one line naming path and --data-dir,
// and that the file still holds want.
func checkRefusal(t *testing.T, err error, path string, want []byte) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "--data-dir") || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line naming %s and --data-dir", msg, path)
	}
	got, rerr := os.ReadFile(path)
	if rerr != nil || !bytes.Equal(got, want) {
		t.Errorf("the file was modified (%v)", rerr)
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
	if _, err := OpenFile(context.Background(), "a?b", Options{}); err == nil {
		t.Error("OpenFile with '?' succeeded")
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, ok, err := s.Setting(ctx, "new_per_day"); ok || err != nil {
		t.Fatalf("unset setting: ok=%v err=%v", ok, err)
	}
	for _, v := range []string{"20", "35"} {
		if err := s.SetSetting(ctx, "new_per_day", v); err != nil {
			t.Fatal(err)
		}
	}
	v, ok, err := s.Setting(ctx, "new_per_day")
	if v != "35" || !ok || err != nil {
		t.Errorf("Setting = %q, %v, %v; want 35", v, ok, err)
	}
	all, err := s.Settings(ctx)
	if err != nil || len(all) != 1 || all["new_per_day"] != "35" {
		t.Errorf("Settings = %v, %v", all, err)
	}
}

func TestOpenRefusesDamagedFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"short junk":           []byte("hello"),
		"sqlite magic, junk":   append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xff}, 4000)...),
		"sqlite header, no db": append([]byte("SQLite format 3\x00"), make([]byte, 84)...),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), dir)
			if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrForeign) {
				t.Fatalf("err = %v; want ErrCorrupt or ErrForeign", err)
			}
			checkRefusal(t, err, path, data)
		})
	}
}
