/**
 * A cache of the store's reads for a database that only this process writes: PGlite, whose data directory
 * is locked to the process. Over PostgreSQL other instances write too, and the store does not cache.
 *
 * Every entry belongs to an account and has a scope, which says which writes drop it:
 * - `account`: any write to the account (application sessions);
 * - `lists`: a write that changes which sessions a list holds: a session started or terminated, or one
 *   whose `repinned` may have changed. A page of the gateway list keeps only its sessions' ids;
 * - `session`: a write to that one session. A traffic report changes one session's counters, so it drops
 *   that session's entries (the session alone, and as an item of the pages) and nothing else: the pages
 *   that hold it take its new version from the next read of it.
 * Whatever drops an account's lists or sessions also drops, for safety, nothing less than it says.
 *
 * The reads it holds depend on time only one way: a session or application session leaves the results
 * when it expires or its audit window ends, and nothing enters them without a write. So each entry keeps
 * the earliest moment at which one of its rows leaves (`validUntil`) and is answered only before it.
 *
 * A read that began before a write its entry depends on may predate the write: such a read is not kept.
 * Each read takes a ticket (`begin`) before it asks the database and hands it to `set`.
 *
 * @example
 * const cache = new ReadCache();
 * const ticket = cache.begin("acct_demo");
 * // ... read session ses_1 from the database at `now` ...
 * cache.set(ticket, "session ses_1", session, { kind: "session", id: "ses_1" }, { now, validUntil, rows: 1 });
 * cache.end(ticket);
 * cache.get("acct_demo", "session ses_1", now); // the session, until validUntil or a write to ses_1
 */

import { freezeShared } from "../json-text.js";

/** Which writes drop an entry: see the module's header. */
export type CacheScope = { kind: "account" } | { kind: "lists" } | { kind: "session"; id: string };

/**
 * A kept answer, for a reader that holds on to it (a page holds its sessions'): `ReadCache.isLive` then
 * says whether it still answers, without finding it by its key again.
 */
export interface CacheEntry<T> {
  readonly value: T;
}

interface Entry {
  value: unknown;
  /** Dropped from the cache: its holders must look again (its value is let go). */
  removed: boolean;
  account: string;
  scope: CacheScope;
  accountGeneration: number;
  listsGeneration: number;
  /** The `now` it was read at, in ms: an older `now` may still have seen rows it lacks. */
  readAt: number;
  /** The first `now` (ms) at which it is no longer the answer. */
  validUntil: number;
  rows: number;
}

/** A read in flight: what the cache had seen of the account's writes when it began. */
export interface ReadTicket {
  readonly account: string;
  readonly accountGeneration: number;
  readonly listsGeneration: number;
  /** The cache's write count when the read began. */
  readonly writeMark: number;
}

/** How an entry was read, for `ReadCache.set`. */
export interface CachedRead {
  /** The time the read was made at. */
  now: Date;
  /** The first time at which the answer may change without a write (a row expires); ms since epoch. */
  validUntil: number;
  /** How many rows the value holds, counted against the cache's capacity. */
  rows: number;
}

/** About 1 KiB per row held: 50,000 rows is some 50 MiB at most. */
export const READ_CACHE_MAX_ROWS = 50_000;
// sessions written recently, kept only as long as a read that began before the write may still be in
// flight; past twice this many the cache forgets those older than every read in flight
const RECENT_SESSION_WRITES = 10_000;
// Both the entries and the session writes are Maps kept in use order, trimmed from the front. A Map
// walked from its front steps over every entry deleted since it last compacted itself, so trimming one
// entry per insertion cost a walk over thousands of holes each time (ReadCache.set was 13% of the store
// leg's CPU at 1M sessions): trimming happens in batches instead, down to this share of the limit.
const TRIM_TO = 0.9;
// how many keys asked once `admit` remembers (each some 100 bytes)
const ASKED_ONCE = 20_000;

const sessionTag = (account: string, id: string) => `${account}\n${id}`;

/**
 * Reads of a single-writer store, invalidated per account, per account's lists, or per session.
 *
 * @example
 * const cache = new ReadCache({ maxRows: 1_000 });
 */
