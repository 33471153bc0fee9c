package estimate

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// CalcError is a calculator expression that cannot be read or evaluated.
// Pos is the byte offset of the problem; Column is what people count.
// It wraps ErrSyntax, so commands treat it as bad input (exit code 2).
type CalcError struct {
	Expr   string
	Pos    int    // byte offset in Expr
	Reason string // what is wrong, e.g. `expected a number, a unit or "("`
}

// Column is the 1-based column (in characters) of the problem.
func (e *CalcError) Column() int {
	p := min(max(e.Pos, 0), len(e.Expr))
	return utf8.RuneCountInString(e.Expr[:p]) + 1
}

func (e *CalcError) Error() string {
	return "expression " + strconv.Quote(e.Expr) + ": column " + strconv.Itoa(e.Column()) + ": " + e.Reason
}

func (e *CalcError) Unwrap() error { return ErrSyntax }

// Amount is a value with its dimension, in base units: bytes, seconds,
// per second, bytes per second.
type Amount struct {
	Value float64
	Dim   Dim
}

// maxDimExp bounds unit exponents; napkin maths never needs more than
// a square, and the bound keeps Dim.String short.
const maxDimExp = 6

// parser is a recursive-descent parser that evaluates as it goes.
//
//	expr    = sum [ "in" target ]
//	sum     = product { ("+" | "-") product }
//	product = unary { ("*" | "/") unary }
//	unary   = "-" unary | power
//	power   = primary [ "^" exponent ] { word [ "^" exponent ] }
//	exponent = { "-" | "+" } primary [ "^" exponent ]
//	primary = number | word | "(" sum ")"
//
// Unit words after a number bind tightest, so "300M * 2 / 1 day" divides
// by one day and "4 TB/day" is four terabytes per day.
type parser struct {
	src   string
	toks  []token
	i     int
	byteB bool // "B" is a byte, not a billion
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i = min(p.i+1, len(p.toks)-1); return t }

func (p *parser) errAt(pos int, reason string) error {
	return &CalcError{Expr: p.src, Pos: pos, Reason: reason}
}

func (p *parser) isOp(op byte) bool {
	t := p.peek()
	return t.kind == tokOp && t.op == op
}

func (p *parser) sum() (Amount, error) {
	a, err := p.product()
	if err != nil {
		return a, err
	}
	for p.isOp('+') || p.isOp('-') {
		op := p.next()
		b, err := p.product()
		if err != nil {
			return b, err
		}
		if a.Dim != b.Dim {
			verb, prep := "add", " to "
			if op.op == '-' {
				verb, prep = "subtract", " from "
			}
			return a, p.errAt(op.pos, "cannot "+verb+" "+b.Dim.Describe()+prep+a.Dim.Describe())
		}
		if op.op == '+' {
			a.Value += b.Value
		} else {
			a.Value -= b.Value
		}
		if err := p.finite(a, op.pos); err != nil {
			return a, err
		}
	}
	return a, nil
}

func (p *parser) product() (Amount, error) {
	a, err := p.unary()
	if err != nil {
		return a, err
	}
	for p.isOp('*') || p.isOp('/') {
		op := p.next()
		b, err := p.unary()
		if err != nil {
			return b, err
		}
		if op.op == '*' {
			a = Amount{a.Value * b.Value, a.Dim.mul(b.Dim)}
		} else {
			if b.Value == 0 {
				return a, p.errAt(op.pos, "division by zero")
			}
			a = Amount{a.Value / b.Value, a.Dim.div(b.Dim)}
		}
		if err := p.check(a, op.pos); err != nil {
			return a, err
		}
	}
	return a, nil
}

func (p *parser) unary() (Amount, error) {
	if p.isOp('-') {
		p.next()
		a, err := p.unary()
		a.Value = -a.Value
		return a, err
	}
	if p.isOp('+') {
		p.next()
		return p.unary()
	}
	return p.power()
}

