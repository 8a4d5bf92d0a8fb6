-- Sub-processors and third-country pairs whose aggregates are out of date:
-- an upload only marks them here (cheap, no lock); the next portfolio read
-- of the organisation recomputes the marked aggregates and deletes exactly
-- the marks it read.
CREATE TABLE stats_dirty (
	id {{ID}},
	org_id BIGINT NOT NULL,
	kind TEXT NOT NULL,
	name_key TEXT NOT NULL DEFAULT '',
	country TEXT NOT NULL DEFAULT '',
	mechanism TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stats_dirty_org ON stats_dirty(org_id, id);
