package drills

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"
)

// TestCheckGuideNotes checks the seed guide's worked examples. Every
// expected figure is worked by hand in the comments.
func TestCheckGuideNotes(t *testing.T) {
	f, err := os.Open("testdata/guide_notes.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Check(f)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 31 {
		t.Errorf("checked %d equalities, want 31 (one per = or ≈ in the file)", rep.Checked)
	}
	want := []struct {
		line    int
		written string
		correct string
		problem Problem
		off     string
	}{
		// The guide's media bandwidth: 700K × 10% × 200 KB = 14 GB/s, not 20.
		{15, "20 GB/sec", "14 GB/sec", ProblemArithmetic, "42.9% too high"},
		// 600M / 86,400 = 6,944.4 a second, not 70K.
		{46, "70K/s", "6.94K/s", ProblemMagnitude, "10.1× too high, one order of magnitude"},
		// 200M × 280 B = 56 GB = 0.056 TB.
		{47, "56 TB", "0.056 TB", ProblemMagnitude, "1,000× too high, 3 orders of magnitude"},
		// A byte count where a rate was meant.
		{48, "7 KB", "6.9K", ProblemUnit, "wrong unit"},
		// 10B × 1 KB × 20% = 2 TB.
		{50, "200 GB", "2,000 GB", ProblemMagnitude, "10× too low, one order of magnitude"},
	}
	wrong := rep.Wrong()
	if len(wrong) != len(want) {
		for _, w := range wrong {
			t.Log(w.Message())
		}
		t.Fatalf("%d wrong lines, want %d", len(wrong), len(want))
	}
	for i, w := range want {
		g := wrong[i]
		if g.Line != w.line || g.Written != w.written || g.Correct != w.correct || g.Problem != w.problem || g.Off() != w.off {
			t.Errorf("finding %d = line %d %q correct %q %v %q; want line %d %q correct %q %v %q",
				i, g.Line, g.Written, g.Correct, g.Problem, g.Off(), w.line, w.written, w.correct, w.problem, w.off)
		}
	}
}

// TestCheckSeedREADMEExamples pins what check says about the figures the
// seeds' README calls out: 7.3 PB leaves out 56 GB/day of text, which is
// 1.4% (4.056 TB × 1,825 = 7.4022 PB), inside the 10% napkin tolerance.
// The README's point is to say which rounding a figure uses, and check
// shows the true value.
func TestCheckSeedREADMEExamples(t *testing.T) {
	fs := CheckLine(1, "(4 TB + 56 GB) × 365 × 5 = 7.3 PB")
	if len(fs) != 1 || !fs[0].OK() || fs[0].Correct != "7.4 PB" || fs[0].Off() != "1.4% too low" {
		t.Fatalf("got %+v", fs)
	}
	fs = CheckLine(2, "4 TB × 365 × 5 = 7.3 PB")
	if len(fs) != 1 || !fs[0].OK() || fs[0].Off() != "exact" {
		t.Fatalf("got %+v", fs)
	}
}

func TestCheckLine(t *testing.T) {
	tests := []struct {
		line    string
		n       int // findings
		problem Problem
		correct string
	}{
		{"600M / 86,400 = 7K/s", 1, ProblemNone, "6.94K/s"},
		{"100M / (30*24*60*60) = 40/s", 1, ProblemNone, "38.6/s"},       // bare seconds divide as a count
		{"100M / (30*24*60*60) = 40", 1, ProblemNone, "38.6"},           // and the count is a count
		{"100M / 30 days = 40", 1, ProblemNone, "38.6"},                 // a bare number for a rate is per second
		{"100M / 30 days = 40 KB", 1, ProblemUnit, "38.6/s (3.3M/day)"}, // a byte count where a rate was meant
		{"1 KB = 1,000 bytes", 1, ProblemNone, "1,000 bytes"},
		{"* 12 TB / 1 day = 139 MB/s", 1, ProblemNone, "138.9 MB/s"}, // a bullet
		{"`2^10 = 1024`", 1, ProblemNone, "1,024"},                   // code spans
		{"a = b", 0, 0, ""},
		{"Consistency = every read sees the latest write", 0, 0, ""},
		{"if x == 5 { return }", 0, 0, ""},
		{"Step 1 = requirements", 0, 0, ""},
		{"cache hit = fast", 0, 0, ""},
		{"300M users × 2 = six hundred million", 0, 0, ""},
		{"Write QPS: 100M / 86,400 ≈ 1.2K writes/s", 1, ProblemNone, "1.16K writes/s"},
		{"Ã— 2 = 4", 0, 0, ""},
		{"3 Ã— 2 = 6", 1, ProblemNone, "6"},
		{"1 = 2 = 1", 2, ProblemArithmetic, "1"},
		{"0 = 0", 1, ProblemNone, "0"},
		{"0 = 5", 1, ProblemArithmetic, "0"},
		{"5 - 5 = 1 KB", 1, ProblemUnit, "0"},
		{"-2 × 3 = 6", 1, ProblemArithmetic, "-6"},
		{"600M × 280B = 168 GB", 1, ProblemNone, "168 GB"},    // B read as a byte
		{"600M × 280B = 168 TB", 1, ProblemUnit, "1.68e+20"},  // only a reading that holds is taken
		{"10B / 86,400 = 115K/s", 1, ProblemNone, "115.7K/s"}, // B read as a billion
		{"10B / 86,400 = 115 KB", 1, ProblemUnit, "115.7K"},   // no reading makes bytes of it
	}
	for _, tt := range tests {
		fs := CheckLine(7, tt.line)
		if len(fs) != tt.n {
			t.Errorf("CheckLine(%q) = %d findings %+v, want %d", tt.line, len(fs), fs, tt.n)
			continue
		}
		if tt.n == 0 {
			continue
		}
		f := fs[0]
		if f.Line != 7 || f.Problem != tt.problem || f.Correct != tt.correct {
			t.Errorf("CheckLine(%q) = line %d %v %q, want %v %q", tt.line, f.Line, f.Problem, f.Correct, tt.problem, tt.correct)
		}
	}
}

