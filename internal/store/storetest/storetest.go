// Package storetest is the test suite every store.Store must pass, and a
// generator that fills a store with a portfolio for load tests. Run calls
// each test against a fresh store from the given constructor.
package storetest

import (
	"context"
	"testing"

	"github.com/art28/art28/internal/store"
)

// Opener returns a fresh, empty, migrated store; the test's cleanup closes
// and removes it.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open(t))
		})
	}
}

type test struct {
	name string
	fn   func(t *testing.T, st store.Store)
}

var tests []test

func add(name string, fn func(t *testing.T, st store.Store)) { tests = append(tests, test{name, fn}) }

func ctx() context.Context { return context.Background() }
