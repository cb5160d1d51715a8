-- 0002: views for analysts (README "Ad-hoc queries"). Replaced wholesale by later migrations when they change.
CREATE OR REPLACE VIEW latest_metrics AS
SELECT m.company, m.metric, m.period, m.value, m.unit, m.qualifier, m.n_sources,
       m.min_value, m.max_value, m.conflict, m.derived, m.basis, m.updated_at
FROM metrics m
ORDER BY m.company, m.metric, m.period;

CREATE OR REPLACE VIEW revenue_mix AS
SELECT company,
       period,
       max(value) FILTER (WHERE metric = 'revenue_share.on_premise') AS on_premise_pct,
       max(value) FILTER (WHERE metric = 'revenue_share.cloud')      AS cloud_pct,
       max(value) FILTER (WHERE metric = 'revenue_share.consumer')   AS consumer_pct,
       max(value) FILTER (WHERE metric = 'revenue')                  AS revenue,
       max(unit)  FILTER (WHERE metric = 'revenue')                  AS revenue_unit,
       bool_or(conflict)                                              AS any_conflict
FROM metrics
WHERE metric LIKE 'revenue_share.%' OR metric = 'revenue'
GROUP BY company, period
HAVING count(*) FILTER (WHERE metric LIKE 'revenue_share.%') > 0
ORDER BY company, period;

CREATE OR REPLACE VIEW token_volume AS
SELECT company, metric, period, value, unit, qualifier, n_sources, conflict
FROM metrics
WHERE metric IN ('daily_token_volume', 'token_volume') OR metric LIKE 'token_volume%'
ORDER BY company, metric, period;

CREATE OR REPLACE VIEW conflicting_sources AS
SELECT m.company, m.metric, m.period, m.value AS consensus, m.min_value, m.max_value, m.n_sources,
       f.value AS source_value, f.unit, f.qualifier, f.quote, d.title AS document_title, d.url AS document_url
FROM metrics m
JOIN facts f USING (company, metric, period)
JOIN documents d ON d.id = f.document_id
WHERE m.conflict AND f.reason IS NULL
ORDER BY m.company, m.metric, m.period, f.value;

CREATE OR REPLACE VIEW fact_sources AS
SELECT f.company, f.metric, f.period, f.value, f.unit, f.qualifier, f.confidence, f.reason, f.quote,
       d.title AS document_title, d.url AS document_url, d.published_at, d.source, d.kind
FROM facts f JOIN documents d ON d.id = f.document_id
ORDER BY f.company, f.metric, f.period;

CREATE OR REPLACE VIEW source_health AS
SELECT source, kind, last_success, last_attempt, consecutive_errors, last_error, last_count,
       consecutive_errors = 0 AS healthy
FROM source_state
ORDER BY source;
