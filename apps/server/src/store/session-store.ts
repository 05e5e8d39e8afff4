/**
 * The server's persistent state: gateway sessions with their samples, sub-users, application sessions and
 * each account's sandbox clock offset. Every query takes the account's `now` as a parameter (the purge,
 * across accounts, each account's offset), so expiry, the 24 h audit window and the purge all follow the
 * account's test clock.
 *
 * @example
 * const store = await SessionStore.open({ dataDir: ".data" });
 * const page = await store.listSessions({ account: "acct_demo", product: "residential", status: "active", limit: 50 }, new Date());
 * await store.close();
 */
import type {
  components,
  GatewayProduct,
  RequestSample,
  Session,
  SessionDetail,
  TrafficReport,
} from "@sessions-api/openapi";
import type { ProxyUsername } from "@sessions-api/username";
import { pickAsn, pickExitIp } from "../exit-ip.js";
import { newSessionId } from "../ids.js";
import { AccountClocks, CLOCK_LIMIT_MS, sqlAccountNow } from "./account-clocks.js";
import { AutoVacuum, type UpkeepCounts } from "./auto-vacuum.js";
import { type Database, type OpenDatabaseOptions, openDatabase, type Queryable } from "./database.js";
import { GroupCommit } from "./group-commit.js";
import { IdempotencyKeys } from "./idempotency-keys.js";
import { migrate } from "./migrate.js";
import { ReadCache } from "./read-cache.js";
import { loadServerSecret } from "./server-secrets.js";

/** How long terminated sessions (and deleted application sessions, for paging) are kept: 24 hours. */
export const AUDIT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How many sub-users a store remembers to exist before it starts over. */
const SUBUSERS_KEPT = 100_000;
/** How many usernames' last sessions a store remembers; those reported longest ago are forgotten first. */
const LAST_SESSIONS_KEPT = 100_000;
// bytes_used stops here (the spec says so) rather than overflow into an error
const INT64_MAX = "9223372036854775807";
/** How many proxied requests a session keeps as samples. */
export const SAMPLES_KEPT = 10;

/** The store's tables that grow with use: on PGlite the store analyzes and vacuums them (`AutoVacuum`). */
export type StoreTable = "subusers" | "gateway_sessions" | "app_sessions";
const storeTables: readonly StoreTable[] = ["subusers", "gateway_sessions", "app_sessions"];
/** Rows a write inserted, or deleted, per table. */
type TableChanges = Partial<Record<StoreTable, number>>;

// the planner's row estimate of each table as of its last ANALYZE (0 for one never analyzed)
async function rowEstimates(
  db: Queryable,
  tables: readonly StoreTable[],
): Promise<Partial<Record<StoreTable, number>>> {
  const rows = await db.query<{ relname: StoreTable; reltuples: number }>(
    "SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'",
    [tables],
  );
  // reltuples is -1 until the first ANALYZE
  return Object.fromEntries(rows.map((row) => [row.relname, Math.max(0, Number(row.reltuples))]));
}

// the upkeep counts the last process saved when it closed (see migration 0004)
async function savedUpkeepCounts(db: Queryable): Promise<Partial<Record<StoreTable, UpkeepCounts>>> {
  const rows = await db.query<{ table_name: StoreTable; changed: string | number; deleted: string | number }>(
    "SELECT table_name, changed, deleted FROM store_upkeep WHERE table_name = ANY($1)",
    [storeTables],
  );
  return Object.fromEntries(
    rows.map((row) => [row.table_name, { changed: Number(row.changed), deleted: Number(row.deleted) }]),
  );
}

async function saveUpkeepCounts(
  db: Queryable,
  counts: Partial<Record<StoreTable, UpkeepCounts>>,
): Promise<void> {
  const entries = Object.entries(counts) as [StoreTable, UpkeepCounts][];
  await db.query(
    `INSERT INTO store_upkeep (table_name, changed, deleted)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
     ON CONFLICT (table_name) DO UPDATE SET changed = excluded.changed, deleted = excluded.deleted`,
    [entries.map(([table]) => table), entries.map(([, c]) => c.changed), entries.map(([, c]) => c.deleted)],
  );
}

/** Options of `SessionStore.open`. */
export interface SessionStoreOptions extends OpenDatabaseOptions {
  /** Where the store's own upkeep of PGlite's tables reports a failure; default: a warning. */
  onBackgroundError?: (error: unknown) => void;
}

export type BrowserSession = components["schemas"]["BrowserSession"];
export type ProxiedRequest = TrafficReport["requests"][number];
export type SessionStatusFilter = "active" | "terminated" | "all";

/** A position in the list order (`started_at` descending, then `id` descending). */
export interface SessionKey {
  startedAt: string;
  id: string;
}

