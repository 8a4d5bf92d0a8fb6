package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HashSecret is how the store keeps session and token secrets: the hex
// SHA-256. Secrets are random (at least 128 bits), so a plain hash is
// enough and allows lookup by hash.
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func normEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// --- organisations ---

func (s *sqlStore) CreateOrg(ctx context.Context, name, slug string) (Org, error) {
	name, slug = strings.TrimSpace(name), strings.TrimSpace(slug)
	if name == "" || slug == "" {
		return Org{}, fmt.Errorf("%w: organisation needs a name and a slug", ErrInvalid)
	}
	o := Org{Name: name, Slug: slug, CreatedAt: now()}
	err := s.tx(ctx, func(r runner) error {
		id, err := r.insertID(ctx, `INSERT INTO orgs (name, slug, created_at) VALUES (?, ?, ?)`, name, slug, o.CreatedAt.UnixMicro())
		if err != nil {
			if isUnique(err) {
				return fmt.Errorf("%w: organisation slug %q", ErrConflict, slug)
			}
			return fmt.Errorf("create organisation: %w", err)
		}
		o.ID = id
		return audit(ctx, r, Scope{OrgID: id}, "org.create", "org", id, nil, o)
	})
	return o, err
}

const orgCols = `id, name, slug, created_at`

func scanOrg(sc interface{ Scan(...any) error }) (Org, error) {
	var o Org
	var created int64
	err := sc.Scan(&o.ID, &o.Name, &o.Slug, &created)
	o.CreatedAt = fromMicro(created)
	return o, notFound(err)
}

func (s *sqlStore) GetOrg(ctx context.Context, id int64) (Org, error) {
	return scanOrg(s.r().row(ctx, `SELECT `+orgCols+` FROM orgs WHERE id = ?`, id))
}

func (s *sqlStore) GetOrgBySlug(ctx context.Context, slug string) (Org, error) {
	return scanOrg(s.r().row(ctx, `SELECT `+orgCols+` FROM orgs WHERE slug = ?`, slug))
}

