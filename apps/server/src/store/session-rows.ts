/**
 * Gateway sessions as rows of `gateway_sessions`: the columns the store selects, the visibility rule every
 * read shares, and the mapping of a row (and its samples) to the API's Session and SessionDetail.
 */
import type { RequestSample, Session, SessionDetail } from "@sessions-api/openapi";
import { AUDIT_WINDOW_MS, isoTime, toIso } from "./iso-time.js";
import type { ProxiedRequest } from "./store-types.js";

/** How many proxied requests a session keeps as samples. */
export const SAMPLES_KEPT = 10;

export interface SessionRow {
  id: string;
  product: Session["product"];
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

/** A session row with its samples (the jsonb column, newest first). */
export type SessionDetailRow = SessionRow & { samples: RequestSample[] | string };

export const sessionColumns =
  "id, product, username, subuser, session_id, region, state, city, asn, exit_ip, started_at, expires_at, bytes_used, requests, repinned, terminated_at";

// A timestamptz as UTC wall time in text, "2026-05-28 07:00:00.123" (DateStyle ISO, which both stores
// are opened with; inside JSON always ISO with a "T"): PostgreSQL writes it for much less than to_char,
// and isoTime finishes it in JavaScript for less than a Date would take
const utcSql = (column: string) => `(${column} AT TIME ZONE 'UTC')`;

/** The columns, their times as UTC wall time in text; each of `table` when one is named. */
export const selectWithIsoTimes = (columns: string, times: readonly string[], table?: string) =>
  columns
    .split(", ")
    .map((column) => {
      const name = table === undefined ? column : `${table}.${column}`;
      return times.includes(column) ? `${utcSql(name)}::text AS ${column}` : name;
    })
    .join(", ");

export const sessionTimes = ["started_at", "expires_at", "terminated_at"];
export const sessionSelect = selectWithIsoTimes(sessionColumns, sessionTimes);

/** SQL true for a session live at `now`, or terminated inside the audit window; the caller numbers both. */
export const sqlVisibleAt = (now: string, cutoff: string) =>
  `((terminated_at IS NULL AND expires_at > ${now}) OR terminated_at > ${cutoff})`;

/** When a session leaves every read (ms): at its expiry, or at the end of its audit window once terminated. */
export const visibleUntil = (expiresAt: string, terminatedAt: string | null) =>
  terminatedAt === null ? Date.parse(expiresAt) : Date.parse(terminatedAt) + AUDIT_WINDOW_MS;

export const earliestOf = (times: readonly number[]) =>
  times.reduce((min, time) => Math.min(min, time), Infinity);

export function toSession(row: SessionRow): Session {
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

export function toSessionDetail(row: SessionDetailRow): SessionDetail {
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

/**
 * The samples a session keeps of some requests made at `at`, newest first: the last `SAMPLES_KEPT` of
 * them, a later one first among requests of one moment.
 */
export function newestSamples(
  requests: readonly (ProxiedRequest & { at?: string })[],
  at: string,
): RequestSample[] {
  return requests
    .slice(-SAMPLES_KEPT)
    .map((request, index) => ({
      request,
      index,
      at: request.at === undefined ? at : toIso(new Date(request.at)),
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
