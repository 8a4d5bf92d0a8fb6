package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/art28/art28/internal/model"
)

// Errors the store answers with; test them with errors.Is.
var (
	// ErrNotFound: the object does not exist, or it belongs to another
	// organisation, or (for sessions and tokens) it is expired, revoked or
	// its user is disabled. The two cases are indistinguishable on purpose.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: a unique key is taken (e-mail, organisation slug).
	ErrConflict = errors.New("store: already exists")
	// ErrInvalid: an argument is malformed (unknown role, state, decision,
	// date not YYYY-MM-DD, empty scope).
	ErrInvalid = errors.New("store: invalid argument")
	// ErrUnsupported: the backend cannot do this (e.g. Backup on PostgreSQL).
	ErrUnsupported = errors.New("store: not supported by this backend")
)

// Role is a user's or an API token's role in one organisation.
type Role string

// Roles, from most to least powerful.
const (
	RoleAdmin    Role = "admin"
	RoleReviewer Role = "reviewer"
	RoleViewer   Role = "viewer"
)

func (r Role) rank() int {
	switch r {
	case RoleAdmin:
		return 3
	case RoleReviewer:
		return 2
	case RoleViewer:
		return 1
	}
	return 0
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r.rank() > 0 }

// AtLeast reports whether r is min or a more powerful role.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.rank() >= min.rank() }

// minRole is the less powerful of two roles.
func minRole(a, b Role) Role {
	if a.rank() <= b.rank() {
		return a
	}
	return b
}

// State is a contract's review state.
type State string

// Contract states.
const (
	StateNew           State = "new"
	StateInReview      State = "in_review"
	StateAccepted      State = "accepted"
	StateRenegotiating State = "renegotiating"
	StateRejected      State = "rejected"
	StateExpired       State = "expired"
)

// States lists the contract states in workflow order.
var States = []State{StateNew, StateInReview, StateAccepted, StateRenegotiating, StateRejected, StateExpired}

// Valid reports whether s is a known state.
func (s State) Valid() bool {
	for _, v := range States {
		if s == v {
			return true
		}
	}
	return false
}

// TargetKind says what a review decision is about.
type TargetKind string

// Decision targets.
const (
	TargetRequirement TargetKind = "requirement"
	TargetFinding     TargetKind = "finding"
)

// DecisionKind is what a reviewer decided.
type DecisionKind string

// Decisions. Accept and Override apply to requirements (Override sets
// NewStatus), Dismiss and Confirm to findings.
const (
	DecisionAccept   DecisionKind = "accept"
	DecisionOverride DecisionKind = "override"
	DecisionDismiss  DecisionKind = "dismiss"
	DecisionConfirm  DecisionKind = "confirm"
)

// Requirement statuses an override may set (those of model.Verdict).
var RequirementStatuses = []string{"met", "partial", "missing", "not_applicable"}

// Scope is the organisation an operation runs in and the user it runs for.
// Every method on organisation data takes one; OrgID must be set. UserID
// may be 0 for work done by the system (e.g. `art28 reanalyze`) and is
// recorded as the actor in the audit log. Role is informational (set by
// ScopeFor and LookupAPIToken); the store does not check it: permission
// checks are the caller's, tenancy is the store's.
type Scope struct {
	OrgID  int64
	UserID int64
	Role   Role
}

func (sc Scope) check() error {
	if sc.OrgID <= 0 {
		return fmt.Errorf("%w: scope without organisation", ErrInvalid)
	}
	return nil
}

// Org is an organisation (a tenant).
type Org struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Slug      string    `json:"slug"`
	CreatedAt time.Time `json:"created_at"`
}

// User is a person who can log in. PasswordHash is stored as given (the
// auth package hashes); it is never serialised to JSON.
type User struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
}

// Membership is a user's role in one organisation.
type Membership struct {
	UserID int64 `json:"user_id"`
	Org    Org   `json:"org"`
	Role   Role  `json:"role"`
	// User is filled by ListMembers.
	User *User `json:"user,omitempty"`
}

