// The two stores the server runs on, for tests parameterised over both: PGlite in memory, and the
// PostgreSQL server of the global setup, in a fresh schema per test file (dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type Database, openDatabase } from "../src/store/database.js";
import { SessionStore } from "../src/store/session-store.js";

export interface StoreBackend {
  name: "pglite" | "postgres";
  /** Opens a store over this backend's test database (a second call reaches the same data on PostgreSQL). */
  open(): Promise<SessionStore>;
  /** A raw connection to the same database, for assertions on the schema. */
  raw(): Promise<Database>;
  /** Drops what the backend created. */
  dispose(): Promise<void>;
}

export const postgresUrl = inject("databaseUrl");

export function pgliteBackend(): StoreBackend {
  return {
    name: "pglite",
    open: () => SessionStore.open(),
    raw: () => openDatabase(),
    dispose: async () => {},
  };
}

export function postgresBackend(): StoreBackend {
  const url = postgresUrl;
  if (url === null) throw new Error(`PostgreSQL is unavailable: ${inject("databaseUnavailable")}`);
  const schema = `test_${randomBytes(6).toString("hex")}`;
  return {
    name: "postgres",
    open: () => SessionStore.open({ databaseUrl: url, schema }),
    raw: () => openDatabase({ databaseUrl: url, schema }),
    dispose: () => dropSchema(url, schema),
  };
}

/** Drops a test's schema and all it holds from the PostgreSQL server at `url`. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Both backends; PostgreSQL only when the global setup could start it (always under CI=true). */
export function storeBackends(): (() => StoreBackend)[] {
  return postgresUrl === null ? [pgliteBackend] : [pgliteBackend, postgresBackend];
}

/** A store opened for a suite, with a second connection to its database (on PGlite: one of its own). */
export interface OpenedStore {
  readonly backend: StoreBackend;
  readonly store: SessionStore;
  /** For assertions on the schema and for statements the store does not make. */
  readonly db: Database;
}

/**
 * Describes `suite` once on each backend, with a store opened before its tests and closed after them;
 * `title` names the backend with `%s`. Read `opened`'s fields inside tests and hooks, not while describing.
 *
 * @example
 * describeEachStore("the accounts' clocks of SessionStore on %s", (opened) => {
 *   test("start at real time", async () => expect(await opened.store.clockOffsetSeconds("a")).toBe(0));
 * });
 */
export function describeEachStore(title: string, suite: (opened: OpenedStore) => void): void {
  describe.each(storeBackends().map((make) => [make().name, make] as const))(title, (_, make) => {
    const opened = {} as { -readonly [K in keyof OpenedStore]: OpenedStore[K] };
    beforeAll(async () => {
      opened.backend = make();
      [opened.store, opened.db] = await Promise.all([opened.backend.open(), opened.backend.raw()]);
    });
    afterAll(async () => {
      await opened.store?.close();
      await opened.db?.close();
      await opened.backend?.dispose();
    });
    suite(opened);
  });
}

/** Two stores over one PostgreSQL database, as two instances of the server would have them. */
export interface TwoInstances {
  /** The one that writes. */
  readonly writer: SessionStore;
  /** The one that reads. */
  readonly reader: SessionStore;
}

/**
 * Describes `suite` with two stores over one PostgreSQL database (skipped without PostgreSQL), opened
 * before its tests and closed after them. Read `opened`'s fields inside tests, not while describing.
 *
 * @example
 * describeTwoInstances("gateway sessions over one PostgreSQL", (opened) => {
 *   test("a write through one is read through the other", async () => { ... opened.reader ... });
 * });
 */
export function describeTwoInstances(title: string, suite: (opened: TwoInstances) => void): void {
  describe.skipIf(postgresUrl === null)(title, () => {
    const opened = {} as { -readonly [K in keyof TwoInstances]: TwoInstances[K] };
    let backend: StoreBackend | undefined;
    beforeAll(async () => {
      backend = postgresBackend();
      [opened.writer, opened.reader] = await Promise.all([backend.open(), backend.open()]);
    });
    afterAll(async () => {
      await Promise.all([opened.writer?.close(), opened.reader?.close()]);
      await backend?.dispose();
    });
    suite(opened);
  });
}

/** Where a whole app (`createSessionsApp`) keeps its store in a test: its options, and how to drop it. */
export interface AppBackend {
  name: "pglite" | "postgres";
  options: { databaseUrl?: string; databaseSchema?: string };
  dispose(): Promise<void>;
}

/**
 * Both backends for apps: PGlite in memory, and the global setup's PostgreSQL in a fresh schema per call
 * (two apps given one backend's options share its database).
 */
export function appBackends(): (() => AppBackend)[] {
  const pglite = (): AppBackend => ({ name: "pglite", options: {}, dispose: async () => {} });
  const postgres = (): AppBackend => {
    const url = postgresUrl ?? "";
    const schema = `test_${randomBytes(6).toString("hex")}`;
    return {
      name: "postgres",
      options: { databaseUrl: url, databaseSchema: schema },
      dispose: () => dropSchema(url, schema),
    };
  };
  return postgresUrl === null ? [pglite] : [pglite, postgres];
}
