/**
 * Leg 4: the client's overhead. The resource layer of @sessions-api/client (`gateway.sessions.get`,
 * `listPage`) against a bare `fetch` with a hand-built URL, and openapi-fetch alone between them (to tell
 * the library's share from the client's own), all reading the same bodies from the same stub, in many
 * short tinybench slices that run every side (each ratio is the median of the slices' ratios). Two stubs:
 * a node:http server in this process, reached over loopback through the global `fetch` with each side's
 * defaults, as users run them (the client and openapi-fetch with no `fetch` option, the bare side as
 * `fetch(url, { headers })`; the target is judged here), and an injected `fetch` that never touches the
 * network (the worst case: what remains is the client's own per-call work; every side hands it a
 * Request). Also the size of the built client, minified and gzipped, as an application bundling it would
 * ship it.
 *
 * @example
 * const result = await runClientLeg({ rounds: 3, timeMs: 1000 });
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createSessionsClient, type FetchFunction } from "@sessions-api/client";
import type { paths, Session, SessionDetail, SessionPage } from "@sessions-api/openapi";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { benchKey, repoRoot } from "../lib/servers.js";
import { median, percentile } from "../lib/stats.js";

export interface ClientLegOptions {
  rounds: number;
  /** Time per side and round; the leg runs rounds × timeMs per side in slices of 250 ms. */
  timeMs: number;
}

/** How long each side runs in one slice of the comparison, in milliseconds. */
export const sliceMs = 250;

export interface ClientRow {
  stub: "http" | "in-memory";
  operation: string;
  client_ops: number;
  /** The same calls through openapi-fetch alone, as the client sets it up (no transport, no resource layer). */
  openapi_fetch_ops: number;
  fetch_ops: number;
  /** The median over slices of client ops/s divided by bare fetch ops/s in the same slice. */
  ratio: number;
  /** The middle half of the slices' client / fetch ratios: their 25th and 75th percentiles. */
  ratio_iqr: [number, number];
  /** Median over slices of openapi-fetch ops/s divided by bare fetch ops/s: the library's share. */
  openapi_fetch_ratio: number;
  /** Median over slices of client ops/s divided by openapi-fetch ops/s: the client's own layers' share. */
  client_to_openapi_fetch: number;
  /** How many slices the ratios are medians of. */
  slices: number;
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

// the three sides of a comparison, in the order the slices rotate them
const sides = ["client", "openapi-fetch", "fetch"] as const;
type Side = (typeof sides)[number];

// `stubFetch` undefined: every side sends through the global fetch, each in its own default way
async function compare(
  stub: ClientRow["stub"],
  baseUrl: string,
  stubFetch: FetchFunction | undefined,
  options: ClientLegOptions,
): Promise<ClientRow[]> {
  const injected = stubFetch === undefined ? {} : { fetch: stubFetch };
  const client = createSessionsClient({ baseUrl, apiKey: benchKey, ...injected });
  // openapi-fetch as the client uses it, without the client's transport and resource layer: where the
  // client's overhead lies, ours or the library's
  const raw = createClient<paths>({
    baseUrl,
    ...injected,
    headers: { Authorization: `Bearer ${benchKey}` },
  });
  const headers = { authorization: `Bearer ${benchKey}` };
  const send =
    stubFetch === undefined
      ? (url: string) => fetch(url, { headers })
      : (url: string) => stubFetch(new Request(url, { headers }));
  const bare = async <T>(url: string): Promise<T> => {
    const response = await send(url);
    if (!response.ok) throw new Error(`bare fetch ${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const viaOpenapiFetch = async <T>(result: Promise<{ data?: T; response: Response }>): Promise<T> => {
    const { data, response } = await result;
    if (!response.ok) throw new Error(`openapi-fetch ${response.url}: HTTP ${response.status}`);
    return data as T;
  };
  const operations: { operation: string; run: Record<Side, () => Promise<unknown>> }[] = [
    {
      operation: "get-one",
      run: {
        client: () => client.gateway.sessions.get("residential", sessionId),
        "openapi-fetch": () =>
          viaOpenapiFetch(
            raw.GET("/v1/{product}/sessions/{id}", {
              params: { path: { product: "residential", id: sessionId } },
            }),
          ),
        fetch: () => bare<SessionDetail>(`${baseUrl}/v1/residential/sessions/${sessionId}`),
      },
    },
    {
      operation: "list-100",
      run: {
        client: () => client.gateway.sessions.listPage("residential", { region: "us", limit: 100 }),
        "openapi-fetch": () =>
          viaOpenapiFetch(
            raw.GET("/v1/residential/sessions", { params: { query: { region: "us", limit: 100 } } }),
          ),
        fetch: () => bare<SessionPage>(`${baseUrl}/v1/residential/sessions?region=us&limit=100`),
      },
    },
  ];
  // every side must read the same thing, or the comparison means nothing
  for (const { operation, run } of operations) {
    const answers = await Promise.all(sides.map((side) => run[side]()));
    if (new Set(answers.map((answer) => JSON.stringify(answer))).size !== 1)
      throw new Error(`${stub} ${operation}: the client, openapi-fetch and fetch read different things`);
  }
  const rows: ClientRow[] = [];
  // many short slices, each side once per slice: the sides of a slice run within a second of each other
  // on the same machine, so their ratio keeps little of this machine's drift, which over seconds moved
  // the ratio of two long runs by ±15%; the median of the slices' ratios is the figure
  const slices = Math.max(12, Math.round((options.rounds * options.timeMs) / sliceMs));
  for (const { operation, run } of operations) {
    const ops: Record<Side, number[]> = { client: [], "openapi-fetch": [], fetch: [] };
    for (let slice = 0; slice < slices; slice++) {
      const bench = new Bench({ time: sliceMs, warmupTime: sliceMs / 4 });
      // each side goes first equally often, so that none always runs on a warmer process
      for (let i = 0; i < sides.length; i++) {
        const side = sides[(slice + i) % sides.length] as Side;
        bench.add(side, run[side]);
      }
      await bench.run();
      for (const task of bench.tasks) {
        const result = task.result;
        if (result.state !== "completed")
          throw new Error(`${stub} ${operation} ${task.name}: ${result.state}`);
        ops[task.name as Side].push(1000 / result.period);
      }
    }
    const ratios = (a: Side, b: Side) => ops[a].map((value, i) => value / (ops[b][i] as number));
    const clientToFetch = ratios("client", "fetch");
    const fetchMedian = median(ops.fetch);
    const ratio = median(clientToFetch);
    rows.push({
      stub,
      operation,
      client_ops: median(ops.client),
      openapi_fetch_ops: median(ops["openapi-fetch"]),
      fetch_ops: fetchMedian,
      ratio,
      ratio_iqr: [percentile(clientToFetch, 25), percentile(clientToFetch, 75)],
      openapi_fetch_ratio: median(ratios("openapi-fetch", "fetch")),
      client_to_openapi_fetch: median(ratios("client", "openapi-fetch")),
      slices,
      // from the median ratio, so that the two columns say one thing
      overhead_us: (1 / (fetchMedian * ratio) - 1 / fetchMedian) * 1e6,
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
    const httpRows = await compare("http", `http://127.0.0.1:${port}`, undefined, options);
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
