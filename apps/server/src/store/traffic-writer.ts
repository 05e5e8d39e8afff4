/**
 * Traffic reports into gateway sessions. A username has one live session at a time: a report adds its
 * requests to it, or starts one (new id, new exit IP, `expires_at = now + sesstime`) when there is none.
 * Reports that arrive while the database is busy are written together, one statement for many; reports
 * to a session this store knows go by id, the others find or start theirs.
 */
import { pickAsn, pickExitIp } from "../exit-ip.js";
import { newSessionId } from "../ids.js";
import type { Queryable } from "./database.js";
import { GroupCommit } from "./group-commit.js";
import { type SessionDetailRow, toSessionDetail } from "./session-rows.js";
import type { CacheDrop, StoreAccess } from "./store-access.js";
import type { TrafficInput, TrafficResult } from "./store-types.js";
import {
  type ContinuedWrite,
  reportToSessionsParams,
  reportToSessionsSql,
  reportTrafficParams,
  reportTrafficSql,
  type TrafficWrite,
} from "./traffic-sql.js";

/** How many usernames' last sessions a store remembers; those reported longest ago are forgotten first. */
const LAST_SESSIONS_KEPT = 100_000;

// PostgreSQL's data exceptions (SQLSTATE 22...) and integrity violations (23...) can be one report's fault,
// and a deadlock (40P01) between two instances' batches goes away when their reports are written one by
// one; anything else (the connection, a timeout) is every report's, and is not worth trying once per report
const isTriedAlone = (error: unknown) =>
  /^(2[23]|40P01$)/.test(String((error as { code?: unknown } | null)?.code));

// the reports of one username are written one after another, never two in one statement
const trafficKey = (input: TrafficInput) => `${input.account}\n${input.product}\n${input.username}`;

// A report changes its session's counters and samples: the session's cached reads go, the pages that hold
// it stay. A new session enters the account's lists, and a reassigned exit IP may set `repinned`, which
// the lists filter on: then the lists go too
const droppedBy = (input: TrafficInput, result: TrafficResult): CacheDrop => ({
  account: input.account,
  lists: result.created || input.reassignExitIp,
  sessions: [result.session.id],
});

/**
 * The traffic reports of a store.
 *
 * @example
 * const { created, session } = await writer.report(input);
 */
export class TrafficWriter {
  // the session each username's last report through this store wrote, which its next report tries first
  // (a username has one live session at a time, over either database: if that one is live, it is the one)
  private readonly lastSessions = new Map<string, string>();
  private readonly continuedReports = new GroupCommit({
    keyOf: ({ write }: ContinuedWrite) => trafficKey(write.input),
    write: (batch: readonly ContinuedWrite[]) => this.writeContinuedReports(batch),
    isolates: isTriedAlone,
  });
  private readonly trafficReports = new GroupCommit({
    keyOf: (write: TrafficWrite) => trafficKey(write.input),
    write: (batch: readonly TrafficWrite[]) => this.writeTrafficReports(batch),
    isolates: isTriedAlone,
  });

  constructor(private readonly access: StoreAccess) {}

  /** Adds proxied requests to the live session of a username, starting a session when it has none. */
  async report(input: TrafficInput): Promise<TrafficResult> {
    const ipv6Share = input.product === "mobile" ? 0.5 : 0.2;
    // two different candidates: whichever exit IP the username had before, one of them differs from it
    const exitIp = pickExitIp({ ipv6Share });
    const write: TrafficWrite = {
      input,
      newSessionId: newSessionId(),
      asn: input.parsed.asn ?? pickAsn(input.parsed.region),
      exitIp,
      otherExitIp: pickExitIp({ previous: exitIp, ipv6Share }),
    };
    const key = trafficKey(input);
    const sessionId = this.lastSessions.get(key);
    // a username's reports are written in the order they came: behind one that is still finding or
    // starting its session, this one goes the same way
    if (sessionId !== undefined && !this.trafficReports.holds(key)) {
      const continued = await this.continuedReports.submit({ write, sessionId });
      if (continued !== null) return continued;
    }
    return this.trafficReports.submit(write);
  }

