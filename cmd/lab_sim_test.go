package cmd

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// simLabArgs are small runs of the simulation labs.
var simLabArgs = map[string][]string{
	"cache":    {"lab", "cache", "--simulate", "--keys", "1000", "--requests", "20000"},
	"quorum":   {"lab", "quorum", "--simulate", "--ops", "20000", "--partition"},
	"hashring": {"lab", "hashring", "--simulate", "--keys", "20000"},
	"balancer": {"lab", "balancer", "--simulate", "--requests", "20000"},
	"breaker":  {"lab", "breaker", "--simulate", "--requests", "20000"},
	"sharding": {"lab", "sharding", "--simulate", "--keys", "10000", "--requests", "100000"},
	"fanout":   {"lab", "fanout", "--simulate", "--users", "5000", "--follows", "20", "--posts", "10000", "--reads", "20000", "--threshold", "500"},
	"queue":    {"lab", "queue", "--simulate", "--duration", "2m"},
}

// TestSimLabsAreDeterministic runs each lab twice in every format and
// compares the output byte for byte.
func TestSimLabsAreDeterministic(t *testing.T) {
	for name, args := range simLabArgs {
		for _, f := range []string{"text", "markdown", "json"} {
			a := append(append([]string(nil), args...), "--seed", "5", "--format", f)
			out1, err1, code1 := run(t, a...)
			out2, _, _ := run(t, a...)
			if code1 != 0 || err1 != "" || out1 == "" {
				t.Fatalf("%s %s: exit %d, stderr %q", name, f, code1, err1)
			}
			if out1 != out2 {
				t.Errorf("%s %s: two runs differ", name, f)
			}
			switch f {
			case "json":
				var v map[string]any
				if err := json.Unmarshal([]byte(out1), &v); err != nil {
					t.Errorf("%s: invalid JSON: %v", name, err)
				}
			case "markdown":
				if !strings.Contains(out1, "```text\n") || !strings.HasPrefix(out1, "## ") {
					t.Errorf("%s: markdown without a heading or a chart block:\n%s", name, out1)
				}
			}
		}
	}
}

func TestSimLabJSONFields(t *testing.T) {
	for name, want := range map[string][]string{
		"cache":    {`"sizes"`, `"hit_ratio"`, `"backend_hits"`, `"early_refresh"`},
		"quorum":   {`"stale_read_fraction"`, `"read_availability"`, `"write_availability"`},
		"hashring": {`"moved_consistent"`, `"moved_modulo"`, `"moved_ideal"`},
		"balancer": {`"p99_ms"`, `"servers"`, `"removed_at_ms"`},
		"breaker":  {`"amplification"`, `"other_served"`, `"fallbacks"`, `"trips"`},
		"sharding": {`"hot_shard_ratio"`, `"sizes"`, `"moved"`, `"moved_ideal"`},
		"fanout":   {`"write_amplification"`, `"reads_per_timeline"`, `"storage_bytes"`, `"threshold"`},
		"queue":    {`"delivered"`, `"duplicates"`, `"processed_once"`, `"backlog"`, `"shed_count"`},
	} {
		out, _, code := run(t, append(simLabArgs[name], "--format", "json")...)
		for _, w := range want {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("%s: exit %d, JSON lacks %s", name, code, w)
			}
		}
	}
}

func TestSimLabsRejectBadParams(t *testing.T) {
	wantUsageError(t, []string{"cache: size -1: want 0 (sweep) or 1 to keys (10,000)"}, "lab", "cache", "--simulate", "--size", "-1")
	wantUsageError(t, []string{`--workload "zipfian"`, "zipf"}, "lab", "cache", "--simulate", "--workload", "zipfian")
	wantUsageError(t, []string{"quorum: r 4: want 1 to n (3)"}, "lab", "quorum", "--simulate", "--r", "4")
	wantUsageError(t, []string{"quorum: lag -5ms: want 0 to 10s"}, "lab", "quorum", "--simulate", "--lag", "-5ms")
	wantUsageError(t, []string{"hashring: vnodes 1,001: want 1 to 1,000"}, "lab", "hashring", "--simulate", "--vnodes", "1001")
	wantUsageError(t, []string{`--change "grow"`}, "lab", "hashring", "--simulate", "--change", "grow")
	wantUsageError(t, []string{`--speeds "1,x"`}, "lab", "balancer", "--simulate", "--speeds", "1,x")
	wantUsageError(t, []string{"balancer: load 3: want above 0 up to 1.5"}, "lab", "balancer", "--simulate", "--load", "3")
	wantUsageError(t, []string{"balancer: fail 9: want 0 (none) to 4"}, "lab", "balancer", "--simulate", "--fail", "9")
}

