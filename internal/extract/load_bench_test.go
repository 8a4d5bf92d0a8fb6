package extract

import "testing"

func BenchmarkCompileKnowledge(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := compileKnowledge(countriesYAML, lexiconYAML); err != nil {
			b.Fatal(err)
		}
	}
}
