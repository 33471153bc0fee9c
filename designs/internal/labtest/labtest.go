// Package labtest holds the checks every simulation lab's tests share:
// render a result in the three formats, check that a seed replays byte for
// byte and that another seed does not, and compare reports with golden
// files. It is imported by tests only.
package labtest

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Report is what every lab result prints (JSON comes from its tags).
type Report interface {
	Text(io.Writer) error
	Markdown(io.Writer) error
}

// Formats are the report formats, in the order golden files name them.
var Formats = []string{"text", "markdown", "json"}

// Render returns r as text, markdown and indented JSON, keyed by format.
// It fails the test on err (the lab's Simulate error) or a printer error.
func Render[R Report](t testing.TB, r R, err error) map[string][]byte {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	var txt, md bytes.Buffer
	if err := r.Text(&txt); err != nil {
		t.Fatal(err)
	}
	if err := r.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"text": txt.Bytes(), "markdown": md.Bytes(), "json": js}
}

// Deterministic checks that run gives byte-identical reports twice for one
// seed and a different result for reseeded (the same run, another seed).
func Deterministic(t *testing.T, run func(reseeded bool) map[string][]byte) {
	t.Helper()
	a, b := run(false), run(false)
	for _, f := range Formats {
		if !bytes.Equal(a[f], b[f]) {
			t.Errorf("%s: two runs with one seed differ", f)
		}
	}
	if bytes.Equal(a["json"], run(true)["json"]) {
		t.Error("two seeds gave the same result")
	}
}

// Goldens compares each case's reports with testdata/<test>/<case>_<format>.golden.
func Goldens(t *testing.T, cases map[string]map[string][]byte) {
	t.Helper()
	for name, got := range cases {
		for _, f := range Formats {
			t.Run(name+"_"+f, func(t *testing.T) { golden.RequireEqual(t, got[f]) })
		}
	}
}
