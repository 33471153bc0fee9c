package shortener

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A full batch wakes the writer without waiting for the flush ticker,
// and a partial batch waits for the ticker (or Close).
func TestClickBatchNudgesWriter(t *testing.T) {
	tick := make(chan time.Time)
	flushed := make(chan FlushReport, 4)
	svc := NewService(NewMemoryStore(), Config{
		Strategy: Counter, ClickBatch: 4, FlushTick: tick,
		OnFlush: func(r FlushReport) { flushed <- r },
	})
	defer svc.Close()
	ctx := context.Background()
	res, err := svc.Shorten(ctx, "https://example.com/x", "")
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := svc.Resolve(ctx, res.Link.Code); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case r := <-flushed:
		if r.Clicks != 4 || r.Err != nil {
			t.Fatalf("flush %+v, want 4 clicks", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a full batch did not wake the writer")
	}
	if _, err := svc.Resolve(ctx, res.Link.Code); err != nil {
		t.Fatal(err)
	}
	tick <- time.Time{} // the ticker flushes the partial batch
	select {
	case r := <-flushed:
		if r.Clicks != 1 {
			t.Fatalf("tick flushed %+v, want 1 click", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the tick did not flush the partial batch")
	}
}

// failingClicks is a store whose click writes always fail.
type failingClicks struct{ Store }

var errClickWrite = errors.New("disk full")

func (failingClicks) AddClicks(context.Context, map[string]int64) error { return errClickWrite }

// Close reports the error of the final flush, every time it is called,
// and a clean close reports nil.
func TestCloseReturnsFinalFlushError(t *testing.T) {
	ctx := context.Background()
	svc := NewService(failingClicks{NewMemoryStore()}, Config{Strategy: Counter, FlushTick: make(chan time.Time)})
	res, err := svc.Shorten(ctx, "https://example.com/x", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Resolve(ctx, res.Link.Code); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := svc.Close(); !errors.Is(err, errClickWrite) {
			t.Fatalf("Close() = %v; want the store's %v", err, errClickWrite)
		}
	}
	ok := NewService(NewMemoryStore(), Config{Strategy: Counter, FlushTick: make(chan time.Time)})
	if _, err := ok.Resolve(ctx, res.Link.Code); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Resolve on an empty store = %v; want ErrNotFound", err)
	}
	if err := ok.Close(); err != nil {
		t.Fatalf("clean Close() = %v; want nil", err)
	}
}
