//go:build art28gen

package check

// Under the tag art28gen (the generator of precomputed.go) there are no
// tables: the generator builds the checker.
var precomputedChecker *checkerTables
