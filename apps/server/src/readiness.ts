/**
 * Readiness (`GET /readyz`), as distinct from liveness (`GET /healthz`, which asks nothing of the store):
 * an instance is ready to take traffic when its store answers and the database has every migration this
 * server knows. A load balancer sends requests only to ready instances; an orchestrator restarts only
 * instances that are not alive.
 *
 * @example
 * const unready = await findUnreadiness({ store, shared, latestMigration: 9 });
 * if (unready !== null) throw ApiError.notReady(unready.reason);
 */
import type { Queryable } from "./store/database.js";
import type { SessionStore } from "./store/session-store.js";

export interface ReadinessInput {
  store: Pick<SessionStore, "ping">;
  /** Over PostgreSQL, a connection to the same database to read `schema_migrations` from. */
  shared: Queryable | undefined;
  /** The newest migration version this server ships. */
  latestMigration: number;
}

/** Why an instance is not ready; `storeUnreachable` when its store did not answer. */
export interface Unreadiness {
  reason: string;
  storeUnreachable: boolean;
}

/**
 * Why the instance is not ready, or null when it is. Over the embedded store the migrations were applied
 * when this process opened it, and no other process opens its data directory, so only the store's answer
 * is asked; over PostgreSQL another instance or an operator may have changed the schema since.
 *
 * @example
 * await findUnreadiness({ store, shared: undefined, latestMigration: 9 }); // null
 */
export async function findUnreadiness(input: ReadinessInput): Promise<Unreadiness | null> {
  try {
    await input.store.ping();
  } catch {
    return { reason: "The session store cannot be reached.", storeUnreachable: true };
  }
  if (input.shared === undefined) return null;
  let applied: number;
  try {
    const [row] = await input.shared.query<{ version: number | null }>(
      "SELECT max(version) AS version FROM schema_migrations",
    );
    applied = Number(row?.version ?? 0);
  } catch {
    return { reason: "The database's schema_migrations cannot be read.", storeUnreachable: false };
  }
  if (applied < input.latestMigration) {
    return {
      reason: `The database has migrations up to ${applied}; this server needs ${input.latestMigration}: start an instance of this version to apply them.`,
      storeUnreachable: false,
    };
  }
  return null;
}
