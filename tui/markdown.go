package tui

import (
	"reflect"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// MaxMarkdownWidth is the widest rendered Markdown wraps to, however wide
// the terminal: long lines are hard to read.
const MaxMarkdownWidth = 120

// defaultMarkdownWidth is the wrap width when the terminal width is unknown.
const defaultMarkdownWidth = 80

// markdownStyle picks one of the glamour styles sdprep renders with.
type markdownStyle int

const (
	// styleColor is glamour's dark style.
	styleColor markdownStyle = iota
	// styleNoColor is the dark style with every colour removed: bold,
	// italics and underlines stay (NO_COLOR forbids colour, not emphasis).
	styleNoColor
	// stylePlain is text without any escape code: glamour's ASCII style
	// without the ** and * emphasis markers.
	stylePlain
)

// RenderMarkdown renders md for a terminal with glamour, word-wrapped to
// width columns (at most MaxMarkdownWidth; 80 when width is 0 or less).
// noColor keeps bold and underline but drops every colour.
func RenderMarkdown(md string, width int, noColor bool) (string, error) {
	s := styleColor
	if noColor {
		s = styleNoColor
	}
	return renderMarkdown(md, width, s)
}

// RenderPlain renders md as plain text with no escape codes at all:
// wrapped paragraphs, aligned tables and bullets, headings keeping their
// # markers, emphasis markers dropped. It is `--format text`.
func RenderPlain(md string, width int) (string, error) {
	return renderMarkdown(md, width, stylePlain)
}

// MarkdownWidth is the wrap width RenderMarkdown uses for a terminal
// width: at most MaxMarkdownWidth, and 80 when the width is unknown.
func MarkdownWidth(width int) int {
	if width <= 0 {
		return defaultMarkdownWidth
	}
	return min(width, MaxMarkdownWidth)
}

func renderMarkdown(md string, width int, s markdownStyle) (string, error) {
	r, err := cachedRenderer(MarkdownWidth(width), s)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	out, err := r.tr.Render(md)
	r.mu.Unlock()
	if err != nil {
		return "", err
	}
	return trimLines(out), nil
}

// trimLines drops the spaces glamour pads every line with up to the wrap
// width (they make copied text ragged and push a narrower terminal into
// wrapping), and the blank lines it adds around the document.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimRightSpace(l)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n") + "\n"
}

// trimRightSpace removes trailing spaces from a line, including spaces
// wrapped in SGR escape sequences; when it removed any sequence it ends
// the line with a reset instead.
func trimRightSpace(l string) string {
	var tail []string // escape sequences after the last visible character
	for {
		l = strings.TrimRight(l, " ")
		i := strings.LastIndex(l, "\x1b[")
		if i < 0 || !isSGR(l[i:]) {
			break
		}
		tail = append(tail, l[i:])
		l = l[:i]
	}
	if len(tail) > 0 {
		l += "\x1b[0m"
	}
	return l
}

// isSGR reports whether s is exactly one "ESC [ params m" sequence.
func isSGR(s string) bool {
	if len(s) < 3 || !strings.HasSuffix(s, "m") {
		return false
	}
	for _, c := range s[2 : len(s)-1] {
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// glamourRenderer is one glamour renderer; it keeps state while rendering,
// so calls are serialised.
type glamourRenderer struct {
	mu sync.Mutex
	tr *glamour.TermRenderer
}

type rendererKey struct {
	width int
	style markdownStyle
}

// maxRenderers bounds the renderer cache: a user resizing a window
// creates one renderer per width.
const maxRenderers = 8

// renderers caches glamour renderers by (width, style): building one
// costs far more than rendering a topic with it.
var renderers struct {
	sync.Mutex
	m     map[rendererKey]*glamourRenderer
	order []rendererKey // oldest first
}

func cachedRenderer(width int, s markdownStyle) (*glamourRenderer, error) {
	k := rendererKey{width, s}
	renderers.Lock()
	defer renderers.Unlock()
	if r, ok := renderers.m[k]; ok {
		return r, nil
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(styleConfig(s)),
		glamour.WithWordWrap(width),
	)
	if err != nil {
		return nil, err
	}
	if renderers.m == nil {
		renderers.m = map[rendererKey]*glamourRenderer{}
	}
	if len(renderers.order) >= maxRenderers {
		delete(renderers.m, renderers.order[0])
		renderers.order = renderers.order[1:]
	}
	r := &glamourRenderer{tr: tr}
	renderers.m[k] = r
	renderers.order = append(renderers.order, k)
	return r, nil
}

// styleConfig returns the glamour style for s. Code blocks are never
// syntax-highlighted: sdprep's are ASCII diagrams, which chroma would
// guess a language for (slowly, and wrongly).
func styleConfig(s markdownStyle) ansi.StyleConfig {
	var c ansi.StyleConfig
	switch s {
	case stylePlain:
		c = styles.ASCIIStyleConfig
		c.Emph.BlockPrefix, c.Emph.BlockSuffix = "", ""
		c.Strong.BlockPrefix, c.Strong.BlockSuffix = "", ""
	case styleNoColor:
		c = styles.DarkStyleConfig
		stripColors(reflect.ValueOf(&c).Elem())
	default:
		c = styles.DarkStyleConfig
	}
	c.CodeBlock.Chroma = nil
	c.CodeBlock.Theme = ""
	return c
}

// stripColors sets every Color and BackgroundColor field reachable from v
// (a struct, through nested structs and pointers to structs) to nil. The
// pointers it follows are copied first, so the shared glamour styles are
// never changed.
func stripColors(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return
		}
		cp := reflect.New(v.Elem().Type())
		cp.Elem().Set(v.Elem())
		v.Set(cp)
		stripColors(cp.Elem())
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			if name := t.Field(i).Name; (name == "Color" || name == "BackgroundColor") && f.Kind() == reflect.Pointer {
				f.Set(reflect.Zero(f.Type()))
				continue
			}
			stripColors(f)
		}
	}
}