func (s *sqlStore) ListOrgs(ctx context.Context) ([]Org, error) {
	rows, err := s.r().query(ctx, `SELECT `+orgCols+` FROM orgs ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	defer rows.Close()
	var out []Org
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// --- users ---

const userCols = `id, email, name, password_hash, disabled, created_at`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	var disabled, created int64
	err := sc.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &disabled, &created)
	u.Disabled = disabled != 0
	u.CreatedAt = fromMicro(created)
	return u, notFound(err)
}

func (s *sqlStore) CreateUser(ctx context.Context, email, name, passwordHash string) (User, error) {
	email = normEmail(email)
	if email == "" || !strings.Contains(email, "@") {
		return User{}, fmt.Errorf("%w: e-mail %q", ErrInvalid, email)
	}
	u := User{Email: email, Name: strings.TrimSpace(name), PasswordHash: passwordHash, CreatedAt: now()}
	id, err := s.r().insertID(ctx, `INSERT INTO users (email, name, password_hash, disabled, created_at) VALUES (?, ?, ?, 0, ?)`,
		u.Email, u.Name, u.PasswordHash, u.CreatedAt.UnixMicro())
	if err != nil {
		if isUnique(err) {
			return User{}, fmt.Errorf("%w: user %s", ErrConflict, email)
		}
		return User{}, fmt.Errorf("create user: %w", err)
	}
	u.ID = id
	return u, nil
}

func (s *sqlStore) GetUser(ctx context.Context, id int64) (User, error) {
	return scanUser(s.r().row(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

func (s *sqlStore) GetUserByEmail(ctx context.Context, email string) (User, error) {
	return scanUser(s.r().row(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, normEmail(email)))
}

func (s *sqlStore) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.r().query(ctx, `SELECT `+userCols+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func (s *sqlStore) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.r().row(ctx, `SELECT COUNT(*) FROM users`).Scan(&n)
	return n, err
}

func (s *sqlStore) SetUserPassword(ctx context.Context, userID int64, passwordHash string) error {
	return affectOne(s.r().exec(ctx, `UPDATE users SET password_hash = ? WHERE id = ?`, passwordHash, userID))
}

func (s *sqlStore) SetUserDisabled(ctx context.Context, userID int64, disabled bool) error {
	return s.tx(ctx, func(r runner) error {
		if err := affectOne(r.exec(ctx, `UPDATE users SET disabled = ? WHERE id = ?`, b2i(disabled), userID)); err != nil {
			return err
		}
		if disabled {
			_, err := r.exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
			return err
		}
		return nil
	})
}

// affectOne turns "no row changed" into ErrNotFound.
func affectOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// --- memberships ---

func (s *sqlStore) SetMembership(ctx context.Context, userID, orgID int64, role Role) error {
	if !role.Valid() {
		return fmt.Errorf("%w: role %q", ErrInvalid, role)
	}
	return s.tx(ctx, func(r runner) error {
		var old string
		err := r.row(ctx, `SELECT role FROM memberships WHERE user_id = ? AND org_id = ?`, userID, orgID).Scan(&old)
		switch {
		case err == sql.ErrNoRows:
			if _, err := r.exec(ctx, `INSERT INTO memberships (user_id, org_id, role, created_at) VALUES (?, ?, ?, ?)`,
				userID, orgID, string(role), now().UnixMicro()); err != nil {
				if strings.Contains(err.Error(), "FOREIGN KEY") || strings.Contains(err.Error(), "23503") {
					return ErrNotFound
				}
				return fmt.Errorf("add membership: %w", err)
			}
		case err != nil:
			return err
		default:
			if _, err := r.exec(ctx, `UPDATE memberships SET role = ? WHERE user_id = ? AND org_id = ?`, string(role), userID, orgID); err != nil {
				return err
			}
		}
		var before any
		if old != "" {
			before = map[string]any{"user_id": userID, "role": old}
		}
		return audit(ctx, r, Scope{OrgID: orgID}, "membership.set", "user", userID, before, map[string]any{"user_id": userID, "role": role})
	})
}

func (s *sqlStore) RemoveMembership(ctx context.Context, userID, orgID int64) error {
	return s.tx(ctx, func(r runner) error {
		var old string
		if err := r.row(ctx, `SELECT role FROM memberships WHERE user_id = ? AND org_id = ?`, userID, orgID).Scan(&old); err != nil {
			return notFound(err)
		}
		if _, err := r.exec(ctx, `DELETE FROM memberships WHERE user_id = ? AND org_id = ?`, userID, orgID); err != nil {
			return err
		}
		return audit(ctx, r, Scope{OrgID: orgID}, "membership.remove", "user", userID, map[string]any{"user_id": userID, "role": old}, nil)
	})
}

func (s *sqlStore) Memberships(ctx context.Context, userID int64) ([]Membership, error) {
	rows, err := s.r().query(ctx, `SELECT o.id, o.name, o.slug, o.created_at, m.role
FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? ORDER BY o.name, o.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("memberships: %w", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var m Membership
		var created int64
		var role string
		if err := rows.Scan(&m.Org.ID, &m.Org.Name, &m.Org.Slug, &created, &role); err != nil {
			return nil, err
		}
		m.Org.CreatedAt = fromMicro(created)
		m.UserID, m.Role = userID, Role(role)
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *sqlStore) ListMembers(ctx context.Context, sc Scope) ([]Membership, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	org, err := s.GetOrg(ctx, sc.OrgID)
	if err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT u.id, u.email, u.name, u.password_hash, u.disabled, u.created_at, m.role
FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY u.email`, sc.OrgID)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var u User
		var disabled, created int64
		var role string
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &disabled, &created, &role); err != nil {
			return nil, err
		}
		u.Disabled, u.CreatedAt = disabled != 0, fromMicro(created)
		u.PasswordHash = ""
		out = append(out, Membership{UserID: u.ID, Org: org, Role: Role(role), User: &u})
	}
	return out, rows.Err()
}

func (s *sqlStore) ScopeFor(ctx context.Context, userID, orgID int64) (Scope, error) {
	var role string
	err := s.r().row(ctx, `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
WHERE m.user_id = ? AND m.org_id = ? AND u.disabled = 0`, userID, orgID).Scan(&role)
	if err != nil {
		return Scope{}, notFound(err)
	}
	return Scope{OrgID: orgID, UserID: userID, Role: Role(role)}, nil
}

// --- sessions ---

func (s *sqlStore) CreateSession(ctx context.Context, secret string, userID, orgID int64, expires time.Time) (Session, error) {
	if len(secret) < 16 {
		return Session{}, fmt.Errorf("%w: session secret too short", ErrInvalid)
	}
	t := now()
	ss := Session{ID: HashSecret(secret), UserID: userID, OrgID: orgID, CreatedAt: t, ExpiresAt: expires.UTC().Truncate(time.Microsecond), LastSeenAt: t}
	var org any
	if orgID > 0 {
		org = orgID
	}
	_, err := s.r().exec(ctx, `INSERT INTO sessions (id, user_id, org_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
		ss.ID, userID, org, t.UnixMicro(), ss.ExpiresAt.UnixMicro(), t.UnixMicro())
	if err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	return ss, nil
}

func (s *sqlStore) GetSession(ctx context.Context, secret string) (Session, User, error) {
	var ss Session
	var org sql.NullInt64
	var created, expires, seen int64
	var u User
	var disabled, ucreated int64
	err := s.r().row(ctx, `SELECT s.id, s.user_id, s.org_id, s.created_at, s.expires_at, s.last_seen_at,
u.id, u.email, u.name, u.password_hash, u.disabled, u.created_at
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = ? AND s.expires_at > ? AND u.disabled = 0`, HashSecret(secret), now().UnixMicro()).Scan(
		&ss.ID, &ss.UserID, &org, &created, &expires, &seen,
		&u.ID, &u.Email, &u.Name, &u.PasswordHash, &disabled, &ucreated)
	if err != nil {
		return Session{}, User{}, notFound(err)
	}
	ss.OrgID = org.Int64
	ss.CreatedAt, ss.ExpiresAt, ss.LastSeenAt = fromMicro(created), fromMicro(expires), fromMicro(seen)
	u.Disabled, u.CreatedAt = disabled != 0, fromMicro(ucreated)
	return ss, u, nil
}

func (s *sqlStore) TouchSession(ctx context.Context, secret string, expires time.Time) error {
	if expires.IsZero() {
		return affectOne(s.r().exec(ctx, `UPDATE sessions SET last_seen_at = ? WHERE id = ?`, now().UnixMicro(), HashSecret(secret)))
	}
	return affectOne(s.r().exec(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?`,
		now().UnixMicro(), expires.UTC().UnixMicro(), HashSecret(secret)))
}

func (s *sqlStore) SetSessionOrg(ctx context.Context, secret string, orgID int64) error {
	return affectOne(s.r().exec(ctx, `UPDATE sessions SET org_id = ? WHERE id = ?`, orgID, HashSecret(secret)))
}

func (s *sqlStore) DeleteSession(ctx context.Context, secret string) error {
	_, err := s.r().exec(ctx, `DELETE FROM sessions WHERE id = ?`, HashSecret(secret))
	return err
}

func (s *sqlStore) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := s.r().exec(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID)
	return err
}

func (s *sqlStore) DeleteExpiredSessions(ctx context.Context) (int, error) {
	res, err := s.r().exec(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, now().UnixMicro())
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// --- API tokens ---

const tokenCols = `id, name, user_id, org_id, role, created_at, expires_at, revoked_at, last_used_at`

func scanToken(sc interface{ Scan(...any) error }) (APIToken, error) {
	var t APIToken
	var role string
	var created int64
	var expires, revoked, used sql.NullInt64
	err := sc.Scan(&t.ID, &t.Name, &t.UserID, &t.OrgID, &role, &created, &expires, &revoked, &used)
	t.Role, t.CreatedAt = Role(role), fromMicro(created)
	t.ExpiresAt, t.RevokedAt, t.LastUsedAt = fromNullMicro(expires), fromNullMicro(revoked), fromNullMicro(used)
	return t, notFound(err)
}

func (s *sqlStore) CreateAPIToken(ctx context.Context, sc Scope, secret, name string, role Role, expires *time.Time) (APIToken, error) {
	if err := sc.check(); err != nil {
		return APIToken{}, err
	}
	if !role.Valid() {
		return APIToken{}, fmt.Errorf("%w: role %q", ErrInvalid, role)
	}
	if len(secret) < 16 {
		return APIToken{}, fmt.Errorf("%w: token secret too short", ErrInvalid)
	}
	t := APIToken{Name: strings.TrimSpace(name), UserID: sc.UserID, OrgID: sc.OrgID, Role: role, CreatedAt: now()}
	if expires != nil {
		e := expires.UTC().Truncate(time.Microsecond)
		t.ExpiresAt = &e
	}
	err := s.tx(ctx, func(r runner) error {
		var n int
		if err := r.row(ctx, `SELECT COUNT(*) FROM memberships WHERE user_id = ? AND org_id = ?`, sc.UserID, sc.OrgID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		id, err := r.insertID(ctx, `INSERT INTO api_tokens (token_hash, name, user_id, org_id, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			HashSecret(secret), t.Name, t.UserID, t.OrgID, string(role), t.CreatedAt.UnixMicro(), nullMicro(t.ExpiresAt))
		if err != nil {
			return fmt.Errorf("create token: %w", err)
		}
		t.ID = id
		return audit(ctx, r, sc, "token.create", "token", id, nil, t)
	})
	return t, err
}

func (s *sqlStore) LookupAPIToken(ctx context.Context, secret string) (Scope, APIToken, error) {
	var mrole string
	var disabled int64
	row := s.r().row(ctx, `SELECT t.id, t.name, t.user_id, t.org_id, t.role, t.created_at, t.expires_at, t.revoked_at, t.last_used_at, m.role, u.disabled
FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN memberships m ON m.user_id = t.user_id AND m.org_id = t.org_id
WHERE t.token_hash = ?`, HashSecret(secret))
	var t APIToken
	var role string
	var created int64
	var expires, revoked, used sql.NullInt64
	if err := row.Scan(&t.ID, &t.Name, &t.UserID, &t.OrgID, &role, &created, &expires, &revoked, &used, &mrole, &disabled); err != nil {
		return Scope{}, APIToken{}, notFound(err)
	}
	t.Role, t.CreatedAt = Role(role), fromMicro(created)
	t.ExpiresAt, t.RevokedAt, t.LastUsedAt = fromNullMicro(expires), fromNullMicro(revoked), fromNullMicro(used)
	n := now()
	if disabled != 0 || t.RevokedAt != nil || (t.ExpiresAt != nil && !t.ExpiresAt.After(n)) {
		return Scope{}, APIToken{}, ErrNotFound
	}
	// Record use at most once a minute, so that a busy script does not
	// turn every read into a write.
	if t.LastUsedAt == nil || n.Sub(*t.LastUsedAt) > time.Minute {
		if _, err := s.r().exec(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, n.UnixMicro(), t.ID); err == nil {
			t.LastUsedAt = &n
		}
	}
	return Scope{OrgID: t.OrgID, UserID: t.UserID, Role: minRole(t.Role, Role(mrole))}, t, nil
}

func (s *sqlStore) ListAPITokens(ctx context.Context, sc Scope) ([]APIToken, error) {
	if err := sc.check(); err != nil {
		return nil, err
	}
	rows, err := s.r().query(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE org_id = ? ORDER BY id DESC`, sc.OrgID)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func (s *sqlStore) RevokeAPIToken(ctx context.Context, sc Scope, id int64) error {
	if err := sc.check(); err != nil {
		return err
	}
	return s.tx(ctx, func(r runner) error {
		t, err := scanToken(r.row(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE org_id = ? AND id = ?`, sc.OrgID, id))
		if err != nil {
			return err
		}
		if t.RevokedAt != nil {
			return nil
		}
		n := now()
		if _, err := r.exec(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE org_id = ? AND id = ?`, n.UnixMicro(), sc.OrgID, id); err != nil {
			return err
		}
		after := t
		after.RevokedAt = &n
		return audit(ctx, r, sc, "token.revoke", "token", id, t, after)
	})
}

// idString formats an object id for the audit log.
func idString(id int64) string { return strconv.FormatInt(id, 10) }
