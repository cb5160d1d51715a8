-- 0040: latest_metrics holds what its name says: per company, metric and kind of period, the most recent
-- period's value, with the period of that kind before it for context (FY2025 with FY2024, 2025H1 with 2024H2,
-- 2025Q3 with 2025Q2, a day with the day before). Every period of every metric stays in the metrics table.
--   period_grain: FY, H (halves), Q, Q1-Q3 (a range of quarters), M (month), D (instant), SPAN (FY2022-FY2024,
--                 for CAGR) or OPEN; period_end: the last day the period covers (NULL for OPEN)
--   previous_period, previous_value: NULL when there is none, or when its unit differs (USD then, CNY now)
-- Both period columns are stored with each metric row (pipeline/metrics.py writes them from pipeline/periods.py),
-- so the view only groups; the rows stored before this migration get them here, once.
ALTER TABLE metrics ADD COLUMN period_grain VARCHAR;
ALTER TABLE metrics ADD COLUMN period_end DATE;

UPDATE metrics SET period_grain =
    CASE WHEN regexp_full_match(period, 'FY\d{4}') THEN 'FY'
         WHEN regexp_full_match(period, '\d{4}H[12]') THEN 'H'
         WHEN regexp_full_match(period, '\d{4}Q[1-4]') THEN 'Q'
         WHEN regexp_full_match(period, '\d{4}Q[1-4]-Q[1-4]') THEN substr(period, 5)
         WHEN regexp_full_match(period, '\d{4}-\d{2}') THEN 'M'
         WHEN regexp_full_match(period, '\d{4}-\d{2}-\d{2}') THEN 'D'
         WHEN regexp_full_match(period, 'FY\d{4}-FY\d{4}') THEN 'SPAN'
         ELSE 'OPEN' END;

UPDATE metrics SET period_end =
    CASE period_grain
        WHEN 'FY' THEN try_strptime(substr(period, 3, 4) || '-12-31', '%Y-%m-%d')
        WHEN 'H' THEN try_strptime(substr(period, 1, 4) || CASE period[6] WHEN '1' THEN '-06-30' ELSE '-12-31' END,
                                   '%Y-%m-%d')
        WHEN 'M' THEN last_day(try_strptime(period || '-01', '%Y-%m-%d'))
        WHEN 'D' THEN try_strptime(period, '%Y-%m-%d')
        WHEN 'SPAN' THEN try_strptime(substr(period, 10, 4) || '-12-31', '%Y-%m-%d')
        WHEN 'OPEN' THEN NULL
        -- a quarter or a range of quarters: the end of its last quarter
        ELSE last_day(try_strptime(substr(period, 1, 4) || '-' || (3 * right(period, 1)::INTEGER) || '-01', '%Y-%m-%d'))
    END::DATE;

-- One aggregate keeps the two latest periods of each group (cheaper than a window over every row); the latest
-- is joined back for its columns. Newest end first; of two CAGR spans ending together, the longer one.
CREATE OR REPLACE VIEW latest_metrics AS
WITH latest AS (
    SELECT company, metric, period_grain,
           max_by({'period': period, 'value': value, 'unit': unit},
                  coalesce(period_end - DATE '0001-01-01', -1) * 10000
                  - CASE period_grain WHEN 'SPAN' THEN try_cast(substr(period, 3, 4) AS INTEGER) ELSE 0 END,
                  2) AS two
    FROM metrics
    GROUP BY company, metric, period_grain
)
SELECT m.company, m.metric, m.period, m.value, m.unit, m.qualifier, m.n_sources, m.min_value, m.max_value,
       m.conflict, m.derived, m.basis, m.updated_at, m.reporting_value, m.reporting_currency,
       m.period_grain, m.period_end,
       CASE WHEN l.two[2].unit = m.unit THEN l.two[2].period END AS previous_period,
       CASE WHEN l.two[2].unit = m.unit THEN l.two[2].value END AS previous_value
FROM latest l
JOIN metrics m ON m.company = l.company AND m.metric = l.metric AND m.period = l.two[1].period
ORDER BY m.company, m.metric, m.period_end DESC NULLS LAST, m.period;
