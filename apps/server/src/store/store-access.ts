/**
 * What every part of the store shares: the database, the read cache in front of it, and the rule that
 * ties them together: a read goes through the cache, a write drops the cached reads of the accounts it
 * wrote once it is done (or failed), and counts its rows for the table upkeep.
 */
import type { Database } from "./database.js";
import type { ReadCache } from "./read-cache.js";
import type { StoreUpkeep, TableChanges } from "./store-upkeep.js";

/** A read from the database, with until when its answer holds and how many rows it keeps in the cache. */
export interface CacheableRead<T> {
  value: T;
  /** Asked only when the answer is kept: ms since epoch. */
  validUntil: () => number;
  rows: number;
}

/**
 * The database with the cache and upkeep of one store.
 *
 * @example
 * const rows = await access.writeForAccounts([account], { app_sessions: 1 }, () => db.query(sql, params));
 */
export class StoreAccess {
  constructor(
    readonly db: Database,
    /** PGlite only: its data directory is this process's alone, so every write passes through here. */
    private readonly cache: ReadCache | undefined,
    private readonly upkeep: StoreUpkeep,
  ) {}

  /** A read through the cache: `read` answers at `now` (over PostgreSQL nothing is kept). */
  async readThroughCache<T>(
    account: string,
    key: string,
    now: Date,
    read: () => Promise<CacheableRead<T>>,
  ): Promise<T> {
    const cache = this.cache;
    if (cache === undefined) return (await read()).value;
    const hit = cache.get<T>(account, key, now);
    if (hit !== undefined) return hit;
    const generation = cache.generation(account);
    const { value, validUntil, rows } = await read();
    // a miss (a null) is not kept: it stays one until a write, but misses are not what is read often
    if (value !== null) cache.set(account, key, value, { generation, now, validUntil: validUntil(), rows });
    return value;
  }

  /**
   * A write to the accounts' data: their cached reads are dropped once it is done (or failed); `changes`
   * says how many rows of which tables it inserts.
   */
  async writeForAccounts<T>(
    accounts: readonly string[],
    changes: TableChanges | ((result: T) => TableChanges),
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      const result = await write();
      this.upkeep.count("inserted", typeof changes === "function" ? changes(result) : changes);
      return result;
    } finally {
      for (const account of accounts) this.cache?.invalidate(account);
    }
  }

  /** After a write whose accounts are not known (a purge, a seed): drops every cached read. */
  dropAllCachedReads(): void {
    this.cache?.clear();
  }

  /** Counts rows written outside `writeForAccounts`, for the table upkeep. */
  countRows(kind: "inserted" | "deleted", changes: TableChanges): void {
    this.upkeep.count(kind, changes);
  }
}
