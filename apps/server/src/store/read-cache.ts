/**
 * A cache of the store's reads for a database that only this process writes: PGlite, whose data directory
 * is locked to the process. Every write of the store invalidates the account it wrote, so a read after a
 * write always sees it; over PostgreSQL other instances write too, and the store does not cache.
 *
 * The reads it holds depend on time only one way: a session or application session leaves the results
 * when it expires or its audit window ends, and nothing enters them without a write. So each entry keeps
 * the earliest moment at which one of its rows leaves (`validUntil`) and is answered only before it.
 *
 * @example
 * const cache = new ReadCache();
 * const generation = cache.generation("acct_demo");
 * // ... read from the database at `now` ...
 * cache.set("acct_demo", "session:ses_1", session, { generation, now, validUntil, rows: 1 });
 * cache.get("acct_demo", "session:ses_1", now); // the session, until validUntil or the next write
 */

import { freezeShared } from "../json-text.js";

interface Entry {
  value: unknown;
  generation: number;
  /** The `now` it was read at, in ms: an older `now` may still have seen rows it lacks. */
  readAt: number;
  /** The first `now` (ms) at which it is no longer the answer. */
  validUntil: number;
  rows: number;
}

/** How an entry was read, for `ReadCache.set`. */
export interface CachedRead {
  /** `ReadCache.generation(account)`, taken before the read. */
  generation: number;
  /** The time the read was made at. */
  now: Date;
  /** The first time at which the answer may change without a write (a row expires); ms since epoch. */
  validUntil: number;
  /** How many rows the value holds, counted against the cache's capacity. */
  rows: number;
}

/** About 1 KiB per row held: 50,000 rows is some 50 MiB at most. */
export const READ_CACHE_MAX_ROWS = 50_000;

/**
 * Reads of a single-writer store, invalidated per account.
 *
 * @example
 * const cache = new ReadCache({ maxRows: 1_000 });
 */
export class ReadCache {
  // insertion order is recency order: a hit moves its entry to the end, eviction takes from the front
  private readonly entries = new Map<string, Entry>();
  // a write counter: each account remembers the count at its last write, the cache at its last clear
  private writes = 0;
  private readonly lastWrite = new Map<string, number>();
  private lastClear = 0;
  private rows = 0;
  private readonly maxRows: number;

  constructor(options: { maxRows?: number } = {}) {
    this.maxRows = options.maxRows ?? READ_CACHE_MAX_ROWS;
  }

  /** Changes with every write to the account; take it before reading, give it to `set`. */
  generation(account: string): number {
    return Math.max(this.lastWrite.get(account) ?? 0, this.lastClear);
  }

  /** The cached answer to `key` at `now`, or undefined. */
  get<T>(account: string, key: string, now: Date): T | undefined {
    const id = `${account}\n${key}`;
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    const at = now.getTime();
    if (entry.generation !== this.generation(account) || at >= entry.validUntil) {
      this.remove(id, entry);
      return undefined;
    }
    if (at < entry.readAt) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.value as T;
  }

  /**
   * Keeps `value` as the answer to `key`, unless the account was written since `read.generation` (the
   * value may predate that write). The value is frozen: every request that hits it shares it.
   */
  set(account: string, key: string, value: unknown, read: CachedRead): void {
    if (read.generation !== this.generation(account) || read.rows > this.maxRows) return;
    const id = `${account}\n${key}`;
    const previous = this.entries.get(id);
    if (previous !== undefined) this.remove(id, previous);
    this.entries.set(id, {
      value: freezeShared(value),
      generation: read.generation,
      readAt: read.now.getTime(),
      validUntil: read.validUntil,
      rows: read.rows,
    });
    this.rows += read.rows;
    for (const [oldest, entry] of this.entries) {
      if (this.rows <= this.maxRows) break;
      this.remove(oldest, entry);
    }
  }

  /** Drops every answer about the account: call it after each write to it. */
  invalidate(account: string): void {
    this.lastWrite.set(account, ++this.writes);
  }

  /** Drops every answer (after a write whose accounts are not known, such as a purge or a seed). */
  clear(): void {
    this.lastClear = ++this.writes;
    this.lastWrite.clear();
    this.entries.clear();
    this.rows = 0;
  }

  /** Entries and rows held. */
  get size(): { entries: number; rows: number } {
    return { entries: this.entries.size, rows: this.rows };
  }

  private remove(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.rows -= entry.rows;
  }
}
