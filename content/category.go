package content

import "slices"

// Category groups topics in listings. The zero value is not a valid
// category.
type Category string

// The categories, in the order listings print them.
const (
	Architecture   Category = "architecture"
	Patterns       Category = "patterns"
	Scalability    Category = "scalability"
	Data           Category = "data"
	Infrastructure Category = "infrastructure"
	Fundamentals   Category = "fundamentals"
)

var categoryOrder = [...]Category{Architecture, Patterns, Scalability, Data, Infrastructure, Fundamentals}

var categoryTitles = map[Category]string{
	Architecture:   "Architecture",
	Patterns:       "Patterns",
	Scalability:    "Scalability & reliability",
	Data:           "Data",
	Infrastructure: "Edge & infrastructure",
	Fundamentals:   "Fundamentals",
}

// AllCategories returns every category in listing order.
func AllCategories() []Category { return slices.Clone(categoryOrder[:]) }

// Valid reports whether c is one of the categories above.
func (c Category) Valid() bool { return c.rank() < len(categoryOrder) }

// Title is the heading a listing prints for c, e.g. "Scalability &
// reliability"; for an invalid category it is the raw value.
func (c Category) Title() string {
	if t, ok := categoryTitles[c]; ok {
		return t
	}
	return string(c)
}

func (c Category) String() string { return string(c) }

// rank is c's position in listing order; invalid categories sort last.
func (c Category) rank() int {
	for i, k := range categoryOrder {
		if k == c {
			return i
		}
	}
	return len(categoryOrder)
}
