-- The countries of each sub-processor, comma-separated ISO codes, kept
-- with its aggregates; NULL until the next change of one of its contracts
-- (the store then reads them from contract_subprocessors).
ALTER TABLE subprocessor_stats ADD COLUMN countries TEXT;
