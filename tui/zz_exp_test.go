package tui

import (
	"os"
	"testing"

	"github.com/sdprep/sdprep/content"
)

func TestZZExp(t *testing.T) {
	lib, err := content.Default()
	if err != nil {
		t.Fatal(err)
	}
	tp, _ := lib.Topic("caching")
	for name, f := range map[string]func() (string, error){
		"color":   func() (string, error) { return RenderMarkdown(tp.Markdown(), 100, false) },
		"nocolor": func() (string, error) { return RenderMarkdown(tp.Markdown(), 100, true) },
		"plain":   func() (string, error) { return RenderPlain(tp.Markdown(), 100) },
	} {
		out, err := f()
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/mdexp/"+name+".txt", []byte(out), 0o644)
	}
}
