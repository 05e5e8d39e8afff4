/**
 * Query plans of the benchmarked list filters, straight on the store (EXPLAIN ANALYZE): how much of a
 * list request's latency is the database's, and which index it uses. The SQL mirrors the WHERE and
 * ORDER BY of the server's `listSessions` (apps/server/src/store/session-store.ts) for an active-status
 * list; it measures the store, the HTTP figures measure the server.
 *
 * @example
 * const plans = await explainListQueries(sql, { account: "acct_bench", depth: 10_000, runs: 10 });
 */
import { percentile } from "../lib/stats.js";
import { asnOf, dataset, type SqlRunner, subuserId } from "./bulk-load.js";

export interface PlanRow {
  query: string;
  /** The access path of the plan's first scan node, e.g. "Index Scan using gateway_sessions_by_subuser". */
  plan: string;
  exec_ms_p50: number;
  exec_ms_max: number;
}

const base =
  "SELECT id, product, username, subuser, session_id, region, state, city, asn, exit_ip, started_at, expires_at, " +
  "bytes_used, requests, repinned, terminated_at FROM gateway_sessions " +
  "WHERE account = $1 AND product = 'residential' AND terminated_at IS NULL AND expires_at > now()";
const order = " ORDER BY started_at DESC, id DESC LIMIT 101";

async function explain(
  sql: SqlRunner,
  text: string,
  params: unknown[],
): Promise<{ plan: string; ms: number }> {
  const rows = await sql.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
  const lines = rows.map((row) => Object.values(row)[0] ?? "");
  const scan = lines
    .map((line) =>
      /(Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan)( Backward)?( using \S+)?( on \S+)?/.exec(line),
    )
    .find(Boolean);
  const time = lines.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
  if (!time) throw new Error(`no execution time in plan:\n${lines.join("\n")}`);
  return { plan: scan?.[0] ?? lines[0] ?? "", ms: Number(time[1]) };
}

/**
 * Runs each list filter `runs` times under EXPLAIN ANALYZE with varying values and returns the plan and
 * the execution times.
 *
 * @example
 * for (const row of await explainListQueries(sql, { account, depth: 10_000, runs: 10 })) console.log(row);
 */
export async function explainListQueries(
  sql: SqlRunner,
  options: { account: string; depth: number; runs: number },
): Promise<PlanRow[]> {
  const [anchor] = await sql.query<{ started_at: unknown; id: string }>(
    `SELECT started_at, id FROM gateway_sessions
     WHERE account = $1 AND product = 'residential' AND terminated_at IS NULL AND expires_at > now()
     ORDER BY started_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [options.account, options.depth],
  );
  if (anchor === undefined)
    throw new Error(`fewer than ${options.depth} residential sessions to page through`);
  const kinds: { query: string; make: (i: number) => [string, unknown[]] }[] = [
    {
      query: "subuser",
      make: (i) => [
        `${base} AND subuser = $2${order}`,
        [options.account, subuserId((i * 37) % dataset.subusers)],
      ],
    },
    {
      query: "region+asn",
      make: (i) => {
        const r = i % dataset.regions.length;
        return [
          `${base} AND region = $2 AND asn = $3${order}`,
          [options.account, dataset.regions[r], asnOf(r, i % dataset.asnsPerRegion)],
        ];
      },
    },
    { query: "repinned=true", make: () => [`${base} AND repinned = true${order}`, [options.account]] },
    {
      query: "deep page (cursor)",
      make: () => [
        `${base} AND (started_at, id) < ($2::timestamptz, $3::text)${order}`,
        [options.account, anchor.started_at, anchor.id],
      ],
    },
  ];
  const rows: PlanRow[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    let plan = "";
    for (let i = 0; i < options.runs; i++) {
      const [text, params] = kind.make(i);
      const result = await explain(sql, text, params);
      times.push(result.ms);
      plan = result.plan;
    }
    rows.push({
      query: kind.query,
      plan,
      exec_ms_p50: percentile(times, 50),
      exec_ms_max: Math.max(...times),
    });
  }
  return rows;
}
