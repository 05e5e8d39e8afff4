/**
 * `--reset`: empties the embedded store's data directory so that the next start seeds fresh demo data.
 * Only a directory that is one of ours is touched: a PostgreSQL data directory (PG_VERSION, global/,
 * base/) holding nothing but PostgreSQL's files and our lock file, and not held by a running server.
 *
 * @example
 * const removed = resetDataDir("/home/me/.data"); // false when there was nothing to reset
 */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIR_LOCK_FILE, lockDataDir } from "./store/database.js";

// the entries PostgreSQL (and so PGlite) keeps at the top of a data directory
const postgresEntry =
  /^(PG_VERSION|base|global|pg_[a-z_]+(\.conf)?|postgresql(\.auto)?\.conf|postmaster\.(opts|pid))$/;

/**
 * Deletes the contents of `dataDir` if it is a data directory of this server; returns whether there was
 * one. A missing or empty directory is left as it is.
 *
 * @throws {Error} when the directory holds anything else, or another live server holds it.
 */
export function resetDataDir(dataDir: string): boolean {
  if (!existsSync(dataDir)) return false;
  if (!statSync(dataDir).isDirectory()) throw new Error(`--reset: ${dataDir} is not a directory.`);
  const entries = readdirSync(dataDir);
  if (entries.length === 0) return false;
  const stranger = entries.find((entry) => entry !== DATA_DIR_LOCK_FILE && !postgresEntry.test(entry));
  const ours = ["PG_VERSION", "global", "base"].every((entry) => existsSync(join(dataDir, entry)));
  if (!ours || stranger !== undefined) {
    throw new Error(
      `--reset: ${dataDir} is not a data directory of this server (${stranger === undefined ? "no PG_VERSION, global/ and base/" : `it holds ${stranger}`}); nothing was deleted. Remove it yourself or pick another data directory.`,
    );
  }
  // held while deleting, so that a server starting beside us cannot open a half-deleted directory
  const unlock = lockDataDir(dataDir);
  try {
    for (const entry of entries) {
      if (entry !== DATA_DIR_LOCK_FILE) rmSync(join(dataDir, entry), { recursive: true, force: true });
    }
  } finally {
    unlock();
  }
  return true;
}
