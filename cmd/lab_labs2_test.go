package cmd

import (
	"strings"
	"testing"
	"time"
)

// The flags of the breaker, sharding, fanout and queue labs reach their
// options; their runs and bad input are covered by the shared tables of
// lab_sim_test.go.
func TestBreakerShardingFanoutQueueFlags(t *testing.T) {
	f, _, _ := testFactory(t)

	var b *LabBreakerOptions
	bc := NewCmdLabBreaker(f, func(o *LabBreakerOptions) error { b = o; return nil })
	bc.SetArgs([]string{"--failure-rate", "0.9", "--latency", "2s", "--retries", "2", "--threshold", "0.3", "--open-timeout", "10s", "--seed", "4"})
	if err := bc.Execute(); err != nil {
		t.Fatal(err)
	}
	if p, err := b.params(); err != nil || p.FailureRate != 0.9 || p.Latency != 2*time.Second || p.Retries != 2 ||
		p.Breaker.FailureRatio != 0.3 || p.Breaker.OpenTimeout != 10*time.Second || p.Seed != 4 || b.Interactive {
		t.Errorf("breaker params %+v, %v", p, err)
	}

	var s *LabShardingOptions
	sc := NewCmdLabSharding(f, func(o *LabShardingOptions) error { s = o; return nil })
	sc.SetArgs([]string{"--shards", "16", "--regions", "2", "--skew", "1.5", "--format", "json"})
	if err := sc.Execute(); err != nil {
		t.Fatal(err)
	}
	if s.Shards != 16 || s.Regions != 2 || s.Skew != 1.5 || s.Format != FormatJSON || s.Keys != 100_000 {
		t.Errorf("sharding options %+v", *s)
	}

	var fo *LabFanoutOptions
	fc := NewCmdLabFanout(f, func(o *LabFanoutOptions) error { fo = o; return nil })
	fc.SetArgs([]string{"--threshold", "1000", "--users", "20000", "--insert-rate", "5000"})
	if err := fc.Execute(); err != nil {
		t.Fatal(err)
	}
	if fo.Threshold != 1000 || fo.Users != 20_000 || fo.InsertRate != 5000 || fo.Follows != 50 {
		t.Errorf("fanout options %+v", *fo)
	}

	var q *LabQueueOptions
	qc := NewCmdLabQueue(f, func(o *LabQueueOptions) error { q = o; return nil })
	qc.SetArgs([]string{"--burst", "5", "--max-consumers", "50", "--redelivery", "0.1", "--startup", "5s", "--simulate"})
	if err := qc.Execute(); err != nil {
		t.Fatal(err)
	}
	if q.Burst != 5 || q.MaxConsumers != 50 || q.Redelivery != 0.1 || q.Startup != 5*time.Second || !q.Simulate {
		t.Errorf("queue options %+v", *q)
	}
}

func TestBreakerShardingFanoutQueueRejectBadParams(t *testing.T) {
	wantUsageError(t, []string{"breaker: failure-rate 2: want above 0 up to 1"}, "lab", "breaker", "--simulate", "--failure-rate", "2")
	wantUsageError(t, []string{"breaker: threshold 1.5: want above 0 up to 1"}, "lab", "breaker", "--simulate", "--threshold", "1.5")
	wantUsageError(t, []string{"sharding: shards 2: want regions (4) to 256"}, "lab", "sharding", "--simulate", "--shards", "2")
	wantUsageError(t, []string{"fanout: threshold 5,000: want 1 to users (1,000)"}, "lab", "fanout", "--simulate", "--users", "1000", "--threshold", "5000")
	wantUsageError(t, []string{"fanout: follows 5,000: want 1 to 1,000 and below users (100,000)"}, "lab", "fanout", "--simulate", "--follows", "5000")
	wantUsageError(t, []string{"queue: max-consumers 3: want consumers (5) to 1,000"}, "lab", "queue", "--simulate", "--max-consumers", "3")
	wantUsageError(t, []string{"queue: redelivery 1: want above 0 below 1"}, "lab", "queue", "--simulate", "--redelivery", "1")
}

// TestRunLabsWithBuffers runs each lab's run function with buffers.
func TestRunLabsWithBuffers(t *testing.T) {
	f, out, _ := testFactory(t)
	q := &LabQueueOptions{IO: f.IO, Format: FormatMarkdown}
	qp, err := (&LabQueueOptions{Duration: time.Minute, Seed: 2}).params()
	if err != nil {
		t.Fatal(err)
	}
	if err := runLabQueue(q, qp); err != nil || !strings.HasPrefix(out.String(), "## Queue lab") || !strings.Contains(out.String(), "processed once") {
		t.Fatalf("queue: %v\n%s", err, out)
	}
	out.Reset()
	s := &LabShardingOptions{IO: f.IO, Format: FormatText}
	sp, _ := (&LabShardingOptions{Keys: 1000, Requests: 10_000}).params()
	if err := runLabSharding(s, sp); err != nil || !strings.Contains(out.String(), "Sharding lab: 1,000 keys") {
		t.Fatalf("sharding: %v\n%s", err, out)
	}
	out.Reset()
	fo := &LabFanoutOptions{IO: f.IO, Format: FormatJSON}
	fp, _ := (&LabFanoutOptions{Users: 1000, Follows: 10, Posts: 1000, Reads: 1000, Threshold: 100}).params()
	if err := runLabFanout(fo, fp); err != nil || !strings.Contains(out.String(), `"write_amplification"`) {
		t.Fatalf("fanout: %v\n%s", err, out)
	}
	out.Reset()
	b := &LabBreakerOptions{IO: f.IO, Format: FormatText}
	bp, _ := (&LabBreakerOptions{Requests: 2000}).params()
	if err := runLabBreaker(b, bp); err != nil || !strings.Contains(out.String(), "Circuit-breaker lab") {
		t.Fatalf("breaker: %v\n%s", err, out)
	}
}
