-- Sessions API store, version 7: each account has its own sandbox test clock.
-- One clock for the whole database meant that any account moving it expired every other account's
-- sessions. Now an account's clock is real time plus its own offset; an account without a row here is
-- at real time. Every account with something stored keeps the time it had, so no stored time moves.

CREATE TABLE account_clocks (
  account text PRIMARY KEY,
  offset_seconds bigint NOT NULL CHECK (offset_seconds >= 0)
);

INSERT INTO account_clocks (account, offset_seconds)
SELECT accounts.account, clock.offset_seconds
FROM (SELECT account FROM subusers UNION SELECT account FROM app_sessions) accounts, clock
WHERE clock.id = 1 AND clock.offset_seconds > 0;

DROP TABLE clock;
