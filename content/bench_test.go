package content

import "testing"

// BenchmarkLoad parses every embedded file into a Library, as Default
// does once per process.
func BenchmarkLoad(b *testing.B) {
	fsys := FS()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex builds the search index, which the first Search
// of a process pays for.
func BenchmarkSearchIndex(b *testing.B) {
	lib, err := Load(FS())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lib.buildIndex()
	}
}

// BenchmarkSearch runs a two-word query over a built index.
func BenchmarkSearch(b *testing.B) {
	lib := library(b)
	lib.Search("warm")
	b.ReportAllocs()
	for b.Loop() {
		if len(lib.Search("cache stampede")) == 0 {
			b.Fatal("no hits")
		}
	}
}

// BenchmarkTopicMarkdown is the content side of `sdprep learn <id>`:
// look the topic up and assemble its Markdown.
func BenchmarkTopicMarkdown(b *testing.B) {
	lib := library(b)
	b.ReportAllocs()
	for b.Loop() {
		t, ok := lib.Topic("caching")
		if !ok || len(t.Markdown()) == 0 {
			b.Fatal("no topic")
		}
	}
}
