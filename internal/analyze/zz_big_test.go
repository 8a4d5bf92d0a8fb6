package analyze
import ("testing";"github.com/art28/art28/internal/input")
func BenchmarkBig(b *testing.B){
 a,_:=NewDefault()
 doc,raw,err:=input.Read("/tmp/big5.txt",input.Options{}); if err!=nil {b.Fatal(err)}
 b.ResetTimer()
 for b.Loop() { a.Analyze(doc,raw,Options{}) }
}
