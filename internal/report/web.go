package report

import (
	"github.com/art28/art28/internal/model"
)

// View is one result prepared for an HTML page: checklist rows with their
// quoted evidence, findings grouped by severity, facts, and the contract
// text cut into highlighted and plain segments. The register's contract
// page renders it with its own template.
type View = view

// NewView prepares result r for display in lang ("de" or "en"; empty uses
// the contract's language). text is the document's extracted text, ""
// when unknown; anchors are prefixed with "d1".
func NewView(r *model.Result, text, lang string) *View {
	return newView(0, r, text, language(r, Options{Lang: lang}))
}

// Tr returns the report UI string for key in lang.
func Tr(lang, key string) string { return tr(lang, key) }

// CSS returns the stylesheet of the HTML report.
func CSS() string { return htmlCSS }
