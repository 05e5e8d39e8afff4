/**
 * The upkeep of the store's tables on PGlite, which runs no autovacuum of its own: the store counts the
 * rows its writes insert and delete, and `AutoVacuum` analyzes and vacuums a table once enough changed.
 * The counts outlive the process in `store_upkeep` (migration 0004). Over PostgreSQL its own autovacuum
 * does this, and the upkeep here does nothing.
 */
import { AutoVacuum, type UpkeepCounts } from "./auto-vacuum.js";
import type { Database, Queryable } from "./database.js";

/** The store's tables that grow with use: on PGlite the store analyzes and vacuums them. */
export type StoreTable = "subusers" | "gateway_sessions" | "app_sessions";
const storeTables: readonly StoreTable[] = ["subusers", "gateway_sessions", "app_sessions"];
/** Rows a write inserted, or deleted, per table. */
export type TableChanges = Partial<Record<StoreTable, number>>;

// the planner's row estimate of each table as of its last ANALYZE (0 for one never analyzed)
async function readRowEstimates(
  db: Queryable,
  tables: readonly StoreTable[],
): Promise<Partial<Record<StoreTable, number>>> {
  const rows = await db.query<{ relname: StoreTable; reltuples: number }>(
    "SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'",
    [tables],
  );
  // reltuples is -1 until the first ANALYZE
  return Object.fromEntries(rows.map((row) => [row.relname, Math.max(0, Number(row.reltuples))]));
}

// the upkeep counts the last process saved when it closed
async function readSavedCounts(db: Queryable): Promise<Partial<Record<StoreTable, UpkeepCounts>>> {
  const rows = await db.query<{ table_name: StoreTable; changed: string | number; deleted: string | number }>(
    "SELECT table_name, changed, deleted FROM store_upkeep WHERE table_name = ANY($1)",
    [storeTables],
  );
  return Object.fromEntries(
    rows.map((row) => [row.table_name, { changed: Number(row.changed), deleted: Number(row.deleted) }]),
  );
}

async function saveCounts(db: Queryable, counts: Partial<Record<StoreTable, UpkeepCounts>>): Promise<void> {
  const entries = Object.entries(counts) as [StoreTable, UpkeepCounts][];
  await db.query(
    `INSERT INTO store_upkeep (table_name, changed, deleted)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
     ON CONFLICT (table_name) DO UPDATE SET changed = excluded.changed, deleted = excluded.deleted`,
    [entries.map(([table]) => table), entries.map(([, c]) => c.changed), entries.map(([, c]) => c.deleted)],
  );
}

/**
 * The store's table upkeep: real on PGlite, nothing over PostgreSQL.
 *
 * @example
 * const upkeep = await StoreUpkeep.start(db, console.error);
 * upkeep.count("inserted", { gateway_sessions: 1 });
 * await upkeep.stop();
 */
export class StoreUpkeep {
  private constructor(
    private readonly db: Database,
    private readonly autoVacuum: AutoVacuum<StoreTable> | undefined,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The upkeep of the store over `db`, resumed from the counts its last process saved. */
  static async start(db: Database, onError: (error: unknown) => void): Promise<StoreUpkeep> {
    if (db.kind !== "pglite") return new StoreUpkeep(db, undefined, onError);
    const rows = await readRowEstimates(db, storeTables);
    const counts = await readSavedCounts(db);
    const autoVacuum = new AutoVacuum<StoreTable>({
      // ANALYZE of one table; its row estimate afterwards
      analyze: async (table) => {
        await db.query(`ANALYZE ${table}`);
        return (await readRowEstimates(db, [table]))[table] ?? 0;
      },
      // VACUUM runs outside a transaction
      vacuum: async (table) => {
        await db.exec(`VACUUM (ANALYZE) ${table}`);
        return (await readRowEstimates(db, [table]))[table] ?? 0;
      },
      onError,
      rows,
      counts,
    });
    return new StoreUpkeep(db, autoVacuum, onError);
  }

  /** Counts rows a write inserted or deleted (an update changes no count the plans depend on). */
  count(kind: "inserted" | "deleted", changes: TableChanges): void {
    if (this.autoVacuum === undefined) return;
    for (const [table, rows] of Object.entries(changes) as [StoreTable, number][]) {
      this.autoVacuum[kind](table, rows);
    }
  }

  /** Waits until no analysis or vacuum is running or due. */
  async idle(): Promise<void> {
    await this.autoVacuum?.idle();
  }

  /** Stops the work and saves the counts for the next process; a failure loses the counts, not data. */
  async stop(): Promise<void> {
    if (this.autoVacuum === undefined) return;
    try {
      await this.autoVacuum.stop();
      await saveCounts(this.db, this.autoVacuum.counts());
    } catch (error) {
      // the tables' upkeep then comes later than due
      this.onError(error);
    }
  }
}