  // reports to known sessions, one username each, sorted by session id; null for those whose session ended
  private async writeContinuedReports(batch: readonly ContinuedWrite[]): Promise<(TrafficResult | null)[]> {
    const byId = (i: number) => (batch[i] as ContinuedWrite).sessionId;
    const order = batch.map((_, i) => i).sort((a, b) => (byId(a) < byId(b) ? -1 : byId(a) > byId(b) ? 1 : 0));
    const sorted = order.map((i) => batch[i] as ContinuedWrite);
    const accounts = [...new Set(batch.map(({ write }) => write.input.account))];
    const rows = await this.access.writeForAccounts(
      accounts,
      {},
      () =>
        this.access.db.query<SessionDetailRow & { n: number }>(
          reportToSessionsSql,
          reportToSessionsParams(sorted),
        ),
      (written) =>
        written.map((row) => {
          const { input } = (sorted[row.n - 1] as ContinuedWrite).write;
          return { account: input.account, lists: input.reassignExitIp, sessions: [row.id] };
        }),
    );
    const results: (TrafficResult | null)[] = batch.map(() => null);
    for (const row of rows) {
      const i = order[row.n - 1];
      if (i !== undefined) results[i] = { created: false, session: toSessionDetail(row) };
    }
    batch.forEach(({ write }, i) => {
      const result = results[i];
      // an ended session is forgotten; the report goes on to find or start the username's next one
      if (result == null) this.lastSessions.delete(trafficKey(write.input));
      else this.rememberSession(write.input, result.session.id);
    });
    return results;
  }

  // a batch of traffic reports, at most one per username, in one statement: each username's live session,
  // or a new one
  private async writeTrafficReports(batch: readonly TrafficWrite[]): Promise<TrafficResult[]> {
    const accounts = [...new Set(batch.map(({ input }) => input.account))];
    const started = (results: TrafficResult[]) => ({
      gateway_sessions: results.filter((result) => result.created).length,
    });
    const results = await this.access.writeForAccounts(
      accounts,
      started,
      () => this.startOrContinueSessions(batch),
      (written) => written.map((result, i) => droppedBy((batch[i] as TrafficWrite).input, result)),
    );
    results.forEach(({ session }, i) => {
      this.rememberSession((batch[i] as TrafficWrite).input, session.id);
    });
    return results;
  }

  private rememberSession(input: TrafficInput, sessionId: string): void {
    const key = trafficKey(input);
    // kept in the order of their last reports, so that the oldest are forgotten first
    this.lastSessions.delete(key);
    this.lastSessions.set(key, sessionId);
    if (this.lastSessions.size > LAST_SESSIONS_KEPT) {
      const oldest = this.lastSessions.keys().next();
      if (oldest.done !== true) this.lastSessions.delete(oldest.value);
    }
  }

  // reportTrafficSql for a batch, one username each
  private async startOrContinueSessions(batch: readonly TrafficWrite[]): Promise<TrafficResult[]> {
    const params = reportTrafficParams(batch);
    const report = async (db: Queryable) => {
      const rows = await db.query<SessionDetailRow & { n: number; created: boolean }>(
        reportTrafficSql,
        params,
      );
      if (rows.length !== batch.length || rows.some((row, i) => row.n !== i + 1)) {
        throw new Error(`${batch.length} traffic reports wrote ${rows.length} sessions`);
      }
      return rows.map((row) => ({ created: row.created, session: toSessionDetail(row) }));
    };
    const db = this.access.db;
    // PGlite runs one statement at a time (one process per data directory, one connection), so the one
    // statement is all of it; over PostgreSQL two first reports of a username from two instances would
    // each start a session: they take turns on a lock of the username first, taken in one order by all
    if (db.kind === "pglite") return report(db);
    return db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(key) FROM (
           SELECT DISTINCT hashtext(username) AS key FROM unnest($1::text[]) AS username ORDER BY key
         ) usernames`,
        [batch.map(({ input }) => trafficKey(input))],
      );
      return report(tx);
    });
  }
}
