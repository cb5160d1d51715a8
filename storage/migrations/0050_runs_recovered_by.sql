-- 0050: a run that did not end ok (killed, failed, a retried Airflow task) may have committed documents whose
-- metrics were never recomputed. The next run that processes documents recomputes them and records here that
-- it did: one recovery mechanism for `marketmon run` and the Airflow stages. Runs before the last ok run were
-- already recovered under the old rule (everything since the last ok run).
ALTER TABLE runs ADD COLUMN recovered_by VARCHAR;
UPDATE runs SET recovered_by = 'migration-0050'
WHERE status <> 'ok' AND started_at < (SELECT max(started_at) FROM runs WHERE status = 'ok');
