package report

import (
	"fmt"
	"strings"

	"github.com/art28/art28/internal/model"
)

// facts are the contract facts a report shows beside the checklist:
// parties, sub-processors, deadlines and technical and organisational
// measures. Each section is left out of the report when it is empty.
type facts struct {
	// Processor and Controller describe the parties; the notes say why a
	// party is not given.
	Processor, Controller         string
	ProcessorNote, ControllerNote string
	Subprocessors                 []subprocessorView
	// SubprocessorList is the URL of an external sub-processor list.
	SubprocessorList string
	Deadlines        []deadlineView
	TOMs             []tomView
	// TOMsMissing names control categories without measures.
	TOMsMissing []string
	// Meta are contract metadata as label/value pairs.
	Meta []deadlineView
}

// Empty reports whether there is no fact to show.
func (f facts) Empty() bool {
	return f.Processor == "" && f.Controller == "" && f.ProcessorNote == "" && f.ControllerNote == "" &&
		len(f.Subprocessors) == 0 && f.SubprocessorList == "" && len(f.Deadlines) == 0 && len(f.TOMs) == 0
}

// subprocessorView is one sub-processor row.
type subprocessorView struct {
	Name, Country, Service string
	ThirdCountry           bool
	// Mechanism is the transfer mechanism named for a third-country
	// sub-processor, in words.
	Mechanism string
	Evidence  []evView
}

// deadlineView is one normalised deadline: a label and its value in words.
type deadlineView struct {
	Label, Value string
	// Note explains a missing value (from the extractor, in English).
	Note     string
	Evidence []evView
}

// tomView is one control category with its measures.
type tomView struct {
	Area     string
	Measures []string
	// Generic marks a category that is only a generic example list.
	Generic bool
}

// deadlineFields are the normalised deadlines a report shows, in order,
// with the locale key of their unit.
var deadlineFields = []struct {
	key, unit string
	get       func(*model.Deadlines) *int
}{
	{"breach_notice_hours", "unit_hours", func(d *model.Deadlines) *int { return d.BreachNoticeHours }},
	{"subprocessor_objection_days", "unit_days", func(d *model.Deadlines) *int { return d.SubprocessorObjectionDays }},
	{"subprocessor_notice_days", "unit_days", func(d *model.Deadlines) *int { return d.SubprocessorNoticeDays }},
	{"termination_notice_days", "unit_days", func(d *model.Deadlines) *int { return d.TerminationNoticeDays }},
	{"deletion_days", "unit_days", func(d *model.Deadlines) *int { return d.DeletionDays }},
	{"audit_notice_days", "unit_days", func(d *model.Deadlines) *int { return d.AuditNoticeDays }},
}

// factsOf reads the contract facts of a result in language lang; ev turns
// evidence into quotes with anchors into the contract text.
func factsOf(r *model.Result, lang string, ev func([]model.Evidence) []evView) facts {
	f := facts{
		Processor: partyLine(r.Parties.Processor), ProcessorNote: r.Parties.ProcessorNote,
		Controller: partyLine(r.Parties.Controller), ControllerNote: r.Parties.ControllerNote,
		SubprocessorList: r.SubprocessorListURL,
		TOMsMissing:      r.TOMs.Missing,
	}
	for _, s := range r.Subprocessors {
		sv := subprocessorView{Name: s.Name, Country: s.Country, Service: s.Service, ThirdCountry: s.ThirdCountry,
			Evidence: ev([]model.Evidence{s.Evidence})}
		if s.Location != "" {
			sv.Country = strings.TrimSpace(sv.Country + " (" + s.Location + ")")
		}
		if s.ThirdCountry {
			sv.Mechanism = label(lang, "mechanism_", s.TransferMechanism)
		}
		f.Subprocessors = append(f.Subprocessors, sv)
	}
	d := &r.Deadlines
	for _, x := range deadlineFields {
		dv := deadlineView{Label: tr(lang, "deadline_"+x.key)}
		switch v := x.get(d); {
		case v != nil:
			dv.Value = fmt.Sprintf("%d %s", *v, tr(lang, x.unit))
		case d.Notes[x.key] != "":
			dv.Value, dv.Note = tr(lang, "not_extracted"), d.Notes[x.key]
		default:
			continue
		}
		if e, ok := d.Evidence[x.key]; ok {
			dv.Evidence = ev([]model.Evidence{e})
		}
		f.Deadlines = append(f.Deadlines, dv)
	}
	if d.TerminationNotice != "" && d.TerminationNoticeDays == nil {
		f.Deadlines = append(f.Deadlines, deadlineView{Label: tr(lang, "deadline_termination_notice_days"), Value: d.TerminationNotice})
	}
	for _, c := range r.TOMs.Categories {
		f.TOMs = append(f.TOMs, tomView{Area: c.Title, Measures: c.Items, Generic: c.GenericExamples})
	}
	m := r.Meta
	for _, kv := range [][2]string{{"meta_date", m.Date}, {"meta_version", m.Version}, {"meta_governing_law", m.GoverningLaw}, {"meta_jurisdiction", m.Jurisdiction}} {
		if kv[1] != "" {
			f.Meta = append(f.Meta, deadlineView{Label: tr(lang, kv[0]), Value: kv[1]})
		}
	}
	return f
}

// partyLine is a party's name with its place, or "" for no party.
func partyLine(p *model.Party) string {
	if p == nil {
		return ""
	}
	s := p.Name
	if place := strings.TrimSpace(p.Postcode + " " + p.City); place != "" {
		s += ", " + place
	}
	if p.Country != "" {
		s += " (" + p.Country + ")"
	}
	return s
}
