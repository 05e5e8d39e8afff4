/**
 * Leg 4: the client's overhead. The resource layer of @sessions-api/client (`gateway.sessions.get`,
 * `listPage`) against a bare `fetch` with a hand-built URL, both reading the same bodies from the same
 * stub, in alternating tinybench rounds. Two stubs: a node:http server in this process (over loopback,
 * as a real call would go; the target is judged here) and an injected `fetch` that never touches the
 * network (the worst case: what remains is the client's own per-call work). Also the size of the built
 * client, minified and gzipped, as an application bundling it would ship it.
 *
 * @example
 * const result = await runClientLeg({ rounds: 3, timeMs: 1000 });
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createSessionsClient, type FetchFunction } from "@sessions-api/client";
import type { Session, SessionDetail, SessionPage } from "@sessions-api/openapi";
import { build } from "esbuild";
import { Bench } from "tinybench";
import { benchKey, repoRoot } from "../lib/servers.js";
import { median } from "../lib/stats.js";

export interface ClientLegOptions {
  rounds: number;
  timeMs: number;
}

export interface ClientRow {
  stub: "http" | "in-memory";
  operation: string;
  client_ops: number;
  fetch_ops: number;
  /** client ops/s divided by bare fetch ops/s. */
  ratio: number;
  /** Extra time per call spent in the client, in microseconds. */
  overhead_us: number;
}

export interface ClientSize {
  entry: string;
  /** The client alone (openapi-fetch left external): what it adds to an app that already has openapi-fetch. */
  min_bytes: number;
  min_gzip_bytes: number;
  /** The client with openapi-fetch bundled in: what an app pays for it. */
  with_deps_min_gzip_bytes: number;
}

const sessionId = "ses_01HX2K3PQ4M5";

function fixtures() {
  const session = {
    id: sessionId,
    product: "residential",
    username: "user-sub_01HX2K3PQ4M5-region-us-asn-7922-session-job1-sesstime-30",
    subuser: "sub_01HX2K3PQ4M5",
    session_id: "job1",
    region: "us",
    state: null,
    city: null,
    asn: 7922,
    exit_ip: "198.51.100.42",
    started_at: "2026-05-28T07:00:00Z",
    expires_at: "2026-05-28T07:30:00Z",
    bytes_used: 3145728,
    requests: 42,
    repinned: false,
    status: "active",
    terminated_at: null,
  } satisfies Session;
  const detail: SessionDetail = {
    ...session,
    samples: Array.from({ length: 10 }, (_, i) => ({
      at: "2026-05-28T07:12:41.532Z",
      method: "GET",
      target_host: `www${i}.example.com`,
      target_port: 443,
      status_code: 200,
      bytes: 48213,
      duration_ms: 412,
    })),
  };
  const page: SessionPage = {
    data: Array.from({ length: 100 }, (_, i) => ({
      ...session,
      id: `ses_01HX2K3PQ${String(i).padStart(3, "0")}`,
    })),
    next_cursor: "eyJ0IjoiMjAyNi0wNS0yOFQwNzowMDowMFoiLCJpIjoic2VzXzAxSFgySzNQUTRNNSJ9",
  };
  return { detail: JSON.stringify(detail), page: JSON.stringify(page) };
}

function route(url: string, authorization: string | null, bodies: { detail: string; page: string }) {
  if (authorization !== `Bearer ${benchKey}`)
    return { status: 401, body: '{"error":{"code":"unauthorized"}}' };
  const path = url.slice(url.indexOf("/v1/"));
  if (path === `/v1/residential/sessions/${sessionId}`) return { status: 200, body: bodies.detail };
  if (path.startsWith("/v1/residential/sessions?")) return { status: 200, body: bodies.page };
  return { status: 404, body: '{"error":{"code":"not_found"}}' };
}

