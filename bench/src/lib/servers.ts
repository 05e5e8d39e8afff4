/**
 * The three servers of the benchmark, each started in its own child process: the reference server's CLI
 * (the built bundle users run), the bare node:http ceiling, and Prism's mock of the spec.
 *
 * @example
 * const server = await startReferenceServer({ dataDir: "/tmp/x" });
 * await server.stop();
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openapiDocument } from "@sessions-api/openapi/document";
import { build } from "esbuild";
import { type ChildServer, freePort, startChild } from "./child.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const benchRoot = join(repoRoot, "bench");
export const cacheDir = join(benchRoot, ".cache");

/** The key every benchmark request carries: full scope, no rate limit (the demo keys allow 6000/min). */
export const benchKey = "sk_bench_unlimited";
export const benchAccount = "acct_bench";
export const authHeaders = { authorization: `Bearer ${benchKey}` };

async function writeKeysFile(): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, "bench-keys.json");
  const keys = {
    keys: [
      {
        key: benchKey,
        account: benchAccount,
        products: ["residential", "mobile"],
        subusers: null,
        // the HTTP leg seeds and lists application sessions
        app_sessions: true,
        rate_limit_per_minute: 0,
      },
    ],
  };
  await writeFile(path, `${JSON.stringify(keys, null, 2)}\n`);
  return path;
}

export interface ReferenceServerOptions {
  name?: string;
  /** PGlite data directory (embedded store). */
  dataDir?: string;
  /** PostgreSQL URL; takes precedence over `dataDir`. */
  databaseUrl?: string;
  /** Write a V8 CPU profile of the server into this directory when it stops. */
  cpuProfileDir?: string | undefined;
}

/**
 * Starts `node apps/server/dist/main.js` on a free port with the benchmark key and no demo seed.
 *
 * @example
 * const server = await startReferenceServer({ databaseUrl: process.env.DATABASE_URL });
 */
export async function startReferenceServer(options: ReferenceServerOptions): Promise<ChildServer> {
  // BENCH_SERVER_MAIN: benchmark another entry of the server (a .ts one runs through tsx)
  const main = process.env.BENCH_SERVER_MAIN
    ? resolve(process.env.BENCH_SERVER_MAIN)
    : join(repoRoot, "apps/server/dist/main.js");
  if (!existsSync(main)) {
    throw new Error(
      `${main} is missing: run the benchmark as \`pnpm bench\` from the repository root (it builds first).`,
    );
  }
  const keysFile = await writeKeysFile();
  const profile =
    options.cpuProfileDir === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir];
  return startChild({
    name: options.name ?? "server",
    command: process.execPath,
    args: [...profile, ...(main.endsWith(".ts") ? ["--import", "tsx"] : []), main],
    cwd: cacheDir,
    env: {
      PORT: "0",
      HOST: "127.0.0.1",
      SESSIONS_API_KEYS_FILE: keysFile,
      SESSIONS_API_SEED: "false",
      SESSIONS_API_DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl,
    },
    ready: { kind: "listening-line" },
    timeoutMs: 180_000,
  });
}

/**
 * Starts the node:http ceiling serving `routes` (request path with query -> body) behind `benchKey`.
 * The ceiling is bundled to plain JavaScript first so that its process carries no TypeScript loader.
 *
 * @example
 * const ceiling = await startCeilingServer({ "/v1/residential/sessions/ses_x": { id: "ses_x" } });
 */
export async function startCeilingServer(routes: Record<string, unknown>): Promise<ChildServer> {
  await mkdir(cacheDir, { recursive: true });
  const script = join(cacheDir, "ceiling-server.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../ceiling/ceiling-server.ts", import.meta.url))],
    outfile: script,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  const routesFile = join(cacheDir, "ceiling-routes.json");
  await writeFile(routesFile, JSON.stringify({ token: benchKey, routes }));
  return startChild({
    name: "ceiling",
    command: process.execPath,
    args: [script, routesFile],
    ready: { kind: "listening-line" },
  });
}

/**
 * Starts the bare-SQL anchor (`src/ceiling/bare-sql-server.ts`) over a store: the server's own statements
 * and row mapping with nothing around them. Bundled first, the database drivers left to node_modules.
 *
 * @example
 * const bare = await startBareSqlServer({ databaseUrl });
 */
export async function startBareSqlServer(store: {
  databaseUrl?: string;
  dataDir?: string;
}): Promise<ChildServer> {
  await mkdir(cacheDir, { recursive: true });
  const script = join(cacheDir, "bare-sql-server.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../ceiling/bare-sql-server.ts", import.meta.url))],
    outfile: script,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    logLevel: "error",
    external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "pg", "pg-cursor"],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const configFile = join(cacheDir, "bare-sql.json");
  await writeFile(configFile, JSON.stringify({ token: benchKey, account: benchAccount, ...store }));
  return startChild({
    name: "bare-sql",
    command: process.execPath,
    args: [script, configFile],
    cwd: benchRoot,
    ready: { kind: "listening-line" },
    timeoutMs: 120_000,
  });
}

/**
 * The spec with the examples of some responses replaced by the given bodies, so that Prism's mock answers
 * with the same bytes as the reference server (it serves the first example of a response). Keys are
 * names in `components.responses`.
 *
 * @example
 * const spec = await writeSpecWithExamples({ SessionDetail: detailBody });
 */
export async function writeSpecWithExamples(examples: Record<string, unknown>): Promise<string> {
  const document = structuredClone(openapiDocument) as unknown as {
    components: { responses: Record<string, { content?: Record<string, { examples?: unknown }> }> };
  };
  for (const [name, value] of Object.entries(examples)) {
    const media = document.components.responses[name]?.content?.["application/json"];
    if (media === undefined) throw new Error(`spec has no JSON response components.responses.${name}`);
    media.examples = { bench: { summary: "The reference server's answer to the benchmark request", value } };
  }
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, "openapi-bench.json");
  await writeFile(path, JSON.stringify(document));
  return path;
}

/**
 * Starts `prism mock -v error` of a spec (default spec/openapi.yaml) on a free port.
 *
 * @example
 * const prism = await startPrism();
 */
export async function startPrism(spec = join(repoRoot, "spec/openapi.yaml")): Promise<ChildServer> {
  const require = createRequire(import.meta.url);
  const bin = join(require.resolve("@stoplight/prism-cli/package.json"), "..", "dist/index.js");
  const port = await freePort();
  return startChild({
    name: "prism",
    command: process.execPath,
    args: [bin, "mock", "-h", "127.0.0.1", "-p", String(port), "-v", "error", spec],
    ready: { kind: "http-probe", url: `http://127.0.0.1:${port}`, probePath: "/healthz" },
    timeoutMs: 60_000,
  });
}
