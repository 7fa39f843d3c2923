-- See migrations/sqlite/002_webhook_outbox.sql.
CREATE TABLE webhook_outbox (
  response_id     text PRIMARY KEY REFERENCES responses (id),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  last_error      text,
  dead            boolean NOT NULL DEFAULT false
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (dead, next_attempt_at);
