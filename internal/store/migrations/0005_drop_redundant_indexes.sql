-- Two indexes of the contracts table that a wider index already covers
-- with the same leading columns: (org_id, next_review) is the prefix of
-- contracts_org_review_id, (org_id, third_country_unprotected) the prefix
-- of contracts_org_third. On PostgreSQL every UPDATE of a contract that
-- changes an indexed column writes an entry in every index, so each index
-- less makes an upload cheaper.
DROP INDEX IF EXISTS contracts_org_next_review;
DROP INDEX IF EXISTS contracts_org_unprotected;