func TestSimLabFlagsReachOptions(t *testing.T) {
	f, _, _ := testFactory(t)
	var got *LabCacheOptions
	c := NewCmdLabCache(f, func(o *LabCacheOptions) error { got = o; return nil })
	c.SetArgs([]string{"--workload", "scan", "--size", "50", "--ttl", "2s", "--format", "json"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	p, err := got.params()
	if err != nil || p.Size != 50 || p.TTL != 2*time.Second || p.Workload.String() != "scan" || got.Format != FormatJSON || got.Interactive {
		t.Errorf("options %+v, params %+v, %v", got, p, err)
	}

	var bal *LabBalancerOptions
	b := NewCmdLabBalancer(f, func(o *LabBalancerOptions) error { bal = o; return nil })
	b.SetArgs([]string{"--speeds", "2, 1,1"})
	if err := b.Execute(); err != nil {
		t.Fatal(err)
	}
	bp, err := bal.params()
	if err != nil || len(bp.Speeds) != 3 || bp.Fail != 3 {
		t.Errorf("balancer params %+v, %v: want 3 servers, the last failing", bp, err)
	}
	b = NewCmdLabBalancer(f, func(o *LabBalancerOptions) error { bal = o; return nil })
	b.SetArgs([]string{"--speeds", "2", "--fail", "-1"})
	if err := b.Execute(); err != nil {
		t.Fatal(err)
	}
	if bp, err := bal.params(); err != nil || bp.Fail != 0 {
		t.Errorf("one server: fail %d, %v; the only server cannot fail", bp.Fail, err)
	}

	var q *LabQuorumOptions
	qc := NewCmdLabQuorum(f, func(o *LabQuorumOptions) error { q = o; return nil })
	qc.SetArgs([]string{"--n", "5", "--r", "1", "--w", "5", "--partition"})
	if err := qc.Execute(); err != nil {
		t.Fatal(err)
	}
	if qp, err := q.params(); err != nil || qp.N != 5 || qp.R != 1 || qp.W != 5 || !qp.Partition {
		t.Errorf("quorum params %+v, %v", qp, err)
	}

	var h *LabHashRingOptions
	hc := NewCmdLabHashRing(f, func(o *LabHashRingOptions) error { h = o; return nil })
	hc.SetArgs([]string{"--change", "Remove", "--nodes", "4"})
	if err := hc.Execute(); err != nil {
		t.Fatal(err)
	}
	if hp, err := h.params(); err != nil || hp.Change.String() != "remove" || hp.Nodes != 4 {
		t.Errorf("hashring params %+v, %v", hp, err)
	}
}

func TestLabListsSimulationLabs(t *testing.T) {
	out, _, code := run(t, "lab", "--format", "json")
	var entries []labEntry
	if err := json.Unmarshal([]byte(out), &entries); err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name)
	}
	if got := strings.Join(names, " "); got != "ratelimit shortener load cache quorum hashring balancer breaker sharding fanout queue" {
		t.Errorf("labs listed: %s", got)
	}
}

// A parameter given as 0, where 0 would quietly mean "the default", is bad
// input; where the help gives 0 a meaning, it is accepted.
func TestLabZeroMeansDefaultIsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"lab", "quorum", "--n", "0"}, {"lab", "quorum", "--ops", "0"}, {"lab", "hashring", "--nodes", "0"},
		{"lab", "cache", "--skew", "0"}, {"lab", "balancer", "--requests", "0"},
	} {
		wantUsageError(t, []string{"--" + strings.TrimPrefix(args[2], "--") + ` "0": expected a value above 0`}, append(args, "--simulate")...)
	}
	for _, args := range [][]string{{"lab", "quorum", "--r", "0"}, {"lab", "quorum", "--lag", "0s"}} {
		if _, errOut, code := run(t, append(args, "--simulate", "--format", "json")...); code != 0 {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
}
