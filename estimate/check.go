package estimate

// Check parses the text of a parameter and returns the error Resolve would
// give for it on its own (a *ParseError naming the parameter), or nil.
// Forms use it to flag a field as soon as it is typed.
func (p Param) Check(text string) error {
	_, err := p.parse(text)
	return err
}
