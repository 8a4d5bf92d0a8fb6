package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrEncrypted reports an encrypted PDF or a password-protected Office file.
var ErrEncrypted = errors.New("file is encrypted or password-protected; remove the protection and try again")

// ErrLimit reports an input that exceeds a safety limit (decompressed size,
// archive entries, pages, extraction time).
var ErrLimit = errors.New("input exceeds a safety limit")

// ErrMalformed reports a file that is not a valid file of its type.
var ErrMalformed = errors.New("file is damaged or not in the expected format")

// Default limits for archive formats (DOCX, ODT).
const (
	// DefaultMaxUnzipped caps the bytes decompressed from one archive.
	DefaultMaxUnzipped = 64 << 20
	// DefaultMaxEntries caps the number of entries in one archive.
	DefaultMaxEntries = 10000
)

// oleMagic starts a Compound File Binary file: what Office writes for a
// password-protected DOCX (and for legacy .doc).
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// archive is a ZIP container read with limits on entry count and on the
// total number of bytes decompressed from it.
type archive struct {
	zr     *zip.Reader
	budget int64 // bytes still allowed to be decompressed
	limit  int64 // the configured total
}

// openArchive opens raw as a ZIP archive within the limits.
func openArchive(raw []byte, opt Options) (*archive, error) {
	if bytes.HasPrefix(raw, oleMagic) {
		return nil, ErrEncrypted
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("%w: not a ZIP archive: %v", ErrMalformed, err)
	}
	maxEntries := opt.MaxEntries
	if maxEntries <= 0 {
		maxEntries = DefaultMaxEntries
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%w: %d archive entries (limit %d)", ErrLimit, len(zr.File), maxEntries)
	}
	if len(zr.File) == 0 {
		return nil, fmt.Errorf("%w: empty archive", ErrMalformed)
	}
	budget := opt.MaxUnzipped
	if budget <= 0 {
		budget = DefaultMaxUnzipped
	}
	return &archive{zr: zr, budget: budget, limit: budget}, nil
}

// has reports whether the archive holds an entry.
func (a *archive) has(name string) bool {
	return a.find(name) != nil
}

func (a *archive) find(name string) *zip.File {
	for _, f := range a.zr.File {
		if f.Name == name || strings.TrimPrefix(f.Name, "/") == name {
			return f
		}
	}
	return nil
}

// read decompresses one entry, counting its bytes against the archive's
// budget. A missing entry returns (nil, nil) when optional.
func (a *archive) read(name string, optional bool) ([]byte, error) {
	f := a.find(name)
	if f == nil {
		if optional {
			return nil, nil
		}
		return nil, fmt.Errorf("%w: %s missing", ErrMalformed, name)
	}
	if f.Flags&0x1 != 0 {
		return nil, ErrEncrypted
	}
	if f.UncompressedSize64 > uint64(a.budget) {
		return nil, fmt.Errorf("%w: archive decompresses to more than %d bytes", ErrLimit, a.limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	defer rc.Close()
	// Read into a buffer sized from the header (capped by the budget) so a
	// lying header cannot make the buffer grow past the limit by doubling.
	buf := bytes.NewBuffer(make([]byte, 0, min(int64(f.UncompressedSize64), a.budget)+512))
	_, err = io.Copy(buf, io.LimitReader(rc, a.budget+1))
	data := buf.Bytes()
	if int64(len(data)) > a.budget {
		return nil, fmt.Errorf("%w: archive decompresses to more than %d bytes", ErrLimit, a.limit)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, name, err)
	}
	a.budget -= int64(len(data))
	return data, nil
}
