/**
 * What every part of the store shares: the database, the read cache in front of it (PGlite only), and the
 * rule that ties them together: a read goes through the cache, a write drops the cached reads it may have
 * changed once it is done, or all of its accounts' when it failed, and counts its rows for the table
 * upkeep.
 */
import type { Database } from "./database.js";
import type { CacheScope, ReadCache } from "./read-cache.js";
import type { ReadTime } from "./store-types.js";
import type { StoreUpkeep, TableChanges } from "./store-upkeep.js";

/**
 * The time of a read the cache may keep: a known one. Only over PostgreSQL, which caches nothing, does a
 * read leave the account's clock to its statement.
 *
 * @throws {Error} for the account's clock at a real time: a store that caches was handed the wrong kind.
 */
export function knownTime(time: ReadTime): Date {
  if (time instanceof Date) return time;
  throw new Error("a cached read needs its time known: ReadTime.accountClockAt is for PostgreSQL only");
}

/** A read from the database, with until when its answer holds and how many rows it keeps in the cache. */
export interface CacheableRead<T> {
  value: T;
  /** Asked only when the answer is kept: ms since epoch. */
  validUntil: () => number;
  rows: number;
}

/** What a write changed, for the cache: one account's lists, and some of its sessions. */
export interface CacheDrop {
  account: string;
  /** Which sessions a list holds may have changed (one started, ended, or changed a filtered field). */
  lists: boolean;
  sessions: readonly string[];
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
    readonly cache: ReadCache | undefined,
    private readonly upkeep: StoreUpkeep,
  ) {}

  /** A read through the cache: `read` answers at `now` (over PostgreSQL nothing is kept). */
  async readThroughCache<T>(
    account: string,
    key: string,
    scope: CacheScope,
    time: ReadTime,
    read: () => Promise<CacheableRead<T>>,
  ): Promise<T> {
    const cache = this.cache;
    if (cache === undefined) return (await read()).value;
    const now = knownTime(time);
    const hit = cache.get<T>(account, key, now);
    if (hit !== undefined) return hit;
    const ticket = cache.begin(account);
    try {
      const { value, validUntil, rows } = await read();
      // a miss (a null) is not kept: it stays one until a write, but misses are not what is read often
      if (value !== null) cache.set(ticket, key, value, scope, { now, validUntil: validUntil(), rows });
      return value;
    } finally {
      cache.end(ticket);
    }
  }

  /**
   * A write to the accounts' data; `changes` says how many rows of which tables it inserts. Once it is
   * done, the cached reads `drops` names are dropped (without `drops`: all of the accounts'); when it
   * failed, all of the accounts' are.
   */
  async writeForAccounts<T>(
    accounts: readonly string[],
    changes: TableChanges | ((result: T) => TableChanges),
    write: () => Promise<T>,
    drops?: (result: T) => readonly CacheDrop[],
  ): Promise<T> {
    let result: T;
    try {
      result = await write();
    } catch (error) {
      for (const account of accounts) this.cache?.invalidateAccount(account);
      throw error;
    }
    const cache = this.cache;
    if (cache !== undefined) {
      if (drops === undefined) for (const account of accounts) cache.invalidateAccount(account);
      else {
        for (const drop of drops(result)) {
          if (drop.lists) cache.invalidateLists(drop.account);
          for (const id of drop.sessions) cache.invalidateSession(drop.account, id);
        }
      }
    }
    this.upkeep.count("inserted", typeof changes === "function" ? changes(result) : changes);
    return result;
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
