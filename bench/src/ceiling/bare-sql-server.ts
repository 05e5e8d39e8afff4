/**
 * The bare-SQL anchor: a node:http server that answers the gateway list and get-one with the reference
 * server's own statements (imported from apps/server/src/store), through the same driver and database
 * wrapper, and `JSON.stringify` of the rows mapped as the server maps them. No framework, no cache, no
 * request log, no rate limiter, no clock offset (real time): the floor of any Node server over this
 * store. It checks the bearer key and the cursor's signature as the server does.
 *
 * Run as a child process: `node bare-sql-server.mjs CONFIG.json`, where the file is
 * `{"token": "...", "account": "...", "databaseUrl"?: "...", "dataDir"?: "..."}`.
 * Prints `{"msg":"listening","url":...}`.
 *
 * @example
 * // node .cache/bare-sql-server.mjs .cache/bare-sql.json
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { decodeCursor, encodeCursor } from "../../../apps/server/src/cursor.js";
import { openDatabase } from "../../../apps/server/src/store/database.js";
import { listSessionsStatement } from "../../../apps/server/src/store/gateway-sessions.js";
import { auditCutoffOf, isoTime } from "../../../apps/server/src/store/iso-time.js";
import { loadServerSecret } from "../../../apps/server/src/store/server-secrets.js";
import {
  type SessionDetailRow,
  type SessionRow,
  sessionSelect,
  sqlVisibleAt,
  toSession,
  toSessionDetail,
} from "../../../apps/server/src/store/session-rows.js";
import type { SessionListQuery, SessionStatusFilter } from "../../../apps/server/src/store/store-types.js";

interface BareSqlConfig {
  token: string;
  account: string;
  databaseUrl?: string;
  dataDir?: string;
}

const file = process.argv[2];
if (file === undefined) throw new Error("usage: bare-sql-server CONFIG.json");
const config = JSON.parse(readFileSync(file, "utf8")) as BareSqlConfig;
const db = await openDatabase(
  config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl },
);
const secret = await loadServerSecret(db, "cursor");
const expected = `Bearer ${config.token}`;
const account = config.account;
const sessionPath = /^\/v1\/(residential|mobile)\/sessions(?:\/([^/?]+))?$/;

async function answer(url: URL): Promise<unknown> {
  const match = sessionPath.exec(url.pathname);
  if (match === null) return undefined;
  const product = match[1] as "residential" | "mobile";
  const now = new Date();
  if (match[2] !== undefined) {
    const [row] = await db.query<SessionDetailRow>(
      `SELECT ${sessionSelect}, samples FROM gateway_sessions s
       WHERE id = $1 AND account = $2 AND product = $3 AND ${sqlVisibleAt("$4", "$5")}`,
      [match[2], account, product, now.toISOString(), auditCutoffOf(now)],
    );
    return row === undefined ? undefined : toSessionDetail(row);
  }
  const q = url.searchParams;
  const text = (name: string) => q.get(name) ?? undefined;
  const asn = q.get("asn");
  const repinned = q.get("repinned");
  const query: SessionListQuery = {
    account,
    product,
    status: (q.get("status") ?? "active") as SessionStatusFilter,
    limit: Number(q.get("limit") ?? 50),
    ...(text("subuser") === undefined ? {} : { subuser: text("subuser") }),
    ...(text("session_id") === undefined ? {} : { session_id: text("session_id") }),
    ...(text("region") === undefined ? {} : { region: text("region") }),
    ...(asn === null ? {} : { asn: Number(asn) }),
    ...(repinned === null ? {} : { repinned: repinned === "true" }),
  };
  const scope = {
    account,
    product,
    subuser: query.subuser,
    session_id: query.session_id,
    region: query.region,
    asn: query.asn,
    repinned: query.repinned,
    status: query.status,
  };
  const cursor = q.get("cursor");
  if (cursor !== null) query.after = decodeCursor(cursor, scope, secret);
  const { sql, params } = listSessionsStatement(query, now);
  const rows = await db.query<SessionRow>(sql, params);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toSession),
    next_cursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor({ startedAt: isoTime(last.started_at), id: last.id }, scope, secret)
        : null,
  };
}

let sequence = 0;
const server = createServer((request, response) => {
  const requestId = `req_${(++sequence).toString(36).padStart(26, "0")}`;
  const fail = (status: number, code: string) => {
    response.writeHead(status, { "content-type": "application/json", "x-request-id": requestId });
    response.end(JSON.stringify({ error: { code, message: code, request_id: requestId } }));
  };
  if (request.headers.authorization !== expected) return fail(401, "unauthorized");
  answer(new URL(request.url ?? "/", "http://localhost")).then(
    (body) => {
      if (body === undefined) return fail(404, "not_found");
      response.writeHead(200, { "content-type": "application/json", "x-request-id": requestId });
      response.end(JSON.stringify(body));
    },
    () => fail(500, "internal_error"),
  );
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://127.0.0.1:${port}` }));
});
process.on("SIGTERM", () => {
  // its database connections end with it, so that the benchmark can drop its database afterwards
  server.closeAllConnections();
  server.close();
  void db.close().finally(() => process.exit(0));
});
