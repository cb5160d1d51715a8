-- 0011: what the outbox needs for digests, cooldowns and exactly-once delivery (alerts/outbox.py).
-- status: pending | sending (marked before the Slack call) | sent | failed (retried next run)
--         | suppressed (cooldown or per-run limit; never delivered) | unconfirmed (may have been delivered
--         through a channel that cannot be searched, so it is not resent)
ALTER TABLE alerts ADD COLUMN kind VARCHAR;             -- the rule's kind: change, milestone, conflict, ...
ALTER TABLE alerts ADD COLUMN reason VARCHAR;           -- why it fired, in words
ALTER TABLE alerts ADD COLUMN suppressed_by VARCHAR;    -- why a suppressed alert was not delivered
ALTER TABLE alerts ADD COLUMN digest_key VARCHAR;       -- the message (one per company per run) it went out in
ALTER TABLE alerts ADD COLUMN sending_at TIMESTAMP;     -- when the last delivery attempt started
ALTER TABLE alerts ADD COLUMN chart_path VARCHAR;       -- the PNG of the metric's history, when there is one
CREATE INDEX alerts_cooldown ON alerts (rule, company, metric, created_at);
