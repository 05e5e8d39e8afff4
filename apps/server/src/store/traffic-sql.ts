/**
 * The two statements that write traffic reports, many reports each, with their parameters: one finds
 * each username's live session or starts one, the other sends reports to sessions named by id.
 */
import { toIso } from "./iso-time.js";
import {
  newestSamples,
  SAMPLES_KEPT,
  selectWithIsoTimes,
  sessionColumns,
  sessionSelect,
  sessionTimes,
} from "./session-rows.js";
import type { TrafficInput } from "./store-types.js";

// bytes_used stops here (the spec says so) rather than overflow into an error
const INT64_MAX = "9223372036854775807";

/** One traffic report as the store writes it: a username's requests, with what a new session would get. */
export interface TrafficWrite {
  input: TrafficInput;
  newSessionId: string;
  asn: number;
  exitIp: string;
  otherExitIp: string;
}

/** A traffic report sent to the session its username's last report wrote. */
export interface ContinuedWrite {
  write: TrafficWrite;
  sessionId: string;
}

// Traffic reports of several usernames in one statement (the store's group commit gives it at most one
// report per username). For each report, the username's newest live session is updated, or a session is
// started when it has none (with an exit IP other than its previous session's); the report's newest
// requests go in front of the session's samples, of which the newest SAMPLES_KEPT stay; the session is
// read back. One array per field, one element per report; the samples are one JSON array per report.
export const reportTrafficSql = `WITH input AS (
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
  RETURNING r.n::int AS n, ${selectWithIsoTimes(sessionColumns, sessionTimes, "g")}, g.samples`;

const bytesOf = (input: TrafficInput) => input.requests.reduce((sum, request) => sum + request.bytes, 0);

/** The parameters of reportToSessionsSql: each report with the id of the session it is sent to. */
export function reportToSessionsParams(reports: readonly ContinuedWrite[]): unknown[] {
  const field = <T>(value: (write: TrafficWrite) => T) => reports.map(({ write }) => value(write));
  return [
    reports.map(({ sessionId }) => sessionId),
    field(({ input }) => toIso(input.now)),
    field(({ input }) => bytesOf(input)),
    field(({ input }) => input.requests.length),
    field(({ input }) => input.reassignExitIp),
    field((write) => write.exitIp),
    field((write) => write.otherExitIp),
    JSON.stringify(reports.map(({ write }) => newestSamples(write.input.requests, toIso(write.input.now)))),
  ];
}

/** The parameters of reportTrafficSql for a batch of reports, one username each. */
export function reportTrafficParams(batch: readonly TrafficWrite[]): unknown[] {
  const field = <T>(value: (write: TrafficWrite) => T) => batch.map(value);
  return [
    field(({ input }) => input.account),
    field(({ input }) => input.product),
    field(({ input }) => input.username),
    field(({ input }) => toIso(input.now)),
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
    field(({ input }) => bytesOf(input)),
    field(({ input }) => input.requests.length),
    field(({ input }) => input.reassignExitIp),
    JSON.stringify(batch.map(({ input }) => newestSamples(input.requests, toIso(input.now)))),
  ];
}
