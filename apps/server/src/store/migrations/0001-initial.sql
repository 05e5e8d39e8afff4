-- Sessions API store, version 1.
-- Every time in these tables is the server clock's (real time plus the sandbox offset); queries pass
-- "now" as a parameter rather than calling now(), so that the test clock governs expiry.

-- the sandbox test clock, shared by every server instance over this database
CREATE TABLE clock (
  id smallint PRIMARY KEY CHECK (id = 1),
  offset_seconds bigint NOT NULL DEFAULT 0 CHECK (offset_seconds >= 0)
);
INSERT INTO clock (id, offset_seconds) VALUES (1, 0);

-- sub-users belong to one account; they are created on first use
CREATE TABLE subusers (
  id text PRIMARY KEY,
  account text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE gateway_sessions (
  id text PRIMARY KEY,
  account text NOT NULL,
  product text NOT NULL CHECK (product IN ('residential', 'mobile')),
  username text NOT NULL,
  subuser text NOT NULL REFERENCES subusers (id),
  session_id text NOT NULL,
  region text NOT NULL,
  state text,
  city text,
  asn bigint NOT NULL,
  exit_ip text NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  bytes_used bigint NOT NULL DEFAULT 0,
  requests bigint NOT NULL DEFAULT 0,
  repinned boolean NOT NULL DEFAULT false,
  terminated_at timestamptz
);

-- the list order (started_at DESC, id DESC) under each filter, for keyset pagination
CREATE INDEX gateway_sessions_by_start ON gateway_sessions (account, product, started_at DESC, id DESC);
CREATE INDEX gateway_sessions_by_subuser ON gateway_sessions (account, product, subuser, started_at DESC, id DESC);
CREATE INDEX gateway_sessions_by_session_id ON gateway_sessions (account, product, session_id, started_at DESC, id DESC);
CREATE INDEX gateway_sessions_by_region ON gateway_sessions (account, product, region, started_at DESC, id DESC);
CREATE INDEX gateway_sessions_by_asn ON gateway_sessions (account, product, asn, started_at DESC, id DESC);
CREATE INDEX gateway_sessions_by_repinned ON gateway_sessions (account, product, repinned, started_at DESC, id DESC);
-- the live session of a username, and the exit IP of its previous one
CREATE INDEX gateway_sessions_by_username ON gateway_sessions (account, product, username, started_at DESC);
-- the purge
CREATE INDEX gateway_sessions_expiry ON gateway_sessions (expires_at) WHERE terminated_at IS NULL;
CREATE INDEX gateway_sessions_termination ON gateway_sessions (terminated_at) WHERE terminated_at IS NOT NULL;

CREATE TABLE session_samples (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_pk text NOT NULL REFERENCES gateway_sessions (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  method text NOT NULL,
  target_host text NOT NULL,
  target_port integer NOT NULL,
  status_code integer NOT NULL,
  bytes bigint NOT NULL,
  duration_ms integer NOT NULL
);
CREATE INDEX session_samples_latest ON session_samples (session_pk, at DESC, seq DESC);

CREATE TABLE app_sessions (
  id text PRIMARY KEY,
  account text NOT NULL,
  public_url text NOT NULL,
  browser_session jsonb NOT NULL,
  application_user_id text NOT NULL,
  endpoint_id text NOT NULL,
  edge_id text,
  route_id text,
  created_at timestamptz NOT NULL,
  last_active timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  deleted_at timestamptz
);
-- ids are ULIDs: newest first is id DESC
CREATE INDEX app_sessions_by_id ON app_sessions (account, id DESC);
CREATE INDEX app_sessions_expiry ON app_sessions (expires_at);
CREATE INDEX app_sessions_deletion ON app_sessions (deleted_at) WHERE deleted_at IS NOT NULL;