export class ReadCache {
  // insertion order is recency order: a hit moves its entry to the end, eviction takes from the front
  private readonly entries = new Map<string, Entry>();
  // the ids of each session's entries
  private readonly bySession = new Map<string, Set<string>>();
  // a write counter: each account (and its lists) remembers the count at its last write, the cache at
  // its last clear
  private writes = 0;
  private lastClear = 0;
  private readonly accountWrites = new Map<string, number>();
  private readonly listsWrites = new Map<string, number>();
  private readonly sessionWrites = new Map<string, number>();
  private readonly inFlight = new Set<ReadTicket>();
  private readonly askedOnce = new Set<string>();
  private rows = 0;
  private readonly maxRows: number;

  constructor(options: { maxRows?: number } = {}) {
    this.maxRows = options.maxRows ?? READ_CACHE_MAX_ROWS;
  }

  /** A ticket for a read of the account that is about to begin; `end` it when the read is over. */
  begin(account: string): ReadTicket {
    const ticket = {
      account,
      accountGeneration: this.accountGeneration(account),
      listsGeneration: this.listsGeneration(account),
      writeMark: this.writes,
    };
    this.inFlight.add(ticket);
    return ticket;
  }

  end(ticket: ReadTicket): void {
    this.inFlight.delete(ticket);
  }

  /** The cached answer to the account's `key` at `now`, or undefined. */
  get<T>(account: string, key: string, now: Date): T | undefined {
    return this.entry<T>(account, key, now)?.value;
  }

  /** The entry of the cached answer to the account's `key` at `now`, for a reader that holds on to it. */
  entry<T>(account: string, key: string, now: Date): CacheEntry<T> | undefined {
    const id = `${account}\n${key}`;
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    const at = now.getTime();
    if (!this.isCurrent(entry) || at >= entry.validUntil) {
      this.remove(id, entry);
      return undefined;
    }
    if (at < entry.readAt) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry as CacheEntry<T>;
  }

  /**
   * Whether an entry this cache handed out still answers at `now`, as `entry` would find it: it is
   * neither dropped nor past its time. Unlike `entry`, it does not count as a use for eviction: a page
   * read often keeps its own entry, not its sessions', at the end of the queue.
   */
  isLive(handle: CacheEntry<unknown>, now: Date): boolean {
    const entry = handle as Entry;
    const at = now.getTime();
    return !entry.removed && this.isCurrent(entry) && at < entry.validUntil && at >= entry.readAt;
  }

  /**
   * Keeps `value` as the answer to the account's `key`, unless a write its scope depends on came after
   * `ticket` was taken (the value may predate that write). The value is frozen: every request that hits
   * it shares it. Its entry, or undefined when it was not kept.
   */
  set<T>(
    ticket: ReadTicket,
    key: string,
    value: T,
    scope: CacheScope,
    read: CachedRead,
  ): CacheEntry<T> | undefined {
    const { account } = ticket;
    if (read.rows > this.maxRows || !this.isUnwrittenSince(ticket, scope)) return undefined;
    const id = `${account}\n${key}`;
    const previous = this.entries.get(id);
    if (previous !== undefined) this.remove(id, previous);
    const entry: Entry = {
      value: freezeShared(value),
      removed: false,
      account,
      scope,
      accountGeneration: ticket.accountGeneration,
      listsGeneration: ticket.listsGeneration,
      readAt: read.now.getTime(),
      validUntil: read.validUntil,
      rows: read.rows,
    };
    this.entries.set(id, entry);
    if (scope.kind === "session") {
      const tag = sessionTag(account, scope.id);
      const ids = this.bySession.get(tag) ?? new Set<string>();
      ids.add(id);
      this.bySession.set(tag, ids);
    }
    this.rows += read.rows;
    if (this.rows > this.maxRows) {
      const target = Math.floor(this.maxRows * TRIM_TO);
      for (const [oldest, kept] of this.entries) {
        if (this.rows <= target) break;
        this.remove(oldest, kept);
      }
    }
    return entry.removed ? undefined : (entry as CacheEntry<T>);
  }

