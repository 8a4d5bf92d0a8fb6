package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sync"

	"github.com/art28/art28/internal/model"
)

var (
	//go:embed assets/report.html.tmpl
	htmlTemplate string
	//go:embed assets/report.css
	htmlCSS string
)

// htmlPage is parsed once; html/template escapes every contract text it
// receives, so markup in a contract is shown, never interpreted.
var htmlPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"t":     tr,
		"base":  filepath.Base,
		"short": short,
	}).Parse(htmlTemplate))
})

// HTML writes one self-contained HTML document (styles inlined, no
// external resources) with a section per result: facts, checklist,
// findings and the contract text with every evidence passage highlighted.
type HTML struct{}

// htmlData is the template's input.
type htmlData struct {
	Lang        string
	ToolVersion string
	CSS         template.CSS
	Views       []*view
}

// Write implements Reporter.
func (HTML) Write(w io.Writer, results []*model.Result, opt Options) error {
	d := htmlData{CSS: template.CSS(htmlCSS)}
	for i, r := range results {
		v := newView(i, r, opt.Texts[r], language(r, opt))
		d.Views = append(d.Views, v)
	}
	if len(d.Views) > 0 {
		d.Lang = d.Views[0].Lang
		d.ToolVersion = results[0].Document.ToolVersion
	}
	if err := htmlPage().Execute(w, d); err != nil {
		return fmt.Errorf("write HTML report: %w", err)
	}
	return nil
}
