package content

import (
	"bytes"
	"fmt"
	"strings"
)

// Field is one `key: value` line of a front-matter block.
type Field struct {
	// Key is the name before the colon: lower-case letters, digits, '-'
	// and '_', starting with a letter.
	Key string
	// Value is the scalar value, trimmed, with one pair of matching
	// surrounding quotes removed. It is empty for a list.
	Value string
	// List holds the items of an inline list (`[a, b]`), each trimmed and
	// unquoted. It is non-nil (possibly empty) exactly when IsList is true.
	List []string
	// IsList reports whether the value was written as an inline list.
	IsList bool
	// Line is the 1-based line of the field in the file.
	Line int
}

// FrontMatter is a parsed front-matter block: its fields in file order,
// and where the Markdown body starts.
type FrontMatter struct {
	Fields []Field
	// Body is the text after the closing `---` line.
	Body []byte
	// BodyLine is the 1-based line number of the first line of Body.
	BodyLine int
}

// Field returns the field with the given key.
func (fm FrontMatter) Field(key string) (Field, bool) {
	for _, f := range fm.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

const delimiter = "---"

// ParseFrontMatter splits src into its front-matter block and its body.
// The block must open with a `---` line at the very top (a UTF-8 byte
// order mark is skipped) and close with another `---` line. Inside it,
// blank lines and lines starting with `#` are ignored; every other line
// is `key: value`, where value is plain text (quotes optional) or an
// inline list `[a, b, "c"]`. Keys may not repeat. Lines may end in \n or
// \r\n.
//
// Errors are *Error values with Line set and File empty; Load fills in
// the file name.
func ParseFrontMatter(src []byte) (FrontMatter, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	first, rest, ok := cutLine(src)
	if strings.TrimRight(first, " \t") != delimiter {
		return FrontMatter{}, errorf(ErrSyntax, "", 1, "the file must start with a %q line that opens the front matter", delimiter)
	}
	var fm FrontMatter
	line := 1
	for {
		if !ok {
			return FrontMatter{}, errorf(ErrSyntax, "", 1, "the front matter opened here is never closed by a %q line", delimiter)
		}
		var text string
		text, rest, ok = cutLine(rest)
		line++
		trimmed := strings.TrimSpace(text)
		switch {
		case strings.TrimRight(text, " \t") == delimiter:
			fm.Body = rest
			fm.BodyLine = line + 1
			if fm.Fields == nil {
				fm.Fields = []Field{}
			}
			return fm, nil
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		}
		f, err := parseField(text, line)
		if err != nil {
			return FrontMatter{}, err
		}
		if prev, dup := fm.Field(f.Key); dup {
			return FrontMatter{}, errorf(ErrSyntax, "", line, "key %q repeats (first set on line %d)", f.Key, prev.Line)
		}
		fm.Fields = append(fm.Fields, f)
	}
}

// cutLine returns the first line of b without its line ending, the rest
// after it, and whether a line ending was found.
func cutLine(b []byte) (line string, rest []byte, found bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return strings.TrimSuffix(string(b), "\r"), nil, false
	}
	return strings.TrimSuffix(string(b[:i]), "\r"), b[i+1:], true
}

func parseField(text string, line int) (Field, error) {
	key, value, found := strings.Cut(text, ":")
	if !found {
		return Field{}, errorf(ErrSyntax, "", line, "expected `key: value`, got %q", clip(text))
	}
	key = strings.TrimSpace(key)
	if !validKey(key) {
		return Field{}, errorf(ErrSyntax, "", line, "invalid key %q: keys are lower-case letters, digits, '-' and '_', starting with a letter", clip(key))
	}
	value = strings.TrimSpace(value)
	f := Field{Key: key, Line: line}
	if !strings.HasPrefix(value, "[") {
		f.Value = unquote(value)
		return f, nil
	}
	items, err := parseList(value)
	if err != nil {
		return Field{}, errorf(ErrSyntax, "", line, "key %q: %s", key, err)
	}
	f.List, f.IsList = items, true
	return f, nil
}

func validKey(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// parseList parses `[a, b, "c"]`. Items are separated by commas and may
// not contain brackets or be empty; `[]` is the empty list.
func parseList(v string) ([]string, error) {
	if !strings.HasSuffix(v, "]") || len(v) < 2 {
		return nil, fmt.Errorf("list %q is not closed with ']'", clip(v))
	}
	inner := strings.TrimSpace(v[1 : len(v)-1])
	items := []string{}
	if inner == "" {
		return items, nil
	}
	for i, raw := range strings.Split(inner, ",") {
		item := unquote(strings.TrimSpace(raw))
		switch {
		case item == "":
			return nil, fmt.Errorf("list item %d is empty", i+1)
		case strings.ContainsAny(item, "[]"):
			return nil, fmt.Errorf("list item %q contains a bracket; nested lists are not supported", clip(item))
		}
		items = append(items, item)
	}
	return items, nil
}

// unquote removes one pair of matching surrounding quotes and the space
// inside them.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "…"
}
