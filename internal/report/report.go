// Package report renders analysis results for people and machines. Each
// format lives in its own file and implements Reporter.
package report

import (
	"fmt"
	"io"

	"github.com/art28/art28/internal/model"
)

// Options adjust rendering.
type Options struct {
	// Lang is the report language ("de" or "en"); empty uses the
	// contract's language.
	Lang string
	// Color enables ANSI colours in terminal output.
	Color bool
	// Texts holds the extracted text of each result's document, for
	// formats that show the contract itself (HTML). A result without an
	// entry is reported without its text.
	Texts map[*model.Result]string
}

// Reporter writes results in one format.
type Reporter interface {
	// Write renders the results of one run.
	Write(w io.Writer, results []*model.Result, opt Options) error
}

// ByName returns the reporter for a format name.
func ByName(name string) (Reporter, error) {
	switch name {
	case "text", "":
		return Text{}, nil
	case "json":
		return JSON{}, nil
	case "markdown", "md":
		return Markdown{}, nil
	case "html":
		return HTML{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want text, json, markdown or html)", name)
}

// language returns the language a result is reported in.
func language(r *model.Result, opt Options) string {
	if opt.Lang == "de" || opt.Lang == "en" {
		return opt.Lang
	}
	if r.Document.Language == "de" {
		return "de"
	}
	return "en"
}