func (p *parser) power() (Amount, error) {
	a, err := p.primary()
	if err != nil {
		return a, err
	}
	if a, err = p.maybeRaise(a); err != nil {
		return a, err
	}
	for p.peek().kind == tokWord {
		w := p.next()
		u, err := p.word(w)
		if err != nil {
			return u, err
		}
		if u, err = p.maybeRaise(u); err != nil {
			return u, err
		}
		a = Amount{a.Value * u.Value, a.Dim.mul(u.Dim)}
		if err := p.check(a, w.pos); err != nil {
			return a, err
		}
	}
	return a, nil
}

// maybeRaise reads an optional "^ exponent" after a and applies it.
func (p *parser) maybeRaise(a Amount) (Amount, error) {
	if !p.isOp('^') {
		return a, nil
	}
	op := p.next()
	expTok := p.peek()
	e, err := p.exponent()
	if err != nil {
		return e, err
	}
	return p.raise(a, e, op.pos, expTok.pos)
}

// raise computes a^e. The exponent must be a plain number, and a whole
// one when a has a unit.
func (p *parser) raise(a, e Amount, opPos, expPos int) (Amount, error) {
	if e.Dim != DimCount {
		return a, p.errAt(expPos, "an exponent must be a plain number, not "+e.Dim.Describe())
	}
	if a.Dim != DimCount {
		n := e.Value
		if n != math.Trunc(n) || math.Abs(n*float64(a.Dim.Bytes)) > maxDimExp || math.Abs(n*float64(a.Dim.Time)) > maxDimExp {
			return a, p.errAt(expPos, "a quantity with a unit can only be raised to a small whole power")
		}
		a.Dim = Dim{a.Dim.Bytes * int(n), a.Dim.Time * int(n)}
	}
	a.Value = math.Pow(a.Value, e.Value)
	return a, p.check(a, opPos)
}

// exponent reads what follows "^": a signed primary, itself possibly
// raised (2^3^2 is 2^9). Unit words after it belong to the base, so
// "2^10 bytes" is 1,024 bytes.
func (p *parser) exponent() (Amount, error) {
	neg := false
	for p.isOp('-') || p.isOp('+') {
		neg = neg != (p.next().op == '-')
	}
	a, err := p.primary()
	if err != nil {
		return a, err
	}
	if a, err = p.maybeRaise(a); err != nil {
		return a, err
	}
	if neg {
		a.Value = -a.Value
	}
	return a, nil
}

func (p *parser) primary() (Amount, error) {
	t := p.next()
	switch {
	case t.kind == tokNumber:
		return Amount{Value: t.value}, nil
	case t.kind == tokWord:
		return p.word(t)
	case t.kind == tokOp && t.op == '(':
		a, err := p.sum()
		if err != nil {
			return a, err
		}
		if !p.isOp(')') {
			return a, p.errAt(p.peek().pos, `expected ")" to close the "(" at column `+strconv.Itoa(utf8.RuneCountInString(p.src[:t.pos])+1))
		}
		p.next()
		return a, nil
	case t.kind == tokEOF:
		return Amount{}, p.errAt(t.pos, `unexpected end: expected a number, a unit or "("`)
	}
	return Amount{}, p.errAt(t.pos, "unexpected "+strconv.Quote(t.text)+`: expected a number, a unit or "("`)
}

// word is the amount one unit word stands for.
func (p *parser) word(t token) (Amount, error) {
	u, _, ok := lookupUnit(t.text)
	if t.text == "B" && p.byteB {
		u = unit{1, DimBytes}
	}
	if !ok {
		return Amount{}, p.errAt(t.pos, "unknown unit "+strconv.Quote(t.text)+"; expected "+acceptUnits)
	}
	return Amount{u.scale, u.dim}, nil
}

// check rejects results that overflow a float64 or whose unit exponents
// run away.
func (p *parser) check(a Amount, pos int) error {
	if abs(a.Dim.Bytes) > maxDimExp || abs(a.Dim.Time) > maxDimExp {
		return p.errAt(pos, "unit exponent out of range")
	}
	return p.finite(a, pos)
}

func (p *parser) finite(a Amount, pos int) error {
	if math.IsInf(a.Value, 0) || math.IsNaN(a.Value) {
		return p.errAt(pos, "result out of range")
	}
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
