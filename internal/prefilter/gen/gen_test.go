package main

import (
	"bytes"
	"os"
	"testing"
)

// TestTableUpToDate fails when the embedded table of analyses differs
// from what the generator writes now: an expression was added, changed or
// removed, or the analysis itself changed.
func TestTableUpToDate(t *testing.T) {
	want, err := table()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../precomputed.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("internal/prefilter/precomputed.go is stale: run `go generate ./internal/prefilter/...`")
	}
}
