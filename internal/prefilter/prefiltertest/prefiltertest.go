// Package prefiltertest compares prefiltered regular expressions with
// package regexp, for the tests and fuzz targets of their users.
package prefiltertest

import (
	"fmt"
	"reflect"

	"github.com/art28/art28/internal/prefilter"
)

// Check returns an error describing the first method of r that answers
// differently on s than the same method of package regexp, or nil.
func Check(r *prefilter.Regexp, s string) error {
	p := r.Plain()
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"MatchString", r.MatchString(s), p.MatchString(s)},
		{"FindStringIndex", r.FindStringIndex(s), p.FindStringIndex(s)},
		{"FindString", r.FindString(s), p.FindString(s)},
		{"FindStringSubmatch", r.FindStringSubmatch(s), p.FindStringSubmatch(s)},
		{"FindStringSubmatchIndex", r.FindStringSubmatchIndex(s), p.FindStringSubmatchIndex(s)},
		{"FindAllString", r.FindAllString(s, -1), p.FindAllString(s, -1)},
		{"FindAllString 2", r.FindAllString(s, 2), p.FindAllString(s, 2)},
		{"FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), p.FindAllStringSubmatch(s, -1)},
		{"FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), p.FindAllStringSubmatchIndex(s, -1)},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			return fmt.Errorf("%s %q on %q: got %v, want %v", c.name, r, s, c.got, c.want)
		}
	}
	return nil
}
