package content

// Topic is one concept: its front matter and its Markdown body cut into
// sections. Values returned by a Library are shared; treat them as
// read-only.
type Topic struct {
	Meta
	// Category groups the topic in listings.
	Category Category `json:"category"`
	// Aliases are other names a user may type for the topic. Never nil.
	Aliases []string `json:"aliases"`
	// Tradeoff is one line stating the topic's key trade-off, at most
	// MaxTradeoff characters; flashcards ask for it.
	Tradeoff string `json:"tradeoff"`
}

// Topic section headings, in the order the format requires. NumbersToKnow
// is the only optional one.
const (
	SectionWhatItIs      = "What it is"
	SectionHowItWorks    = "How it works"
	SectionWhenToUseIt   = "When to use it"
	SectionTradeOffs     = "Trade-offs"
	SectionPitfalls      = "Pitfalls and misconceptions"
	SectionNumbersToKnow = "Numbers to know"
	SectionInterviewTips = "Interview tips"
	SectionRelated       = "Related"
)

// TopicSections lists a topic's section headings in order.
var TopicSections = []string{
	SectionWhatItIs, SectionHowItWorks, SectionWhenToUseIt, SectionTradeOffs,
	SectionPitfalls, SectionNumbersToKnow, SectionInterviewTips, SectionRelated,
}

var topicKeys = []keySpec{
	{name: "id"}, {name: "title"}, {name: "category"},
	{name: "aliases", list: true}, {name: "tags", list: true}, {name: "related", list: true},
	{name: "summary"}, {name: "tradeoff"},
}

// ParseTopic parses one topic file. name is used in error messages and
// kept as File.
func ParseTopic(name string, data []byte) (*Topic, error) {
	d, err := parseDocument(name, data, topicKeys)
	if err != nil {
		return nil, err
	}
	return &Topic{
		Meta:     d.meta(name),
		Category: Category(d.scalars["category"]),
		Aliases:  d.list("aliases"),
		Tradeoff: d.scalars["tradeoff"],
	}, nil
}

// TopicEntry is a topic as listings show it; it is the JSON of one item
// of `sdprep learn --format json`.
type TopicEntry struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Category Category `json:"category"`
	Aliases  []string `json:"aliases"`
	Tags     []string `json:"tags"`
	Summary  string   `json:"summary"`
	Tradeoff string   `json:"tradeoff"`
}

// Entry returns the listing form of t.
func (t *Topic) Entry() TopicEntry {
	return TopicEntry{
		ID: t.ID, Title: t.Title, Category: t.Category, Aliases: t.Aliases,
		Tags: t.Tags, Summary: t.Summary, Tradeoff: t.Tradeoff,
	}
}
