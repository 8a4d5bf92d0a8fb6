package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/art28/art28/internal/input"
	"github.com/art28/art28/internal/store"
)

// uploadResult is one file's outcome.
type uploadResult struct {
	Filename   string              `json:"filename"`
	Error      string              `json:"error,omitempty"`
	ContractID int64               `json:"contract_id,omitempty"`
	Vendor     string              `json:"vendor,omitempty"`
	Version    int                 `json:"version,omitempty"`
	Upload     *store.UploadResult `json:"-"`
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	s.render(w, r, c, http.StatusOK, "upload", s.t(c.Lang, "nav_upload"), "upload", map[string]any{"Limit": mb(s.cfg.MaxUploadBytes)})
	return nil
}

func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// ingestFiles analyses and stores every uploaded file of the form's field
// "file"; a file that fails gets its message and does not stop the
// others.
func (s *Server) ingestFiles(r *http.Request, c *reqCtx) ([]uploadResult, error) {
	if r.MultipartForm == nil {
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return nil, badRequest("form: " + err.Error())
		}
	}
	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		return nil, badRequest("no file")
	}
	vendor := strings.TrimSpace(r.FormValue("vendor"))
	// The files are analysed in parallel, within the server's limit on
	// concurrent analyses; results keep the form's order.
	out := make([]uploadResult, len(files))
	var wg sync.WaitGroup
	for i, fh := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := uploadResult{Filename: filepath.Base(fh.Filename)}
			up, err := s.ingestOne(r, c, fh, vendor)
			if err != nil {
				if !errors.Is(err, ErrNotReadable) && !errors.Is(err, input.ErrTooLarge) {
					s.log.Error("upload", "file", res.Filename, "err", err)
					res.Error = s.t(c.Lang, "server_error")
				} else {
					res.Error = strings.TrimPrefix(err.Error(), ErrNotReadable.Error()+": ")
				}
				s.audit(r, c, "upload.failed", "file", res.Filename, nil, map[string]any{"error": res.Error})
			} else {
				res.ContractID, res.Vendor, res.Version, res.Upload = up.Contract.ID, up.Contract.VendorName, up.Version.Number, &up
				s.audit(r, c, "upload", "contract", strconv.FormatInt(up.Contract.ID, 10), nil,
					map[string]any{"file": res.Filename, "sha256": up.Version.SHA256, "version": up.Version.Number, "vendor": up.Contract.VendorName})
			}
			out[i] = res
		}()
	}
	wg.Wait()
	return out, nil
}

func (s *Server) ingestOne(r *http.Request, c *reqCtx, fh *multipart.FileHeader, vendor string) (store.UploadResult, error) {
	if fh.Size > s.cfg.MaxUploadBytes {
		return store.UploadResult{}, fmt.Errorf("%w: %s: %w (%d bytes, limit %d)", ErrNotReadable, fh.Filename, input.ErrTooLarge, fh.Size, s.cfg.MaxUploadBytes)
	}
	f, err := fh.Open()
	if err != nil {
		return store.UploadResult{}, err
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, s.cfg.MaxUploadBytes+1))
	if err != nil {
		return store.UploadResult{}, err
	}
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	return Ingest(r.Context(), s.st, s.cfg.Analyzer, c.Scope, fh.Filename, content, vendor, input.Options{MaxBytes: s.cfg.MaxUploadBytes})
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, c *reqCtx) error {
	results, err := s.ingestFiles(r, c)
	if err != nil {
		return err
	}
	if len(results) == 1 && results[0].Error == "" {
		back(w, r, fmt.Sprintf("/contracts/%d", results[0].ContractID))
		return nil
	}
	s.render(w, r, c, http.StatusOK, "upload", s.t(c.Lang, "nav_upload"), "upload", map[string]any{"Limit": mb(s.cfg.MaxUploadBytes), "Results": results})
	return nil
}
