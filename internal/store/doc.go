// Package store keeps the contract register of `art28 serve`: organisations,
// users and their sessions and API tokens, vendors, contracts with their
// versions (original files), analyses, review decisions, exports and the
// audit log. One interface, Store, has two implementations over
// database/sql that share every query and every migration: SQLite
// (modernc.org/sqlite, pure Go; WAL, foreign keys, busy timeout, full
// synchronous commits) and PostgreSQL (github.com/jackc/pgx/v5). Open picks
// one by the DSN: "sqlite:PATH" or "postgres://…".
//
// # Tenancy
//
// Every contract, file, version, analysis, decision, export and audit entry
// belongs to exactly one organisation. Every method that reads or writes
// such an object takes a Scope (organisation and acting user), and every
// query of it carries "org_id = ?" bound to Scope.OrgID. An id that belongs
// to another organisation answers ErrNotFound, exactly as an id that does
// not exist: a caller cannot learn that another organisation's object
// exists, and a handler cannot forget the check because there is no
// unscoped method to forget it with. Composite foreign keys (org_id, id)
// make a row of one organisation unable to point at a row of another.
//
// Users are global (one e-mail, one password); a Membership gives a user a
// Role in one organisation. ScopeFor checks a membership and returns the
// Scope with the role; sessions and API tokens are looked up by the SHA-256
// of their secret only (the store never keeps a secret in clear), and a
// lookup fails at once for a disabled user, a revoked or expired token, or
// a token whose user left the organisation.
//
// # Files
//
// Original files are kept content-addressed by SHA-256 in the database
// itself (table blobs), once however often and by whichever organisation
// they are uploaded; an organisation reaches a blob only through its own
// files row. Keeping them in the database rather than in a directory
// beside it means one transaction writes the bytes, the version, the
// analysis and the audit entry: an upload is acknowledged only after that
// transaction commits, so a kill -9 at any point leaves either all of it
// or none of it, never a half-written contract or an orphaned file, and a
// backup of the database (SQLite online backup, pg_dump) is a backup of
// everything. The engine's input limit bounds a file's size, so holding
// one in memory is acceptable.
//
// # Analyses and the portfolio
//
// An analysis keeps the full result JSON (model.Result) and, denormalised
// for the portfolio, the requirement statuses, findings, sub-processors and
// deadlines of that result in their own tables. Each contract row carries
// the effective summary of its latest analysis (counts after applying the
// review decisions: an override changes a requirement's status, a
// dismissed finding no longer counts), recomputed in the same transaction
// whenever an analysis or a decision is added, so listing 10,000 contracts
// with filters, sorting and paging reads one indexed table (the ids of a
// page on the sort's index first, then those rows). The sub-processors of
// each contract's latest analysis are kept in contract_subprocessors, with
// per-organisation aggregates for the sub-processor and third-country
// views; an upload marks the aggregates it touches stale and the next
// portfolio read (or Maintain) recomputes exactly those.
//
// Review decisions key on contract + requirement or finding id, not on an
// analysis, so they survive re-analysis and new versions. They are kept as
// history; the newest decision per target is the current one.
//
// # Audit
//
// Every change made through a scoped method writes an audit entry (who,
// when, action, object, before/after JSON) in the same transaction. Changes
// the store cannot see (login failures, user management done by an admin)
// are recorded with AppendAudit. There is no method to update or delete an
// audit entry.
//
// # Migrations
//
// migrations/NNNN_name.sql are applied in order, each in its own
// transaction, and recorded in schema_migrations; applying them again is a
// no-op. The files are written once for both databases; the few
// differences (identity column, blob type) are tokens that dialect.go
// replaces, and queries use "?" placeholders that are rewritten to $n for
// PostgreSQL.
package store