// Session is a login session. The store keeps only the SHA-256 of its
// secret; the secret itself is the cookie value and never stored.
type Session struct {
	ID         string    `json:"-"` // hex SHA-256 of the secret
	UserID     int64     `json:"user_id"`
	OrgID      int64     `json:"org_id"` // the organisation currently chosen, 0 if none
	CreatedAt  time.Time `json:"created_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	LastSeenAt time.Time `json:"last_seen_at"`
}

// APIToken is a bearer token for scripts, scoped to one organisation and a
// role. Only the SHA-256 of its secret is stored.
type APIToken struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	UserID     int64      `json:"user_id"`
	OrgID      int64      `json:"org_id"`
	Role       Role       `json:"role"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
}

// Vendor is a processor an organisation has contracts with. Key is the
// normalised name the extraction yields (see NormalizeKey); Name is the
// display name and may be edited.
type Vendor struct {
	ID        int64     `json:"id"`
	OrgID     int64     `json:"org_id"`
	Key       string    `json:"key"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

// Summary is the effective summary of a contract's latest analysis after
// its review decisions, or of one analysis as the engine made it.
type Summary struct {
	Analysed         bool `json:"analysed"`
	IsContract       bool `json:"is_contract"`
	Met              int  `json:"met"`
	Partial          int  `json:"partial"`
	Missing          int  `json:"missing"`
	NotApplicable    int  `json:"not_applicable"`
	MandatoryMissing int  `json:"mandatory_missing"`
	// Findings by severity (grave, high, medium, low, info); dismissed
	// findings are not counted.
	FindingsGrave  int `json:"findings_grave"`
	FindingsHigh   int `json:"findings_high"`
	FindingsMedium int `json:"findings_medium"`
	FindingsLow    int `json:"findings_low"`
	FindingsInfo   int `json:"findings_info"`
	// Subprocessors counts the named sub-processors; ThirdCountry those
	// outside the EU/EEA; ThirdCountryUnprotected those of them without a
	// transfer mechanism.
	Subprocessors           int `json:"subprocessors"`
	ThirdCountry            int `json:"third_country"`
	ThirdCountryUnprotected int `json:"third_country_unprotected"`
	// Deadlines; nil when the contract states none.
	BreachNoticeHours         *int `json:"breach_notice_hours"`
	SubprocessorObjectionDays *int `json:"subprocessor_objection_days"`
	SubprocessorNoticeDays    *int `json:"subprocessor_notice_days"`
	TerminationNoticeDays     *int `json:"termination_notice_days"`
	DeletionDays              *int `json:"deletion_days"`
	AuditNoticeDays           *int `json:"audit_notice_days"`
}

// Contract is one DPA with one vendor, with its versions and the summary of
// its latest analysis.
type Contract struct {
	ID         int64  `json:"id"`
	OrgID      int64  `json:"org_id"`
	VendorID   int64  `json:"vendor_id"`
	VendorName string `json:"vendor_name"`
	Title      string `json:"title"`
	State      State  `json:"state"`
	// NextReview is the next review date, YYYY-MM-DD, "" if none.
	NextReview string `json:"next_review,omitempty"`
	// ObjectionUntil is the last day of a running objection period against
	// a notified sub-processor change, YYYY-MM-DD, "" if none.
	ObjectionUntil   string     `json:"objection_until,omitempty"`
	LatestVersionID  int64      `json:"latest_version_id,omitempty"`
	LatestAnalysisID int64      `json:"latest_analysis_id,omitempty"`
	Versions         int        `json:"versions"`
	LastReviewAt     *time.Time `json:"last_review_at,omitempty"`
	CreatedBy        int64      `json:"created_by,omitempty"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
	Summary          Summary    `json:"summary"`
}

// NewContract creates a contract for an existing vendor.
type NewContract struct {
	VendorID int64
	Title    string
}

// ContractUpdate changes a contract; nil fields stay as they are. An empty
// date string clears the date.
type ContractUpdate struct {
	Title          *string
	State          *State
	NextReview     *string
	ObjectionUntil *string
	VendorID       *int64
}

// FileInfo describes a stored original file of one organisation.
type FileInfo struct {
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	CreatedAt time.Time `json:"created_at"`
}

// Version is one uploaded file of a contract.
type Version struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id"`
	ContractID int64     `json:"contract_id"`
	Number     int       `json:"number"`
	SHA256     string    `json:"sha256"`
	Filename   string    `json:"filename"`
	MediaType  string    `json:"media_type,omitempty"`
	Size       int64     `json:"size"`
	UploadedBy int64     `json:"uploaded_by,omitempty"`
	UploadedAt time.Time `json:"uploaded_at"`
}

