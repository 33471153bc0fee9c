package content

// Problem is one classic interview question, with the material for each
// step of a mock interview in its own section. Values returned by a
// Library are shared; treat them as read-only.
type Problem struct {
	// ID is the kebab-case id, equal to the file name without ".md".
	ID string `json:"id"`
	// Title is the display title ("Design a URL shortener").
	Title string `json:"title"`
	// Preset is the `sdprep estimate` preset for the problem's numbers.
	Preset string `json:"preset"`
	// Tags are search keywords. Never nil.
	Tags []string `json:"tags"`
	// Related are ids of topics the problem draws on. Never nil.
	Related []string `json:"related"`
	// Summary is one line saying what is being designed.
	Summary string `json:"summary"`
	// Body is the Markdown after the front matter, without a title
	// heading (Markdown adds one).
	Body string `json:"body"`
	// Sections are the level-2 sections of Body in file order. Never nil.
	Sections []Section `json:"sections"`
	// File is the path of the source file inside the content file system,
	// e.g. "problems/twitter.md".
	File string `json:"-"`

	// The Markdown of each step's section, "" when the section is absent.
	// They repeat Sections for callers that walk the interview steps.
	Prompt                    string `json:"-"`
	ClarifyingQuestions       string `json:"-"`
	FunctionalRequirements    string `json:"-"`
	NonFunctionalRequirements string `json:"-"`
	Estimation                string `json:"-"`
	API                       string `json:"-"`
	HighLevelDesign           string `json:"-"`
	DataModel                 string `json:"-"`
	DeepDives                 string `json:"-"`
	Bottlenecks               string `json:"-"`
	WrapUp                    string `json:"-"`
	FollowUpQuestions         string `json:"-"`

	// Mock is the material of a mock interview: clarifying answers,
	// reference checklist, deep-dive topics, follow-ups and hints.
	Mock Mock `json:"mock"`

	src source
}

// Problem section headings, in the order the format requires. All are
// required.
const (
	SectionPrompt                    = "Prompt"
	SectionClarifyingQuestions       = "Clarifying questions"
	SectionFunctionalRequirements    = "Functional requirements"
	SectionNonFunctionalRequirements = "Non-functional requirements"
	SectionEstimation                = "Estimation"
	SectionAPI                       = "API"
	SectionHighLevelDesign           = "High-level design"
	SectionDataModel                 = "Data model"
	SectionDeepDives                 = "Deep dives"
	SectionBottlenecks               = "Bottlenecks"
	SectionWrapUp                    = "Wrap-up"
	SectionFollowUpQuestions         = "Follow-up questions"
)

// ProblemSections lists a problem's section headings in order.
var ProblemSections = []string{
	SectionPrompt, SectionClarifyingQuestions, SectionFunctionalRequirements,
	SectionNonFunctionalRequirements, SectionEstimation, SectionAPI, SectionHighLevelDesign,
	SectionDataModel, SectionDeepDives, SectionBottlenecks, SectionWrapUp, SectionFollowUpQuestions,
	SectionMockInterview,
}

var problemKeys = []keySpec{
	{name: "id"}, {name: "title"}, {name: "preset"},
	{name: "tags", list: true}, {name: "related", list: true},
	{name: "summary"},
}

// ParseProblem parses one problem file. name is used in error messages
// and kept as File.
func ParseProblem(name string, data []byte) (*Problem, error) {
	d, err := parseDocument(name, data, problemKeys)
	if err != nil {
		return nil, err
	}
	p := &Problem{
		ID:       d.scalars["id"],
		Title:    d.scalars["title"],
		Preset:   d.scalars["preset"],
		Tags:     d.list("tags"),
		Related:  d.list("related"),
		Summary:  d.scalars["summary"],
		Body:     d.body,
		Sections: d.sections,
		File:     name,
		src:      d.src,
	}
	for _, f := range []struct {
		heading string
		dst     *string
	}{
		{SectionPrompt, &p.Prompt},
		{SectionClarifyingQuestions, &p.ClarifyingQuestions},
		{SectionFunctionalRequirements, &p.FunctionalRequirements},
		{SectionNonFunctionalRequirements, &p.NonFunctionalRequirements},
		{SectionEstimation, &p.Estimation},
		{SectionAPI, &p.API},
		{SectionHighLevelDesign, &p.HighLevelDesign},
		{SectionDataModel, &p.DataModel},
		{SectionDeepDives, &p.DeepDives},
		{SectionBottlenecks, &p.Bottlenecks},
		{SectionWrapUp, &p.WrapUp},
		{SectionFollowUpQuestions, &p.FollowUpQuestions},
	} {
		if s, ok := p.Section(f.heading); ok {
			*f.dst = s.Body
		}
	}
	p.Mock = parseMock(p)
	return p, nil
}

// Section returns the level-2 section with the given heading (compared
// case-insensitively), e.g. p.Section(SectionEstimation).
func (p *Problem) Section(heading string) (Section, bool) {
	return findSection(p.Sections, heading)
}

// DeepDiveTopics returns the level-3 subsections of the Deep dives
// section, one per topic to discuss.
func (p *Problem) DeepDiveTopics() []Section {
	s, _ := p.Section(SectionDeepDives)
	return s.Subsections
}

// Markdown is the whole problem as one Markdown document: the title as a
// level-1 heading, the summary as a quote, then the body.
func (p *Problem) Markdown() string { return markdown(p.Title, p.Summary, p.Body) }

// ProblemEntry is a problem as listings show it.
type ProblemEntry struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Preset  string   `json:"preset"`
	Tags    []string `json:"tags"`
	Summary string   `json:"summary"`
}

// Entry returns the listing form of p.
func (p *Problem) Entry() ProblemEntry {
	return ProblemEntry{ID: p.ID, Title: p.Title, Preset: p.Preset, Tags: p.Tags, Summary: p.Summary}
}
