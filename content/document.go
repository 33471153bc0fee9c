package content

import (
	"strings"
)

// keySpec is one front-matter key a kind of file accepts.
type keySpec struct {
	name string
	list bool
}

// source is what the validator needs to know about where a document came
// from; it is not part of the public values.
type source struct {
	file         string
	keyLines     map[string]int // line of each front-matter key present
	preamble     string         // body text before the first section
	preambleLine int
	titleLines   []int // lines of level-1 headings in the body
	endLine      int   // line just past the front matter's closing ---
}

// line returns the line of key, or of the opening --- when it is absent.
func (s source) line(key string) int {
	if l, ok := s.keyLines[key]; ok {
		return l
	}
	return 1
}

// document is a file's front matter checked against a key schema, plus
// its body cut into sections.
type document struct {
	scalars  map[string]string
	lists    map[string][]string
	body     string
	sections []Section
	src      source
}

// parseDocument parses one file: front matter, keys against specs, and
// the body's sections. Errors name the file and line.
func parseDocument(file string, data []byte, specs []keySpec) (*document, error) {
	fm, err := ParseFrontMatter(data)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.File = file
		}
		return nil, err
	}
	d := &document{
		scalars: make(map[string]string, len(specs)),
		lists:   make(map[string][]string, len(specs)),
		src:     source{file: file, keyLines: make(map[string]int, len(fm.Fields)), endLine: fm.BodyLine},
	}
	for _, f := range fm.Fields {
		spec, ok := findSpec(specs, f.Key)
		switch {
		case !ok:
			return nil, errorf(ErrSyntax, file, f.Line, "unknown key %q (accepted: %s)", f.Key, specNames(specs))
		case spec.list && !f.IsList:
			return nil, errorf(ErrSyntax, file, f.Line, "key %q takes an inline list such as [a, b], got %q", f.Key, clip(f.Value))
		case !spec.list && f.IsList:
			return nil, errorf(ErrSyntax, file, f.Line, "key %q takes one value, not a list", f.Key)
		case spec.list:
			d.lists[f.Key] = f.List
		default:
			d.scalars[f.Key] = f.Value
		}
		d.src.keyLines[f.Key] = f.Line
	}
	o := parseOutline(strings.ReplaceAll(string(fm.Body), "\r\n", "\n"), fm.BodyLine)
	d.body = o.text
	d.sections = o.sections
	if d.sections == nil {
		d.sections = []Section{}
	}
	d.src.preamble, d.src.preambleLine, d.src.titleLines = o.preamble, o.preambleLine, o.title
	return d, nil
}

// list returns the list under key, never nil, so JSON prints [].
func (d *document) list(key string) []string {
	if l := d.lists[key]; l != nil {
		return l
	}
	return []string{}
}

func findSpec(specs []keySpec, key string) (keySpec, bool) {
	for _, s := range specs {
		if s.name == key {
			return s, true
		}
	}
	return keySpec{}, false
}

func specNames(specs []keySpec) string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.name
	}
	return strings.Join(names, ", ")
}

// markdown renders a document with its title as a level-1 heading and
// its summary as a quote, the form the learn mode prints and renders.
func markdown(title, summary, body string) string {
	var b strings.Builder
	b.Grow(len(title) + len(summary) + len(body) + 16)
	b.WriteString("# ")
	b.WriteString(title)
	b.WriteString("\n\n")
	if summary != "" {
		b.WriteString("> ")
		b.WriteString(summary)
		b.WriteString("\n\n")
	}
	b.WriteString(body)
	b.WriteString("\n")
	return b.String()
}
