package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
)

// putFile stores content once (blobs) and files it under the organisation
// (files), returning its hex SHA-256. Both inserts ignore an existing row,
// so the same bytes are never stored twice.
func putFile(ctx context.Context, r runner, sc Scope, content []byte) (string, error) {
	sum := sha256.Sum256(content)
	h := hex.EncodeToString(sum[:])
	if _, err := r.exec(ctx, `INSERT INTO blobs (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		h, len(content), content); err != nil {
		return "", fmt.Errorf("store file: %w", err)
	}
	if _, err := r.exec(ctx, `INSERT INTO files (org_id, sha256, size, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (org_id, sha256) DO NOTHING`,
		sc.OrgID, h, len(content), now().UnixMicro()); err != nil {
		return "", fmt.Errorf("file: %w", err)
	}
	return h, nil
}

const versionCols = `id, org_id, contract_id, number, sha256, filename, media_type, size, uploaded_by, uploaded_at`

func scanVersion(sc interface{ Scan(...any) error }) (Version, error) {
	var v Version
	var by sql.NullInt64
	var at int64
	err := sc.Scan(&v.ID, &v.OrgID, &v.ContractID, &v.Number, &v.SHA256, &v.Filename, &v.MediaType, &v.Size, &by, &at)
	v.UploadedBy, v.UploadedAt = by.Int64, fromMicro(at)
	return v, notFound(err)
}

// cleanFilename keeps the base name of an uploaded file's name.
func cleanFilename(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = strings.TrimSpace(path.Base(name))
	if name == "." || name == "/" || name == "" {
		return "upload"
	}
	return name
}

// addVersion stores a file and adds it as the next version of a locked
// contract, which it makes the contract's latest version. analysed says an
// analysis of it follows in the same transaction, which then brings the
// summary and sub-processors up to date.
func addVersion(ctx context.Context, r runner, sc Scope, c Contract, nv NewVersion, analysed bool) (Version, error) {
	h, err := putFile(ctx, r, sc, nv.Content)
	if err != nil {
		return Version{}, err
	}
	var num int
	if err := r.row(ctx, `SELECT COALESCE(MAX(number), 0) FROM versions WHERE org_id = ? AND contract_id = ?`, sc.OrgID, c.ID).Scan(&num); err != nil {
		return Version{}, err
	}
	v := Version{OrgID: sc.OrgID, ContractID: c.ID, Number: num + 1, SHA256: h, Filename: cleanFilename(nv.Filename),
		MediaType: nv.MediaType, Size: int64(len(nv.Content)), UploadedBy: sc.UserID, UploadedAt: now()}
	var by any
	if sc.UserID > 0 {
		by = sc.UserID
	}
	v.ID, err = r.insertID(ctx, `INSERT INTO versions (org_id, contract_id, number, sha256, filename, media_type, size, uploaded_by, uploaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.OrgID, v.ContractID, v.Number, v.SHA256, v.Filename, v.MediaType, v.Size, by, v.UploadedAt.UnixMicro())
	if err != nil {
		return Version{}, fmt.Errorf("add version: %w", err)
	}
	// A new version has no analysis yet: the contract's summary is empty
	// until AddAnalysis stores one.
	if _, err := r.exec(ctx, `UPDATE contracts SET latest_version_id = ?, latest_analysis_id = NULL, versions = versions + 1, updated_at = ?
WHERE org_id = ? AND id = ?`, v.ID, v.UploadedAt.UnixMicro(), sc.OrgID, c.ID); err != nil {
		return Version{}, err
	}
	if !analysed {
		if err := writeSummary(ctx, r, sc.OrgID, c.ID, Summary{}); err != nil {
			return Version{}, err
		}
		if err := syncSubprocessors(ctx, r, sc.OrgID, c.ID); err != nil {
			return Version{}, err
		}
	}
	return v, audit(ctx, r, sc, "version.add", "version", v.ID, nil, v)
}

func (s *sqlStore) AddVersion(ctx context.Context, sc Scope, contractID int64, nv NewVersion) (Version, error) {
	if err := sc.check(); err != nil {
		return Version{}, err
	}
	var v Version
	err := s.tx(ctx, func(r runner) error {
		c, err := getContract(ctx, r, sc, contractID, true)
		if err != nil {
			return err
		}
		v, err = addVersion(ctx, r, sc, c, nv, false)
		return err
	})
	return v, err
}

func (s *sqlStore) AddUpload(ctx context.Context, sc Scope, u Upload) (UploadResult, error) {
	if err := sc.check(); err != nil {
		return UploadResult{}, err
	}
	var res UploadResult
	err := s.tx(ctx, func(r runner) error {
		var err error
		if res, err = addUpload(ctx, r, sc, u); err != nil || !res.NewContract {
			return err
		}
		return countContracts(ctx, r, sc.OrgID, 1)
	})
	return res, err
}

// AddUploads stores several uploads in one transaction: all or none. For
// bulk imports, where one commit (one fsync) per file is the cost.
func (s *sqlStore) AddUploads(ctx context.Context, sc Scope, us []Upload) ([]UploadResult, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	var out []UploadResult
	err := s.tx(ctx, func(r runner) error {
		out = make([]UploadResult, len(us))
		done := make([]bool, len(us))
		// The uploads that create their vendor together; the others, in
		// order, one by one.
		if err := addNewVendorUploads(ctx, r, sc, us, out, done); err != nil {
			return fmt.Errorf("uploads: %w", err)
		}
		for i, u := range us {
			if done[i] {
				continue
			}
			res, err := addUpload(ctx, r, sc, u)
			if err != nil {
				return fmt.Errorf("upload %d (%s): %w", i+1, cleanFilename(u.Filename), err)
			}
			out[i] = res
		}
		created := 0
		for _, res := range out {
			if res.NewContract {
				created++
			}
		}
		return countContracts(ctx, r, sc.OrgID, created)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func addUpload(ctx context.Context, r runner, sc Scope, u Upload) (UploadResult, error) {
	res := UploadResult{}
	var c Contract
	var err error
	if u.ContractID > 0 {
		c, err = getContract(ctx, r, sc, u.ContractID, true)
		if err != nil {
			return res, err
		}
	} else {
		v, created, err := ensureVendor(ctx, r, sc, u.VendorKey, u.VendorName)
		if err != nil {
			return res, err
		}
		res.NewVendor = created
		// Serialise uploads for one vendor (PostgreSQL), so two at once
		// do not both create a contract. A vendor this transaction just
		// created is invisible to every other one and has no contract yet:
		// neither the lock nor the look-up is needed (two round trips less
		// per file of a bulk import).
		if created {
			if c, err = createContract(ctx, r, sc, v, u.Title); err != nil {
				return res, err
			}
			res.NewContract = true
		} else {
			if r.d.forUpdate != "" {
				if _, err := r.exec(ctx, `SELECT id FROM vendors WHERE org_id = ? AND id = ?`+r.d.forUpdate, sc.OrgID, v.ID); err != nil {
					return res, err
				}
			}
			// The vendor's newest contract (ids grow with creation; the
			// (org_id, vendor_id, id) index answers this without a scan).
			var latest sql.NullInt64
			err = r.row(ctx, `SELECT MAX(id) FROM contracts WHERE org_id = ? AND vendor_id = ?`, sc.OrgID, v.ID).Scan(&latest)
			switch {
			case err == nil && !latest.Valid:
				if c, err = createContract(ctx, r, sc, v, u.Title); err != nil {
					return res, err
				}
				res.NewContract = true
			case err != nil:
				return res, err
			default:
				if c, err = getContract(ctx, r, sc, latest.Int64, true); err != nil {
					return res, err
				}
			}
		}
	}
	res.Version, err = addVersion(ctx, r, sc, c, NewVersion{Filename: u.Filename, MediaType: u.MediaType, Content: u.Content}, u.Result != nil)
	if err != nil {
		return res, err
	}
	if u.Result != nil {
		a, err := addAnalysis(ctx, r, sc, res.Version, u.Result)
		if err != nil {
			return res, err
		}
		a.Result = nil
		res.Analysis = &a
	}
	res.Contract, err = getContract(ctx, r, sc, c.ID, false)
	return res, err
}

func (s *sqlStore) GetVersion(ctx context.Context, sc Scope, id int64) (Version, error) {
	if err := sc.check(); err != nil {
		return Version{}, err
	}
	return scanVersion(s.r().row(ctx, `SELECT `+versionCols+` FROM versions WHERE org_id = ? AND id = ?`, sc.OrgID, id))
}

func (s *sqlStore) ListVersions(ctx context.Context, sc Scope, contractID int64) ([]Version, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	if _, err := getContract(ctx, s.r(), sc, contractID, false); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT `+versionCols+` FROM versions WHERE org_id = ? AND contract_id = ? ORDER BY number DESC`, sc.OrgID, contractID)
	if err != nil {
		return nil, fmt.Errorf("list versions: %w", err)
	}
	defer rows.Close()
	var out []Version
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (s *sqlStore) ReadFile(ctx context.Context, sc Scope, sha string) ([]byte, FileInfo, error) {
	if err := sc.check(); err != nil {
		return nil, FileInfo{}, err
	}
	var content []byte
	var fi FileInfo
	var created int64
	err := s.r().row(ctx, `SELECT f.sha256, f.size, f.created_at, b.content FROM files f JOIN blobs b ON b.sha256 = f.sha256
WHERE f.org_id = ? AND f.sha256 = ?`, sc.OrgID, strings.ToLower(sha)).Scan(&fi.SHA256, &fi.Size, &created, &content)
	if err != nil {
		return nil, FileInfo{}, notFound(err)
	}
	fi.CreatedAt = fromMicro(created)
	return content, fi, nil
}

func (s *sqlStore) ReadVersionFile(ctx context.Context, sc Scope, versionID int64) (Version, []byte, error) {
	v, err := s.GetVersion(ctx, sc, versionID)
	if err != nil {
		return Version{}, nil, err
	}
	content, _, err := s.ReadFile(ctx, sc, v.SHA256)
	return v, content, err
}
