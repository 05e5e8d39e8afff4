-- Sessions API store, version 9: the API keys' request budgets, shared by every instance over this
-- database, so that N instances behind a load balancer allow a key its rate once, not N times. One token
-- bucket per key, named by a hash of the key (the table holds no key), spent by one atomic statement per
-- request (store/shared-rate-limiter.ts). The embedded store keeps its budgets in the process's memory and
-- leaves this table empty.

CREATE TABLE rate_limit_buckets (
  name text PRIMARY KEY,
  -- requests left, a fraction while refilling
  tokens double precision NOT NULL,
  -- the instance's real time (ms since the epoch) the tokens were counted at
  updated_ms bigint NOT NULL,
  -- whether the last request spent a token (read back by the statement that spent it)
  granted boolean NOT NULL
);
