-- Sessions API store, version 4: the embedded store's upkeep counts outlive its process.
-- PGlite runs no autovacuum, and its own counters (pg_stat_user_tables) start from zero each time it
-- opens, so the store counts the rows it inserts and deletes per table itself (AutoVacuum) and analyzes
-- or vacuums a table at autovacuum's thresholds. Those counts were kept in memory only: a sandbox
-- restarted before its purges reached a fifth of a table never vacuumed it, and grew by the room of every
-- session it purged. The store writes its counts here when it closes and starts from them when it opens.
-- Over PostgreSQL the table stays empty: autovacuum keeps its own counts.

CREATE TABLE store_upkeep (
  table_name text PRIMARY KEY,
  -- rows inserted or deleted since the table's last analysis
  changed bigint NOT NULL CHECK (changed >= 0),
  -- rows deleted since its last vacuum
  deleted bigint NOT NULL CHECK (deleted >= 0)
);
