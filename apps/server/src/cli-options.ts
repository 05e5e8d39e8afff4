/**
 * The settings of `sessions-api-server`: each a flag and an environment variable, the flag winning.
 * Values are checked here, before anything is opened, and every mistake names the flag or variable the
 * value came from.
 *
 * @example
 * const settings = readSettings(process.argv.slice(2), process.env);
 * if (settings.help) process.stdout.write(helpText());
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { resolveServerLimits, type ServerLimits } from "./server-limits.js";

/** A mistake in how the server was started: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

interface Setting {
  flag: string;
  variable: string;
  value: string;
  fallback: string;
  meaning: string;
}

// one row per setting, in the order of --help
const settings = [
  {
    flag: "port",
    variable: "PORT",
    value: "<n>",
    fallback: "8080",
    meaning: "port to listen on; 0 picks a free one",
  },
  {
    flag: "host",
    variable: "HOST",
    value: "<addr>",
    fallback: "127.0.0.1",
    meaning: "interface to listen on",
  },
  {
    flag: "data-dir",
    variable: "SESSIONS_API_DATA_DIR",
    value: "<dir>",
    fallback: "./.data",
    meaning: "embedded store's data directory, relative to the current directory",
  },
  {
    flag: "database-url",
    variable: "DATABASE_URL",
    value: "<url>",
    fallback: "-",
    meaning: "postgres://... : use that PostgreSQL instead of the embedded store",
  },
  {
    flag: "database-schema",
    variable: "SESSIONS_API_DATABASE_SCHEMA",
    value: "<name>",
    fallback: "public",
    meaning: "with --database-url: the schema of the tables",
  },
  {
    flag: "keys-file",
    variable: "SESSIONS_API_KEYS_FILE",
    value: "<file>",
    fallback: "-",
    meaning: "JSON file of API keys; without it, the demo keys",
  },
  {
    flag: "seed",
    variable: "SESSIONS_API_SEED",
    value: "",
    fallback: "true",
    meaning: "seed demo data into an empty store (--no-seed: start empty)",
  },
  {
    flag: "public-url",
    variable: "SESSIONS_API_PUBLIC_URL",
    value: "<url>",
    fallback: "-",
    meaning: "origin of absolute URIs; default: each request's own",
  },
  {
    flag: "failed-auth-per-minute",
    variable: "SESSIONS_API_FAILED_AUTH_PER_MINUTE",
    value: "<n>",
    fallback: "30",
    meaning: "unknown API keys an address may send a minute; 0: no limit",
  },
  {
    flag: "metrics-token",
    variable: "SESSIONS_API_METRICS_TOKEN",
    value: "<token>",
    fallback: "-",
    meaning: "token GET /metrics asks for (Authorization: Bearer); default: open",
  },
  {
    flag: "max-connections",
    variable: "SESSIONS_API_MAX_CONNECTIONS",
    value: "<n>",
    fallback: "512",
    meaning: "connections held at once",
  },
  {
    flag: "headers-timeout-ms",
    variable: "SESSIONS_API_HEADERS_TIMEOUT_MS",
    value: "<ms>",
    fallback: "10000",
    meaning: "time for a request's headers to arrive",
  },
  {
    flag: "request-timeout-ms",
    variable: "SESSIONS_API_REQUEST_TIMEOUT_MS",
    value: "<ms>",
    fallback: "30000",
    meaning: "time for a whole request to arrive",
  },
  {
    flag: "keep-alive-timeout-ms",
    variable: "SESSIONS_API_KEEP_ALIVE_TIMEOUT_MS",
    value: "<ms>",
    fallback: "5000",
    meaning: "idle time before a kept-alive connection is closed",
  },
] as const satisfies readonly Setting[];

type Flag = (typeof settings)[number]["flag"];

/** What the command line and the environment ask for, checked. */
export interface CliSettings {
  help: boolean;
  version: boolean;
  /** Empty the embedded data directory first (only one of ours). */
  reset: boolean;
  port: number;
  host: string;
  /** Absolute; undefined with a database URL. */
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  keysFile: string | undefined;
  /** Where the keys file was named (`--keys-file` or `SESSIONS_API_KEYS_FILE`), for messages. */
  keysFileSource: string;
  seed: boolean;
  publicUrl: string | undefined;
  failedAuthPerMinute: number | undefined;
  metricsToken: string | undefined;
  limits: Partial<ServerLimits>;
}

