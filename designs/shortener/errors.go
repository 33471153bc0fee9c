package shortener

import "errors"

// Named errors. Every error returned by this package wraps one of these, so
// callers (and the HTTP layer) branch with errors.Is, never on message text.
var (
	// ErrInvalidURL: the long URL is not an absolute http(s) URL with a host,
	// is longer than MaxURLLength, carries credentials or control characters.
	ErrInvalidURL = errors.New("invalid url")
	// ErrInvalidAlias: a custom alias does not match [A-Za-z0-9_-]{3,32}.
	ErrInvalidAlias = errors.New("invalid alias")
	// ErrReservedAlias: the alias collides with a route or a reserved word.
	// It wraps ErrInvalidAlias, so errors.Is(err, ErrInvalidAlias) also holds.
	ErrReservedAlias = errInvalidAlias("alias is reserved")
	// ErrSelfLink: the long URL points back at the shortener itself (see
	// CheckNotSelf). A short link to a short link hides the real target
	// behind two hops, and a chain of them can loop. It wraps
	// ErrInvalidURL, so errors.Is(err, ErrInvalidURL) also holds.
	ErrSelfLink = errInvalidURL("points back at this shortener")
	// ErrAliasTaken: a custom alias is already used by another link.
	ErrAliasTaken = errors.New("alias already taken")
	// ErrCodeTaken is returned by Store.Create when the code already exists.
	ErrCodeTaken = errors.New("code already taken")
	// ErrNotFound: no link has this code.
	ErrNotFound = errors.New("not found")
	// ErrExhausted: a strategy kept colliding and gave up after MaxAttempts.
	ErrExhausted = errors.New("code space exhausted: too many collisions")
	// ErrInvalidStrategy: ParseStrategy got an unknown name.
	ErrInvalidStrategy = errors.New("invalid strategy")
	// ErrClosed: the service or store was used after Close.
	ErrClosed = errors.New("closed")
)

// wrapped is an error that has its own message but also matches a parent
// sentinel with errors.Is.
type wrapped struct {
	msg    string
	parent error
}

func (e *wrapped) Error() string { return e.parent.Error() + ": " + e.msg }
func (e *wrapped) Unwrap() error { return e.parent }

func errInvalidAlias(msg string) error { return &wrapped{msg: msg, parent: ErrInvalidAlias} }
func errInvalidURL(msg string) error   { return &wrapped{msg: msg, parent: ErrInvalidURL} }
