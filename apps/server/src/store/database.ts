/**
 * One small interface over the two stores the server runs on: PGlite (PostgreSQL compiled to WASM,
 * in process, in memory or in a data directory) and a PostgreSQL server through `pg`. Both speak the same
 * SQL, so every query of the server is written once.
 *
 * @example
 * const db = await openDatabase({ dataDir: ".data" });
 * const rows = await db.query<{ one: number }>("SELECT 1 AS one");
 * await db.close();
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PgliteSession } from "./pglite-session.js";

/** Something that runs SQL: the database itself or a transaction. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** PGlite only: a snapshot of the whole data directory, to start another in-memory instance from. */
  snapshot?(): Promise<Blob>;
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use that PostgreSQL server. */
  databaseUrl?: string;
  /** With `databaseUrl`: the schema to keep the tables in (created if missing), instead of `public`. */
  schema?: string;
  /** Without `databaseUrl`: PGlite's data directory; omitted keeps the data in memory. */
  dataDir?: string;
  /** Without `databaseUrl` and `dataDir`: start from this snapshot instead of an empty cluster. */
  snapshot?: Blob;
  /** With `databaseUrl`: connections the pool holds at most; default 10. */
  poolSize?: number;
  /** Told of every statement's duration, and of the pool (PostgreSQL), for the server's metrics. */
  observer?: DatabaseObserver;
}

/** A PostgreSQL pool's connections: open, idle, and requests waiting for one. */
export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

/** What a database tells the server's metrics. */
export interface DatabaseObserver {
  /** A statement (`query` or `exec`) settled after `seconds`; `failed` when it threw. */
  onQuery(seconds: number, failed: boolean): void;
  /** Over PostgreSQL, once at open: how to read the pool's connections. */
  onPool?(read: () => PoolState): void;
}

// the database with each statement timed for `observer`
function observed(db: Database, observer: DatabaseObserver | undefined): Database {
  if (observer === undefined) return db;
  const timed = <T>(run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return run().then(
      (value) => {
        observer.onQuery((performance.now() - started) / 1000, false);
        return value;
      },
      (error: unknown) => {
        observer.onQuery((performance.now() - started) / 1000, true);
        throw error;
      },
    );
  };
  return {
    ...db,
    query: (sql, params) => timed(() => db.query(sql, params)),
    exec: (sql) => timed(() => db.exec(sql)),
    // a transaction counts as one statement: its own are run on its connection, untimed
    transaction: (fn) => timed(() => db.transaction(fn)),
  };
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/** Over PostgreSQL, the longest a statement of the store may run before the server cancels it. */
const STATEMENT_TIMEOUT_MS = 30_000;

const heldLocks = new Set<string>();

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
};

/**
 * Creates the data directory and its missing parents, one level at a time. Node's own recursive mkdir
 * spins for ever where the file system refuses a child of a directory that exists with ENOENT (under
 * /proc, say); here any refusal is an error that names the data directory and the path at fault.
 */
