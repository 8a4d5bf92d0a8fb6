//go:build art28gen

package match

// Under the tag art28gen (the generator of preloaded.go) nothing is
// preloaded: the generator starts from an empty term table.
var (
	preloadTerms    []entry
	preloadPatterns []string

	preloadTermOrder, preloadPatternOrder []int32
)
