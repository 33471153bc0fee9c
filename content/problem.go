package content

// Problem is one classic interview question, with the material for each
// step of a mock interview in its own section. Values returned by a
// Library are shared; treat them as read-only.
type Problem struct {
	Meta
	// Preset is the `sdprep estimate` preset for the problem's numbers.
	Preset string `json:"preset"`
	// Difficulty is easy, medium or hard: how much a 45-minute interview
	// of it asks of a candidate (see Difficulties).
	Difficulty string `json:"difficulty"`

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
	{name: "id"}, {name: "title"}, {name: "preset"}, {name: "difficulty"},
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
	p := &Problem{Meta: d.meta(name), Preset: d.scalars["preset"], Difficulty: d.scalars["difficulty"]}
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

// DeepDiveTopics returns the level-3 subsections of the Deep dives
// section, one per topic to discuss.
func (p *Problem) DeepDiveTopics() []Section {
	s, _ := p.Section(SectionDeepDives)
	return s.Subsections
}

// ProblemEntry is a problem as listings show it.
type ProblemEntry struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Preset     string   `json:"preset"`
	Difficulty string   `json:"difficulty"`
	Tags       []string `json:"tags"`
	Summary    string   `json:"summary"`
}

// Difficulties are the accepted values of a problem's difficulty, easiest
// first: easy problems have one obvious bottleneck (a key-value lookup at
// scale), medium ones a couple of interacting parts, hard ones several hard
// parts (fan-out, real-time delivery, large media, geo) in 45 minutes.
var Difficulties = []string{"easy", "medium", "hard"}

// Entry returns the listing form of p.
func (p *Problem) Entry() ProblemEntry {
	return ProblemEntry{ID: p.ID, Title: p.Title, Preset: p.Preset, Difficulty: p.Difficulty, Tags: p.Tags, Summary: p.Summary}
}
