package auth

import "fmt"

// Role is a user's or token's role in one organisation.
type Role string

// Roles, from most to least powerful.
const (
	// Admin manages users, organisations, tokens and settings, and may do
	// everything a reviewer may.
	Admin Role = "admin"
	// Reviewer uploads contracts, reviews them and decides.
	Reviewer Role = "reviewer"
	// Viewer reads and exports only.
	Viewer Role = "viewer"
)

// Roles lists the roles in order, most powerful first.
var Roles = []Role{Admin, Reviewer, Viewer}

// ParseRole checks a role name.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q (want admin, reviewer or viewer)", s)
}

// Permission is what a route requires.
type Permission int

// Permissions. Public routes need no login at all; every other route
// needs a session or token and the permission below.
const (
	// Public: login, setup, static assets, health check.
	Public Permission = iota
	// Authenticated: any logged-in user, independent of organisation
	// (logout, password change, switching organisation).
	Authenticated
	// Read: view and export the organisation's data.
	Read
	// Review: upload, review decisions, contract state, re-analysis.
	Review
	// Manage: users, memberships, tokens and the audit log of the
	// organisation.
	Manage
	// SiteAdmin: create organisations (an admin of any organisation).
	SiteAdmin
)

var permNames = map[Permission]string{Public: "public", Authenticated: "authenticated", Read: "read", Review: "review", Manage: "manage", SiteAdmin: "site-admin"}

func (p Permission) String() string { return permNames[p] }

// Can reports whether role r holds permission p in an organisation.
// This is the one permission check of the register.
func (r Role) Can(p Permission) bool {
	switch p {
	case Public, Authenticated:
		return true
	case Read:
		return r == Admin || r == Reviewer || r == Viewer
	case Review:
		return r == Admin || r == Reviewer
	case Manage, SiteAdmin:
		return r == Admin
	}
	return false
}
