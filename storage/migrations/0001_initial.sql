-- 0001: the core tables of the flow (ARCHITECTURE.md, "Storage").
CREATE TABLE documents (
    id             VARCHAR PRIMARY KEY,      -- sha256(source || url)[:16]
    source         VARCHAR NOT NULL,         -- source id from the config
    kind           VARCHAR NOT NULL,         -- news | filing | stats
    url            VARCHAR NOT NULL,
    canonical_url  VARCHAR,
    title          VARCHAR,
    published_at   TIMESTAMP,
    fetched_at     TIMESTAMP NOT NULL,
    lang           VARCHAR,
    content_hash   VARCHAR NOT NULL,         -- sha256 of raw
    content_type   VARCHAR,
    raw            BLOB,
    text           VARCHAR,
    status         VARCHAR NOT NULL,         -- new | parsed | irrelevant | duplicate | failed
    error          VARCHAR,
    duplicate_of   VARCHAR,
    metadata       JSON,
    extractor_version VARCHAR,
    processed_at   TIMESTAMP,
    UNIQUE (source, url)
);
CREATE INDEX documents_status ON documents (status);
CREATE INDEX documents_hash ON documents (content_hash);

CREATE TABLE facts (
    document_id    VARCHAR NOT NULL,
    company        VARCHAR NOT NULL,
    metric         VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    unit           VARCHAR NOT NULL,
    qualifier      VARCHAR NOT NULL,
    quote          VARCHAR NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    confidence     DOUBLE NOT NULL,
    reason         VARCHAR,                  -- why the fact is doubted (plausibility), NULL when trusted
    extractor_version VARCHAR NOT NULL,
    PRIMARY KEY (document_id, company, metric, period, value, span_start)
);
CREATE INDEX facts_key ON facts (company, metric, period);

CREATE TABLE metrics (
    company        VARCHAR NOT NULL,
    metric         VARCHAR NOT NULL,
    period         VARCHAR NOT NULL,
    value          DOUBLE NOT NULL,
    unit           VARCHAR NOT NULL,
    qualifier      VARCHAR NOT NULL,
    n_sources      INTEGER NOT NULL,
    min_value      DOUBLE,
    max_value      DOUBLE,
    conflict       BOOLEAN NOT NULL DEFAULT false,
    derived        BOOLEAN NOT NULL DEFAULT false,
    basis          VARCHAR,                  -- how the value was reached: 'filing', 'median', 'derived:<formula>'
    document_ids   VARCHAR[],
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (company, metric, period)
);

CREATE TABLE alerts (
    key            VARCHAR PRIMARY KEY,      -- hash of (rule, company, metric, period, value)
    rule           VARCHAR NOT NULL,
    severity       VARCHAR NOT NULL,
    company        VARCHAR,
    metric         VARCHAR,
    period         VARCHAR,
    value          DOUBLE,
    title          VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,
    quote          VARCHAR,
    document_id    VARCHAR,
    document_url   VARCHAR,
    document_title VARCHAR,
    payload        JSON,
    status         VARCHAR NOT NULL,         -- pending | sent | failed | suppressed
    attempts       INTEGER NOT NULL DEFAULT 0,
    created_at     TIMESTAMP NOT NULL,
    sent_at        TIMESTAMP,
    slack_ts       VARCHAR,
    error          VARCHAR,
    run_id         VARCHAR
);
CREATE INDEX alerts_status ON alerts (status);

CREATE TABLE runs (
    id             VARCHAR PRIMARY KEY,
    command        VARCHAR NOT NULL,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    status         VARCHAR NOT NULL,         -- running | ok | failed
    counts         JSON,
    error          VARCHAR
);

CREATE TABLE source_state (
    source         VARCHAR PRIMARY KEY,
    kind           VARCHAR NOT NULL,
    etag           VARCHAR,
    last_modified  VARCHAR,
    cursor         VARCHAR,
    validators     JSON,                     -- per-URL ETag / Last-Modified for sources with many URLs
    last_attempt   TIMESTAMP,
    last_success   TIMESTAMP,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    last_error     VARCHAR,
    last_count     INTEGER
);
