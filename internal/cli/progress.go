package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// progress draws a one-line progress bar on a terminal. A nil *progress
// draws nothing, so callers need not check whether one is wanted.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	unit  string // after the count, e.g. " pages recognised"
}

// newProgress starts a bar for total files and draws it empty.
func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total}
	p.draw()
	return p
}

// done counts one finished file and redraws the bar.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.draw()
}

// set sets the count to n and redraws the bar.
func (p *progress) set(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n = min(n, p.total)
	p.draw()
}

// finish clears the bar's line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[2K")
}

const barWidth = 30

// draw writes the bar; the caller holds p.mu (or owns p exclusively).
func (p *progress) draw() {
	filled := 0
	if p.total > 0 {
		filled = barWidth * p.n / p.total
	}
	fmt.Fprintf(p.w, "\r\x1b[2K[%s%s] %d/%d%s", strings.Repeat("█", filled), strings.Repeat("░", barWidth-filled), p.n, p.total, p.unit)
}

// around runs f, which writes to a terminal the bar may share, with the
// bar's line cleared, and draws the bar again after it.
func (p *progress) around(f func() error) error {
	if p == nil {
		return f()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\x1b[2K")
	err := f()
	p.draw()
	return err
}
