// Package model defines the analysis result: the stable, documented data
// model that every report format renders and that JSON output exposes.
// Field names are snake_case and versioned with SchemaVersion.
package model

// SchemaVersion is the version of the JSON result model.
const SchemaVersion = "1"

// Result is the analysis of one contract.
type Result struct {
	SchemaVersion string       `json:"schema_version"`
	Document      DocumentInfo `json:"document"`
	Summary       Summary      `json:"summary"`
	Requirements  []Verdict    `json:"requirements"`
	Findings      []Finding    `json:"findings"`
	Notes         []string     `json:"notes,omitempty"`
	// Facts embeds the extracted contract facts (parties, subprocessors,
	// deadlines ...) at the top level of the JSON object.
	Facts
}

// DocumentInfo identifies the analysed input.
type DocumentInfo struct {
	Path           string `json:"path"`
	Format         string `json:"format"`
	Language       string `json:"language"`
	SHA256         string `json:"sha256"`
	Bytes          int    `json:"bytes"`
	Sentences      int    `json:"sentences"`
	ToolVersion    string `json:"tool_version"`
	CatalogVersion string `json:"catalog_version"`
	// IsContract is false when the text does not read like a data
	// processing agreement at all.
	IsContract bool `json:"is_contract"`
}

// Summary counts verdicts.
type Summary struct {
	Met              int      `json:"met"`
	Partial          int      `json:"partial"`
	Missing          int      `json:"missing"`
	NotApplicable    int      `json:"not_applicable"`
	MandatoryMissing []string `json:"mandatory_missing"`
}

// Evidence is a verbatim passage of the contract.
type Evidence struct {
	// Text is the passage as it stands in the extracted text.
	Text string `json:"text"`
	// Start and End are byte offsets into the extracted text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Section is the label and title of the enclosing section.
	Section string `json:"section"`
	// Page is the 1-based page for paginated input, else omitted.
	Page int `json:"page,omitempty"`
}

// Verdict is the status of one requirement with its evidence.
type Verdict struct {
	ID       string     `json:"id"`
	Status   string     `json:"status"`
	Level    string     `json:"level"`
	Article  string     `json:"article"`
	Title    string     `json:"title"`
	Evidence []Evidence `json:"evidence"`
	// Rules names the catalog rules whose match decided the status.
	Rules []string `json:"rules,omitempty"`
	// Uncertain is set when only the requirement's safety net matched: the
	// contract speaks of the duty, but in words the rules do not confirm as
	// meeting it, so the status is "partial" and a reviewer should read
	// the cited clause.
	Uncertain bool `json:"uncertain,omitempty"`
}

// Finding is a risk or defect a reviewer should see.
type Finding struct {
	ID         string     `json:"id"`
	Severity   string     `json:"severity"`
	Title      string     `json:"title"`
	Message    string     `json:"message"`
	Basis      string     `json:"basis,omitempty"`
	Evidence   []Evidence `json:"evidence"`
	Suggestion string     `json:"suggestion,omitempty"`
}
