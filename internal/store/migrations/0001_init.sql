-- The register's schema. Written once for SQLite and PostgreSQL:
-- {{ID}} is the auto-numbered primary key, {{BLOB}} the binary type.
-- Times are Unix microseconds (BIGINT), dates 'YYYY-MM-DD' text,
-- booleans 0/1 (BIGINT), JSON text.

CREATE TABLE orgs (
	id {{ID}},
	name TEXT NOT NULL,
	slug TEXT NOT NULL UNIQUE,
	created_at BIGINT NOT NULL
);

CREATE TABLE users (
	id {{ID}},
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL,
	disabled BIGINT NOT NULL DEFAULT 0,
	created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
	user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'viewer')),
	created_at BIGINT NOT NULL,
	PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships(org_id);

-- id is the hex SHA-256 of the session secret.
CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	org_id BIGINT,
	created_at BIGINT NOT NULL,
	expires_at BIGINT NOT NULL,
	last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_tokens (
	id {{ID}},
	token_hash TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'viewer')),
	created_at BIGINT NOT NULL,
	expires_at BIGINT,
	revoked_at BIGINT,
	last_used_at BIGINT
);
CREATE INDEX api_tokens_org ON api_tokens(org_id);

-- Content-addressed originals, shared by all organisations; reached only
-- through an organisation's files row.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size BIGINT NOT NULL,
	content {{BLOB}} NOT NULL
);

CREATE TABLE files (
	org_id BIGINT NOT NULL REFERENCES orgs(id),
	sha256 TEXT NOT NULL REFERENCES blobs(sha256),
	size BIGINT NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (org_id, sha256)
);

CREATE TABLE vendors (
	id {{ID}},
	org_id BIGINT NOT NULL REFERENCES orgs(id),
	key TEXT NOT NULL,
	name TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	UNIQUE (org_id, key),
	UNIQUE (org_id, id)
);

CREATE TABLE contracts (
	id {{ID}},
	org_id BIGINT NOT NULL REFERENCES orgs(id),
	vendor_id BIGINT NOT NULL,
	vendor_name TEXT NOT NULL,
	title TEXT NOT NULL,
	search TEXT NOT NULL,
	state TEXT NOT NULL CHECK (state IN ('new', 'in_review', 'accepted', 'renegotiating', 'rejected', 'expired')),
	next_review TEXT,
	objection_until TEXT,
	latest_version_id BIGINT,
	latest_analysis_id BIGINT,
	versions BIGINT NOT NULL DEFAULT 0,
	last_review_at BIGINT,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	-- effective summary of the latest analysis after review decisions
	analysed BIGINT NOT NULL DEFAULT 0,
	is_contract BIGINT NOT NULL DEFAULT 0,
	met BIGINT NOT NULL DEFAULT 0,
	partial BIGINT NOT NULL DEFAULT 0,
	missing BIGINT NOT NULL DEFAULT 0,
	not_applicable BIGINT NOT NULL DEFAULT 0,
	mandatory_missing BIGINT NOT NULL DEFAULT 0,
	findings_grave BIGINT NOT NULL DEFAULT 0,
	findings_high BIGINT NOT NULL DEFAULT 0,
	findings_medium BIGINT NOT NULL DEFAULT 0,
	findings_low BIGINT NOT NULL DEFAULT 0,
	findings_info BIGINT NOT NULL DEFAULT 0,
	findings_weight BIGINT NOT NULL DEFAULT 0,
	subprocessors BIGINT NOT NULL DEFAULT 0,
	third_country BIGINT NOT NULL DEFAULT 0,
	third_country_unprotected BIGINT NOT NULL DEFAULT 0,
	breach_notice_hours BIGINT,
	subprocessor_objection_days BIGINT,
	subprocessor_notice_days BIGINT,
	termination_notice_days BIGINT,
	deletion_days BIGINT,
	audit_notice_days BIGINT,
	UNIQUE (org_id, id),
	FOREIGN KEY (org_id, vendor_id) REFERENCES vendors(org_id, id)
);
CREATE INDEX contracts_org_updated ON contracts(org_id, updated_at, id);
CREATE INDEX contracts_org_vendor_name ON contracts(org_id, vendor_name, id);
CREATE INDEX contracts_org_vendor ON contracts(org_id, vendor_id, id);
CREATE INDEX contracts_org_state ON contracts(org_id, state, id);
CREATE INDEX contracts_org_next_review ON contracts(org_id, next_review);
CREATE INDEX contracts_org_objection ON contracts(org_id, objection_until);
CREATE INDEX contracts_org_missing ON contracts(org_id, mandatory_missing, id);
CREATE INDEX contracts_org_unprotected ON contracts(org_id, third_country_unprotected);

CREATE TABLE versions (
	id {{ID}},
	org_id BIGINT NOT NULL,
	contract_id BIGINT NOT NULL,
	number BIGINT NOT NULL,
	sha256 TEXT NOT NULL,
	filename TEXT NOT NULL,
	media_type TEXT NOT NULL DEFAULT '',
	size BIGINT NOT NULL,
	uploaded_by BIGINT,
	uploaded_at BIGINT NOT NULL,
	UNIQUE (contract_id, number),
	UNIQUE (org_id, id),
	FOREIGN KEY (org_id, contract_id) REFERENCES contracts(org_id, id),
	FOREIGN KEY (org_id, sha256) REFERENCES files(org_id, sha256)
);
CREATE INDEX versions_org_sha ON versions(org_id, sha256);