func TestCheckMessages(t *testing.T) {
	rep, err := Check(strings.NewReader("notes\n600M / 86,400 = 70K/s\n600M / 86,400 = 7 KB\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Wrong() {
		got = append(got, f.Message())
	}
	want := []string{
		"line 2: 600M / 86,400 = 70K/s: should be 6.94K/s (10.1× too high, one order of magnitude)",
		"line 3: 600M / 86,400 = 7 KB: wrong unit; the expression is a plain count: 6.9K",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCheckEmptyAndReadError(t *testing.T) {
	rep, err := Check(strings.NewReader(""))
	if err != nil || rep.Checked != 0 || rep.Findings == nil {
		t.Errorf("empty notes: %+v, %v", rep, err)
	}
	boom := errors.New("boom")
	if _, err := Check(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("read error = %v, want boom", err)
	}
}

// FuzzCheckLine feeds arbitrary lines to the checker: it must not panic,
// and every finding has the line number, both sides and a verdict whose
// ratio agrees with it.
func FuzzCheckLine(f *testing.F) {
	for _, s := range []string{
		"600M / 86,400 = 70K/s", "100M / (30*24*60*60) = 40/s", "62^7 = 3.5 trillion (enough!)",
		"Daily storage: 600M × 280 bytes + (60M × 200 KB) = 168 GB text + 12 TB media = ~12.2 TB/day",
		"a = b", "0 = 0", "1 = = 2", "=", "5 = 5 per", "1e308 = 1e-308", "1 KB = 1 s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		for _, fd := range CheckLine(3, line) {
			if fd.Line != 3 || fd.Expr == "" || fd.Written == "" || fd.Correct == "" {
				t.Errorf("CheckLine(%q): incomplete finding %+v", line, fd)
			}
			if fd.OK() && fd.Ratio != 0 && (fd.Ratio < 1-Tolerance-1e-9 || fd.Ratio > 1+Tolerance+1e-9) {
				t.Errorf("CheckLine(%q): holds with ratio %v", line, fd.Ratio)
			}
			if fd.Problem == ProblemMagnitude && fd.Ratio > 1.0/magnitudeFactor && fd.Ratio < magnitudeFactor {
				t.Errorf("CheckLine(%q): magnitude slip with ratio %v", line, fd.Ratio)
			}
			_ = fd.Message()
		}
	})
}

func TestCheckBareBHint(t *testing.T) {
	fs := CheckLine(4, "600M × 280B = 168 TB")
	want := "line 4: 600M × 280B = 168 TB: wrong unit; the expression is a plain count: 1.68e+20 (a bare B is a billion; write bytes as bytes, KB, MB …)"
	if len(fs) != 1 || fs[0].Message() != want {
		t.Errorf("got %+v, want %q", fs, want)
	}
}

// BenchmarkCheckGuideNotes checks the 31 equalities of the guide notes.
func BenchmarkCheckGuideNotes(b *testing.B) {
	notes, err := os.ReadFile("testdata/guide_notes.md")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Check(strings.NewReader(string(notes))); err != nil {
			b.Fatal(err)
		}
	}
}

// A per-day figure times bare numbers stays per day: the message says to
// write the time with its unit.
func TestCheckHintsBareDurations(t *testing.T) {
	fs := CheckLine(1, "180 GB/day * 365 * 5 = 3.3 TB")
	if len(fs) != 1 || !strings.Contains(fs[0].Message(), "write the time with its unit: 365 days") {
		t.Fatalf("findings %+v", fs)
	}
	if fs := CheckLine(2, "180 GB/day * 365 days * 5 = 328.5 TB"); len(fs) != 1 || !fs[0].OK() {
		t.Fatalf("with the unit written: %+v", fs)
	}
}
