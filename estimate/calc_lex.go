package estimate

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token of a calculator expression.
type tokKind int

const (
	tokEOF    tokKind = iota
	tokNumber         // 300, 2.5, 1e6, 1,000, 10% (value holds the number)
	tokWord           // a unit or a label: M, KB, day, users
	tokOp             // + - * / ^ ( ) and their spellings (× ÷ · − x per)
	tokIn             // the conversion keyword "in"
)

// token is one lexeme with its byte offset in the expression.
type token struct {
	kind  tokKind
	text  string
	op    byte // for tokOp: one of + - * / ^ ( )
	value float64
	pos   int
}

// maxExprLen bounds an expression, so a pathological input costs little.
const maxExprLen = 1000

// opRunes maps the operator characters, including the typographic ones
// people paste from notes, to their ASCII meaning.
var opRunes = map[rune]byte{
	'+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '·': '*', '/': '/', '÷': '/', '^': '^', '(': '(', ')': ')',
}

// lex splits an expression into tokens.
func lex(src string) ([]token, error) {
	if len(src) > maxExprLen {
		return nil, &CalcError{Expr: src, Pos: maxExprLen, Reason: "expression longer than 1,000 characters"}
	}
	if !utf8.ValidString(src) {
		return nil, &CalcError{Expr: src, Pos: firstInvalidUTF8(src), Reason: "not valid UTF-8"}
	}
	var toks []token
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r >= '0' && r <= '9' || r == '.':
			t, err := lexNumber(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = t.pos + len(t.text)
		case opRunes[r] != 0:
			toks = append(toks, token{kind: tokOp, text: src[i : i+size], op: opRunes[r], pos: i})
			i += size
		case unicode.IsLetter(r) || r == 'µ':
			j := i
			for j < len(src) {
				r, n := utf8.DecodeRuneInString(src[j:])
				if !unicode.IsLetter(r) && r != 'µ' {
					break
				}
				j += n
			}
			toks = append(toks, wordToken(src[i:j], i))
			i = j
		default:
			return nil, &CalcError{Expr: src, Pos: i, Reason: "unexpected " + strconv.QuoteRune(r)}
		}
	}
	return append(toks, token{kind: tokEOF, pos: len(src)}), nil
}

// wordToken classifies a word: the keyword "in", the spelled operators
// "x" and "per", or a unit or label.
func wordToken(w string, pos int) token {
	switch w {
	case "in":
		return token{kind: tokIn, text: w, pos: pos}
	case "x":
		return token{kind: tokOp, text: w, op: '*', pos: pos}
	case "per":
		return token{kind: tokOp, text: w, op: '/', pos: pos}
	}
	return token{kind: tokWord, text: w, pos: pos}
}

// lexNumber reads the number at src[i:] with the quantity parser's
// number rules (digits, one dot, an exponent, comma thousands groups) and
// an optional percent sign.
func lexNumber(src string, i int) (token, error) {
	// Hand splitNumber only the run of characters a number can contain,
	// so that lexing stays linear in the length of the expression.
	t := src[i:]
	if j := strings.IndexFunc(t, func(r rune) bool { return !strings.ContainsRune("0123456789.,eE+-", r) }); j >= 0 {
		t = t[:j]
	}
	v, rest, err := splitNumber(t, "")
	if err != nil {
		reason := "bad number"
		var pe *ParseError
		if errors.As(err, &pe) && pe.Reason != "" {
			reason = pe.Reason
		}
		return token{}, &CalcError{Expr: src, Pos: i, Reason: reason}
	}
	// splitNumber returns the text after the number with leading spaces
	// trimmed; the number ends where that text and its spaces begin.
	end := len(t) - len(rest)
	end = len(strings.TrimRightFunc(t[:end], unicode.IsSpace))
	text := t[:end]
	if strings.HasPrefix(src[i+end:], "%") {
		v /= 100
		text = src[i : i+end+1]
	}
	return token{kind: tokNumber, text: text, value: v, pos: i}, nil
}

func firstInvalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}