CREATE TABLE analyses (
	id {{ID}},
	org_id BIGINT NOT NULL,
	contract_id BIGINT NOT NULL,
	version_id BIGINT NOT NULL,
	tool_version TEXT NOT NULL,
	catalog_version TEXT NOT NULL,
	result TEXT NOT NULL,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	is_contract BIGINT NOT NULL DEFAULT 0,
	met BIGINT NOT NULL DEFAULT 0,
	partial BIGINT NOT NULL DEFAULT 0,
	missing BIGINT NOT NULL DEFAULT 0,
	not_applicable BIGINT NOT NULL DEFAULT 0,
	mandatory_missing BIGINT NOT NULL DEFAULT 0,
	findings_grave BIGINT NOT NULL DEFAULT 0,
	findings_high BIGINT NOT NULL DEFAULT 0,
	findings_medium BIGINT NOT NULL DEFAULT 0,
	findings_low BIGINT NOT NULL DEFAULT 0,
	findings_info BIGINT NOT NULL DEFAULT 0,
	subprocessors BIGINT NOT NULL DEFAULT 0,
	third_country BIGINT NOT NULL DEFAULT 0,
	third_country_unprotected BIGINT NOT NULL DEFAULT 0,
	breach_notice_hours BIGINT,
	subprocessor_objection_days BIGINT,
	subprocessor_notice_days BIGINT,
	termination_notice_days BIGINT,
	deletion_days BIGINT,
	audit_notice_days BIGINT,
	UNIQUE (org_id, id),
	FOREIGN KEY (org_id, version_id) REFERENCES versions(org_id, id),
	FOREIGN KEY (org_id, contract_id) REFERENCES contracts(org_id, id)
);
CREATE INDEX analyses_org_contract ON analyses(org_id, contract_id, id);

CREATE TABLE analysis_requirements (
	analysis_id BIGINT NOT NULL,
	org_id BIGINT NOT NULL,
	requirement_id TEXT NOT NULL,
	status TEXT NOT NULL,
	level TEXT NOT NULL,
	PRIMARY KEY (analysis_id, requirement_id),
	FOREIGN KEY (org_id, analysis_id) REFERENCES analyses(org_id, id)
);

CREATE TABLE analysis_findings (
	analysis_id BIGINT NOT NULL,
	org_id BIGINT NOT NULL,
	seq BIGINT NOT NULL,
	finding_id TEXT NOT NULL,
	severity TEXT NOT NULL,
	title TEXT NOT NULL,
	PRIMARY KEY (analysis_id, seq),
	FOREIGN KEY (org_id, analysis_id) REFERENCES analyses(org_id, id)
);

CREATE TABLE analysis_subprocessors (
	analysis_id BIGINT NOT NULL,
	org_id BIGINT NOT NULL,
	seq BIGINT NOT NULL,
	name TEXT NOT NULL,
	name_key TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	third_country BIGINT NOT NULL DEFAULT 0,
	transfer_mechanism TEXT NOT NULL DEFAULT '',
	service TEXT NOT NULL DEFAULT '',
	location TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (analysis_id, seq),
	FOREIGN KEY (org_id, analysis_id) REFERENCES analyses(org_id, id)
);
CREATE INDEX analysis_subprocessors_org_key ON analysis_subprocessors(org_id, name_key);

CREATE TABLE decisions (
	id {{ID}},
	org_id BIGINT NOT NULL,
	contract_id BIGINT NOT NULL,
	target_kind TEXT NOT NULL CHECK (target_kind IN ('requirement', 'finding')),
	target_id TEXT NOT NULL,
	decision TEXT NOT NULL CHECK (decision IN ('accept', 'override', 'dismiss', 'confirm')),
	new_status TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL DEFAULT '',
	version_id BIGINT,
	analysis_id BIGINT,
	user_id BIGINT,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (org_id, contract_id) REFERENCES contracts(org_id, id)
);
CREATE INDEX decisions_org_contract ON decisions(org_id, contract_id, target_kind, target_id, id);

CREATE TABLE exports (
	id {{ID}},
	org_id BIGINT NOT NULL REFERENCES orgs(id),
	contract_id BIGINT,
	kind TEXT NOT NULL,
	format TEXT NOT NULL,
	filename TEXT NOT NULL,
	sha256 TEXT,
	size BIGINT NOT NULL DEFAULT 0,
	created_by BIGINT,
	created_at BIGINT NOT NULL,
	FOREIGN KEY (org_id, sha256) REFERENCES files(org_id, sha256)
);
CREATE INDEX exports_org ON exports(org_id, contract_id, id);

-- Append-only: the store has no statement that updates or deletes here.
CREATE TABLE audit_log (
	id {{ID}},
	org_id BIGINT,
	user_id BIGINT,
	at BIGINT NOT NULL,
	action TEXT NOT NULL,
	object_kind TEXT NOT NULL DEFAULT '',
	object_id TEXT NOT NULL DEFAULT '',
	before_json TEXT NOT NULL DEFAULT '',
	after_json TEXT NOT NULL DEFAULT '',
	remote TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_org ON audit_log(org_id, id);
CREATE INDEX contracts_latest_analysis ON contracts(latest_analysis_id);
