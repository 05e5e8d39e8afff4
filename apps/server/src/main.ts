/**
 * The command line of the reference server: `node apps/server/dist/main.js` (or `pnpm start` at the root).
 *
 * Environment: PORT (default 8080; 0 picks a free port), HOST (default 127.0.0.1), DATABASE_URL
 * (PostgreSQL; omitted: embedded PGlite), SESSIONS_API_DATABASE_SCHEMA (with DATABASE_URL: the schema of
 * the tables, default public), SESSIONS_API_DATA_DIR (PGlite's data directory, default ./.data),
 * SESSIONS_API_KEYS_FILE (JSON keys file; omitted: the demo keys), SESSIONS_API_SEED (default true: seed
 * demo data into an empty store), SESSIONS_API_PUBLIC_URL (origin of absolute URIs),
 * SESSIONS_API_FAILED_AUTH_PER_MINUTE (unknown API keys a client address may send per minute, default 30;
 * 0 for no limit),
 * SESSIONS_API_MAX_CONNECTIONS, SESSIONS_API_HEADERS_TIMEOUT_MS, SESSIONS_API_REQUEST_TIMEOUT_MS and
 * SESSIONS_API_KEEP_ALIVE_TIMEOUT_MS (the limits of server-limits.ts; defaults 512, 10 s, 30 s, 5 s).
 *
 * Logs are JSON lines on stdout, the first one `{"level":"info","msg":"listening","url":...,"docs_url":...}`;
 * a banner for humans goes to stderr. SIGTERM and SIGINT stop it gracefully.
 *
 * @example
 * // PORT=0 node apps/server/dist/main.js
 */
import { resolve } from "node:path";
import { type ApiKeyConfig, DEMO_KEYS, loadApiKeysFile } from "./api-keys.js";
import { DEMO_SESSION_ID, DEMO_SUBUSER } from "./demo-data.js";
import { describeCause, jsonLogger } from "./logger.js";
import { startSessionsServer } from "./server.js";
import { SERVER_LIMIT_VARIABLES, type ServerLimits } from "./server-limits.js";

const log = jsonLogger(process.stdout);
process.on("exit", () => log.flush());

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0-65535; got ${value}`);
  return port;
}

function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false; got ${value}`);
}

function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count)) {
    throw new Error(`${name} must be a whole number, 0 for no limit; got ${value}`);
  }
  return count;
}

// a limit of server-limits.ts from its variable; unset: the default. Checked for range by the server
function parseLimit(name: keyof ServerLimits, env: NodeJS.ProcessEnv): number | undefined {
  const variable = SERVER_LIMIT_VARIABLES[name];
  const value = env[variable];
  if (value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${variable} must be a positive integer; got ${value}`);
  return Number(value);
}

function banner(url: string, store: string, keys: ApiKeyConfig[] | undefined): string {
  const lines = [
    "",
    `  Sessions API reference server on ${url} (store: ${store})`,
    `  API reference: ${url}/docs    spec: ${url}/openapi.json`,
    "",
  ];
  if (keys === undefined) {
    lines.push(
      "  Demo API keys (send as Authorization: Bearer <key>):",
      `    ${DEMO_KEYS.full.padEnd(18)} acct_demo, residential + mobile, all sub-users, app sessions`,
      `    ${DEMO_KEYS.narrow.padEnd(18)} acct_demo, residential only, sub-user ${DEMO_SUBUSER} only, no app sessions`,
      `    ${DEMO_KEYS.other.padEnd(18)} acct_other, residential + mobile, all sub-users, app sessions`,
      `    ${DEMO_KEYS.limited.padEnd(18)} acct_demo, full scope, 5 requests per minute`,
      "",
      "  Try:",
      `    curl -H "Authorization: Bearer ${DEMO_KEYS.full}" "${url}/v1/residential/sessions?subuser=${DEMO_SUBUSER}"`,
      `    curl -H "Authorization: Bearer ${DEMO_KEYS.full}" "${url}/v1/residential/sessions/${DEMO_SESSION_ID}"`,
      "",
    );
  } else {
    lines.push(`  ${keys.length} API key(s) from SESSIONS_API_KEYS_FILE.`, "");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const env = process.env;
  const keysFile = env.SESSIONS_API_KEYS_FILE || undefined;
  const keys = keysFile === undefined ? undefined : await loadApiKeysFile(keysFile);
  const databaseUrl = env.DATABASE_URL || undefined;
  const databaseSchema = env.SESSIONS_API_DATABASE_SCHEMA || undefined;
  if (databaseSchema !== undefined && databaseUrl === undefined) {
    throw new Error(
      "SESSIONS_API_DATABASE_SCHEMA needs DATABASE_URL: the embedded store has no schemas to pick.",
    );
  }
  const server = await startSessionsServer({
    port: parsePort(env.PORT),
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    databaseSchema,
    dataDir: databaseUrl === undefined ? resolve(env.SESSIONS_API_DATA_DIR || ".data") : undefined,
    keys,
    seedDemoData: parseFlag("SESSIONS_API_SEED", env.SESSIONS_API_SEED, true),
    publicUrl: env.SESSIONS_API_PUBLIC_URL || undefined,
    failedAuthPerMinute: parseCount(
      "SESSIONS_API_FAILED_AUTH_PER_MINUTE",
      env.SESSIONS_API_FAILED_AUTH_PER_MINUTE,
    ),
    maxConnections: parseLimit("maxConnections", env),
    headersTimeoutMs: parseLimit("headersTimeoutMs", env),
    requestTimeoutMs: parseLimit("requestTimeoutMs", env),
    keepAliveTimeoutMs: parseLimit("keepAliveTimeoutMs", env),
    logger: log,
    logRequests: true,
  });
  process.stderr.write(`${banner(server.url, server.store.kind, keys)}\n`);
  log.info("listening", { url: server.url, docs_url: `${server.url}/docs`, store: server.store.kind });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    server
      .close()
      .then(() => {
        log.info("stopped", { signal });
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error("shutdown failed", describeCause(error));
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  log.error("failed to start", describeCause(error));
  process.exit(1);
});
