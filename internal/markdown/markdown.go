// Package markdown renders sdprep's Markdown for a terminal: glamour with
// sdprep's styles, paragraphs reflowed so that flags and names are never
// cut at a '-' or '.', fenced code (ASCII diagrams) printed verbatim, and
// the trailing padding glamour leaves trimmed. It serves the TUI's reader
// and the commands that print to a pipe alike.
package markdown

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	xansi "github.com/charmbracelet/x/ansi"
)

// MaxWidth is the widest rendered Markdown wraps to, however wide
// the terminal: long lines are hard to read.
const MaxWidth = 120

// defaultWidth is the wrap width when the terminal width is unknown.
const defaultWidth = 80

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

// Render renders md for a terminal with glamour, word-wrapped to
// width columns (at most MaxWidth; 80 when width is 0 or less).
// noColor keeps bold and underline but drops every colour.
func Render(md string, width int, noColor bool) (string, error) {
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

// Width is the wrap width Render uses for a terminal
// width: at most MaxWidth, and 80 when the width is unknown.
func Width(width int) int {
	if width <= 0 {
		return defaultWidth
	}
	return min(width, MaxWidth)
}

func renderMarkdown(md string, width int, s markdownStyle) (string, error) {
	r, err := cachedRenderer(Width(width), s)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, b := range splitFences(md) {
		if b.code {
			parts = append(parts, r.code(b.text))
			continue
		}
		r.mu.Lock()
		out, err := r.tr.Render(reflow(quotesToEmphasis(b.text), r.textWidth, r.codePad))
		r.mu.Unlock()
		if err != nil {
			return "", err
		}
		if out = trimLines(out); out != "" {
			parts = append(parts, out)
		}
	}
	return strings.Join(parts, "\n\n") + "\n", nil
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
	return strings.Join(lines, "\n")
}

// trimRightSpace removes trailing blanks from a line: plain spaces and
// spaces styled with a foreground colour only, which look the same. Spaces
// on a background colour (the padding of a level-1 heading) stay. When it
// cuts escape sequences, it ends the line with a reset instead.
func trimRightSpace(l string) string {
	cut := 0 // byte offset just after the last visible cell
	bg := false
	for i := 0; i < len(l); {
		if strings.HasPrefix(l[i:], "\x1b[") {
			n := sgrLen(l[i:])
			if n > 0 {
				bg = sgrBackground(l[i+2:i+n-1], bg)
				i += n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(l[i:])
		if l[i] != ' ' || bg {
			cut = i + size
		}
		i += size
	}
	switch {
	case cut == 0:
		return "" // nothing visible: glamour resets at the end of each span
	case !strings.Contains(l[cut:], "\x1b"):
		return strings.TrimRight(l, " ")
	}
	return l[:cut] + "\x1b[0m"
}

// sgrLen returns the length of the "ESC [ params m" sequence s starts
// with, or 0 when it does not start with one.
func sgrLen(s string) int {
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case (c < '0' || c > '9') && c != ';' && c != ':':
			return 0
		}
	}
	return 0
}

// sgrBackground returns whether a background colour is set after the SGR
// parameters params, given whether one was set before.
func sgrBackground(params string, bg bool) bool {
	skip := 0 // parameters that carry the colour of a 38 or 48
	for {
		p, rest, more := strings.Cut(params, ";")
		switch {
		case skip > 0:
			skip--
		case p == "" || p == "0" || p == "49":
			bg = false
		case p == "38" || p == "48":
			bg = bg || p == "48"
			switch mode, _, _ := strings.Cut(rest, ";"); mode {
			case "5": // 38;5;n
				skip = 2
			case "2": // 38;2;r;g;b
				skip = 4
			}
		case len(p) == 2 && p[0] == '4' && p[1] >= '0' && p[1] <= '7',
			len(p) == 3 && p[:2] == "10" && p[2] >= '0' && p[2] <= '7':
			bg = true
		}
		if !more {
			return bg
		}
		params = rest
	}
}

// glamourRenderer is one glamour renderer with the style it was built
// with; it keeps state while rendering, so calls are serialised.
type glamourRenderer struct {
	mu    sync.Mutex
	tr    *glamour.TermRenderer
	style ansi.StyleConfig
	// textWidth is the width of a paragraph's text inside the document's
	// margins; codePad is the padding glamour adds around a code span.
	textWidth, codePad int
}

// code renders the body of a fenced code block verbatim: indented like
// glamour indents code blocks, in the code-block colour, never wrapped.
func (r *glamourRenderer) code(body string) string {
	pad := strings.Repeat(" ", int(deref(r.style.Document.Margin)+deref(r.style.CodeBlock.Margin)))
	var st xansi.Style
	if c := r.style.CodeBlock.Color; c != nil {
		st = st.ForegroundColor(parseColor(*c))
	}
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(strings.ReplaceAll(l, "\t", "    "), " ")
		if l != "" {
			l = pad + st.Styled(l)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// parseColor reads a glamour colour: an ANSI index ("244") or "#rrggbb".
func parseColor(s string) xansi.Color {
	if strings.HasPrefix(s, "#") {
		return xansi.XParseColor(s)
	}
	i, err := strconv.Atoi(s)
	switch {
	case err != nil || i < 0 || i > 255:
		return nil
	case i < 16:
		return xansi.BasicColor(i)
	}
	return xansi.IndexedColor(i)
}

func deref(p *uint) uint {
	if p == nil {
		return 0
	}
	return *p
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
	style := styleConfig(s)
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(style),
		glamour.WithWordWrap(width),
		glamour.WithPreservedNewLines(), // reflow has placed the line breaks
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
	doc, code := style.Document, style.Code.StylePrimitive
	r := &glamourRenderer{
		tr: tr, style: style,
		textWidth: width - int(deref(doc.Indent)+2*deref(doc.Margin)),
		codePad:   xansi.StringWidth(code.Prefix + code.Suffix + code.BlockPrefix + code.BlockSuffix),
	}
	renderers.m[k] = r
	renderers.order = append(renderers.order, k)
	return r, nil
}

// styleConfig returns the glamour style for s. Code blocks are never
// syntax-highlighted: sdprep's are ASCII diagrams, which chroma would
// guess a language for (slowly, and wrongly); renderMarkdown prints them
// itself in any case.
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
		// Without its background a code span's padding is just a gap.
		c.Code.Prefix, c.Code.Suffix = "", ""
	default:
		c = styles.DarkStyleConfig
		// Body text in the terminal's own foreground rather than colour
		// 252: it matches the user's theme, and a colour on the document
		// makes glamour style every word and every padding space one by
		// one, which more than doubles the rendering time.
		c.Document.Color = nil
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
