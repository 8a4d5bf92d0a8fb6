// Command gen writes the table of precomputed literal analyses
// (internal/prefilter/precomputed.go) for every expression the
// embedded knowledge creates. Run it with `go generate ./internal/prefilter/...`
// after changing an expression in the source or a "re:" term of the catalog
// or the findings playbook.
package main

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/check"
	"github.com/art28/art28/internal/compiled"
	"github.com/art28/art28/internal/extract"
	"github.com/art28/art28/internal/findings"
	"github.com/art28/art28/internal/prefilter"
)

func main() {
	if err := compiled.Write("precomputed.go", table); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// table creates every expression of the embedded knowledge and returns
// the table of their analyses. Package-level expressions are created as
// the packages are initialised; the knowledge, the playbook and the
// checker create theirs when loaded; the catalog's and the playbook's
// "re:" terms, compiled by the matcher only when first used, are compiled
// here as the matcher does (prefilter.Compile without options).
func table() ([]byte, error) {
	if _, err := extract.LoadKnowledge(); err != nil {
		return nil, err
	}
	pb := findings.Default()
	cat := catalog.Default()
	check.New(cat)
	for _, expr := range regexTerms(cat, pb) {
		if _, err := prefilter.Compile(expr); err != nil {
			return nil, fmt.Errorf("term %q: %w", "re:"+expr, err)
		}
	}
	return prefilter.Table()
}

// regexTerms returns the expressions of every "re:" term found in the
// strings reachable from vs (fields, slices, maps, pointers).
func regexTerms(vs ...any) []string {
	var out []string
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if s := v.String(); strings.HasPrefix(s, "re:") {
				out = append(out, s[3:])
			}
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	for _, v := range vs {
		walk(reflect.ValueOf(v))
	}
	return out
}
