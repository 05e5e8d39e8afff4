/**
 * Reads and the termination of gateway sessions: one session with its samples, a page of the list by
 * keyset on (`started_at`, `id`), and the purge of those past keeping. Traffic reports, which start and
 * update sessions, are `traffic-writer.ts`'s.
 */

import type { GatewayProduct, SessionDetail } from "@sessions-api/openapi";
import { type PurgeCutoffs, sqlAccountCutoff } from "./account-clocks.js";
import { auditCutoffOf, isoTime, toIso } from "./iso-time.js";
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
import type { StoreAccess } from "./store-access.js";
import type { SessionListPage, SessionListQuery } from "./store-types.js";

/**
 * The statement behind `listSessions`: exported so that the store suite can check its plan (an index
 * serves the filter and the keyset order, with no sort step) on the SQL that really runs.
 *
 * @example
 * const { sql, params } = listSessionsStatement({ account, product: "residential", status: "active", limit: 50 }, now);
 */
export function listSessionsStatement(
  query: SessionListQuery,
  now: Date,
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
  const nowParam = () => `${param(toIso(now))}::timestamptz`;
  const cutoffParam = () => `${param(auditCutoffOf(now))}::timestamptz`;
  if (query.status === "active") where.push(`terminated_at IS NULL AND expires_at > ${nowParam()}`);
  else if (query.status === "terminated") where.push(`terminated_at > ${cutoffParam()}`);
  else where.push(sqlVisibleAt(nowParam(), cutoffParam()));
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

/**
 * The gateway sessions of a store.
 *
 * @example
 * const session = await sessions.find("acct_demo", "residential", "ses_01HX2K3PQ4M5", now);
 */
export class GatewaySessions {
  constructor(private readonly access: StoreAccess) {}

  /** A session of the account and product that is live or inside its audit window, or null. */
  async find(account: string, product: GatewayProduct, id: string, now: Date): Promise<SessionDetail | null> {
    return this.access.readThroughCache(account, `session ${product} ${id}`, now, async () => {
      // the session and its samples in one statement: each statement is a round trip (and, on PGlite, the
      // larger part of a request's CPU)
      const [row] = await this.access.db.query<SessionDetailRow>(
        `SELECT ${sessionSelect}, samples FROM gateway_sessions s
         WHERE id = $1 AND account = $2 AND product = $3 AND ${sqlVisibleAt("$4", "$5")}`,
        [id, account, product, toIso(now), auditCutoffOf(now)],
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
    await this.access.writeForAccounts([account], {}, () =>
      this.access.db.query(
        `UPDATE gateway_sessions SET terminated_at = $4
         WHERE id = $1 AND account = $2 AND product = $3 AND terminated_at IS NULL AND expires_at > $4`,
        [id, account, product, toIso(now)],
      ),
    );
    return this.find(account, product, id, now);
  }

  /** A page of sessions, newest first, by keyset on (`started_at`, `id`). */
  async list(query: SessionListQuery, now: Date): Promise<SessionListPage> {
    // everything but the account selects the page; the key is per account already
    const { account, ...selection } = query;
    const key = JSON.stringify(selection);
    return this.access.readThroughCache(account, `sessions ${key}`, now, async () => {
      const { sql, params } = listSessionsStatement(query, now);
      const rows = await this.access.db.query<SessionRow>(sql, params);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        value: {
          sessions: page.map(toSession),
          next:
            rows.length > query.limit && last !== undefined
              ? { startedAt: isoTime(last.started_at), id: last.id }
              : null,
        },
        // the page changes when one of its rows, or the one after it (which decides `next`), leaves
        validUntil: () =>
          earliestOf(
            rows.map((row) =>
              visibleUntil(isoTime(row.expires_at), row.terminated_at && isoTime(row.terminated_at)),
            ),
          ),
        rows: page.length + 1,
      };
    });
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
