-- 0020 (sources): near-duplicate fingerprints of parsed news documents (pipeline/dedupe.py).
-- A separate table, so a document whose content changes keeps no stale fingerprint: rows match
-- documents on (id, content_hash).
CREATE TABLE document_fingerprints (
    document_id    VARCHAR PRIMARY KEY,
    content_hash   VARCHAR NOT NULL,         -- the documents.content_hash the fingerprint was computed from
    simhash        BIGINT NOT NULL,          -- 64-bit SimHash over character 4-gram shingles of the text
    shingles       INTEGER NOT NULL          -- how many distinct shingles the text has
);
CREATE INDEX documents_canonical_url ON documents (canonical_url);
