/** Demo data written into an empty store, once, also when several instances start together. */
import { insertAppSession } from "./app-session-rows.js";
import type { Queryable } from "./database.js";
import { newestSamples, sessionColumns } from "./session-rows.js";
import type { StoreAccess } from "./store-access.js";
import type { SeedData } from "./store-types.js";

/**
 * Writes `data` when the store holds nothing yet; true when it did. Only one of several instances
 * starting together over one database seeds: they take turns on an advisory lock.
 */
export async function seedIfEmpty(access: StoreAccess, data: SeedData): Promise<boolean> {
  const seeded = await access.db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1, $2)", [0x5e55, 0x0002]);
    const [state] = await tx.query<{ empty: boolean }>(
      "SELECT NOT EXISTS (SELECT 1 FROM subusers) AND NOT EXISTS (SELECT 1 FROM app_sessions) AS empty",
    );
    if (state?.empty !== true) return false;
    await insertSeedData(tx, data);
    return true;
  });
  if (seeded) {
    access.dropAllCachedReads();
    access.countRows("inserted", {
      subusers: data.subusers.length,
      gateway_sessions: data.sessions.length,
      app_sessions: data.appSessions.length,
    });
  }
  return seeded;
}

/**
 * Inserts `data` inside the caller's transaction `tx`; sub-users it names that exist already are kept
 * (sub-users are never deleted: see `Subusers`).
 *
 * @example
 * await db.transaction((tx) => insertSeedData(tx, data));
 */
export async function insertSeedData(tx: Queryable, data: SeedData): Promise<void> {
  for (const subuser of data.subusers) {
    await tx.query(
      "INSERT INTO subusers (id, account, created_at) VALUES ($1, $2, now()) ON CONFLICT (account, id) DO NOTHING",
      [subuser.id, subuser.account],
    );
  }
  for (const { account, session: s, samples } of data.sessions) {
    await tx.query(
      `INSERT INTO gateway_sessions (${sessionColumns}, account, samples)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        s.id,
        s.product,
        s.username,
        s.subuser,
        s.session_id,
        s.region,
        s.state,
        s.city,
        s.asn,
        s.exit_ip,
        s.started_at,
        s.expires_at,
        s.bytes_used,
        s.requests,
        s.repinned,
        s.terminated_at,
        account,
        JSON.stringify(newestSamples(samples, s.started_at)),
      ],
    );
  }
  for (const record of data.appSessions) await insertAppSession(tx, record);
}
