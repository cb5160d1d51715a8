-- 0012: analyst views over metrics (with reporting currency and derivations) and the alert outbox.
CREATE OR REPLACE VIEW latest_metrics AS
SELECT m.company, m.metric, m.period, m.value, m.unit, m.qualifier, m.n_sources,
       m.min_value, m.max_value, m.conflict, m.derived, m.basis, m.updated_at,
       m.reporting_value, m.reporting_currency
FROM metrics m
ORDER BY m.company, m.metric, m.period;

CREATE OR REPLACE VIEW derived_metrics AS
SELECT company, metric, period, value, unit, qualifier, basis, document_ids, updated_at
FROM metrics
WHERE derived
ORDER BY company, metric, period;

CREATE OR REPLACE VIEW company_financials AS
SELECT company,
       period,
       max(value) FILTER (WHERE metric = 'revenue')              AS revenue,
       max(unit)  FILTER (WHERE metric = 'revenue')              AS revenue_unit,
       max(reporting_value) FILTER (WHERE metric = 'revenue')    AS revenue_reporting,
       max(reporting_currency) FILTER (WHERE metric = 'revenue') AS reporting_currency,
       max(value) FILTER (WHERE metric = 'revenue_growth')       AS revenue_growth_pct,
       max(value) FILTER (WHERE metric = 'rd_expense')           AS rd_expense,
       max(value) FILTER (WHERE metric = 'rd_intensity')         AS rd_intensity_pct,
       max(value) FILTER (WHERE metric = 'net_loss')             AS net_loss,
       max(value) FILTER (WHERE metric = 'adjusted_net_loss')    AS adjusted_net_loss,
       max(value) FILTER (WHERE metric = 'loss_ratio')           AS loss_ratio_pct,
       max(value) FILTER (WHERE metric = 'adjusted_loss_ratio')  AS adjusted_loss_ratio_pct
FROM metrics
WHERE metric IN ('revenue', 'revenue_growth', 'rd_expense', 'rd_intensity', 'net_loss', 'adjusted_net_loss',
                 'loss_ratio', 'adjusted_loss_ratio')
GROUP BY company, period
ORDER BY company, period;

CREATE OR REPLACE VIEW alert_log AS
SELECT created_at, status, severity, rule, kind, company, metric, period, value, title, reason, attempts,
       sent_at, slack_ts, digest_key, suppressed_by, error, document_url, chart_path, key
FROM alerts
ORDER BY created_at DESC, company, key;