// NewVersion is a file to add to a contract.
type NewVersion struct {
	Filename  string
	MediaType string
	Content   []byte
}

// Analysis is one run of the engine on one version. Result is the
// model.Result as JSON (check --format json); Summary is the engine's own,
// without review decisions.
type Analysis struct {
	ID             int64     `json:"id"`
	OrgID          int64     `json:"org_id"`
	ContractID     int64     `json:"contract_id"`
	VersionID      int64     `json:"version_id"`
	ToolVersion    string    `json:"tool_version"`
	CatalogVersion string    `json:"catalog_version"`
	CreatedBy      int64     `json:"created_by,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	Summary        Summary   `json:"summary"`
	Result         []byte    `json:"-"`
}

// Decode unmarshals the stored result.
func (a *Analysis) Decode() (*model.Result, error) { return decodeResult(a.Result) }

// Decision is a reviewer's decision on a requirement or finding of a
// contract. It keys on contract and target id, so it outlives analyses and
// versions.
type Decision struct {
	ID         int64        `json:"id"`
	OrgID      int64        `json:"org_id"`
	ContractID int64        `json:"contract_id"`
	TargetKind TargetKind   `json:"target_kind"`
	TargetID   string       `json:"target_id"`
	Decision   DecisionKind `json:"decision"`
	// NewStatus is the status an override sets, else "".
	NewStatus string `json:"new_status,omitempty"`
	Reason    string `json:"reason"`
	// VersionID and AnalysisID are those current when deciding (context
	// only, 0 if the contract had none).
	VersionID  int64     `json:"version_id,omitempty"`
	AnalysisID int64     `json:"analysis_id,omitempty"`
	UserID     int64     `json:"user_id"`
	UserEmail  string    `json:"user_email,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// NewDecision records a decision.
type NewDecision struct {
	ContractID int64
	TargetKind TargetKind
	TargetID   string
	Decision   DecisionKind
	NewStatus  string
	Reason     string
}

// Upload is one file for AddUpload: it is stored, filed under the vendor
// (created if new), added as a new version of the vendor's latest contract
// (or of a new contract), and its analysis stored, all in one transaction.
type Upload struct {
	// VendorKey identifies the vendor (NormalizeKey is applied); VendorName
	// is its display name when the vendor is new. If both are empty the
	// file is filed under the vendor "unknown".
	VendorKey  string
	VendorName string
	// ContractID, if set, adds the version to this contract instead of the
	// vendor's latest one.
	ContractID int64
	// Title of a new contract; defaults to the vendor name.
	Title     string
	Filename  string
	MediaType string
	Content   []byte
	// Result is the analysis of Content; nil stores the version without
	// an analysis (e.g. the file could not be read).
	Result *model.Result
}

// UploadResult is what AddUpload stored.
type UploadResult struct {
	Contract    Contract  `json:"contract"`
	Version     Version   `json:"version"`
	Analysis    *Analysis `json:"analysis,omitempty"`
	NewContract bool      `json:"new_contract"`
	NewVendor   bool      `json:"new_vendor"`
}

// Export records a generated export (report, letter, table download).
type Export struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id"`
	ContractID int64     `json:"contract_id,omitempty"`
	Kind       string    `json:"kind"`
	Format     string    `json:"format"`
	Filename   string    `json:"filename"`
	SHA256     string    `json:"sha256,omitempty"`
	Size       int64     `json:"size"`
	CreatedBy  int64     `json:"created_by,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// NewExport is an export to record. Content, if not nil, is kept like an
// original file and can be read back with ReadExport.
type NewExport struct {
	ContractID int64
	Kind       string
	Format     string
	Filename   string
	Content    []byte
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id,omitempty"` // 0: not about one organisation
	UserID     int64     `json:"user_id,omitempty"`
	UserEmail  string    `json:"user_email,omitempty"`
	At         time.Time `json:"at"`
	Action     string    `json:"action"`
	ObjectKind string    `json:"object_kind,omitempty"`
	ObjectID   string    `json:"object_id,omitempty"`
	// Before and After are JSON documents ("" when not applicable).
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Remote is the client address, when the caller knows it.
	Remote string `json:"remote,omitempty"`
}

// AuditQuery pages the audit log, newest first.
type AuditQuery struct {
	Action string // exact action, "" for all
	Limit  int    // default 100, at most 1000
	Offset int
}

