package drills

import (
	"os"
	"testing"

	"github.com/sdprep/sdprep/content"
)

// Notes that name a well-known reference answer's parts in ordinary words
// score high on their problem; notes for another problem score low.
func TestGradeNotesAgainstRealChecklists(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	twitter, ok := lib.Problem("twitter")
	if !ok {
		t.Fatal("no twitter problem")
	}
	read := func(name string) string {
		b, err := os.ReadFile("testdata/notes/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	good := GradeNotes(twitter.Mock.Checklist, read("twitter-design.md"))
	if good.Fraction < 0.8 {
		t.Errorf("twitter notes cover %d%% of twitter; want ≥ 80%%; missed %+v", good.Percent(), good.Missed)
	}
	for _, c := range good.Covered {
		if c.LineNo == 0 || c.Line == "" {
			t.Errorf("covered item %q has no line", c.Item)
		}
	}
	other := GradeNotes(twitter.Mock.Checklist, read("url-shortener-notes.md"))
	if other.Fraction > 0.3 {
		t.Errorf("url-shortener notes cover %d%% of twitter; want ≤ 30%%; covered %+v", other.Percent(), other.Covered)
	}
	short, _ := lib.Problem("url-shortener")
	if own := GradeNotes(short.Mock.Checklist, read("url-shortener-notes.md")); own.Fraction <= other.Fraction {
		t.Errorf("url-shortener notes score %d%% on their own problem, not above %d%% on twitter", own.Percent(), other.Percent())
	}
}
