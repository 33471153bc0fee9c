package content

import (
	"bytes"
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	src := "\ufeff---\r\n" +
		"id: caching\r\n" +
		"# a comment\r\n" +
		"\r\n" +
		"title: \"Caching: the basics\"\r\n" +
		"tags: [lru, 'write-through' , \"ttl\"]\r\n" +
		"empty: []\r\n" +
		"blank:\r\n" +
		"---\r\n" +
		"## What it is\r\n"
	fm, err := ParseFrontMatter([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Field{
		{Key: "id", Value: "caching", Line: 2},
		{Key: "title", Value: "Caching: the basics", Line: 5},
		{Key: "tags", List: []string{"lru", "write-through", "ttl"}, IsList: true, Line: 6},
		{Key: "empty", List: []string{}, IsList: true, Line: 7},
		{Key: "blank", Value: "", Line: 8},
	}
	if !reflect.DeepEqual(fm.Fields, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", fm.Fields, want)
	}
	if string(fm.Body) != "## What it is\r\n" || fm.BodyLine != 10 {
		t.Errorf("body %q at line %d, want %q at line 10", fm.Body, fm.BodyLine, "## What it is\r\n")
	}
	if f, ok := fm.Field("title"); !ok || f.Value != "Caching: the basics" {
		t.Errorf("Field(title) = %+v, %v", f, ok)
	}
	if _, ok := fm.Field("nope"); ok {
		t.Error("Field(nope) found a field")
	}
}

func TestParseFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		reason    string
	}{
		{"no opening line", "id: x\n---\n", 1, `must start with a "---" line`},
		{"empty file", "", 1, `must start with a "---" line`},
		{"never closed", "---\nid: x\ntitle: y\n", 1, "never closed"},
		{"only the opening line", "---", 1, "never closed"},
		{"no colon", "---\nid: x\njust text\n---\n", 3, "expected `key: value`"},
		{"bad key", "---\nId: x\n---\n", 2, `invalid key "Id"`},
		{"empty key", "---\n: x\n---\n", 2, `invalid key ""`},
		{"repeated key", "---\nid: a\ntags: []\nid: b\n---\n", 4, `key "id" repeats (first set on line 2)`},
		{"unclosed list", "---\ntags: [a, b\n---\n", 2, `key "tags": list "[a, b" is not closed`},
		{"empty item", "---\ntags: [a, , b]\n---\n", 2, "list item 2 is empty"},
		{"empty quoted item", "---\ntags: [a, \"\"]\n---\n", 2, "list item 2 is empty"},
		{"nested list", "---\ntags: [a, [b]]\n---\n", 2, "nested lists are not supported"},
		{"indented delimiter", "---\nid: x\n  ---\n", 3, "expected `key: value`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFrontMatter([]byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("err %v is not ErrSyntax", err)
			}
			if e.Line != tt.line || !strings.Contains(e.Reason, tt.reason) {
				t.Errorf("got line %d %q, want line %d containing %q", e.Line, e.Reason, tt.line, tt.reason)
			}
		})
	}
}

// FuzzParseFrontMatter checks that the parser never panics and that what
// it accepts is well formed: valid unique keys, clean list items, the
// body a suffix of the input, and a canonical rendering that parses back
// to the same fields and body. The body parser runs on every input too.
func FuzzParseFrontMatter(f *testing.F) {
	for _, name := range []string{"topics/caching.md", "topics/cap-theorem.md", "problems/url-shortener.md"} {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("---\nid: x\ntags: [a, \"b\", 'c']\n---\n## A\n```\n## not a heading\n```\n### B\ntext\n"))
	f.Add([]byte("\ufeff---\r\nkey: \"[quoted]\"\r\n---"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, err := ParseFrontMatter(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrSyntax) || e.Line < 1 || e.Reason == "" {
				t.Fatalf("error %#v is not a *Error with a line and reason", err)
			}
			return
		}
		if !bytes.HasSuffix(src, fm.Body) || fm.BodyLine < 3 {
			t.Fatalf("body %q (line %d) is not a suffix of the input after two delimiter lines", fm.Body, fm.BodyLine)
		}
		seen := map[string]bool{}
		for _, fld := range fm.Fields {
			if !validKey(fld.Key) || seen[fld.Key] || fld.Line < 2 || fld.Line >= fm.BodyLine {
				t.Fatalf("bad field %+v (body at line %d)", fld, fm.BodyLine)
			}
			seen[fld.Key] = true
			if fld.IsList != (fld.List != nil) {
				t.Fatalf("field %+v: IsList disagrees with List", fld)
			}
			for _, item := range fld.List {
				if item == "" || strings.TrimSpace(item) != item || strings.ContainsAny(item, "[],\n") {
					t.Fatalf("field %q: bad list item %q", fld.Key, item)
				}
			}
		}
		again, err := ParseFrontMatter(render(fm))
		if err != nil {
			t.Fatalf("canonical rendering does not parse: %v\n%s", err, render(fm))
		}
		if !sameFields(fm.Fields, again.Fields) || !bytes.Equal(fm.Body, again.Body) {
			t.Fatalf("round trip changed the result:\n%+v\n%+v", fm.Fields, again.Fields)
		}
		o := parseOutline(string(fm.Body), fm.BodyLine)
		for _, s := range o.sections {
			if !strings.Contains(string(fm.Body), s.Body) || s.Line < fm.BodyLine {
				t.Fatalf("section %q: body not taken from the input, or line %d before the body", s.Heading, s.Line)
			}
		}
	})
}

// render writes fm back in a canonical form: every value quoted.
func render(fm FrontMatter) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	for _, f := range fm.Fields {
		b.WriteString(f.Key + ":")
		if f.IsList {
			quoted := make([]string, len(f.List))
			for i, item := range f.List {
				quoted[i] = `"` + item + `"`
			}
			b.WriteString(" [" + strings.Join(quoted, ", ") + "]")
		} else if f.Value != "" {
			b.WriteString(` "` + f.Value + `"`)
		}
		b.WriteString("\n")
	}
	b.WriteString("---\n")
	b.Write(fm.Body)
	return b.Bytes()
}

func sameFields(a, b []Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Key != y.Key || x.Value != y.Value || x.IsList != y.IsList || !reflect.DeepEqual(x.List, y.List) {
			return false
		}
	}
	return true
}
