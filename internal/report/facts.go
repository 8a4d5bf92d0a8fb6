package report

import "github.com/art28/art28/internal/model"

// facts are the contract facts a report shows beside the checklist:
// parties, sub-processors, deadlines and technical and organisational
// measures. Each section is left out of the report when it is empty.
type facts struct {
	Processor, Controller string
	Subprocessors         []subprocessorView
	Deadlines             []deadlineView
	TOMs                  []tomView
}

// Empty reports whether there is no fact to show.
func (f facts) Empty() bool {
	return f.Processor == "" && f.Controller == "" && len(f.Subprocessors) == 0 &&
		len(f.Deadlines) == 0 && len(f.TOMs) == 0
}

// subprocessorView is one sub-processor row.
type subprocessorView struct {
	Name, Country, Service string
	ThirdCountry           bool
	Evidence               []evView
}

// deadlineView is one normalised deadline: a label and its value in words.
type deadlineView struct {
	Label, Value string
	Evidence     []evView
}

// tomView is one control category with its measures.
type tomView struct {
	Area     string
	Measures []string
}

// factsOf reads the contract facts of a result. The result model does not
// carry extracted facts yet (issue 3), so there is nothing to show; the
// report's sections for them stay hidden until it does.
func factsOf(*model.Result, func([]model.Evidence) []evView) facts {
	return facts{}
}
