-- 0003: an index on documents.status makes DuckDB rewrite the whole row (raw bytes included) on every
-- status change; the status scans it served are cheap without it (measured in BENCHMARKS.md).
DROP INDEX IF EXISTS documents_status;
