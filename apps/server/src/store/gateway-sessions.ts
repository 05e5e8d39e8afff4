/**
 * Reads and the termination of gateway sessions: one session with its samples, a page of the list by
 * keyset on (`started_at`, `id`), and the purge of those past keeping. Traffic reports, which start and
 * update sessions, are `traffic-writer.ts`'s.
 */
import type { GatewayProduct, Session, SessionDetail } from "@sessions-api/openapi";
import { freezeShared } from "../json-text.js";
import { type PurgeCutoffs, sqlAccountCutoff, sqlReadTimes } from "./account-clocks.js";
import { isoTime, toIso } from "./iso-time.js";
import type { CacheEntry, ReadCache } from "./read-cache.js";
import {
  earliestOf,
  type SessionDetailRow,
  type SessionRow,
  sessionSelect,
  sqlVisibleAt,
  toSession,
  toSessionDetail,
  visibleUntil,
} from "./session-rows.js";
import { knownTime, type StoreAccess } from "./store-access.js";
import type { ReadTime, SessionKey, SessionListPage, SessionListQuery } from "./store-types.js";

/**
 * The statement behind `listSessions`: exported so that the store suite can check its plan (an index
 * serves the filter and the keyset order, with no sort step) on the SQL that really runs.
 *
 * @example
 * const { sql, params } = listSessionsStatement({ account, product: "residential", status: "active", limit: 50 }, now);
 */
export function listSessionsStatement(
  query: SessionListQuery,
  time: ReadTime,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.account, query.product];
  const where = ["account = $1", "product = $2"];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.subuserScope != null) where.push(`subuser = ANY(${param([...query.subuserScope])}::text[])`);
  if (query.subuser !== undefined) where.push(`subuser = ${param(query.subuser)}`);
  if (query.session_id !== undefined) where.push(`session_id = ${param(query.session_id)}`);
  if (query.region !== undefined) where.push(`region = ${param(query.region)}`);
  if (query.asn !== undefined) where.push(`asn = ${param(query.asn)}`);
  if (query.repinned !== undefined) where.push(`repinned = ${param(query.repinned)}`);
  const times = sqlReadTimes(time, "$1", param);
  if (query.status === "active") where.push(`terminated_at IS NULL AND expires_at > ${times.now()}`);
  else if (query.status === "terminated") where.push(`terminated_at > ${times.cutoff()}`);
  else where.push(sqlVisibleAt(times.now(), times.cutoff()));
  if (query.after !== undefined) {
    where.push(
      `(started_at, id) < (${param(query.after.startedAt)}::timestamptz, ${param(query.after.id)}::text)`,
    );
  }
  // qualified: a bare started_at in ORDER BY would name the text column of the select list, and sorting
  // by it cannot use the index
  const sql = `SELECT ${sessionSelect} FROM gateway_sessions WHERE ${where.join(" AND ")}
    ORDER BY gateway_sessions.started_at DESC, gateway_sessions.id DESC LIMIT ${param(query.limit + 1)}`;
  return { sql, params };
}

/** A page as the cache keeps it: the ids of its sessions, whose own entries hold them. */
interface PageMembers {
  ids: string[];
  next: SessionKey | null;
}

/**
 * What a kept page was last answered with: its sessions' cache entries and the page made of them. While
 * every entry is live the page is answered as it is, with no lookup by key.
 */
interface PageView {
  entries: (CacheEntry<Session> | undefined)[];
  sessions: Session[];
}

const itemKey = (id: string) => `item ${id}`;

/**
 * The gateway sessions of a store.
 *
 * @example
 * const session = await sessions.find("acct_demo", "residential", "ses_01HX2K3PQ4M5", now);
 */
export class GatewaySessions {
  private readonly views = new WeakMap<PageMembers, PageView>();

  constructor(private readonly access: StoreAccess) {}

  /** A session of the account and product that is live or inside its audit window, or null. */
  async find(
    account: string,
    product: GatewayProduct,
    id: string,
    time: ReadTime,
  ): Promise<SessionDetail | null> {
    const scope = { kind: "session", id } as const;
    const key = `session ${product} ${id}`;
    return this.access.readThroughCache(account, key, scope, time, async () => {
      // the session and its samples in one statement: each statement is a round trip (and, on PGlite, the
      // larger part of a request's CPU)
      const params: unknown[] = [id, account, product];
      const times = sqlReadTimes(time, "$2", (value) => `$${params.push(value)}`);
      const [row] = await this.access.db.query<SessionDetailRow>(
        `SELECT ${sessionSelect}, samples FROM gateway_sessions s
         WHERE id = $1 AND account = $2 AND product = $3 AND ${sqlVisibleAt(times.now(), times.cutoff())}`,
        params,
      );
      const session = row === undefined ? null : toSessionDetail(row);
      return {
        value: session,
        validUntil: () =>
          session === null ? -Infinity : visibleUntil(session.expires_at, session.terminated_at),
        rows: 1,
      };
    });
  }

  /**
   * Terminates a live session; a terminated one is returned unchanged. Null when the session is not
   * visible (unknown, expired, purged, or another account's or product's).
   */
  async terminate(
    account: string,
    product: GatewayProduct,
    id: string,
    now: Date,
  ): Promise<SessionDetail | null> {
    await this.access.writeForAccounts(
      [account],
      {},
      () =>
        this.access.db.query(
          `UPDATE gateway_sessions SET terminated_at = $4
           WHERE id = $1 AND account = $2 AND product = $3 AND terminated_at IS NULL AND expires_at > $4`,
          [id, account, product, toIso(now)],
        ),
      // its status changes, and with it the lists by status
      () => [{ account, lists: true, sessions: [id] }],
    );
    return this.find(account, product, id, now);
  }