async function compare(
  stub: ClientRow["stub"],
  baseUrl: string,
  stubFetch: FetchFunction,
  options: ClientLegOptions,
): Promise<ClientRow[]> {
  const client = createSessionsClient({ baseUrl, apiKey: benchKey, fetch: stubFetch });
  const headers = { authorization: `Bearer ${benchKey}` };
  const bare = async <T>(url: string): Promise<T> => {
    const response = await stubFetch(new Request(url, { headers }));
    if (!response.ok) throw new Error(`bare fetch ${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const pairs = [
    {
      operation: "get-one",
      client: () => client.gateway.sessions.get("residential", sessionId),
      fetch: () => bare<SessionDetail>(`${baseUrl}/v1/residential/sessions/${sessionId}`),
    },
    {
      operation: "list-100",
      client: () => client.gateway.sessions.listPage("residential", { region: "us", limit: 100 }),
      fetch: () => bare<SessionPage>(`${baseUrl}/v1/residential/sessions?region=us&limit=100`),
    },
  ];
  // both sides must read the same thing, or the comparison means nothing
  for (const pair of pairs) {
    const [a, b] = await Promise.all([pair.client(), pair.fetch()]);
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`${stub} ${pair.operation}: client and fetch differ`);
  }
  const rows: ClientRow[] = [];
  for (const pair of pairs) {
    const clientOps: number[] = [];
    const fetchOps: number[] = [];
    // an even number of rounds, so that each side runs first equally often (the first task of a bench
    // runs on a colder process)
    const rounds = options.rounds + (options.rounds % 2);
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: options.timeMs, warmupTime: Math.min(500, options.timeMs / 2) });
      // alternate which side goes first, so that neither always runs on a warmer process
      if (round % 2 === 0) bench.add("client", pair.client).add("fetch", pair.fetch);
      else bench.add("fetch", pair.fetch).add("client", pair.client);
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== "completed")
          throw new Error(`${stub} ${pair.operation} ${task.name}: ${result.state}`);
        (task.name === "client" ? clientOps : fetchOps).push(1000 / result.period);
      }
    }
    const clientMedian = median(clientOps);
    const fetchMedian = median(fetchOps);
    rows.push({
      stub,
      operation: pair.operation,
      client_ops: clientMedian,
      fetch_ops: fetchMedian,
      ratio: clientMedian / fetchMedian,
      overhead_us: (1 / clientMedian - 1 / fetchMedian) * 1e6,
    });
  }
  return rows;
}

/**
 * Measures the client's size: its built ESM entry (dist/index.js, else src/index.ts) bundled and minified
 * by esbuild, then gzipped.
 *
 * @example
 * const size = await measureClientSize();
 */
export async function measureClientSize(): Promise<ClientSize> {
  const dist = join(repoRoot, "packages/client/dist/index.js");
  const entry = existsSync(dist) ? dist : join(repoRoot, "packages/client/src/index.ts");
  const bundle = async (external: string[]) => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      external,
      write: false,
      logLevel: "error",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  };
  const alone = await bundle(["openapi-fetch"]);
  const withDeps = await bundle([]);
  return {
    entry: entry.slice(repoRoot.length),
    min_bytes: alone.min,
    min_gzip_bytes: alone.gzip,
    with_deps_min_gzip_bytes: withDeps.gzip,
  };
}

/**
 * Runs leg 4: overhead against both stubs, and the size.
 *
 * @example
 * const { rows, size } = await runClientLeg({ rounds: 3, timeMs: 1000 });
 */
export async function runClientLeg(
  options: ClientLegOptions,
): Promise<{ rows: ClientRow[]; size: ClientSize }> {
  const bodies = fixtures();
  const server = createServer((request, response) => {
    const answer = route(request.url ?? "", request.headers.authorization ?? null, bodies);
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    const httpRows = await compare("http", `http://127.0.0.1:${port}`, (request) => fetch(request), options);
    const memoryFetch: FetchFunction = async (request) => {
      const answer = route(request.url, request.headers.get("authorization"), bodies);
      return new Response(answer.body, {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    };
    const memoryRows = await compare("in-memory", "http://stub.invalid", memoryFetch, options);
    return { rows: [...httpRows, ...memoryRows], size: await measureClientSize() };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
