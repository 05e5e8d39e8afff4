/**
 * Leg 1: HTTP side by side. The reference server, the node:http ceiling and Prism's mock answer the same
 * requests, interleaved (server, ceiling, Prism, server, ceiling, Prism, ...) so that a noisy neighbour
 * slows all three alike; each figure is the median of the rounds.
 *
 * @example
 * const rows = await runHttpLeg({ rounds: 3, seconds: 5, warmupSeconds: 1, connections: 10 });
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApplicationSessionList, SessionDetail, SessionPage } from "@sessions-api/openapi";
import type { ChildServer } from "../lib/child.js";
import { assertClean, runLoad } from "../lib/load.js";
import {
  authHeaders,
  startCeilingServer,
  startPrism,
  startReferenceServer,
  writeSpecWithExamples,
} from "../lib/servers.js";
import { median } from "../lib/stats.js";

export interface HttpLegOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  cpuProfileDir?: string;
}

export type Contender = "server" | "ceiling" | "prism";
export const contenders: Contender[] = ["server", "ceiling", "prism"];

export interface HttpRow {
  endpoint: string;
  path: string;
  contender: Contender;
  body_bytes: number;
  rps: number;
  p50_us: number;
  p99_us: number;
  rss_mib: number;
  /** Server CPU time (user + system) per response: comparable even when the machine is busy. */
  cpu_us_per_request: number;
  /** Each round's req/s, to show the spread behind the median. */
  rounds_rps: number[];
}

