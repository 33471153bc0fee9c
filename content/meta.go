package content

// Meta is what a topic and a problem share: the front-matter keys common
// to both and the parsed body. Topic and Problem embed it, so its fields
// and methods are theirs, and its JSON keys sit beside theirs.
type Meta struct {
	// ID is the kebab-case id, equal to the file name without ".md".
	ID string `json:"id"`
	// Title is the display title ("Consistent hashing", "Design Twitter").
	Title string `json:"title"`
	// Tags are search keywords. Never nil.
	Tags []string `json:"tags"`
	// Related are ids of topics worth reading next. Never nil.
	Related []string `json:"related"`
	// Summary is one line stating the main fact of the document.
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

// meta returns the shared part of a parsed document named name.
func (d *document) meta(name string) Meta {
	return Meta{
		ID:       d.scalars["id"],
		Title:    d.scalars["title"],
		Tags:     d.list("tags"),
		Related:  d.list("related"),
		Summary:  d.scalars["summary"],
		Body:     d.body,
		Sections: d.sections,
		File:     name,
		src:      d.src,
	}
}

// Section returns the level-2 section with the given heading (compared
// case-insensitively), e.g. t.Section(SectionInterviewTips).
func (m *Meta) Section(heading string) (Section, bool) {
	return findSection(m.Sections, heading)
}

// Markdown is the whole document as one Markdown text: the title as a
// level-1 heading, the summary as a quote, then the body.
func (m *Meta) Markdown() string { return markdown(m.Title, m.Summary, m.Body) }
