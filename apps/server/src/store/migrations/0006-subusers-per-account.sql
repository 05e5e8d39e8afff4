-- Sessions API store, version 6: sub-user ids are per account.
-- A sub-user's id was its key across all accounts, so through sandbox traffic reports one account could
-- tell which ids other accounts had (404 subuser_not_found) and take free ones before them. Now each
-- account has its own sub-users: the key is (account, id), and a gateway session refers to the sub-user
-- of its own account. Every sub-user and session keeps its account and id.

ALTER TABLE gateway_sessions DROP CONSTRAINT gateway_sessions_subuser_fkey;
ALTER TABLE subusers DROP CONSTRAINT subusers_pkey;
ALTER TABLE subusers ADD CONSTRAINT subusers_pkey PRIMARY KEY (account, id);

-- a session was only ever started for a sub-user of its own account; should a row say otherwise, its
-- account gets that sub-user, so that the foreign key below holds for every session kept
INSERT INTO subusers (id, account, created_at)
SELECT subuser, account, min(started_at) FROM gateway_sessions GROUP BY account, subuser
ON CONFLICT (account, id) DO NOTHING;

ALTER TABLE gateway_sessions ADD CONSTRAINT gateway_sessions_subuser_fkey
  FOREIGN KEY (account, subuser) REFERENCES subusers (account, id);
