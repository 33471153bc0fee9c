package content

// Topic is one concept: its front matter and its Markdown body cut into
// sections. Values returned by a Library are shared; treat them as
// read-only.
type Topic struct {
	// ID is the kebab-case id, equal to the file name without ".md".
	ID string `json:"id"`
	// Title is the display title ("Consistent hashing").
	Title string `json:"title"`
	// Category groups the topic in listings.
	Category Category `json:"category"`
	// Aliases are other names a user may type for the topic. Never nil.
	Aliases []string `json:"aliases"`
	// Tags are search keywords. Never nil.
	Tags []string `json:"tags"`
	// Related are ids of other topics worth reading next. Never nil.
	Related []string `json:"related"`
	// Summary is one line saying what the topic is about.
	Summary string `json:"summary"`
	// Body is the Markdown after the front matter, without a title
	// heading (Markdown adds one).
	Body string `json:"body"`
	// Sections are the level-2 sections of Body in file order. Never nil.
	Sections []Section `json:"sections"`
	// File is the path of the source file inside the content file system,
	// e.g. "topics/caching.md".
	File string `json:"-"`

	src source
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
	{name: "summary"},
}

// ParseTopic parses one topic file. name is used in error messages and
// kept as File.
func ParseTopic(name string, data []byte) (*Topic, error) {
	d, err := parseDocument(name, data, topicKeys)
	if err != nil {
		return nil, err
	}
	return &Topic{
		ID:       d.scalars["id"],
		Title:    d.scalars["title"],
		Category: Category(d.scalars["category"]),
		Aliases:  d.list("aliases"),
		Tags:     d.list("tags"),
		Related:  d.list("related"),
		Summary:  d.scalars["summary"],
		Body:     d.body,
		Sections: d.sections,
		File:     name,
		src:      d.src,
	}, nil
}

// Section returns the level-2 section with the given heading (compared
// case-insensitively), e.g. t.Section(SectionInterviewTips).
func (t *Topic) Section(heading string) (Section, bool) {
	return findSection(t.Sections, heading)
}

// Markdown is the whole topic as one Markdown document: the title as a
// level-1 heading, the summary as a quote, then the body.
func (t *Topic) Markdown() string { return markdown(t.Title, t.Summary, t.Body) }

// TopicEntry is a topic as listings show it; it is the JSON of one item
// of `sdprep learn --format json`.
type TopicEntry struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Category Category `json:"category"`
	Tags     []string `json:"tags"`
	Summary  string   `json:"summary"`
}

// Entry returns the listing form of t.
func (t *Topic) Entry() TopicEntry {
	return TopicEntry{ID: t.ID, Title: t.Title, Category: t.Category, Tags: t.Tags, Summary: t.Summary}
}