  /**
   * A page of sessions, newest first, by keyset on (`started_at`, `id`). On the embedded store a page is
   * cached as the ids it holds, each session apart: a report to one of them drops that session only, and
   * the next read of the page reads it again alone. A page is kept from the second time it is asked.
   */
  async list(query: SessionListQuery, time: ReadTime): Promise<SessionListPage> {
    const cache = this.access.cache;
    if (cache === undefined) return (await this.readPage(query, time)).page;
    const now = knownTime(time);
    // everything but the account selects the page; the key is per account already
    const { account, ...selection } = query;
    const key = `sessions ${JSON.stringify(selection)}`;
    const members = cache.get<PageMembers>(account, key, now);
    if (members !== undefined) {
      const sessions = await this.pageOf(account, members, now);
      if (sessions !== null) return { sessions, next: members.next };
    } else if (!cache.admit(account, key)) return (await this.readPage(query, now)).page;
    const ticket = cache.begin(account);
    try {
      const { page, rows } = await this.readPage(query, now);
      const leaves = (row: SessionRow) =>
        visibleUntil(isoTime(row.expires_at), row.terminated_at && isoTime(row.terminated_at));
      const entries = page.sessions.map((session, i) => {
        const read = { now, validUntil: leaves(rows[i] as SessionRow), rows: 1 };
        return cache.set(ticket, itemKey(session.id), session, { kind: "session", id: session.id }, read);
      });
      const found: PageMembers = { ids: page.sessions.map((session) => session.id), next: page.next };
      // the page changes when one of its rows, or the one after it (which decides `next`), leaves
      const validUntil = earliestOf(rows.map(leaves));
      const kept = cache.set(ticket, key, found, { kind: "lists" }, { now, validUntil, rows: 1 });
      if (kept !== undefined) this.views.set(kept.value, { entries, sessions: freezeShared(page.sessions) });
      return page;
    } finally {
      cache.end(ticket);
    }
  }

  // the page of the list statement, with the rows it read (one more than the page, when there is one)
  private async readPage(
    query: SessionListQuery,
    time: ReadTime,
  ): Promise<{ page: SessionListPage; rows: SessionRow[] }> {
    const { sql, params } = listSessionsStatement(query, time);
    const rows = await this.access.db.query<SessionRow>(sql, params);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next =
      rows.length > query.limit && last !== undefined
        ? { startedAt: isoTime(last.started_at), id: last.id }
        : null;
    return { page: { sessions: page.map(toSession), next }, rows };
  }

  // the sessions of a kept page: as last answered while each of its sessions' entries is live, else from
  // the cache by key, those not cached read in one statement; null when one of them is gone (the page's
  // entry said it was there: the caller reads the page again)
  private async pageOf(account: string, members: PageMembers, now: Date): Promise<Session[] | null> {
    const cache = this.access.cache as ReadCache;
    const view = this.views.get(members);
    const live = (entry: CacheEntry<Session> | undefined) => entry !== undefined && cache.isLive(entry, now);
    if (view?.entries.every(live)) return view.sessions;
    const { ids } = members;
    const entries = ids.map((id, i) => {
      const held = view?.entries[i];
      return live(held) ? held : cache.entry<Session>(account, itemKey(id), now);
    });
    const sessions = entries.map((entry) => entry?.value);
    const missing = ids.filter((_, i) => entries[i] === undefined);
    if (missing.length > 0) {
      const ticket = cache.begin(account);
      try {
        const rows = await this.access.db.query<SessionRow>(
          `SELECT ${sessionSelect} FROM gateway_sessions WHERE id = ANY($1::text[]) AND account = $2`,
          [missing, account],
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const [i, id] of ids.entries()) {
          if (entries[i] !== undefined) continue;
          const row = byId.get(id);
          if (row === undefined) return null;
          const session = toSession(row);
          const validUntil = visibleUntil(session.expires_at, session.terminated_at);
          if (now.getTime() >= validUntil) return null;
          const read = { now, validUntil, rows: 1 };
          entries[i] = cache.set(ticket, itemKey(id), session, { kind: "session", id }, read);
          sessions[i] = session;
        }
      } finally {
        cache.end(ticket);
      }
    }
    // a page whose sessions are the ones it was last answered with is the same (frozen) array, whose
    // JSON text is then made once
    const page =
      view?.sessions.every((session, i) => session === sessions[i]) === true
        ? view.sessions
        : freezeShared(sessions as Session[]);
    this.views.set(members, { entries, sessions: page });
    return page;
  }

  /**
   * Deletes sessions expired or terminated over 24 h before their account's time; how many. The caller
   * drops cached reads.
   */
  async purgeBefore({ furthest, realNow }: PurgeCutoffs): Promise<number> {
    const rows = await this.access.db.query(
      `DELETE FROM gateway_sessions g
       WHERE ((terminated_at IS NULL AND expires_at <= $1) OR terminated_at <= $1)
         AND coalesce(terminated_at, expires_at) <= ${sqlAccountCutoff("g.account", "$2")}
       RETURNING id`,
      [furthest, realNow.toISOString()],
    );
    return rows.length;
  }
}
