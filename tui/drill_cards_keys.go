package tui

import "charm.land/bubbles/v2/key"

// CardsKeys drive the flashcard review: space shows the answer, 1–4 rate
// it, u takes the last rating back.
type CardsKeys struct {
	Reveal                  key.Binding
	Again, Hard, Good, Easy key.Binding
	Rate                    key.Binding // 1–4, for the help bar
	Undo                    key.Binding
	Restart                 key.Binding // on the end screen: a new session
	Practice                key.Binding // on the end screen: practise cards not due
}

func defaultCardsKeys() CardsKeys {
	return CardsKeys{
		Reveal:   bind(keys("space", "enter"), "space", "show answer"),
		Again:    bind(keys("1"), "1", "again"),
		Hard:     bind(keys("2"), "2", "hard"),
		Good:     bind(keys("3"), "3", "good"),
		Easy:     bind(keys("4"), "4", "easy"),
		Rate:     bind(keys("1", "2", "3", "4"), "1-4", "rate"),
		Undo:     bind(keys("u"), "u", "undo"),
		Restart:  bind(keys("r"), "r", "check again"),
		Practice: bind(keys("p"), "p", "practise anyway"),
	}
}