// Sort orders of ListContracts.
const (
	SortUpdated          = "updated" // default, newest first
	SortVendor           = "vendor"
	SortTitle            = "title"
	SortState            = "state"
	SortMandatoryMissing = "missing"
	SortFindings         = "findings"
	SortThirdCountry     = "third_country"
	SortNextReview       = "next_review"
	SortCreated          = "created"
	SortBreachHours      = "breach_hours"
	SortObjectionDays    = "objection_days"
	SortLastReview       = "last_review"
)

// ContractQuery filters, sorts and pages ListContracts. Zero values do not
// filter.
type ContractQuery struct {
	States   []State
	VendorID int64
	// Search matches a substring of vendor name or title, case-insensitive.
	Search string
	// Unprotected: has a third-country sub-processor without a transfer
	// mechanism. ThirdCountry: has any third-country sub-processor.
	Unprotected  bool
	ThirdCountry bool
	// MandatoryMissing: at least one mandatory requirement missing.
	MandatoryMissing bool
	// Subprocessor: uses a sub-processor whose normalised name contains
	// this (NormalizeKey is applied).
	Subprocessor string
	// ObjectionRunningOn (YYYY-MM-DD): ObjectionUntil is on or after it.
	ObjectionRunningOn string
	// ReviewDueBy (YYYY-MM-DD): NextReview is set and on or before it.
	ReviewDueBy string
	Sort        string // one of the Sort constants
	Desc        bool
	Limit       int // default 50, at most 1000
	Offset      int
}

// ContractPage is one page of ListContracts.
type ContractPage struct {
	Contracts []Contract `json:"contracts"`
	Total     int        `json:"total"`
	Limit     int        `json:"limit"`
	Offset    int        `json:"offset"`
}

// SubprocessorQuery filters ListSubprocessors.
type SubprocessorQuery struct {
	Search       string // substring of the normalised name
	ThirdCountry bool   // only those outside the EU/EEA
	Limit        int    // default 100, at most 1000
	Offset       int
}

// SubprocessorSummary is one sub-processor across the latest analyses of
// an organisation's contracts.
type SubprocessorSummary struct {
	Key  string `json:"key"`
	Name string `json:"name"` // one of the names seen, the most common
	// Contracts and Vendors that use it.
	Contracts int `json:"contracts"`
	Vendors   int `json:"vendors"`
	// Countries seen (ISO codes), sorted.
	Countries    []string `json:"countries"`
	ThirdCountry bool     `json:"third_country"`
	// Unprotected counts the contracts naming it in a third country
	// without a transfer mechanism.
	Unprotected int `json:"unprotected"`
}

// SubprocessorUse is one contract naming one sub-processor.
type SubprocessorUse struct {
	ContractID        int64  `json:"contract_id"`
	ContractTitle     string `json:"contract_title"`
	VendorID          int64  `json:"vendor_id"`
	VendorName        string `json:"vendor_name"`
	AnalysisID        int64  `json:"analysis_id"`
	Key               string `json:"key"`
	Name              string `json:"name"`
	Country           string `json:"country,omitempty"`
	ThirdCountry      bool   `json:"third_country"`
	TransferMechanism string `json:"transfer_mechanism,omitempty"`
	Service           string `json:"service,omitempty"`
	Location          string `json:"location,omitempty"`
}

// ThirdCountryRow counts third-country sub-processor mentions by country
// and transfer mechanism ("" or "none": no mechanism).
type ThirdCountryRow struct {
	Country       string `json:"country"`
	Mechanism     string `json:"mechanism"`
	Subprocessors int    `json:"subprocessors"`
	Contracts     int    `json:"contracts"`
}

