package input

import (
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestRunToolStream checks the order of errors when the output of an
// external program is read while it runs.
func TestRunToolStream(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	errParse := errors.New("parse failed")
	readAll := func(r io.Reader) error {
		b, err := io.ReadAll(r)
		if err != nil {
			return errParse
		}
		if !strings.HasPrefix(string(b), "<doc>") {
			return errParse
		}
		return nil
	}
	giveUp := func(r io.Reader) error {
		var b [16]byte
		_, _ = r.Read(b[:])
		return errParse
	}
	tests := []struct {
		name   string
		script string
		read   func(io.Reader) error
		limit  int
		want   error  // errors.Is
		msg    string // in the message
	}{
		{"success", `echo "<doc></doc>"`, readAll, 1 << 20, nil, ""},
		{"tool fails after partial output", `echo "<doc>"; echo "Syntax Error: broken xref" >&2; exit 3`, readAll, 1 << 20, ErrMalformed, "broken xref"},
		{"encrypted", `echo "Command Line Error: Incorrect password" >&2; exit 1`, readAll, 1 << 20, ErrEncrypted, ""},
		{"reader gives up on endless output", `yes "<doc>"`, giveUp, 1 << 30, errParse, ""},
		{"output over the limit", `yes "<doc>"`, readAll, 1 << 16, ErrLimit, "larger than"},
		{"clean output the reader rejects", `echo "not xml"`, readAll, 1 << 20, errParse, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err := runToolStream(ctx, 20*time.Second, tt.limit, tt.read, sh, "-c", tt.script)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("got %v, want %v with %q", err, tt.want, tt.msg)
			}
		})
	}
}
