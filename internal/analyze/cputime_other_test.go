//go:build !linux

package analyze

import "time"

// cpuTime falls back to the wall clock where process CPU time is not read.
func cpuTime() time.Duration { return wallTime() }
