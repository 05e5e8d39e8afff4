/**
 * Versioned SQL migrations (`migrations/NNNN-name.sql`), applied in order at start inside one transaction
 * that holds a PostgreSQL advisory lock: several instances starting together over one database apply each
 * migration exactly once.
 *
 * @example
 * const applied = await migrate(db); // ["0001-initial"] on a fresh store, [] afterwards
 */
import { readdir, readFile } from "node:fs/promises";
import type { Database } from "./database.js";

// arbitrary, fixed: every instance of this server takes the same lock
const migrationLock = [0x5e55, 0x0001] as const;
const fileName = /^(\d{4})-([a-z0-9-]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations in a directory, ordered by version.
 *
 * @example
 * const migrations = await loadMigrations(new URL("./migrations/", import.meta.url));
 */
export async function loadMigrations(directory: URL = defaultMigrationsDirectory()): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith(".sql")).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = fileName.exec(file);
    if (match === null) throw new Error(`Migration file ${file} must be named NNNN-name.sql`);
    migrations.push({
      version: Number(match[1]),
      name: file.slice(0, -4),
      sql: await readFile(new URL(file, directory), "utf8"),
    });
  }
  return migrations;
}

// beside this module in development (src/store/migrations), beside the bundle once built (dist/migrations)
function defaultMigrationsDirectory(): URL {
  return new URL("./migrations/", import.meta.url);
}

/**
 * Applies the migrations the database does not have yet; returns the names applied.
 *
 * @example
 * await migrate(db);
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    // a migration may rebuild a large table, and the instances starting beside it wait for its lock: no
    // statement timeout here (the store's other statements have one over PostgreSQL)
    await tx.exec("SET LOCAL statement_timeout = 0");
    await tx.query("SELECT pg_advisory_xact_lock($1, $2)", [...migrationLock]);
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const rows = await tx.query<{ version: number }>("SELECT version FROM schema_migrations");
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: string[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.name);
    }
    return applied;
  });
}
