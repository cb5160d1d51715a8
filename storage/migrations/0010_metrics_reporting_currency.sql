-- 0010: amounts also in the reporting currency (config `fx:` / `reporting_currency:`, pipeline/metrics.py).
-- NULL when the row is not an amount or no rate is configured for its currency.
ALTER TABLE metrics ADD COLUMN reporting_value DOUBLE;
ALTER TABLE metrics ADD COLUMN reporting_currency VARCHAR;