  /**
   * Whether a read of the account's `key` that missed should be kept: only from its second time. A page of
   * sessions costs an entry per session, which a question asked once (a scan, a deep page followed once)
   * would pay for nothing, pushing out the answers asked again and again.
   */
  admit(account: string, key: string): boolean {
    const id = `${account}\n${key}`;
    if (this.askedOnce.delete(id)) return true;
    this.askedOnce.add(id);
    if (this.askedOnce.size > ASKED_ONCE) {
      const target = Math.floor(ASKED_ONCE * TRIM_TO);
      for (const oldest of this.askedOnce) {
        if (this.askedOnce.size <= target) break;
        this.askedOnce.delete(oldest);
      }
    }
    return false;
  }

  /** Drops every answer about the account (after a write whose effect is not known more narrowly). */
  invalidateAccount(account: string): void {
    this.accountWrites.set(account, ++this.writes);
  }

  /** Drops the account's lists: a session of it started, ended, or changed what a list filters on. */
  invalidateLists(account: string): void {
    this.listsWrites.set(account, ++this.writes);
  }

  /** Drops the answers about one session of the account: it was written. */
  invalidateSession(account: string, sessionId: string): void {
    const tag = sessionTag(account, sessionId);
    this.sessionWrites.delete(tag);
    this.sessionWrites.set(tag, ++this.writes);
    for (const id of this.bySession.get(tag) ?? []) {
      const entry = this.entries.get(id);
      if (entry !== undefined) this.remove(id, entry);
    }
    this.forgetOldSessionWrites();
  }

  /** Drops every answer (after a write whose accounts are not known, such as a purge or a seed). */
  clear(): void {
    this.lastClear = ++this.writes;
    this.accountWrites.clear();
    this.listsWrites.clear();
    this.sessionWrites.clear();
    for (const entry of this.entries.values()) this.letGo(entry);
    this.entries.clear();
    this.bySession.clear();
    this.rows = 0;
  }

  /** Entries and rows held. */
  get size(): { entries: number; rows: number } {
    return { entries: this.entries.size, rows: this.rows };
  }

  private accountGeneration(account: string): number {
    return Math.max(this.accountWrites.get(account) ?? 0, this.lastClear);
  }

  private listsGeneration(account: string): number {
    return this.listsWrites.get(account) ?? 0;
  }

  private isCurrent(entry: Entry): boolean {
    if (entry.accountGeneration !== this.accountGeneration(entry.account)) return false;
    return entry.scope.kind !== "lists" || entry.listsGeneration === this.listsGeneration(entry.account);
  }

  private isUnwrittenSince(ticket: ReadTicket, scope: CacheScope): boolean {
    if (ticket.accountGeneration !== this.accountGeneration(ticket.account)) return false;
    if (scope.kind === "lists") return ticket.listsGeneration === this.listsGeneration(ticket.account);
    if (scope.kind === "session") {
      const written = this.sessionWrites.get(sessionTag(ticket.account, scope.id));
      return written === undefined || written <= ticket.writeMark;
    }
    return true;
  }

  // a session write matters only to reads that began before it; the oldest are forgotten once no such
  // read is in flight (insertion order is write order: a write moves its session to the end)
  private forgetOldSessionWrites(): void {
    if (this.sessionWrites.size <= 2 * RECENT_SESSION_WRITES) return;
    let oldestMark = this.writes;
    for (const ticket of this.inFlight) oldestMark = Math.min(oldestMark, ticket.writeMark);
    for (const [tag, written] of this.sessionWrites) {
      if (written > oldestMark || this.sessionWrites.size <= RECENT_SESSION_WRITES) break;
      this.sessionWrites.delete(tag);
    }
  }

  // its holders see it dropped, and do not keep its value from the garbage collector
  private letGo(entry: Entry): void {
    entry.removed = true;
    entry.value = undefined;
  }

  private remove(id: string, entry: Entry): void {
    this.letGo(entry);
    this.entries.delete(id);
    this.rows -= entry.rows;
    if (entry.scope.kind === "session") {
      const tag = sessionTag(entry.account, entry.scope.id);
      const ids = this.bySession.get(tag);
      ids?.delete(id);
      if (ids?.size === 0) this.bySession.delete(tag);
    }
  }
}
