/**
 * Leg 5: varied reads while traffic keeps writing (issue 26). The reference server is filled through its
 * sandbox with `sessions` gateway sessions of one account; then `questions` different reads (every list
 * filter, limits from 10 to 100, cursors into deep pages, get-one over many ids) are asked in turn while
 * traffic reports to sessions of that same account arrive at 0, 200 and 1,000 per second (an open loop at
 * that rate, to the reference server in every run). Three contenders answer the reads, interleaved:
 * - server: the reference server;
 * - ceiling: bare node:http answering the same bytes (recorded from the server before the runs);
 * - bare-sql: bare node:http running the server's own statements through the same driver, no cache
 *   (`src/ceiling/bare-sql-server.ts`): the floor of a Node server over this store.
 *
 * @example
 * const rows = await runMixedLeg({ store: "pglite", sessions: 20_000, seconds: 3, rounds: 1 });
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SessionDetail, SessionPage } from "@sessions-api/openapi";
import type { ChildServer } from "../lib/child.js";
import { assertClean, type LoadResult, runLoad } from "../lib/load.js";
import { authHeaders, startBareSqlServer, startCeilingServer, startReferenceServer } from "../lib/servers.js";
import { median } from "../lib/stats.js";

export interface MixedLegOptions {
  store: "pglite" | "postgres";
  databaseUrl?: string;
  sessions: number;
  /** Seconds per measured run. */
  seconds: number;
  rounds: number;
  connections?: readonly number[];
  rates?: readonly number[];
  /** How many different reads (default 400). */
  questions?: number;
  /** Write a V8 CPU profile of the measured server (not of the fill) into this directory. */
  cpuProfileDir?: string | undefined;
}

export type MixedContender = "server" | "ceiling" | "bare-sql";
export const mixedContenders: MixedContender[] = ["server", "ceiling", "bare-sql"];

export interface MixedRow {
  store: "pglite" | "postgres";
  connections: number;
  /** Traffic reports per second asked for during the run. */
  ingest_rate: number;
  contender: MixedContender;
  rps: number;
  p50_us: number;
  p99_us: number;
  /** Traffic reports per second the server answered during the run. */
  ingest_rps: number;
  /**
   * CPU time (user + system) of the contender's process per read. The server's excludes its ingest: the
   * server's CPU during the anchors' runs at the same rate (ingest alone) is taken off, per second.
   */
  cpu_us_per_read: number;
  rounds_rps: number[];
}

const regions = ["us", "de", "gb", "fr", "jp", "br", "in", "ca", "au", "nl"];
const subusers = 200;
const asnOf = (i: number) => 7922 + (i % 5);

/** The username of the i-th session of the fill: 200 sub-users, 10 regions with 5 ASNs each. */
export function mixedUsername(i: number): string {
  const subuser = `sub_mix${String(i % subusers).padStart(4, "0")}`;
  return `user-${subuser}-region-${regions[i % regions.length]}-asn-${asnOf(i)}-session-m${i}-sesstime-1440`;
}

const report = (username: string, reassign = false) =>
  JSON.stringify({
    username,
    requests: [
      {
        method: "GET",
        target_host: "www.example.com",
        target_port: 443,
        status_code: 200,
        bytes: 1200,
        duration_ms: 40,
      },
    ],
    ...(reassign ? { reassign_exit_ip: true } : {}),
  });

