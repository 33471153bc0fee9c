package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The tests below re-run this test binary as a child process that writes
// to a store; the environment tells it what to do.
const (
	childDirEnv  = "SDPREP_STORE_CHILD_DIR"
	childRowsEnv = "SDPREP_STORE_CHILD_ROWS" // rows to write; 0 means forever
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(childDirEnv); dir != "" {
		rows, _ := strconv.Atoi(os.Getenv(childRowsEnv))
		if err := runChild(dir, rows); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runChild answers quiz questions, one transaction each, and prints the
// number of committed answers after each commit.
func runChild(dir string, rows int) error {
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		return err
	}
	defer s.Close()
	w := bufio.NewWriter(os.Stdout)
	for i := 1; rows == 0 || i <= rows; i++ {
		a := QuizAttempt{QuestionID: fmt.Sprintf("q%d", i), Chosen: []int{i % 4}, Correct: i%3 == 0, AnsweredAt: t0.Add(time.Duration(i) * time.Second)}
		if _, err := s.RecordQuizAttempt(ctx, a); err != nil {
			return err
		}
		c := card(fmt.Sprintf("card-%d-%d", os.Getpid(), i%50), t0, int64(i))
		if _, err := s.RecordReview(ctx, Review{CardID: c.ID, Rating: 1 + i%4, ReviewedAt: a.AnsweredAt}, &c); err != nil {
			return err
		}
		fmt.Fprintln(w, i)
		w.Flush()
	}
	return nil
}

func child(t *testing.T, dir string, rows int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDirEnv+"="+dir, childRowsEnv+"="+strconv.Itoa(rows))
	cmd.Stderr = os.Stderr
	return cmd
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestKilledWriterLosesAtMostOneAnswer kills a child mid-loop with SIGKILL
// and checks the file is sound and holds every answer the child reported
// as committed (plus at most the one in flight).
func TestKilledWriterLosesAtMostOneAnswer(t *testing.T) {
	dir := t.TempDir()
	cmd := child(t, dir, 0)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	last := 0
	for last < 60 && sc.Scan() {
		last, _ = strconv.Atoi(sc.Text())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// What the child printed before it died is still in the pipe.
	for sc.Scan() {
		last, _ = strconv.Atoi(sc.Text())
	}
	_ = cmd.Wait()
	if last < 60 {
		t.Fatalf("child stopped after %d answers", last)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if res, err := s.IntegrityCheck(context.Background()); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	if n := countRows(t, s, "quiz_attempts"); n < last || n > last+1 {
		t.Errorf("%d quiz attempts after the kill; the child had committed %d", n, last)
	}
	if n := countRows(t, s, "reviews"); n < last || n > last+1 {
		t.Errorf("%d reviews after the kill; the child had committed %d", n, last)
	}
}

// TestTwoProcessesWriteConcurrently runs two child processes and this
// process writing to one file at once: no "database is locked", no row lost.
func TestTwoProcessesWriteConcurrently(t *testing.T) {
	const rows = 150
	dir := t.TempDir()
	cmds := []*exec.Cmd{child(t, dir, rows), child(t, dir, rows)}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	// A second connection pool in this process writes at the same time.
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for g := range 2 {
		wg.Go(func() {
			for i := range rows {
				if _, err := s.RecordQuizAttempt(context.Background(), QuizAttempt{QuestionID: fmt.Sprintf("p%d-%d", g, i), AnsweredAt: t0}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("child: %v", err)
		}
	}
	if n := countRows(t, s, "quiz_attempts"); n != 4*rows {
		t.Errorf("%d quiz attempts; want %d", n, 4*rows)
	}
	if res, err := s.IntegrityCheck(context.Background()); err != nil || res != "ok" {
		t.Errorf("integrity_check = %q, %v", res, err)
	}
}
