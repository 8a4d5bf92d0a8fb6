-- Portfolio speed at 10,000 contracts: an index for every sort of the
-- contracts list, a narrow index the text search scans instead of the
-- table, and the sub-processors of each contract's latest analysis kept
-- apart (contract_subprocessors) with per-organisation aggregates
-- (subprocessor_stats, third_country_stats) maintained on every change.

CREATE INDEX contracts_org_title ON contracts(org_id, title, id);
CREATE INDEX contracts_org_findings ON contracts(org_id, findings_weight, id);
CREATE INDEX contracts_org_third ON contracts(org_id, third_country_unprotected, third_country, id);
CREATE INDEX contracts_org_created ON contracts(org_id, created_at, id);
CREATE INDEX contracts_org_review_id ON contracts(org_id, next_review, id);
CREATE INDEX contracts_org_breach ON contracts(org_id, breach_notice_hours, id);
CREATE INDEX contracts_org_objection_days ON contracts(org_id, subprocessor_objection_days, id);
CREATE INDEX contracts_org_last_review ON contracts(org_id, last_review_at, id);
CREATE INDEX contracts_org_search ON contracts(org_id, search, id);

CREATE TABLE contract_subprocessors (
	org_id BIGINT NOT NULL,
	contract_id BIGINT NOT NULL,
	seq BIGINT NOT NULL,
	vendor_id BIGINT NOT NULL,
	analysis_id BIGINT NOT NULL,
	name TEXT NOT NULL,
	name_key TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	third_country BIGINT NOT NULL DEFAULT 0,
	transfer_mechanism TEXT NOT NULL DEFAULT '',
	unprotected BIGINT NOT NULL DEFAULT 0,
	service TEXT NOT NULL DEFAULT '',
	location TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (org_id, contract_id, seq),
	FOREIGN KEY (org_id, contract_id) REFERENCES contracts(org_id, id)
);
CREATE INDEX contract_subprocessors_key ON contract_subprocessors(org_id, name_key, contract_id, vendor_id, third_country, unprotected, country);
CREATE INDEX contract_subprocessors_third ON contract_subprocessors(org_id, third_country, country, transfer_mechanism, name_key, contract_id);

INSERT INTO contract_subprocessors (org_id, contract_id, seq, vendor_id, analysis_id, name, name_key, country, third_country, transfer_mechanism, unprotected, service, location)
SELECT c.org_id, c.id, p.seq, c.vendor_id, p.analysis_id, p.name, p.name_key, p.country, p.third_country, p.transfer_mechanism,
	CASE WHEN p.third_country = 1 AND p.transfer_mechanism IN ('', 'none') THEN 1 ELSE 0 END, p.service, p.location
FROM contracts c JOIN analysis_subprocessors p ON p.org_id = c.org_id AND p.analysis_id = c.latest_analysis_id;

CREATE TABLE subprocessor_stats (
	org_id BIGINT NOT NULL,
	name_key TEXT NOT NULL,
	name TEXT NOT NULL,
	contracts BIGINT NOT NULL,
	vendors BIGINT NOT NULL,
	third_country BIGINT NOT NULL,
	unprotected BIGINT NOT NULL,
	PRIMARY KEY (org_id, name_key)
);
CREATE INDEX subprocessor_stats_contracts ON subprocessor_stats(org_id, contracts, name_key);

INSERT INTO subprocessor_stats (org_id, name_key, name, contracts, vendors, third_country, unprotected)
SELECT org_id, name_key, MIN(name), COUNT(DISTINCT contract_id), COUNT(DISTINCT vendor_id), MAX(third_country),
	COUNT(DISTINCT CASE WHEN unprotected = 1 THEN contract_id END)
FROM contract_subprocessors GROUP BY org_id, name_key;

CREATE TABLE third_country_stats (
	org_id BIGINT NOT NULL,
	country TEXT NOT NULL,
	mechanism TEXT NOT NULL,
	subprocessors BIGINT NOT NULL,
	contracts BIGINT NOT NULL,
	PRIMARY KEY (org_id, country, mechanism)
);

INSERT INTO third_country_stats (org_id, country, mechanism, subprocessors, contracts)
SELECT org_id, country, transfer_mechanism, COUNT(DISTINCT name_key), COUNT(DISTINCT contract_id)
FROM contract_subprocessors WHERE third_country = 1 GROUP BY org_id, country, transfer_mechanism;
