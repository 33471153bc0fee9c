package shortener

import (
	"context"
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
