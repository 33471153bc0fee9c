// Package enum gives an int-based enum its names: String, Parse and the
// text (un)marshalling that JSON uses, written once for every enum in the
// domain packages (the rate limiter's algorithms and traffic patterns, the
// shortener's code strategies).
package enum

import (
	"fmt"
	"strings"
)

// Names are an enum's names, indexed by value: Names[E]{"a", "b"} names
// E(0) "a" and E(1) "b". Type names the enum in String of an undeclared
// value ("Algorithm(7)"); Err is wrapped by Parse and Marshal errors.
type Names[E ~int] struct {
	Type  string
	Names []string
	Err   error
}

// Valid reports whether e is a declared value.
func (n Names[E]) Valid(e E) bool { return e >= 0 && int(e) < len(n.Names) }

// String is e's name, or Type(e) for an undeclared value.
func (n Names[E]) String(e E) string {
	if !n.Valid(e) {
		return fmt.Sprintf("%s(%d)", n.Type, int(e))
	}
	return n.Names[e]
}

// Parse reads a name case-insensitively, with "_" or " " in place of "-".
// The error wraps Err and lists the names.
func (n Names[E]) Parse(s string) (E, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	k = strings.NewReplacer("_", "-", " ", "-").Replace(k)
	for i, name := range n.Names {
		if k == name {
			return E(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q: want one of %s", n.Err, s, strings.Join(n.Names, ", "))
}

// MarshalText is e's name; an undeclared value is an error wrapping Err.
func (n Names[E]) MarshalText(e E) ([]byte, error) {
	if !n.Valid(e) {
		return nil, fmt.Errorf("%w: %d", n.Err, int(e))
	}
	return []byte(n.Names[e]), nil
}

// UnmarshalText parses b into *e.
func (n Names[E]) UnmarshalText(b []byte, e *E) error {
	v, err := n.Parse(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}