async function seedReferenceServer(url: string): Promise<Record<string, string>> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(new URL(path, url), {
      method: "POST",
      headers: { ...authHeaders, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`seeding ${path}: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json() as Promise<unknown>;
  };
  const requests = Array.from({ length: 10 }, (_, i) => ({
    method: i % 3 === 0 ? "CONNECT" : "GET",
    target_host: `www${i}.example.com`,
    target_port: 443,
    status_code: 200,
    bytes: 10_000 + i * 137,
    duration_ms: 40 + i,
  }));
  // 240 sessions, half in the us region, so the filtered list-100 is a full page
  let firstId = "";
  for (let i = 0; i < 240; i++) {
    const region = i % 2 === 0 ? "us" : "de";
    const username = `user-sub_bench${String(i % 12).padStart(4, "0")}-region-${region}-asn-7922-session-h${i}-sesstime-1440`;
    const detail = (await post("/sandbox/v1/residential/traffic", { username, requests })) as SessionDetail;
    if (i === 0) firstId = detail.id;
  }
  for (let i = 0; i < 100; i++) await post("/sandbox/app/sessions", {});
  return {
    "get-one": `/v1/residential/sessions/${firstId}`,
    "list-100": "/v1/residential/sessions?region=us&limit=100",
    "app-list": "/app/sessions",
  };
}

async function fetchBody(url: string, path: string): Promise<{ body: unknown; bytes: number }> {
  const response = await fetch(new URL(path, url), { headers: authHeaders });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status} ${text}`);
  return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
}

/**
 * Runs leg 1 and returns one row per endpoint and contender (medians over the rounds).
 *
 * @example
 * for (const row of await runHttpLeg(options)) console.log(row.endpoint, row.contender, row.rps);
 */
export async function runHttpLeg(options: HttpLegOptions): Promise<HttpRow[]> {
  const dataDir = await mkdtemp(join(tmpdir(), "sessions-bench-http-"));
  const servers: Partial<Record<Contender, ChildServer>> = {};
  try {
    const server = await startReferenceServer({
      name: "server",
      dataDir,
      ...(options.cpuProfileDir === undefined ? {} : { cpuProfileDir: options.cpuProfileDir }),
    });
    servers.server = server;
    const paths = await seedReferenceServer(server.url);
    const bodies: Record<string, { body: unknown; bytes: number }> = {};
    const prismBytes: Record<string, number> = {};
    for (const [endpoint, path] of Object.entries(paths))
      bodies[endpoint] = await fetchBody(server.url, path);
    const list = bodies["list-100"]?.body as SessionPage;
    const apps = bodies["app-list"]?.body as ApplicationSessionList;
    if (list.data.length !== 100 || apps.application_sessions.length !== 100) {
      throw new Error(
        `seeded server lists ${list.data.length} sessions and ${apps.application_sessions.length} app sessions, expected 100 each`,
      );
    }
    servers.ceiling = await startCeilingServer(
      Object.fromEntries(Object.entries(paths).map(([endpoint, path]) => [path, bodies[endpoint]?.body])),
    );
    // Prism serves the first example of a response: make those the server's own bodies (same bytes)
    const spec = await writeSpecWithExamples({
      SessionDetail: bodies["get-one"]?.body,
      SessionList: bodies["list-100"]?.body,
      ApplicationSessionList: bodies["app-list"]?.body,
    });
    servers.prism = await startPrism(spec);
    for (const [endpoint, path] of Object.entries(paths)) {
      const served = await fetchBody(servers.prism.url, path);
      if (served.bytes !== bodies[endpoint]?.bytes) {
        console.error(
          `  note: Prism serves ${served.bytes} bytes on ${endpoint}, the server ${bodies[endpoint]?.bytes}`,
        );
      }
      prismBytes[endpoint] = served.bytes;
    }

    const samples = new Map<
      string,
      { rps: number[]; p50: number[]; p99: number[]; rss: number[]; cpu: number[] }
    >();
    const measure = async (contender: Contender, endpoint: string, seconds: number, record: boolean) => {
      const target = servers[contender] as ChildServer;
      const path = paths[endpoint] as string;
      const cpuBefore = target.cpuSeconds();
      const result = await runLoad({
        url: new URL(path, target.url).href,
        headers: authHeaders,
        connections: options.connections,
        seconds,
        maxRequests: Math.ceil(seconds * 100_000),
      });
      assertClean(`${contender} ${endpoint}`, result);
      const cpuUs = ((target.cpuSeconds() - cpuBefore) / result.requests) * 1e6;
      if (!record) return;
      const key = `${endpoint}|${contender}`;
      const entry = samples.get(key) ?? { rps: [], p50: [], p99: [], rss: [], cpu: [] };
      entry.cpu.push(cpuUs);
      entry.rps.push(result.rps);
      entry.p50.push(result.p50us);
      entry.p99.push(result.p99us);
      entry.rss.push(target.rss() / 2 ** 20);
      samples.set(key, entry);
      console.error(
        `  ${endpoint.padEnd(9)} ${contender.padEnd(8)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${result.p50us.toFixed(0)} µs  p99 ${result.p99us.toFixed(0)} µs`,
      );
    };

    for (const endpoint of Object.keys(paths)) {
      for (const contender of contenders) await measure(contender, endpoint, options.warmupSeconds, false);
    }
    for (let round = 1; round <= options.rounds; round++) {
      console.error(`http round ${round}/${options.rounds}`);
      for (const endpoint of Object.keys(paths)) {
        for (const contender of contenders) await measure(contender, endpoint, options.seconds, true);
      }
    }

    const rows: HttpRow[] = [];
    for (const endpoint of Object.keys(paths)) {
      for (const contender of contenders) {
        const entry = samples.get(`${endpoint}|${contender}`);
        if (entry === undefined) continue;
        rows.push({
          endpoint,
          path: paths[endpoint] as string,
          contender,
          body_bytes: (contender === "prism" ? prismBytes[endpoint] : bodies[endpoint]?.bytes) ?? Number.NaN,
          rps: median(entry.rps),
          p50_us: median(entry.p50),
          p99_us: median(entry.p99),
          rss_mib: median(entry.rss),
          cpu_us_per_request: median(entry.cpu),
          rounds_rps: entry.rps.map((value) => Math.round(value)),
        });
      }
    }
    return rows;
  } finally {
    for (const contender of contenders) await servers[contender]?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
