// Package schema ships the JSON Schema (draft 2020-12) of art28's JSON
// output, result.schema.json, and embeds it for tests and tools.
package schema

import _ "embed"

// Result is the JSON Schema of one result object (model.Result).
//
//go:embed result.schema.json
var Result []byte