export interface SessionListQuery {
  account: string;
  product: GatewayProduct;
  /** The sub-users the key is limited to; null for all of the account's. */
  subuserScope?: readonly string[] | null;
  subuser?: string;
  session_id?: string;
  region?: string;
  asn?: number;
  repinned?: boolean;
  status: SessionStatusFilter;
  limit: number;
  /** List only sessions after this position (exclusive). */
  after?: SessionKey;
}

export interface SessionListPage {
  sessions: Session[];
  /** Where the next page starts, or null on the last page. */
  next: SessionKey | null;
}

export interface TrafficInput {
  account: string;
  product: GatewayProduct;
  username: string;
  parsed: ProxyUsername;
  requests: readonly ProxiedRequest[];
  reassignExitIp: boolean;
  now: Date;
}

/** An application session as stored; URIs are made per request from the server's origin. */
export interface AppSessionRecord {
  id: string;
  account: string;
  public_url: string;
  browser_session: BrowserSession;
  application_user_id: string;
  endpoint_id: string;
  edge_id: string | null;
  route_id: string | null;
  created_at: Date;
  last_active: Date;
  expires_at: Date;
}

/** A complete gateway session for seeding, with its samples (oldest first). */
export interface SeedSession {
  account: string;
  session: Session;
  samples: RequestSample[];
}

export interface SeedData {
  subusers: { id: string; account: string }[];
  sessions: SeedSession[];
  appSessions: AppSessionRecord[];
}

interface SessionRow {
  id: string;
  product: GatewayProduct;
  username: string;
  subuser: string;
  session_id: string;
  region: string;
  state: string | null;
  city: string | null;
  asn: number | string;
  exit_ip: string;
  // UTC wall time as text (sessionSelect), for isoTime
  started_at: string;
  expires_at: string;
  bytes_used: number | string;
  requests: number | string;
  repinned: boolean;
  terminated_at: string | null;
}

interface AppSessionRow
  extends Omit<AppSessionRecord, "browser_session" | "created_at" | "last_active" | "expires_at"> {
  browser_session: BrowserSession | string;
  // UTC wall time as text (appSelect), for isoTime
  created_at: string;
  last_active: string;
  expires_at: string;
}

const sessionColumns =
  "id, product, username, subuser, session_id, region, state, city, asn, exit_ip, started_at, expires_at, bytes_used, requests, repinned, terminated_at";
const appColumns =
  "id, account, public_url, browser_session, application_user_id, endpoint_id, edge_id, route_id, created_at, last_active, expires_at";
// A timestamptz as UTC wall time in text, "2026-05-28 07:00:00.123" (DateStyle ISO, which both stores
// are opened with; inside JSON always ISO with a "T"): PostgreSQL writes it for much less than to_char,
// and isoTime finishes it in JavaScript for less than a Date would take
const utcSql = (column: string) => `(${column} AT TIME ZONE 'UTC')`;
// the columns, each of `table` when one is named (where another table of the statement has the same names)
const withIsoTimes = (columns: string, times: readonly string[], table?: string) =>
  columns
    .split(", ")
    .map((column) => {
      const name = table === undefined ? column : `${table}.${column}`;
      return times.includes(column) ? `${utcSql(name)}::text AS ${column}` : name;
    })
    .join(", ");
const sessionTimes = ["started_at", "expires_at", "terminated_at"];
const sessionSelect = withIsoTimes(sessionColumns, sessionTimes);
const appSelect = withIsoTimes(appColumns, ["created_at", "last_active", "expires_at"]);
// live, or terminated inside the audit window; $now and $cutoff are numbered by the caller
const visible = (now: string, cutoff: string) =>
  `((terminated_at IS NULL AND expires_at > ${now}) OR terminated_at > ${cutoff})`;

const iso = (date: Date) => date.toISOString();
const utcWallTime = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,6})?$/;

/**
 * A UTC wall time as PostgreSQL writes it (DateStyle ISO, or inside JSON) in the form
 * `Date.prototype.toISOString` writes: milliseconds, truncated as a Date would, and "Z".
 *
 * @example
 * isoTime("2026-05-28 07:00:00.1239"); // "2026-05-28T07:00:00.123Z"
 * isoTime("2026-05-28T07:00:00"); // "2026-05-28T07:00:00.000Z"
 */
export function isoTime(utc: string): string {
  // anything else (years past 9999, say) takes the slow, general way
  if (!utcWallTime.test(utc)) return new Date(`${utc.replace(" ", "T")}Z`).toISOString();
  const fraction = utc.length > 20 ? utc.slice(20, 23).padEnd(3, "0") : "000";
  return `${utc.slice(0, 10)}T${utc.slice(11, 19)}.${fraction}Z`;
}
const cutoffOf = (now: Date) => new Date(now.getTime() - AUDIT_WINDOW_MS).toISOString();
// when a session leaves every read: at its expiry, or at the end of its audit window once terminated
const visibleUntil = (expiresAt: string, terminatedAt: string | null) =>
  terminatedAt === null ? Date.parse(expiresAt) : Date.parse(terminatedAt) + AUDIT_WINDOW_MS;