async function call(url: string, path: string, body?: string): Promise<unknown> {
  const response = await fetch(new URL(path, url), {
    method: body === undefined ? "GET" : "POST",
    headers: { ...authHeaders, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body }),
  });
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Fills the server with `count` sessions through the sandbox, 1 in 100 of them repinned; their ids. */
export async function fillThroughSandbox(url: string, count: number): Promise<string[]> {
  const ids: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const detail = (await call(
        url,
        "/sandbox/v1/residential/traffic",
        report(mixedUsername(i)),
      )) as SessionDetail;
      ids[i] = detail.id;
      if (i % 100 === 0) await call(url, "/sandbox/v1/residential/traffic", report(mixedUsername(i), true));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

/**
 * The read mix: lists under every filter and limits of 10 to 100, lists from cursors several pages deep,
 * and get-one over many ids; each path different. Deep cursors are read from the server.
 */
export async function mixedQuestions(url: string, ids: readonly string[], count: number): Promise<string[]> {
  const limits = [10, 25, 50, 100];
  const lists: string[] = [];
  for (let i = 0; lists.length < Math.ceil(count * 0.45); i++) {
    const limit = limits[i % limits.length];
    const filters = [
      `subuser=sub_mix${String(i % subusers).padStart(4, "0")}`,
      `region=${regions[i % regions.length]}`,
      `region=${regions[i % regions.length]}&asn=${asnOf(i)}`,
      "repinned=true",
      "repinned=false",
      "",
    ];
    const filter = filters[Math.floor(i / limits.length) % filters.length];
    const status = i % 3 === 0 ? "all" : "active";
    const path = `/v1/residential/sessions?${filter}${filter === "" ? "" : "&"}status=${status}&limit=${limit}`;
    if (!lists.includes(path)) lists.push(path);
    if (i > count * 10) break;
  }
  // deep pages: follow the unfiltered list down by cursor, and keep each page's cursor from the fifth on
  const deep: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; deep.length < Math.ceil(count * 0.15) && page < 1000; page++) {
    const path: string = `/v1/residential/sessions?status=active&limit=50${cursor === null ? "" : `&cursor=${cursor}`}`;
    if (page >= 5) deep.push(path);
    cursor = ((await call(url, path)) as SessionPage).next_cursor;
    if (cursor === null) break;
  }
  const gets: string[] = [];
  const step = Math.max(1, Math.floor(ids.length / Math.max(1, count - lists.length - deep.length)));
  for (let i = 0; gets.length < count - lists.length - deep.length && i < ids.length; i += step) {
    gets.push(`/v1/residential/sessions/${ids[i]}`);
  }
  // interleaved, so that each stretch of a run asks every kind
  const all = [lists, deep, gets];
  const mixed: string[] = [];
  for (let i = 0; mixed.length < lists.length + deep.length + gets.length; i++) {
    for (const kind of all) if (i < kind.length) mixed.push(kind[i] as string);
  }
  return mixed.slice(0, count);
}

/**
 * Posts traffic reports at `rate` per second for `seconds`, whatever the answers take (an open loop, as
 * reporters that do not wait on each other): how many were answered 2xx and not, and the 2xx rate.
 */
export async function paceReports(
  url: string,
  rate: number,
  seconds: number,
  body: () => string,
): Promise<{ ok: number; failed: number; rps: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(url);
  let sent = 0;
  let ok = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  const send = () => {
    const done = new Promise<void>((resolve) => {
      const request = httpRequest(
        target,
        { method: "POST", agent, headers: { ...authHeaders, "content-type": "application/json" } },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode !== undefined && response.statusCode < 300) ok++;
            else failed++;
            resolve();
          });
        },
      );
      request.on("error", () => {
        failed++;
        resolve();
      });
      request.end(body());
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed >= seconds) {
        clearInterval(timer);
        resolve();
        return;
      }
      for (const due = Math.floor(elapsed * rate); sent < due; sent++) send();
    }, 5);
  });
  await Promise.all(inFlight);
  agent.destroy();
  return { ok, failed, rps: ok / ((performance.now() - started) / 1000) };
}

function cycle(paths: readonly string[]): () => string {
  let i = Math.floor(Math.random() * paths.length);
  return () => paths[i++ % paths.length] as string;
}

/**
 * Runs the leg on one store and returns a row per store, connections, ingest rate and contender (medians
 * over the rounds).
 */
