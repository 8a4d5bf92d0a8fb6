package analyze

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used so far (user and
// system), which, unlike the wall clock, does not grow while other
// processes hold the CPU.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return wallTime()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