const earliest = (times: readonly number[]) => times.reduce((min, time) => Math.min(min, time), Infinity);

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    product: row.product,
    username: row.username,
    subuser: row.subuser,
    session_id: row.session_id,
    region: row.region,
    state: row.state,
    city: row.city,
    asn: Number(row.asn),
    exit_ip: row.exit_ip,
    started_at: isoTime(row.started_at),
    expires_at: isoTime(row.expires_at),
    bytes_used: Number(row.bytes_used),
    requests: Number(row.requests),
    repinned: row.repinned,
    status: row.terminated_at === null ? "active" : "terminated",
    terminated_at: row.terminated_at === null ? null : isoTime(row.terminated_at),
  };
}

// a session with its samples (its jsonb column, newest first), as findSession and reportTrafficSql read it
function toSessionDetail(row: SessionRow & { samples: RequestSample[] | string }): SessionDetail {
  const samples =
    typeof row.samples === "string" ? (JSON.parse(row.samples) as RequestSample[]) : row.samples;
  return { ...toSession(row), samples: samples.map(toSample) };
}

// jsonb keeps keys in its own order; answer in the schema's
function toSample(row: RequestSample): RequestSample {
  return {
    at: row.at,
    method: row.method,
    target_host: row.target_host,
    target_port: row.target_port,
    status_code: row.status_code,
    bytes: Number(row.bytes),
    duration_ms: row.duration_ms,
  };
}

function toAppSession(row: AppSessionRow): AppSessionRecord {
  const stored =
    typeof row.browser_session === "string"
      ? (JSON.parse(row.browser_session) as BrowserSession)
      : row.browser_session;
  // jsonb keeps keys in its own order; answer in the schema's
  const { user_agent: ua, location } = stored;
  return {
    ...row,
    created_at: new Date(isoTime(row.created_at)),
    last_active: new Date(isoTime(row.last_active)),
    expires_at: new Date(isoTime(row.expires_at)),
    browser_session: {
      user_agent: {
        raw: ua.raw,
        browser_name: ua.browser_name,
        browser_version: ua.browser_version,
        device_type: ua.device_type,
        os_name: ua.os_name,
        os_version: ua.os_version,
      },
      ip_address: stored.ip_address,
      location: {
        country_code: location.country_code,
        latitude: location.latitude,
        longitude: location.longitude,
        lat_long_radius_km: location.lat_long_radius_km,
      },
    },
  };
}

/**
 * The samples a session keeps of some requests made at `at`, newest first: the last `SAMPLES_KEPT` of
 * them, a later one first among requests of one moment.
 *
 * @example
 * newestSamples(report.requests, "2026-05-28T07:00:00.000Z");
 */
function newestSamples(requests: readonly (ProxiedRequest & { at?: string })[], at: string): RequestSample[] {
  return requests
    .slice(-SAMPLES_KEPT)
    .map((request, index) => ({
      request,
      index,
      at: request.at === undefined ? at : iso(new Date(request.at)),
    }))
    .sort((a, b) => (a.at === b.at ? b.index - a.index : a.at < b.at ? 1 : -1))
    .map(({ request, at: time }) => ({
      at: time,
      method: request.method,
      target_host: request.target_host,
      target_port: request.target_port,
      status_code: request.status_code,
      bytes: request.bytes,
      duration_ms: request.duration_ms,
    }));
}

