//go:build race

package analyze

// raceEnabled reports a build with the race detector, which slows the
// code down too much for speed budgets.
const raceEnabled = true