export async function runMixedLeg(options: MixedLegOptions): Promise<MixedRow[]> {
  const connectionCounts = options.connections ?? [10, 64];
  const rates = options.rates ?? [0, 200, 1000];
  const dataDir = options.store === "pglite" ? await mkdtemp(join(tmpdir(), "bench-mixed-")) : undefined;
  const bareDir = options.store === "pglite" ? await mkdtemp(join(tmpdir(), "bench-mixed-bare-")) : undefined;
  const storeOf = (dir: string | undefined) =>
    options.databaseUrl === undefined ? { dataDir: dir } : { databaseUrl: options.databaseUrl };
  const started: ChildServer[] = [];
  try {
    let server = await startReferenceServer({ name: "server", ...storeOf(dataDir) });
    started.push(server);
    console.error(`mixed ${options.store}: filling ${options.sessions} sessions through the sandbox`);
    const ids = await fillThroughSandbox(server.url, options.sessions);
    const questions = await mixedQuestions(server.url, ids, options.questions ?? 400);
    const bodies: Record<string, unknown> = {};
    for (const path of questions) bodies[path] = await call(server.url, path);
    // the measured server is a fresh process on either store (its profile, if asked for, holds no fill);
    // PGlite's directory is one process's: the anchor reads a copy, made while the server is stopped
    await server.stop();
    started.pop();
    if (dataDir !== undefined && bareDir !== undefined) await cp(dataDir, bareDir, { recursive: true });
    server = await startReferenceServer({
      name: "server",
      ...storeOf(dataDir),
      cpuProfileDir: options.cpuProfileDir,
    });
    started.push(server);
    const ceiling = await startCeilingServer(bodies);
    started.push(ceiling);
    const bare = await startBareSqlServer(storeOf(bareDir));
    started.push(bare);
    const urls: Record<MixedContender, string> = {
      server: server.url,
      ceiling: ceiling.url,
      "bare-sql": bare.url,
    };
    for (const contender of mixedContenders) {
      // every contender answers every question once before it is measured (the server's code warmed up,
      // and its cache as a sandbox asked these questions before would hold it)
      for (const path of questions) await call(urls[contender], path);
    }
    const reporters = Math.min(ids.length, 5_000);
    const ingestBody = () => report(mixedUsername(Math.floor(Math.random() * reporters)));
    const rows: MixedRow[] = [];
    for (const connections of connectionCounts) {
      for (const rate of rates) {
        const runs: Record<
          MixedContender,
          { reads: LoadResult; ingest: number; cpu: number; serverCpu: number; seconds: number }[]
        > = {
          server: [],
          ceiling: [],
          "bare-sql": [],
        };
        for (let round = 0; round < options.rounds; round++) {
          for (const contender of mixedContenders) {
            const ingest =
              rate === 0
                ? Promise.resolve(undefined)
                : paceReports(
                    `${server.url}/sandbox/v1/residential/traffic`,
                    rate,
                    options.seconds,
                    ingestBody,
                  );
            const processes: Record<MixedContender, ChildServer> = { server, ceiling, "bare-sql": bare };
            const cpuBefore = processes[contender].cpuSeconds();
            const serverCpuBefore = server.cpuSeconds();
            const startedAt = performance.now();
            const reads = await runLoad({
              url: `${urls[contender]}${questions[0]}`,
              headers: authHeaders,
              path: cycle(questions),
              connections,
              seconds: options.seconds,
            });
            const seconds = (performance.now() - startedAt) / 1000;
            const cpu = processes[contender].cpuSeconds() - cpuBefore;
            const serverCpu = server.cpuSeconds() - serverCpuBefore;
            const written = await ingest;
            const label = `mixed ${options.store} ${contender} ${connections} conns ${rate}/s`;
            console.error(
              `${label}: ${Math.round(reads.rps)} req/s, p99 ${Math.round(reads.p99us)} µs, ingest ${Math.round(written?.rps ?? 0)}/s`,
            );
            assertClean(label, reads);
            if (written !== undefined && (written.failed > 0 || written.ok === 0)) {
              throw new Error(`${label} ingest: ${written.ok} reports answered 2xx, ${written.failed} not`);
            }
            runs[contender].push({ reads, ingest: written?.rps ?? 0, cpu, serverCpu, seconds });
          }
        }
        // the server's CPU per second while it only ingested (during the anchors' runs)
        const anchorRuns = [...runs.ceiling, ...runs["bare-sql"]];
        const ingestCpuPerSecond = median(anchorRuns.map((run) => run.serverCpu / run.seconds));
        for (const contender of mixedContenders) {
          const list = runs[contender];
          const cpuPerRead = list.map((run) => {
            const own = contender === "server" ? run.cpu - ingestCpuPerSecond * run.seconds : run.cpu;
            return (Math.max(0, own) / Math.max(1, run.reads.requests)) * 1e6;
          });
          rows.push({
            store: options.store,
            connections,
            ingest_rate: rate,
            contender,
            rps: median(list.map((run) => run.reads.rps)),
            p50_us: median(list.map((run) => run.reads.p50us)),
            p99_us: median(list.map((run) => run.reads.p99us)),
            ingest_rps: median(list.map((run) => run.ingest)),
            cpu_us_per_read: median(cpuPerRead),
            rounds_rps: list.map((run) => Math.round(run.reads.rps)),
          });
        }
      }
    }
    return rows;
  } finally {
    for (const child of started.reverse()) await child.stop().catch(() => {});
    for (const dir of [dataDir, bareDir])
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
}