async function insertAppSession(db: Queryable, record: AppSessionRecord): Promise<void> {
  await db.query(
    `INSERT INTO app_sessions (${appColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      record.id,
      record.account,
      record.public_url,
      JSON.stringify(record.browser_session),
      record.application_user_id,
      record.endpoint_id,
      record.edge_id,
      record.route_id,
      iso(record.created_at),
      iso(record.last_active),
      iso(record.expires_at),
    ],
  );
}

let memoryTemplate: Promise<Blob> | undefined;

/**
 * The statement behind `SessionStore.listSessions`: exported so that the store suite can check its plan
 * (an index serves the filter and the keyset order, with no sort step) on the SQL that really runs.
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
  const nowParam = () => `${param(iso(now))}::timestamptz`;
  const cutoffParam = () => `${param(cutoffOf(now))}::timestamptz`;
  if (query.status === "active") where.push(`terminated_at IS NULL AND expires_at > ${nowParam()}`);
  else if (query.status === "terminated") where.push(`terminated_at > ${cutoffParam()}`);
  else where.push(visible(nowParam(), cutoffParam()));
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

// Traffic reports of several usernames in one statement (the store's group commit gives it at most one
// report per username). For each report, the username's newest live session is updated, or a session is
// started when it has none (with an exit IP other than its previous session's); the report's newest
// requests go in front of the session's samples, of which the newest SAMPLES_KEPT stay; the session is
// read back. One array per field, one element per report; the samples are one JSON array per report.
const reportTrafficSql = `WITH input AS (
    SELECT r.*, $18::jsonb -> (r.n::int - 1) AS samples
    FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::bigint[], $12::timestamptz[], $13::text[], $14::text[], $15::bigint[],
      $16::bigint[], $17::boolean[])
      WITH ORDINALITY AS r(account, product, username, now, new_id, subuser, session_id, region, state, city, asn,
        expires_at, exit_ip, other_exit_ip, bytes, requests, reassign, n)
  ),
  latest AS (
    SELECT i.n, l.id, l.exit_ip, coalesce(l.live, false) AS live FROM input i
    LEFT JOIN LATERAL (
      SELECT id, exit_ip, (terminated_at IS NULL AND expires_at > i.now) AS live FROM gateway_sessions g
      WHERE g.account = i.account AND g.product = i.product AND g.username = i.username
      ORDER BY (terminated_at IS NULL AND expires_at > i.now) DESC, started_at DESC LIMIT 1
    ) l ON true
  ),
  updated AS (
    UPDATE gateway_sessions g SET
      exit_ip = CASE WHEN NOT i.reassign THEN g.exit_ip WHEN i.exit_ip <> l.exit_ip THEN i.exit_ip ELSE i.other_exit_ip END,
      repinned = g.repinned OR i.reassign,
      bytes_used = LEAST(g.bytes_used::numeric + i.bytes, ${INT64_MAX})::bigint,
      requests = g.requests + i.requests,
      samples = jsonb_path_query_array(i.samples || g.samples, '$[0 to ${SAMPLES_KEPT - 1}]')
    FROM input i JOIN latest l ON l.n = i.n WHERE l.live AND g.id = l.id
    RETURNING i.n, g.*
  ),
  inserted AS (
    INSERT INTO gateway_sessions (id, account, product, username, subuser, session_id, region, state, city, asn,
      exit_ip, started_at, expires_at, bytes_used, requests, samples)
    SELECT i.new_id, i.account, i.product, i.username, i.subuser, i.session_id, i.region, i.state, i.city, i.asn,
      CASE WHEN i.exit_ip IS DISTINCT FROM l.exit_ip THEN i.exit_ip ELSE i.other_exit_ip END,
      i.now, i.expires_at, i.bytes, i.requests, i.samples
    FROM input i JOIN latest l ON l.n = i.n WHERE NOT l.live
    RETURNING *
  )
  SELECT n::int AS n, ${sessionSelect}, created, samples FROM (
    SELECT u.*, false AS created FROM updated u
    UNION ALL SELECT i.n, s.*, true AS created FROM inserted s JOIN input i ON i.new_id = s.id
  ) reported
  ORDER BY n`;

/**
 * Traffic reports to sessions named by id: exported so that the store suite can check its plan.
 *
 * @example
 * await db.query(`EXPLAIN ${reportToSessionsSql}`, params);
 */
// Traffic reports to sessions named by id, each the session its username's last report wrote, in one
// statement: the same update as reportTrafficSql's for each of them still live, and only for those. It
// skips finding each username's newest session and all a new session needs: a report that continues a
// session costs the store about a fifth less CPU this way, and over PostgreSQL it needs no transaction and
// no lock. The caller sorts the reports by id, so that two instances lock shared rows in one order.
export const reportToSessionsSql = `UPDATE gateway_sessions g SET
    exit_ip = CASE WHEN NOT r.reassign THEN g.exit_ip WHEN r.exit_ip <> g.exit_ip THEN r.exit_ip ELSE r.other_exit_ip END,
    repinned = g.repinned OR r.reassign,
    bytes_used = LEAST(g.bytes_used::numeric + r.bytes, ${INT64_MAX})::bigint,
    requests = g.requests + r.requests,
    samples = jsonb_path_query_array(($8::jsonb -> (r.n::int - 1)) || g.samples, '$[0 to ${SAMPLES_KEPT - 1}]')
  FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::boolean[], $6::text[], $7::text[])
    WITH ORDINALITY AS r(id, now, bytes, requests, reassign, exit_ip, other_exit_ip, n)
  WHERE g.id = r.id AND g.terminated_at IS NULL AND g.expires_at > r.now
  RETURNING r.n::int AS n, ${withIsoTimes(sessionColumns, sessionTimes, "g")}, g.samples`;

/** One traffic report as the store writes it: a username's requests, with what a new session would get. */
interface TrafficWrite {
  input: TrafficInput;
  newSessionId: string;
  asn: number;
  exitIp: string;
  otherExitIp: string;
}

// PostgreSQL's data exceptions (SQLSTATE 22...) and integrity violations (23...) can be one report's fault,
// and a deadlock (40P01) between two instances' batches goes away when their reports are written one by
// one; anything else (the connection, a timeout) is every report's, and is not worth trying once per report
const isTriedAlone = (error: unknown) =>
  /^(2[23]|40P01$)/.test(String((error as { code?: unknown } | null)?.code));

// the reports of one username are written one after another, never two in one statement
const trafficKey = (input: TrafficInput) => `${input.account}\n${input.product}\n${input.username}`;

type TrafficResult = { created: boolean; session: SessionDetail };

/** A traffic report sent to the session its username's last report wrote. */
interface ContinuedWrite {
  write: TrafficWrite;
  sessionId: string;
}

// the parameters of reportToSessionsSql: each report with the id of the session it is sent to
function reportToSessionsParams(reports: readonly ContinuedWrite[]): unknown[] {
  const field = <T>(value: (write: TrafficWrite) => T) => reports.map(({ write }) => value(write));
  return [
    reports.map(({ sessionId }) => sessionId),
    field(({ input }) => iso(input.now)),
    field(({ input }) => input.requests.reduce((sum, request) => sum + request.bytes, 0)),
    field(({ input }) => input.requests.length),
    field(({ input }) => input.reassignExitIp),
    field((write) => write.exitIp),
    field((write) => write.otherExitIp),
    JSON.stringify(reports.map(({ write }) => newestSamples(write.input.requests, iso(write.input.now)))),
  ];
}

// the parameters of reportTrafficSql for a batch of reports, one username each
function reportTrafficParams(batch: readonly TrafficWrite[]): unknown[] {
  const field = <T>(value: (write: TrafficWrite) => T) => batch.map(value);
  return [
    field(({ input }) => input.account),
    field(({ input }) => input.product),
    field(({ input }) => input.username),
    field(({ input }) => iso(input.now)),
    field((write) => write.newSessionId),
    field(({ input }) => input.parsed.subuser),
    field(({ input }) => input.parsed.session_id),
    field(({ input }) => input.parsed.region),
    field(({ input }) => input.parsed.state),
    field(({ input }) => input.parsed.city),
    field((write) => write.asn),
    field(({ input }) => new Date(input.now.getTime() + input.parsed.sesstime * 60_000).toISOString()),
    field((write) => write.exitIp),
    field((write) => write.otherExitIp),
    field(({ input }) => input.requests.reduce((sum, request) => sum + request.bytes, 0)),
    field(({ input }) => input.requests.length),
    field(({ input }) => input.reassignExitIp),
    JSON.stringify(batch.map(({ input }) => newestSamples(input.requests, iso(input.now)))),
  ];
}

/**
 * The store of the reference server, over PGlite or PostgreSQL.
 *
 * @example
 * const store = await SessionStore.open({ databaseUrl: process.env.DATABASE_URL });
 * console.log(store.kind); // "postgres"
 */
export class SessionStore {
  /** The sandbox test clock of each account. */
  readonly clocks: AccountClocks;
  /** The idempotency keys of sandbox writes. */
  readonly idempotencyKeys: IdempotencyKeys;
  // PGlite is this process's alone (its data directory is locked), so every write passes through here and
  // reads can be cached; over PostgreSQL other instances write, and every read goes to the database
  private readonly cache: ReadCache | undefined;
  // the sub-users (account and id) known to exist: sub-users are never deleted, over either database, so
  // each instance creates each one at most once
  private readonly knownSubusers = new Set<string>();
  // the session each username's last report through this store wrote, which its next report tries first
  // (a username has one live session at a time, over either database: if that one is live, it is the one)
  private readonly lastSessions = new Map<string, string>();
  // reports that arrive while the database is busy are written together: one statement for many. Reports
  // to a known session go by id; the others, and those whose session has ended, find or start one
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

  // PGlite runs no autovacuum: the store keeps its statistics current and its space reusable itself
  // (PostgreSQL's autovacuum does)
  private readonly autoVacuum: AutoVacuum<StoreTable> | undefined;

  private constructor(
    private readonly db: Database,
    tableRows: Partial<Record<StoreTable, number>>,
    upkeepCounts: Partial<Record<StoreTable, UpkeepCounts>>,
    private readonly onBackgroundError: (error: unknown) => void,
    /**
     * The key list cursors are signed with: the same for every instance over this database, and kept
     * across restarts.
     */
    readonly cursorSecret: Buffer,
  ) {
    this.cache = db.kind === "pglite" ? new ReadCache() : undefined;
    this.clocks = new AccountClocks(db);
    this.idempotencyKeys = new IdempotencyKeys(db);
    this.autoVacuum =
      db.kind === "pglite"
        ? new AutoVacuum({
            analyze: (table) => this.analyze(table),
            vacuum: (table) => this.vacuum(table),
            onError: onBackgroundError,
            rows: tableRows,
            counts: upkeepCounts,
          })
        : undefined;
  }

  /** Opens the database and applies pending migrations. */
  static async open(options: SessionStoreOptions = {}): Promise<SessionStore> {
    const inMemory = options.databaseUrl === undefined && options.dataDir === undefined;
    const template = inMemory ? await memoryTemplate?.catch(() => undefined) : undefined;
    const db = await openDatabase(template === undefined ? options : { ...options, snapshot: template });
    let cursorSecret: Buffer;
    try {
      await migrate(db);
      // the first in-memory store of the process leaves a snapshot of its empty, migrated cluster: later
      // ones load it in about a third of the time initdb takes (tests and sandboxes create many)
      if (inMemory && memoryTemplate === undefined && db.snapshot !== undefined) {
        memoryTemplate = db.snapshot();
        await memoryTemplate;
      }
      // after the snapshot: each in-memory store makes its own
      cursorSecret = await loadServerSecret(db, "cursor");
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
    const pglite = db.kind === "pglite";
    const tableRows = pglite ? await rowEstimates(db, storeTables) : {};
    const upkeepCounts = pglite ? await savedUpkeepCounts(db) : {};
    const onBackgroundError =
      options.onBackgroundError ??
      ((error: unknown) => process.emitWarning(`sessions store: ${(error as Error)?.message ?? error}`));
    return new SessionStore(db, tableRows, upkeepCounts, onBackgroundError, cursorSecret);
  }

  /** Waits until no background work of the store (an analysis, a vacuum) is running or due. */
  async idle(): Promise<void> {
    await this.autoVacuum?.idle();
  }

  // ANALYZE of one table; its row estimate afterwards
  private async analyze(table: StoreTable): Promise<number> {
    await this.db.query(`ANALYZE ${table}`);
    return (await rowEstimates(this.db, [table]))[table] ?? 0;
  }

  // VACUUM and ANALYZE of one table (outside a transaction, as VACUUM must run); its row estimate afterwards
  private async vacuum(table: StoreTable): Promise<number> {
    await this.db.exec(`VACUUM (ANALYZE) ${table}`);
    return (await rowEstimates(this.db, [table]))[table] ?? 0;
  }

  get kind(): "pglite" | "postgres" {
    return this.db.kind;
  }

  async close(): Promise<void> {
    try {
      if (this.autoVacuum !== undefined) {
        await this.autoVacuum.stop();
        await saveUpkeepCounts(this.db, this.autoVacuum.counts());
      }
    } catch (error) {
      // the counts are lost (the tables' upkeep then comes later than due), not the store's data
      this.onBackgroundError(error);
    } finally {
      await this.db.close();
    }
  }

  /** Throws when the database cannot answer. */
  async ping(): Promise<void> {
    await this.db.query("SELECT 1");
  }

  /** Seconds the account's sandbox clock is ahead of real time. */
  clockOffsetSeconds(account: string): Promise<number> {
    return this.clocks.offsetSeconds(account);
  }

  /**
   * Moves the account's sandbox clock forward; returns the new offset in seconds, or null (and moves
   * nothing) when the offset would pass `maxOffsetSeconds`. No other account's clock moves.
   */
  advanceClock(
    account: string,
    seconds: number,
    maxOffsetSeconds = Number.MAX_SAFE_INTEGER,
  ): Promise<number | null> {
    return this.clocks.advance(account, seconds, maxOffsetSeconds);
  }

  /**
   * Creates the account's sub-user of that id unless it has one already. Sub-user ids are per account
   * (migration 0006): another account's sub-user of the same id is another sub-user, and neither account
   * can tell whether the other has one.
   */
  async ensureSubuser(account: string, subuser: string, now: Date): Promise<void> {
    const key = `${account}\n${subuser}`;
    if (this.knownSubusers.has(key)) return;
    const inserted = await this.db.query(
      `INSERT INTO subusers (id, account, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (account, id) DO NOTHING RETURNING id`,
      [subuser, account, iso(now)],
    );
    this.counted("inserted", { subusers: inserted.length });
    if (this.knownSubusers.size >= SUBUSERS_KEPT) this.knownSubusers.clear();
    this.knownSubusers.add(key);
  }

  /**
   * Adds proxied requests to the live session of a username, starting a session (new id, new exit IP,
   * `expires_at = now + sesstime`) when it has none.
   */
  async reportTraffic(input: TrafficInput): Promise<TrafficResult> {
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
    const rows = await this.writing(accounts, {}, () =>
      this.db.query<SessionRow & { n: number; samples: RequestSample[] | string }>(
        reportToSessionsSql,
        reportToSessionsParams(sorted),
      ),
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
    const results = await this.writing(accounts, started, () => this.startOrContinueSessions(batch));
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
      const rows = await db.query<
        SessionRow & { n: number; samples: RequestSample[] | string; created: boolean }
      >(reportTrafficSql, params);
      if (rows.length !== batch.length || rows.some((row, i) => row.n !== i + 1)) {
        throw new Error(`${batch.length} traffic reports wrote ${rows.length} sessions`);
      }
      return rows.map((row) => ({ created: row.created, session: toSessionDetail(row) }));
    };
    // PGlite runs one statement at a time (one process per data directory, one connection), so the one
    // statement is all of it; over PostgreSQL two first reports of a username from two instances would
    // each start a session: they take turns on a lock of the username first, taken in one order by all
    if (this.db.kind === "pglite") return report(this.db);
    return this.db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(key) FROM (
           SELECT DISTINCT hashtext(username) AS key FROM unnest($1::text[]) AS username ORDER BY key
         ) usernames`,
        [batch.map(({ input }) => trafficKey(input))],
      );
      return report(tx);
    });
  }

  /** A session of the account and product that is live or inside its audit window, or null. */
  async findSession(
    account: string,
    product: GatewayProduct,
    id: string,
    now: Date,
  ): Promise<SessionDetail | null> {
    return this.cached(account, `session ${product} ${id}`, now, async () => {
      // the session and its samples in one statement: each statement is a round trip (and, on PGlite, the
      // larger part of a request's CPU)
      const [row] = await this.db.query<SessionRow & { samples: RequestSample[] | string }>(
        `SELECT ${sessionSelect}, samples FROM gateway_sessions s
         WHERE id = $1 AND account = $2 AND product = $3 AND ${visible("$4", "$5")}`,
        [id, account, product, iso(now), cutoffOf(now)],
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
  async terminateSession(
    account: string,
    product: GatewayProduct,
    id: string,
    now: Date,
  ): Promise<SessionDetail | null> {
    await this.writing([account], {}, () =>
      this.db.query(
        `UPDATE gateway_sessions SET terminated_at = $4
         WHERE id = $1 AND account = $2 AND product = $3 AND terminated_at IS NULL AND expires_at > $4`,
        [id, account, product, iso(now)],
      ),
    );
    return this.findSession(account, product, id, now);
  }

  /** A page of sessions, newest first, by keyset on (`started_at`, `id`). */
  async listSessions(query: SessionListQuery, now: Date): Promise<SessionListPage> {
    // everything but the account selects the page; the key is per account already
    const { account, ...selection } = query;
    const key = JSON.stringify(selection);
    return this.cached(account, `sessions ${key}`, now, async () => {
      const { sql, params } = listSessionsStatement(query, now);
      const rows = await this.db.query<SessionRow>(sql, params);
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
          earliest(
            rows.map((row) =>
              visibleUntil(isoTime(row.expires_at), row.terminated_at && isoTime(row.terminated_at)),
            ),
          ),
        rows: page.length + 1,
      };
    });
  }

  /**
   * Deletes what is past keeping, each account at its own time (real time `realNow` plus the account's
   * clock offset): sessions expired or terminated over 24 h ago, old application sessions.
   */
  async purge(realNow: Date): Promise<{ sessions: number; appSessions: number }> {
    // every account's time is at least real time: the indexes find the candidates up to the furthest
    // clock, and each row is then held against its own account's
    const [furthest] = await this.db.query<{ offset_seconds: number | string | null }>(
      "SELECT max(offset_seconds) AS offset_seconds FROM account_clocks",
    );
    const latest = Math.min(realNow.getTime() + Number(furthest?.offset_seconds ?? 0) * 1000, CLOCK_LIMIT_MS);
    const params = [cutoffOf(new Date(latest)), iso(realNow), `${AUDIT_WINDOW_MS / 1000} seconds`];
    const cutoff = (table: string) => `${sqlAccountNow(`${table}.account`, "$2")} - $3::interval`;
    const sessions = await this.db.query(
      `DELETE FROM gateway_sessions g
       WHERE ((terminated_at IS NULL AND expires_at <= $1) OR terminated_at <= $1)
         AND coalesce(terminated_at, expires_at) <= ${cutoff("g")}
       RETURNING id`,
      params,
    );
    const appSessions = await this.db.query(
      `DELETE FROM app_sessions a
       WHERE (deleted_at <= $1 OR expires_at <= $1)
         AND (deleted_at <= ${cutoff("a")} OR expires_at <= ${cutoff("a")})
       RETURNING id`,
      params,
    );
    if (sessions.length + appSessions.length > 0) this.cache?.clear();
    this.counted("deleted", { gateway_sessions: sessions.length, app_sessions: appSessions.length });
    return { sessions: sessions.length, appSessions: appSessions.length };
  }

  async createAppSession(record: AppSessionRecord): Promise<AppSessionRecord> {
    await this.writing([record.account], { app_sessions: 1 }, () => insertAppSession(this.db, record));
    return record;
  }

  /** A live (not deleted, not expired) application session of the account, or null. */
  async findAppSession(account: string, id: string, now: Date): Promise<AppSessionRecord | null> {
    return this.cached(account, `app session ${id}`, now, async () => {
      const [row] = await this.db.query<AppSessionRow>(
        `SELECT ${appSelect} FROM app_sessions
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > $3`,
        [id, account, iso(now)],
      );
      const record = row === undefined ? null : toAppSession(row);
      return { value: record, validUntil: () => record?.expires_at.getTime() ?? -Infinity, rows: 1 };
    });
  }

  /**
   * Whether `id` may anchor paging for the account: any of its application sessions not yet purged,
   * including ones deleted or expired in the last 24 hours.
   */
  async isPagingAnchor(account: string, id: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM app_sessions WHERE id = $1 AND account = $2
       AND (deleted_at IS NULL OR deleted_at > $3) AND expires_at > $3`,
      [id, account, cutoffOf(now)],
    );
    return rows.length > 0;
  }

  /** Live application sessions of the account, newest first, older than `beforeId` when given. */
  async listAppSessions(
    account: string,
    options: { beforeId?: string; limit: number },
    now: Date,
  ): Promise<{ sessions: AppSessionRecord[]; hasMore: boolean }> {
    const params: unknown[] = [account, iso(now)];
    let before = "";
    if (options.beforeId !== undefined) {
      params.push(options.beforeId);
      before = `AND id < $${params.length}`;
    }
    params.push(options.limit + 1);
    return this.cached(account, `app sessions ${options.beforeId ?? ""} ${options.limit}`, now, async () => {
      const rows = await this.db.query<AppSessionRow>(
        `SELECT ${appSelect} FROM app_sessions
         WHERE account = $1 AND deleted_at IS NULL AND expires_at > $2 ${before}
         ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      const records = rows.map(toAppSession);
      return {
        value: { sessions: records.slice(0, options.limit), hasMore: rows.length > options.limit },
        validUntil: () => earliest(records.map((record) => record.expires_at.getTime())),
        rows: options.limit + 1,
      };
    });
  }

  /** Deletes a live application session; false when there was none to delete. */
  async deleteAppSession(account: string, id: string, now: Date): Promise<boolean> {
    const rows = await this.writing([account], {}, () =>
      this.db.query(
        `UPDATE app_sessions SET deleted_at = $3
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > $3 RETURNING id`,
        [id, account, iso(now)],
      ),
    );
    return rows.length > 0;
  }

  /** Sets `last_active` of a live application session to now; null when there is none. */
  async touchAppSession(account: string, id: string, now: Date): Promise<AppSessionRecord | null> {
    const [row] = await this.writing([account], {}, () =>
      this.db.query<AppSessionRow>(
        `UPDATE app_sessions SET last_active = $3
         WHERE id = $1 AND account = $2 AND deleted_at IS NULL AND expires_at > $3 RETURNING ${appSelect}`,
        [id, account, iso(now)],
      ),
    );
    return row === undefined ? null : toAppSession(row);
  }

  /**
   * Writes demo data when the store holds nothing yet; true when it did. Safe when several instances
   * start together over one database: only one of them seeds.
   */
  async seedIfEmpty(data: SeedData): Promise<boolean> {
    const seeded = await this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1, $2)", [0x5e55, 0x0002]);
      const [state] = await tx.query<{ empty: boolean }>(
        "SELECT NOT EXISTS (SELECT 1 FROM subusers) AND NOT EXISTS (SELECT 1 FROM app_sessions) AS empty",
      );
      if (state?.empty !== true) return false;
      for (const subuser of data.subusers) {
        await tx.query("INSERT INTO subusers (id, account, created_at) VALUES ($1, $2, now())", [
          subuser.id,
          subuser.account,
        ]);
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
      return true;
    });
    if (seeded) {
      this.cache?.clear();
      this.counted("inserted", {
        subusers: data.subusers.length,
        gateway_sessions: data.sessions.length,
        app_sessions: data.appSessions.length,
      });
    }
    return seeded;
  }

  // a read through the cache: `read` answers at `now` and says until when that answer holds (asked only
  // when the answer is kept: over PostgreSQL nothing is)
  private async cached<T>(
    account: string,
    key: string,
    now: Date,
    read: () => Promise<{ value: T; validUntil: () => number; rows: number }>,
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

  // a write to the accounts' data: their cached reads are dropped once it is done (or failed); `changes`
  // says how many rows of which tables it inserts, for the statistics (an update changes no count the plans
  // depend on)
  private async writing<T>(
    accounts: readonly string[],
    changes: TableChanges | ((result: T) => TableChanges),
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      const result = await write();
      this.counted("inserted", typeof changes === "function" ? changes(result) : changes);
      return result;
    } finally {
      for (const account of accounts) this.cache?.invalidate(account);
    }
  }

  private counted(kind: "inserted" | "deleted", changes: TableChanges): void {
    if (this.autoVacuum === undefined) return;
    for (const [table, rows] of Object.entries(changes) as [StoreTable, number][]) {
      this.autoVacuum[kind](table, rows);
    }
  }
}
