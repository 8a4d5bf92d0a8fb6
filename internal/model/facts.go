package model

// Facts are the structured contract facts extracted from a data processing
// agreement: parties, sub-processors, data categories, deadlines, DPO,
// contract metadata and technical and organisational measures. Every fact
// carries the passage it was read from.
type Facts struct {
	Parties             Parties        `json:"parties"`
	Subprocessors       []Subprocessor `json:"subprocessors"`
	OtherRecipients     []Subprocessor `json:"other_recipients"`
	SubprocessorListURL string         `json:"subprocessor_list_url,omitempty"`
	DataTypes           ItemList       `json:"data_types"`
	DataSubjects        ItemList       `json:"data_subjects"`
	Deadlines           Deadlines      `json:"deadlines"`
	DPO                 *DPO           `json:"dpo"`
	Meta                Meta           `json:"meta"`
	TOMs                TOMs           `json:"toms"`
}

// Parties names processor and controller. A party that is absent, blank
// or a template placeholder is null and explained in a note.
type Parties struct {
	Processor      *Party `json:"processor"`
	Controller     *Party `json:"controller"`
	ProcessorNote  string `json:"processor_note,omitempty"`
	ControllerNote string `json:"controller_note,omitempty"`
}

// Party is one contracting party with its address and contact data.
// Country is an ISO 3166-1 alpha-2 code.
type Party struct {
	Name string `json:"name"`
	// Key is the name normalised for filing and cross-reference: lower
	// case, legal-form spellings unified, punctuation and a leading
	// web-address brand dropped (docs/json.md).
	Key string `json:"key"`
	// ShortName is the short name the contract defines for the party
	// ("Caelex", "NMM").
	ShortName string `json:"short_name,omitempty"`
	// Owner is a sole trader's owner ("Inhaber").
	Owner string `json:"owner,omitempty"`
	// Brand is a name the party trades under ("im Geschäftsverkehr unter
	// dem Namen …").
	Brand          string    `json:"brand,omitempty"`
	Street         string    `json:"street,omitempty"`
	Postcode       string    `json:"postcode,omitempty"`
	City           string    `json:"city,omitempty"`
	Country        string    `json:"country,omitempty"`
	Representative string    `json:"representative,omitempty"`
	Email          string    `json:"email,omitempty"`
	Phone          string    `json:"phone,omitempty"`
	CustomerNumber string    `json:"customer_number,omitempty"`
	Evidence       *Evidence `json:"evidence,omitempty"`
}

// Subprocessor is one named sub-processor (or, in other_recipients, a
// listed recipient that is explicitly not a processor).
type Subprocessor struct {
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	City    string `json:"city,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the address, empty when
	// unknown.
	Country string `json:"country,omitempty"`
	Service string `json:"service,omitempty"`
	// Location is the stated processing location ("Serverstandort").
	Location string `json:"location,omitempty"`
	// ThirdCountry is true when Country is outside the EU/EEA.
	ThirdCountry bool `json:"third_country"`
	// TransferMechanism is one of adequacy_decision, data_privacy_framework,
	// standard_contractual_clauses, binding_corporate_rules, none; empty
	// inside the EU/EEA.
	TransferMechanism string   `json:"transfer_mechanism,omitempty"`
	Evidence          Evidence `json:"evidence"`
}

// ItemList is a list of data categories or data subject categories.
type ItemList struct {
	Items []DataItem `json:"items"`
	// Special is true when any item is a special category (Art. 9/10).
	Special bool `json:"special_categories"`
}

// DataItem is one named category.
type DataItem struct {
	Text     string   `json:"text"`
	Special  bool     `json:"special_category"`
	Evidence Evidence `json:"evidence"`
}

// Deadlines are normalised time limits. A nil value means the contract
// states none (see Notes for the reason, e.g. "unverzüglich" only).
type Deadlines struct {
	BreachNoticeHours         *int                `json:"breach_notice_hours"`
	SubprocessorObjectionDays *int                `json:"subprocessor_objection_days"`
	SubprocessorNoticeDays    *int                `json:"subprocessor_notice_days"`
	TerminationNotice         string              `json:"termination_notice,omitempty"`
	TerminationNoticeDays     *int                `json:"termination_notice_days"`
	DeletionDays              *int                `json:"deletion_days"`
	AuditNoticeDays           *int                `json:"audit_notice_days"`
	Evidence                  map[string]Evidence `json:"evidence,omitempty"`
	Notes                     map[string]string   `json:"notes,omitempty"`
}

// DPO is the data protection officer or contact person named in the
// contract, or the statement that none is required.
type DPO struct {
	Name         string    `json:"name,omitempty"`
	Organisation string    `json:"organisation,omitempty"`
	Address      string    `json:"address,omitempty"`
	City         string    `json:"city,omitempty"`
	Email        string    `json:"email,omitempty"`
	NotRequired  bool      `json:"not_required"`
	Evidence     *Evidence `json:"evidence,omitempty"`
}

// Meta is contract metadata.
type Meta struct {
	// Date is ISO 8601 (YYYY-MM-DD, or YYYY-MM when only a month is given).
	Date         string `json:"date,omitempty"`
	Version      string `json:"version,omitempty"`
	GoverningLaw string `json:"governing_law,omitempty"`
	Jurisdiction string `json:"jurisdiction,omitempty"`
}

// TOMs are the technical and organisational measures by control category.
type TOMs struct {
	Categories []TOMCategory `json:"categories"`
	// Missing lists control categories with no measures.
	Missing []string `json:"missing"`
	// GenericExamplesOnly is true when every category found is only a
	// generic "z.B." example list.
	GenericExamplesOnly bool `json:"generic_examples_only"`
	// Parameters are notable technical parameters and certifications
	// ("TLS 1.2", "AES-256", "ISO/IEC 27001", "BSI C5", "SOC 2").
	Parameters []string `json:"parameters"`
}

// TOMCategory is one control category with its measures.
type TOMCategory struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Items           []string `json:"items"`
	GenericExamples bool     `json:"generic_examples"`
	Evidence        Evidence `json:"evidence"`
}
