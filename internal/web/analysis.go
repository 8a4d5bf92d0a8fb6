package web

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/art28/art28/internal/analyze"
	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/model"
	"github.com/art28/art28/internal/store"
)

// ErrNotReadable reports a file the engine could not read; the message
// says why (unsupported type, too large, empty, damaged).
var ErrNotReadable = errors.New("file not readable")

// Analyse reads and analyses a file's content; it returns the result and
// the extracted text.
func Analyse(a *analyze.Analyzer, filename string, content []byte, opt input.Options) (*model.Result, string, error) {
	format, ok := input.FormatOf(filename)
	if !ok {
		return nil, "", fmt.Errorf("%w: %s: %w (supported: %s)", ErrNotReadable, filename, input.ErrUnsupported, input.SupportedList)
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = input.DefaultMaxBytes
	}
	if int64(len(content)) > max {
		return nil, "", fmt.Errorf("%w: %s: %w (%d bytes, limit %d)", ErrNotReadable, filename, input.ErrTooLarge, len(content), max)
	}
	doc, err := input.ParseOptions(filepath.Base(filename), format, content, opt)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %w", ErrNotReadable, err)
	}
	res := a.Analyze(doc, content, analyze.Options{})
	return res, doc.Text, nil
}

// VendorOf names a result's vendor: the processor the engine extracted,
// else the file name without extension.
func VendorOf(r *model.Result, filename string) string {
	if r != nil && r.Parties.Processor != nil && strings.TrimSpace(r.Parties.Processor.Name) != "" {
		return strings.TrimSpace(r.Parties.Processor.Name)
	}
	base := filepath.Base(filename)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Ingest analyses one file and stores it with its analysis in one
// transaction: a new contract for a new vendor, else a new version of the
// vendor's contract. vendor, if not empty, overrides the extracted one.
func Ingest(ctx context.Context, st store.Store, a *analyze.Analyzer, sc store.Scope, filename string, content []byte, vendor string, opt input.Options) (store.UploadResult, error) {
	u, err := PrepareUpload(a, filename, content, vendor, opt)
	if err != nil {
		return store.UploadResult{}, err
	}
	return st.AddUpload(ctx, sc, u)
}

// PrepareUpload analyses one file and returns it as an upload for the
// store, filed under vendor or, if that is empty, the processor the
// contract names.
func PrepareUpload(a *analyze.Analyzer, filename string, content []byte, vendor string, opt input.Options) (store.Upload, error) {
	res, _, err := Analyse(a, filename, content, opt)
	if err != nil {
		return store.Upload{}, err
	}
	name := strings.TrimSpace(vendor)
	if name == "" {
		name = VendorOf(res, filename)
	}
	res.Document.Path = filepath.Base(filename)
	return store.Upload{
		VendorKey: name, VendorName: name, Filename: filepath.Base(filename),
		MediaType: mediaType(filename), Content: content, Result: res,
	}, nil
}

// Reanalyse re-runs the engine on a version's stored original and stores
// the new analysis; review decisions stay, as they key on the contract.
func Reanalyse(ctx context.Context, st store.Store, a *analyze.Analyzer, sc store.Scope, versionID int64, opt input.Options) (store.Analysis, error) {
	v, content, err := st.ReadVersionFile(ctx, sc, versionID)
	if err != nil {
		return store.Analysis{}, err
	}
	res, _, err := Analyse(a, v.Filename, content, opt)
	if err != nil {
		return store.Analysis{}, err
	}
	res.Document.Path = v.Filename
	return st.AddAnalysis(ctx, sc, versionID, res)
}

func mediaType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".odt":
		return "application/vnd.oasis.opendocument.text"
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".md", ".markdown":
		return "text/markdown"
	}
	return "text/plain"
}

// textCache keeps the extracted text of recently shown originals by
// SHA-256, so the contract page does not parse a PDF on every view.
type textCache struct {
	mu    sync.Mutex
	order []string
	m     map[string]string
}

func (c *textCache) get(sha string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.m[sha]
	return t, ok
}

func (c *textCache) put(sha, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	if _, ok := c.m[sha]; ok {
		return
	}
	c.m[sha] = text
	c.order = append(c.order, sha)
	if len(c.order) > 64 {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}
