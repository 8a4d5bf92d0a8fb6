package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// audit writes an entry in the transaction of the change it records.
// before and after are marshalled to JSON (nil: none).
func audit(ctx context.Context, r runner, sc Scope, action, kind string, id int64, before, after any) error {
	e, err := auditEntry(sc, action, kind, id, before, after)
	if err != nil {
		return err
	}
	return appendAudit(ctx, r, e)
}

// auditEntry is the entry audit writes.
func auditEntry(sc Scope, action, kind string, id int64, before, after any) (AuditEntry, error) {
	e := AuditEntry{OrgID: sc.OrgID, UserID: sc.UserID, Action: action, ObjectKind: kind}
	if id != 0 {
		e.ObjectID = idString(id)
	}
	var err error
	if e.Before, err = jsonOf(before); err != nil {
		return e, err
	}
	if e.After, err = jsonOf(after); err != nil {
		return e, err
	}
	return e, nil
}

func jsonOf(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit: %w", err)
	}
	return string(b), nil
}

func appendAudit(ctx context.Context, r runner, e AuditEntry) error {
	var org, user any
	if e.OrgID > 0 {
		org = e.OrgID
	}
	if e.UserID > 0 {
		user = e.UserID
	}
	if strings.TrimSpace(e.Action) == "" {
		return fmt.Errorf("%w: audit entry without action", ErrInvalid)
	}
	_, err := r.exec(ctx, `INSERT INTO audit_log (org_id, user_id, at, action, object_kind, object_id, before_json, after_json, remote)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, org, user, now().UnixMicro(), e.Action, e.ObjectKind, e.ObjectID, e.Before, e.After, e.Remote)
	if err != nil {
		return fmt.Errorf("audit %s: %w", e.Action, err)
	}
	return nil
}

func (s *sqlStore) AppendAudit(ctx context.Context, e AuditEntry) error {
	return appendAudit(ctx, s.r(), e)
}

func (s *sqlStore) ListAudit(ctx context.Context, sc Scope, q AuditQuery) ([]AuditEntry, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	return s.listAudit(ctx, "a.org_id = ?", sc.OrgID, q)
}

func (s *sqlStore) ListSystemAudit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	return s.listAudit(ctx, "a.org_id IS NULL", nil, q)
}

func (s *sqlStore) listAudit(ctx context.Context, where string, org any, q AuditQuery) ([]AuditEntry, error) {
	limit, offset := clampPage(q.Limit, q.Offset, 100, 1000)
	var args []any
	if org != nil {
		args = append(args, org)
	}
	if q.Action != "" {
		where += " AND a.action = ?"
		args = append(args, q.Action)
	}
	args = append(args, limit, offset)
	rows, err := s.r().query(ctx, `SELECT a.id, a.org_id, a.user_id, u.email, a.at, a.action, a.object_kind, a.object_id, a.before_json, a.after_json, a.remote
FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
WHERE `+where+` ORDER BY a.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var orgID, userID sql.NullInt64
		var email sql.NullString
		var at int64
		if err := rows.Scan(&e.ID, &orgID, &userID, &email, &at, &e.Action, &e.ObjectKind, &e.ObjectID, &e.Before, &e.After, &e.Remote); err != nil {
			return nil, err
		}
		e.OrgID, e.UserID, e.UserEmail, e.At = orgID.Int64, userID.Int64, email.String, fromMicro(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// clampPage applies a default and a maximum to a page size.
func clampPage(limit, offset, def, max int) (int, int) {
	if limit <= 0 {
		limit = def
	}
	if limit > max {
		limit = max
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}
