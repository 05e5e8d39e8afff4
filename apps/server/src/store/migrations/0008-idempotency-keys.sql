-- Sessions API store, version 8: idempotency keys of sandbox writes.
-- A sandbox POST sent with an Idempotency-Key runs once: its key is claimed here before it runs and its
-- answer kept here after, so that a retry, on this instance or another over the database, replays the
-- answer instead of running again. Keys belong to an API key (by its digest: no API key is stored) and
-- are kept 24 hours of real time.

CREATE TABLE idempotency_keys (
  api_key_digest text NOT NULL,
  idempotency_key text NOT NULL,
  -- the request the key was first sent with (method, path and body), as a digest
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL,
  -- a claim whose request has not answered by then was abandoned (its instance stopped): it may be taken
  locked_until timestamptz NOT NULL,
  -- the answer, once there is one
  status smallint,
  headers jsonb,
  body text,
  PRIMARY KEY (api_key_digest, idempotency_key)
);
-- the purge
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