function makeDataDirectory(dataDir: string): void {
  const fail = (reason: string, cause?: unknown) =>
    new Error(
      `Cannot create the data directory ${dataDir}: ${reason}.`,
      cause === undefined ? {} : { cause },
    );
  const make = (path: string): void => {
    if (existsSync(path)) {
      if (!statSync(path).isDirectory()) throw fail(`${path} is not a directory`);
      return;
    }
    const parent = dirname(path);
    if (parent !== path) make(parent);
    try {
      mkdirSync(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EEXIST" && statSync(path).isDirectory()) return;
      throw fail(`${code ?? String(error)} on ${path}`, error);
    }
  };
  make(resolve(dataDir));
}

/** The file in a data directory that names the process holding it. */
export const DATA_DIR_LOCK_FILE = "sessions-api.lock";

/**
 * Takes the data directory for this process: PGlite has no lock of its own, and two processes writing one
 * directory would corrupt it. A lock left by a process that is gone is taken over. Returns the release.
 *
 * @throws {Error} naming the live process that holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  makeDataDirectory(dataDir);
  const lockFile = join(dataDir, DATA_DIR_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      heldLocks.add(lockFile);
      return () => {
        heldLocks.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      // our own pid on a lock this process never took is a leftover of an earlier life (containers reuse pids)
      const live = holder === process.pid ? heldLocks.has(lockFile) : isRunning(holder);
      if (Number.isInteger(holder) && holder > 0 && live) {
        throw new Error(
          `The data directory ${dataDir} is in use by process ${holder}; stop it or use another SESSIONS_API_DATA_DIR.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Cannot lock the data directory ${dataDir}`);
}

/**
 * Runs initdb for a new data directory in a short-lived child process. initdb grows PGlite's WASM memory
 * to about 800 MiB, and WASM memory never shrinks: a server that ran it in process would carry that for
 * its whole life, where one that opens an existing directory starts at about 300 MiB.
 */
async function initDataDirInChild(dataDir: string): Promise<void> {
  const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const script =
    "const { PGlite } = require(process.argv[1]); PGlite.create({ dataDir: process.argv[2] }).then((db) => db.close());";
  try {
    await promisify(execFile)(process.execPath, ["-e", script, pglite, dataDir], { timeout: 120_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Cannot create the PGlite data directory ${dataDir}${stderr ? `: ${stderr}` : ""}`, {
      cause: error,
    });
  }
}

async function openPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  const unlock = dataDir === undefined ? () => {} : lockDataDir(dataDir);
  let db: PGlite;
  try {
    if (dataDir !== undefined && !existsSync(join(dataDir, "PG_VERSION"))) await initDataDirInChild(dataDir);
    db = await PGlite.create(
      dataDir !== undefined ? { dataDir } : snapshot !== undefined ? { loadDataDir: snapshot } : {},
    );
  } catch (error) {
    unlock();
    throw error;
  }
  const session = new PgliteSession(db);
  // the store reads UTC times as text in the ISO form (PGlite's default too; said here so it stays so).
  // Every statement is prepared (by parameter types, not values) and runs its generic plan, planned once:
  // planning in WASM costs more than most statements' execution (a batch of traffic reports: 2.3 ms
  // planned each run, 0.5 ms on its generic plan). The store suite checks the generic plan of every list
  // statement
  try {
    await session.exec("SET DateStyle TO ISO; SET plan_cache_mode TO force_generic_plan");
  } catch (error) {
    await db.close().catch(() => {});
    unlock();
    throw error;
  }
  return {
    kind: "pglite",
    query: (sql, params) => session.query(sql, params),
    exec: (sql) => session.exec(sql),
    transaction: (fn) => session.transaction(fn),
    snapshot: () => session.exclusive(() => db.dumpDataDir("none")),
    async close() {
      try {
        await session.exclusive(() => db.close());
      } finally {
        unlock();
      }
    },
  };
}

// where a PostgreSQL URL points, without its password, for messages
function postgresTarget(databaseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(databaseUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "postgres:" && url.protocol !== "postgresql:")) {
    // the value is not echoed: a malformed URL may still hold a password
    throw new Error(
      "The PostgreSQL URL (databaseUrl, DATABASE_URL) must look like postgres://user:password@host:5432/database.",
    );
  }
  return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname}`;
}

// the first connection's failure, said with where it went: node-postgres says only "ECONNREFUSED" or
// "password authentication failed"
async function reaching<T>(target: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${target}: ${reason}`, { cause: error });
  }
}

async function openPostgres(
  databaseUrl: string,
  schema: string | undefined,
  poolSize: number | undefined,
  observer: DatabaseObserver | undefined,
): Promise<Database> {
  const target = postgresTarget(databaseUrl);
  if (schema !== undefined) {
    if (!schemaName.test(schema)) {
      throw new Error(
        `Invalid schema name ${JSON.stringify(schema)} (databaseSchema, SESSIONS_API_DATABASE_SCHEMA): use lower-case letters, digits and _, at most 63, not starting with a digit.`,
      );
    }
    const setup = new pg.Client({ connectionString: databaseUrl });
    // a connection lost here fails the statement; unheard, its 'error' event would end the process
    setup.on("error", () => {});
    await reaching(target, () => setup.connect());
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // instances starting together race on IF NOT EXISTS; losing the race means the schema is there
      const code = (error as { code?: string }).code;
      if (code !== "23505" && code !== "42P06") throw error;
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize ?? 10,
    // a server that does not answer fails the request instead of holding it: connecting gives up after
    // 10 s, a statement after STATEMENT_TIMEOUT_MS (PostgreSQL cancels it), and keepalives find a
    // connection whose server has gone
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // DateStyle ISO: the store reads UTC times as text in that form, whatever the server's default; generic
    // plans, as on PGlite (the store suite checks them): one way to run a statement over both databases
    options: `${schema === undefined ? "" : `-c search_path=${schema} `}-c DateStyle=ISO -c plan_cache_mode=force_generic_plan -c statement_timeout=${STATEMENT_TIMEOUT_MS}`,
  });
  // an idle client that loses its server emits here; without a listener it would crash the process
  pool.on("error", () => {});
  observer?.onPool?.(() => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }));
  try {
    await reaching(target, () => pool.query("SELECT 1"));
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  // each distinct statement is prepared once per connection (by name) and only bound and run afterwards
  const statementNames = new Map<string, string>();
  const nameOf = (sql: string) => {
    let name = statementNames.get(sql);
    if (name === undefined && statementNames.size < 500) {
      name = `sessions_api_${statementNames.size}`;
      statementNames.set(sql, name);
    }
    return name;
  };
  const wrap = (runner: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const name = nameOf(sql);
      const values = params as unknown[];
      return (await runner.query(name === undefined ? { text: sql, values } : { name, text: sql, values }))
        .rows as Row[];
    },
    async exec(sql: string) {
      await runner.query(sql);
    },
  });
  return {
    kind: "postgres",
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // the pool listens only to idle clients: a connection lost while this one is out would emit an
      // unhandled 'error' and end the process. The statement in flight fails with the same error
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken ??= error;
      };
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
        client.removeListener("error", onError);
        // a client that lost its connection (or cannot roll back) is closed, not handed to the next caller
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Opens PostgreSQL when `databaseUrl` is given, else PGlite (in `dataDir`, or in memory).
 *
 * @example
 * const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const db =
    options.databaseUrl === undefined
      ? await openPglite(options.dataDir, options.snapshot)
      : await openPostgres(options.databaseUrl, options.schema, options.poolSize, options.observer);
  return observed(db, options.observer);
}
