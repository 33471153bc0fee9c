package content

import (
	"errors"
	"fmt"
)

// Kinds of content errors. Every *Error wraps one of them, so callers and
// tests tell them apart with errors.Is.
var (
	// ErrSyntax: a file does not follow the format (front matter, keys,
	// lists, headings).
	ErrSyntax = errors.New("syntax error")
	// ErrMissingKey: a required front-matter key is absent or empty.
	ErrMissingKey = errors.New("missing key")
	// ErrInvalidValue: a front-matter value is not one of those accepted
	// (an id that is not kebab-case, an unknown category, a long summary).
	ErrInvalidValue = errors.New("invalid value")
	// ErrMissingSection: a required section is absent, empty or out of
	// order.
	ErrMissingSection = errors.New("missing section")
	// ErrUnknownSection: a level-2 heading that the format does not have.
	ErrUnknownSection = errors.New("unknown section")
	// ErrUnresolved: a related id names no topic, or the Related section
	// and the related key disagree.
	ErrUnresolved = errors.New("unresolved reference")
	// ErrUnknownPreset: a problem names an estimate preset that does not
	// exist.
	ErrUnknownPreset = errors.New("unknown preset")
	// ErrDuplicate: an id or alias is used twice.
	ErrDuplicate = errors.New("duplicate id")
)

// Error is a problem with one content file, at one line when known.
type Error struct {
	// File is the path inside the content file system, e.g.
	// "topics/caching.md". Empty when the text was parsed without a name.
	File string
	// Line is the 1-based line the problem is on; 0 means the whole file.
	Line int
	// Kind is one of the Err* values above.
	Kind error
	// Reason says what is wrong and what is accepted, in one line.
	Reason string
}

func (e *Error) Error() string {
	switch {
	case e.File == "" && e.Line == 0:
		return e.Reason
	case e.File == "":
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Reason)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason)
}

// Unwrap returns the kind, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Kind: kind, Reason: fmt.Sprintf(format, args...)}
}
