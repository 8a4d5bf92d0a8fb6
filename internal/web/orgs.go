package web

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/art28/art28/internal/store"
)

// Slug turns an organisation name into its URL-safe key.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'ß':
			b.WriteString("ss")
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			if b.Len() > 0 && !dash {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		dash = false
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "org"
	}
	return s
}

// EnsureOrg returns the organisation with the name's slug, creating it if
// new.
func EnsureOrg(ctx context.Context, st store.Store, name string) (store.Org, error) {
	slug := Slug(name)
	o, err := st.GetOrgBySlug(ctx, slug)
	if err == nil {
		return o, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return o, err
	}
	return st.CreateOrg(ctx, strings.TrimSpace(name), slug)
}

// CreateAdmin creates a user with a password hash (or finds the user by
// email) and makes them admin of the named organisation, created if new.
func CreateAdmin(ctx context.Context, st store.Store, email, hash, orgName string) (store.User, store.Org, error) {
	return AddUser(ctx, st, email, hash, orgName, store.RoleAdmin)
}

// AddUser creates a user (or finds an existing one by email, keeping
// their password) and gives them role in the named organisation.
func AddUser(ctx context.Context, st store.Store, email, hash, orgName string, role store.Role) (store.User, store.Org, error) {
	org, err := EnsureOrg(ctx, st, orgName)
	if err != nil {
		return store.User{}, org, fmt.Errorf("organisation %q: %w", orgName, err)
	}
	u, err := st.GetUserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		if hash == "" {
			return u, org, fmt.Errorf("%w: a new user needs a password", store.ErrInvalid)
		}
		u, err = st.CreateUser(ctx, email, "", hash)
	}
	if err != nil {
		return u, org, fmt.Errorf("user %s: %w", email, err)
	}
	if err := st.SetMembership(ctx, u.ID, org.ID, role); err != nil {
		return u, org, fmt.Errorf("membership: %w", err)
	}
	return u, org, nil
}