// Store is the register's storage. All methods are safe for concurrent use.
type Store interface {
	// Backend is "sqlite" or "postgres".
	Backend() string
	// Ping checks the database connection (for /healthz).
	Ping(ctx context.Context) error
	// Close closes the database.
	Close() error
	// Backup writes a consistent copy of the database to path (SQLite:
	// VACUUM INTO, online). PostgreSQL answers ErrUnsupported: use pg_dump.
	Backup(ctx context.Context, path string) error

	// Organisations.
	CreateOrg(ctx context.Context, name, slug string) (Org, error)
	GetOrg(ctx context.Context, id int64) (Org, error)
	GetOrgBySlug(ctx context.Context, slug string) (Org, error)
	ListOrgs(ctx context.Context) ([]Org, error)

	// Users. Emails are compared case-insensitively (stored lower-cased).
	CreateUser(ctx context.Context, email, name, passwordHash string) (User, error)
	GetUser(ctx context.Context, id int64) (User, error)
	// GetUserByEmail returns disabled users too (with Disabled set): the
	// caller must refuse their login.
	GetUserByEmail(ctx context.Context, email string) (User, error)
	ListUsers(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)
	SetUserPassword(ctx context.Context, userID int64, passwordHash string) error
	// SetUserDisabled disables or enables a user; disabling also deletes
	// all of the user's sessions. Token lookups of a disabled user fail.
	SetUserDisabled(ctx context.Context, userID int64, disabled bool) error

	// Memberships.
	SetMembership(ctx context.Context, userID, orgID int64, role Role) error
	RemoveMembership(ctx context.Context, userID, orgID int64) error
	// Memberships lists a user's organisations with the role in each.
	Memberships(ctx context.Context, userID int64) ([]Membership, error)
	// ListMembers lists the users of the scope's organisation.
	ListMembers(ctx context.Context, sc Scope) ([]Membership, error)
	// ScopeFor returns the scope of an enabled user in an organisation
	// they are a member of, with their role; ErrNotFound otherwise.
	ScopeFor(ctx context.Context, userID, orgID int64) (Scope, error)

	// Sessions. secret is the cookie value; only its SHA-256 is stored.
	CreateSession(ctx context.Context, secret string, userID, orgID int64, expires time.Time) (Session, error)
	// GetSession answers ErrNotFound for an unknown or expired session or
	// a disabled user.
	GetSession(ctx context.Context, secret string) (Session, User, error)
	// TouchSession sets last seen to now and, if expires is not zero, the
	// expiry.
	TouchSession(ctx context.Context, secret string, expires time.Time) error
	// SetSessionOrg switches the session's current organisation.
	SetSessionOrg(ctx context.Context, secret string, orgID int64) error
	DeleteSession(ctx context.Context, secret string) error
	// DeleteUserSessions logs a user out everywhere.
	DeleteUserSessions(ctx context.Context, userID int64) error
	// DeleteExpiredSessions removes sessions expired before now.
	DeleteExpiredSessions(ctx context.Context) (int, error)

	// API tokens. secret is the bearer token; only its SHA-256 is stored.
	// The token's user is sc.UserID and must be a member of sc.OrgID.
	CreateAPIToken(ctx context.Context, sc Scope, secret, name string, role Role, expires *time.Time) (APIToken, error)
	// LookupAPIToken answers ErrNotFound for an unknown, revoked or
	// expired token, a disabled user or a user no longer a member; the
	// scope's role is the lesser of the token's and the membership's.
	LookupAPIToken(ctx context.Context, secret string) (Scope, APIToken, error)
	ListAPITokens(ctx context.Context, sc Scope) ([]APIToken, error)
	RevokeAPIToken(ctx context.Context, sc Scope, id int64) error

	// Vendors.
	// EnsureVendor returns the vendor with NormalizeKey(key) (or of name,
	// if key is empty), creating it with name if new.
	EnsureVendor(ctx context.Context, sc Scope, key, name string) (Vendor, bool, error)
	GetVendor(ctx context.Context, sc Scope, id int64) (Vendor, error)
	ListVendors(ctx context.Context, sc Scope) ([]Vendor, error)
	RenameVendor(ctx context.Context, sc Scope, id int64, name string) (Vendor, error)

	// Contracts.
	CreateContract(ctx context.Context, sc Scope, c NewContract) (Contract, error)
	GetContract(ctx context.Context, sc Scope, id int64) (Contract, error)
	UpdateContract(ctx context.Context, sc Scope, id int64, u ContractUpdate) (Contract, error)
	ListContracts(ctx context.Context, sc Scope, q ContractQuery) (ContractPage, error)

	// Files and versions.
	// AddUpload stores a file with its analysis in one transaction; see
	// Upload.
	AddUpload(ctx context.Context, sc Scope, u Upload) (UploadResult, error)
	// AddUploads stores several uploads in one transaction (all or
	// none), for bulk imports: one commit instead of one per file.
	AddUploads(ctx context.Context, sc Scope, us []Upload) ([]UploadResult, error)
	AddVersion(ctx context.Context, sc Scope, contractID int64, v NewVersion) (Version, error)
	GetVersion(ctx context.Context, sc Scope, id int64) (Version, error)
	// ListVersions lists a contract's versions, newest first.
	ListVersions(ctx context.Context, sc Scope, contractID int64) ([]Version, error)
	// ReadFile returns an original file of the organisation by SHA-256.
	ReadFile(ctx context.Context, sc Scope, sha256 string) ([]byte, FileInfo, error)
	// ReadVersionFile returns a version with its file's content.
	ReadVersionFile(ctx context.Context, sc Scope, versionID int64) (Version, []byte, error)

	// Analyses.
	// AddAnalysis stores a result for a version; if the version is its
	// contract's latest, it becomes the contract's latest analysis.
	AddAnalysis(ctx context.Context, sc Scope, versionID int64, r *model.Result) (Analysis, error)
	GetAnalysis(ctx context.Context, sc Scope, id int64) (Analysis, error)
	// LatestAnalysis is the contract's current analysis (ErrNotFound if
	// none).
	LatestAnalysis(ctx context.Context, sc Scope, contractID int64) (Analysis, error)
	// ListAnalyses lists a contract's analyses, newest first, without
	// their Result.
	ListAnalyses(ctx context.Context, sc Scope, contractID int64) ([]Analysis, error)

	// Review decisions.
	AddDecision(ctx context.Context, sc Scope, d NewDecision) (Decision, error)
	// ListDecisions is the full history of a contract, newest first.
	ListDecisions(ctx context.Context, sc Scope, contractID int64) ([]Decision, error)
	// CurrentDecisions is the newest decision per target of a contract.
	CurrentDecisions(ctx context.Context, sc Scope, contractID int64) ([]Decision, error)

	// Portfolio.
	ListSubprocessors(ctx context.Context, sc Scope, q SubprocessorQuery) ([]SubprocessorSummary, int, error)
	// SubprocessorUsage lists the contracts naming the sub-processor with
	// this key (exact NormalizeKey match).
	SubprocessorUsage(ctx context.Context, sc Scope, key string) ([]SubprocessorUse, error)
	ThirdCountries(ctx context.Context, sc Scope) ([]ThirdCountryRow, error)

	// Exports.
	RecordExport(ctx context.Context, sc Scope, e NewExport) (Export, error)
	GetExport(ctx context.Context, sc Scope, id int64) (Export, error)
	// ListExports lists exports newest first; contractID 0 lists all.
	ListExports(ctx context.Context, sc Scope, contractID int64) ([]Export, error)
	ReadExport(ctx context.Context, sc Scope, id int64) (Export, []byte, error)

	// Audit log (append-only).
	// AppendAudit records an entry; e.OrgID 0 records a system entry
	// (login failure, user management). ID and At are set by the store.
	AppendAudit(ctx context.Context, e AuditEntry) error
	ListAudit(ctx context.Context, sc Scope, q AuditQuery) ([]AuditEntry, error)
	// ListSystemAudit lists the entries that belong to no organisation.
	ListSystemAudit(ctx context.Context, q AuditQuery) ([]AuditEntry, error)

	// Maintain brings the sub-processor aggregates up to date (otherwise
	// the next portfolio read does) and refreshes the query planner's
	// statistics (ANALYZE; SQLite also PRAGMA optimize). Call it after a
	// bulk import and now and then (daily) from the server: PostgreSQL
	// without autovacuum otherwise plans the portfolio queries on
	// empty-table estimates.
	Maintain(ctx context.Context) error
}

// Open opens and migrates the store named by dsn: "sqlite:PATH" (PATH may
// be ":memory:" only for tests; the directory is created) or
// "postgres://…" / "postgresql://…".
func Open(ctx context.Context, dsn string) (Store, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn)
	}
	return nil, fmt.Errorf("%w: database %q: want sqlite:PATH or postgres://…", ErrInvalid, redactDSN(dsn))
}

// redactDSN hides a password in a DSN for error messages.
func redactDSN(dsn string) string {
	if i := strings.Index(dsn, "@"); i >= 0 {
		if j := strings.Index(dsn, "://"); j >= 0 && j < i {
			return dsn[:j+3] + "…" + dsn[i:]
		}
	}
	return dsn
}
