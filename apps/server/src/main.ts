#!/usr/bin/env node
/**
 * The command line of the reference server: `sessions-api-server` once the package is installed
 * (`npx sessions-api-server --port 8080`), `node apps/server/dist/main.js` or `pnpm start` in a clone.
 *
 * Every setting is a flag and an environment variable (cli-options.ts, `--help` lists them); the flag
 * wins. The embedded store's data directory defaults to `./.data` in the current directory, and the
 * banner names it with its absolute path. Mistakes are found before the store is opened and reported in
 * one line naming the setting: exit 2 for a usage error (unknown flag, bad value), 1 for a failure (a
 * busy port, an unreadable keys file, a database that cannot be reached).
 *
 * Logs are JSON lines on stdout, the first one `{"level":"info","msg":"listening","url":...,"docs_url":...}`;
 * a banner for humans goes to stderr. SIGTERM and SIGINT stop it gracefully, with exit code 0.
 *
 * @example
 * // npx sessions-api-server --port 0 --data-dir /tmp/sandbox --reset
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ApiKeyConfig, DEMO_KEYS, loadApiKeysFile } from "./api-keys.js";
import { type CliSettings, helpText, readSettings, UsageError } from "./cli-options.js";
import { resetDataDir } from "./data-dir-reset.js";
import { DEMO_SESSION_ID, DEMO_SUBUSER } from "./demo-data.js";
import { describeCause, jsonLogger } from "./logger.js";
import { startSessionsServer } from "./server.js";

const command = "sessions-api-server";
const log = jsonLogger(process.stdout);
process.on("exit", () => log.flush());

// where the data lives and whether this start made it, for the banner
function describeData(settings: CliSettings, created: boolean, seeded: boolean): string {
  const what = created
    ? `created${seeded ? ", demo data seeded" : ", empty (--no-seed)"}`
    : `existing data reused${seeded ? ", demo data seeded into the empty store" : ""}; --reset starts over`;
  if (settings.dataDir !== undefined) return `  Data directory: ${settings.dataDir} (${what})`;
  const schema = settings.databaseSchema ?? "public";
  return `  Database: PostgreSQL, schema ${schema} (${seeded ? "demo data seeded" : "existing data reused"})`;
}

function banner(
  url: string,
  store: string,
  keys: ApiKeyConfig[] | undefined,
  data: string,
  keysFrom: string,
): string {
  const lines = [
    "",
    `  Sessions API reference server on ${url} (store: ${store})`,
    `  API reference: ${url}/docs    spec: ${url}/openapi.json`,
    data,
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
    lines.push(`  ${keys.length} API key(s) from ${keysFrom}.`, "");
  }
  return lines.join("\n");
}

function packageVersion(): string {
  // dist/main.js and src/main.ts both sit one level below package.json
  const packageJson = new URL("../package.json", import.meta.url);
  return (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
}

// a busy port or an address this machine does not have, said with the setting to change
function describeListenError(error: unknown, settings: CliSettings): Error {
  const code = (error as { code?: string }).code;
  const where = `${settings.host}:${settings.port}`;
  if (code === "EADDRINUSE") {
    return new Error(
      `port ${settings.port} is in use on ${settings.host} (--port / PORT): stop what listens there or pick another port, 0 for a free one.`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new Error(
      `cannot listen on ${where}: ${settings.host} is not an address of this machine (--host / HOST).`,
    );
  }
  if (code === "EACCES") {
    return new Error(`not allowed to listen on ${where} (--port / PORT): pick a port above 1023.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2), process.env);
  if (settings.help) {
    process.stdout.write(helpText());
    return;
  }
  if (settings.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  const keys = settings.keysFile === undefined ? undefined : await loadApiKeysFile(settings.keysFile);
  if (settings.reset && settings.dataDir !== undefined) resetDataDir(settings.dataDir);
  const created = settings.dataDir !== undefined && !existsSync(join(settings.dataDir, "PG_VERSION"));
  const server = await startSessionsServer({
    port: settings.port,
    host: settings.host,
    databaseUrl: settings.databaseUrl,
    databaseSchema: settings.databaseSchema,
    dataDir: settings.dataDir,
    keys,
    seedDemoData: settings.seed,
    publicUrl: settings.publicUrl,
    failedAuthPerMinute: settings.failedAuthPerMinute,
    metricsToken: settings.metricsToken,
    ...settings.limits,
    logger: log,
    logRequests: true,
  }).catch((error: unknown) => {
    throw describeListenError(error, settings);
  });
  const data = describeData(settings, created, server.seededDemoData);
  process.stderr.write(`${banner(server.url, server.store.kind, keys, data, settings.keysFileSource)}\n`);
  log.info("listening", {
    url: server.url,
    docs_url: `${server.url}/docs`,
    store: server.store.kind,
    ...(settings.dataDir === undefined ? {} : { data_dir: settings.dataDir, data_dir_created: created }),
    seeded_demo_data: server.seededDemoData,
  });

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
  const usage = error instanceof UsageError;
  const message = error instanceof Error ? error.message : String(error);
  log.error("failed to start", usage ? { error: message } : describeCause(error));
  // one line for the human at the terminal; the log line above carries the stack
  process.stderr.write(`${command}: ${message.replaceAll("\n", " ")}\n`);
  process.exit(usage ? 2 : 1);
});
