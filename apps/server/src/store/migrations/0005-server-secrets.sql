-- Sessions API store, version 5: secrets of the server, one per use, shared by every instance over this
-- database. List cursors carry an HMAC made with the `cursor` secret, so that a cursor the server did not
-- issue (a forged one, say, whose date JavaScript reads and PostgreSQL refuses) is refused before any of
-- it reaches a query. The store writes a secret (32 random bytes, base64) the first time it opens a
-- database without it; it is kept from then on, so cursors issued before a restart keep working.

CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  secret text NOT NULL
);
