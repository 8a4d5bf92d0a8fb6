package web

import (
	"github.com/art28/art28/internal/auth"
	"github.com/art28/art28/internal/store"
)

// routeTable declares every route with the permission it requires. The
// middleware checks that permission before any handler runs; routes_test
// walks this table.
func (s *Server) routeTable() []route {
	const (
		pub    = auth.Public
		authed = auth.Authenticated
		read   = auth.Read
		review = auth.Review
		manage = auth.Manage
		site   = auth.SiteAdmin
	)
	page := func(pattern string, p auth.Permission, h handlerFunc) route {
		return route{pattern: pattern, perm: p, h: h}
	}
	api := func(pattern string, p auth.Permission, h handlerFunc) route {
		return route{pattern: pattern, perm: p, api: true, h: h}
	}
	return []route{
		page("GET /healthz", pub, s.healthz),
		page("GET /login", pub, s.loginPage),
		page("POST /login", pub, s.login),
		page("GET /setup", pub, s.setupPage),
		page("POST /setup", pub, s.setup),

		page("POST /logout", authed, s.logout),
		page("GET /account", authed, s.accountPage),
		page("POST /account/password", authed, s.changePassword),
		page("POST /account/logout-all", authed, s.logoutAll),
		page("POST /org", authed, s.switchOrg),

		page("GET /{$}", read, s.portfolio),
		page("GET /contracts/{id}", read, s.contractPage),
		page("GET /contracts/{id}/versions/{vid}/original", read, s.original),
		page("GET /contracts/{id}/letter.md", read, s.letter("md")),
		page("GET /contracts/{id}/letter.docx", read, s.letter("docx")),
		page("GET /subprocessors", read, s.subprocessors),
		page("GET /deadlines", read, s.deadlines),
		page("GET /export/thirdcountries.xlsx", read, s.export(s.thirdCountryTable, "xlsx")),
		page("GET /export/thirdcountries.csv", read, s.export(s.thirdCountryTable, "csv")),
		page("GET /export/contracts.xlsx", read, s.export(s.contractTable, "xlsx")),
		page("GET /export/contracts.csv", read, s.export(s.contractTable, "csv")),
		page("GET /export/subprocessors.xlsx", read, s.export(s.subprocessorTable, "xlsx")),
		page("GET /export/subprocessors.csv", read, s.export(s.subprocessorTable, "csv")),

		page("GET /upload", review, s.uploadPage),
		page("POST /upload", review, s.upload),
		page("POST /contracts/{id}/state", review, s.setState),
		page("POST /contracts/{id}/requirements/{target}", review, s.decide(store.TargetRequirement)),
		page("POST /contracts/{id}/findings/{target}", review, s.decide(store.TargetFinding)),
		page("POST /contracts/{id}/reanalyze", review, s.reanalyze),

		page("GET /admin/users", manage, s.usersPage),
		page("POST /admin/users", manage, s.addUser),
		page("POST /admin/users/{uid}/disable", manage, s.disableUser),
		page("POST /admin/users/{uid}/remove", manage, s.removeMember),
		page("GET /admin/tokens", manage, s.tokensPage),
		page("POST /admin/tokens", manage, s.createToken),
		page("POST /admin/tokens/{tid}/revoke", manage, s.revokeToken),
		page("GET /admin/audit", manage, s.auditPage),
		page("GET /admin/audit.csv", manage, s.auditCSV),
		page("GET /admin/orgs", site, s.orgsPage),
		page("POST /admin/orgs", site, s.createOrg),

		api("GET /api/v1/openapi.json", authed, s.apiOpenAPI),
		api("GET /api/v1/contracts", read, s.apiContracts),
		api("POST /api/v1/contracts", review, s.apiUpload),
		api("GET /api/v1/contracts/{id}", read, s.apiContract),
		api("GET /api/v1/contracts/{id}/versions", read, s.apiVersions),
		api("GET /api/v1/contracts/{id}/versions/{vid}/analysis", read, s.apiAnalysis),
		api("GET /api/v1/contracts/{id}/reviews", read, s.apiReviews),
		api("POST /api/v1/contracts/{id}/reviews", review, s.apiAddReview),
		api("GET /api/v1/subprocessors", read, s.apiSubprocessors),
		api("GET /api/v1/audit", manage, s.apiAudit),
	}
}