/** The `--help` text: every flag with its environment variable and default. */
export function helpText(): string {
  const rows = settings.map((s) => [
    s.flag === "seed" ? "--no-seed" : `--${s.flag} ${s.value}`,
    s.variable,
    s.fallback,
    s.meaning,
  ]);
  rows.push(
    ["--reset", "", "", "delete the embedded data directory's contents first: fresh demo data"],
    ["--help", "", "", "print this and exit"],
    ["--version", "", "", "print the version and exit"],
  );
  const header = ["flag", "environment variable", "default", "meaning"];
  const widths = [0, 1, 2].map((i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join("  ")}`.trimEnd();
  return [
    "Usage: sessions-api-server [options]",
    "",
    "The Sessions API sandbox: every operation of its OpenAPI document over an embedded PostgreSQL",
    "(PGlite) with demo data, or over your PostgreSQL. Docs at /docs once started.",
    "Each option may also be set by its environment variable; the flag wins.",
    "",
    line(header),
    ...rows.map(line),
    "",
  ].join("\n");
}

function parseBoolean(label: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new UsageError(`${label} must be true or false; got ${value}`);
}

/**
 * Reads the flags of `argv` over the variables of `env`.
 *
 * @throws {UsageError} naming the flag or variable at fault.
 */
export function readSettings(argv: string[], env: NodeJS.ProcessEnv): CliSettings {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    // Node's messages, e.g. "Unknown option '--prot'", plus where to look
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, "")}; see --help`);
  }
  const values = parsed.values as Partial<Record<Flag | "reset" | "help" | "version", string | boolean>>;
  // the value of a setting and the name to blame for it: the flag if given, else the variable
  const read = (flag: Flag): { value: string; label: string } | undefined => {
    const setting = settings.find((s) => s.flag === flag);
    if (setting === undefined) throw new Error(`no setting --${flag}`);
    const given = values[flag];
    if (given !== undefined) return { value: String(given), label: `--${flag}` };
    const fromEnv = env[setting.variable];
    if (fromEnv === undefined || fromEnv === "") return undefined;
    return { value: fromEnv, label: setting.variable };
  };
  const text = (flag: Flag) => read(flag)?.value || undefined;

  const port = read("port");
  const portNumber = port === undefined ? 8080 : Number(port.value);
  if (port !== undefined && (!/^\d+$/.test(port.value) || portNumber > 65535)) {
    throw new UsageError(`${port.label === "PORT" ? "PORT" : "--port"} must be 0-65535; got ${port.value}`);
  }
  const failedAuth = read("failed-auth-per-minute");
  if (
    failedAuth !== undefined &&
    (!/^\d+$/.test(failedAuth.value) || !Number.isSafeInteger(Number(failedAuth.value)))
  ) {
    throw new UsageError(
      `${failedAuth.label} must be a whole number, 0 for no limit; got ${failedAuth.value}`,
    );
  }
  const limitFlags: Record<keyof ServerLimits, Flag> = {
    maxConnections: "max-connections",
    headersTimeoutMs: "headers-timeout-ms",
    requestTimeoutMs: "request-timeout-ms",
    keepAliveTimeoutMs: "keep-alive-timeout-ms",
  };
  const limits: Partial<ServerLimits> = {};
  for (const [name, flag] of Object.entries(limitFlags) as [keyof ServerLimits, Flag][]) {
    const limit = read(flag);
    if (limit === undefined) continue;
    if (!/^\d+$/.test(limit.value)) {
      throw new UsageError(`${limit.label} must be a positive integer; got ${limit.value}`);
    }
    limits[name] = Number(limit.value);
  }
  try {
    resolveServerLimits(limits);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const seedFlag = values.seed;
  const seedEnv = env.SESSIONS_API_SEED;
  const seed =
    typeof seedFlag === "boolean"
      ? seedFlag
      : seedEnv === undefined || seedEnv === ""
        ? true
        : parseBoolean("SESSIONS_API_SEED", seedEnv);

  const databaseUrl = text("database-url");
  const schema = read("database-schema");
  if (schema !== undefined && databaseUrl === undefined) {
    throw new UsageError(
      `${schema.label} needs ${values["database-url"] === undefined ? "DATABASE_URL" : "--database-url"}: the embedded store has no schemas to pick.`,
    );
  }
  const reset = values.reset === true;
  if (reset && databaseUrl !== undefined) {
    throw new UsageError(
      "--reset empties the embedded store's data directory only; with a database URL, drop the schema yourself or pick a new --database-schema.",
    );
  }
  const keysFile = read("keys-file");
  return {
    help: values.help === true,
    version: values.version === true,
    reset,
    port: portNumber,
    host: text("host") ?? "127.0.0.1",
    dataDir: databaseUrl === undefined ? resolve(text("data-dir") ?? ".data") : undefined,
    databaseUrl,
    databaseSchema: schema?.value,
    keysFile: keysFile?.value,
    keysFileSource: keysFile?.label ?? "SESSIONS_API_KEYS_FILE",
    seed,
    publicUrl: text("public-url"),
    failedAuthPerMinute: failedAuth === undefined ? undefined : Number(failedAuth.value),
    metricsToken: text("metrics-token"),
    limits,
  };
}

function parseFlags(argv: string[]) {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const setting of settings)
    options[setting.flag] = { type: setting.flag === "seed" ? "boolean" : "string" };
  for (const flag of ["reset", "help", "version"]) options[flag] = { type: "boolean" };
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false, allowNegative: true });
}
