-- Responses waiting to be forwarded to CX_WEBHOOK_URL. Written in the same transaction as the response, so a crash
-- between storing and forwarding cannot lose the delivery; rows are deleted once the webhook answers 2xx.
CREATE TABLE webhook_outbox (
  response_id     TEXT PRIMARY KEY REFERENCES responses (id),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,  -- unix milliseconds
  last_error      TEXT,
  dead            INTEGER NOT NULL DEFAULT 0  -- 1 after the retry budget is spent; kept for inspection
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (dead, next_attempt_at);
