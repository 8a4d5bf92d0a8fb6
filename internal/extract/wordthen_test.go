package extract

import (
	"regexp"
	"testing"
)

// TestWordThen checks that the statements of a reversed voice are found
// where the expressions over the whole text find them.
func TestWordThen(t *testing.T) {
	for _, s := range []string{
		"we are the controller and you are our processor.",
		"(we) we will act as the data controller",
		"between we are the controller",
		"answer: we\tact as  controller\nyou are a data processor",
		"ärzte, dawe are the controller",
		"éwe are the controller; ßyou are our processor",
		"we are the controllers",
		"you are our processor",
		"",
		"we",
	} {
		for _, c := range []struct {
			word   string
			re, at func() *regexp.Regexp
		}{{"we", reWeController, reWeControllerAt}, {"you", reYouProcessor, reYouProcessorAt}} {
			want := c.re().MatchString(s)
			if got := wordThen(s, c.word, c.re(), c.at()); got != want {
				t.Errorf("wordThen(%q, %q) = %v, the expression says %v", s, c.word, got, want)
			}
		}
	}
}
