-- The portfolio's third-country filter (about one contract in ten) on
-- each of its sorts. Without these a filtered page walked the sort's
-- index through every contract, reading each row to test the filter, and
-- the filter's COUNT read the whole table. A partial index holds only the
-- contracts with a third-country sub-processor: the COUNT counts its
-- entries and a page is its first rows in order. SQLite and PostgreSQL use
-- a partial index when the query's WHERE has the index's term as written
-- (ListContracts writes it so, and adds it to the unprotected filter,
-- which implies it). Only those contracts pay for the indexes on a write.
CREATE INDEX contracts_org_third_updated ON contracts(org_id, updated_at, id) WHERE third_country > 0;
CREATE INDEX contracts_org_third_vendor ON contracts(org_id, vendor_name, id) WHERE third_country > 0;
CREATE INDEX contracts_org_third_missing ON contracts(org_id, mandatory_missing, id) WHERE third_country > 0;
CREATE INDEX contracts_org_third_review ON contracts(org_id, next_review, id) WHERE third_country > 0;
