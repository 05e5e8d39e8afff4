/**
 * The upkeep of an embedded store's tables, which PGlite leaves to its user: it runs no autovacuum.
 *
 * Statistics: the store's statements run generic plans, made once per statement and kept until the
 * statistics of a table they read change. A store that grew from empty would keep the plans made for its
 * empty tables (sequential scans, a few pages each) at any size: a traffic report cost 1.7 times as much
 * after 15,000 of them, and more with every one. So a table is analyzed once the rows inserted into it
 * and deleted from it pass 50 plus 10% of the rows it had at its last analysis (autovacuum's thresholds).
 * Updates are not counted, unlike autovacuum: the store's updates change no count its plans depend on,
 * and a sandbox updating 5,000 sessions spent 15% of its time analyzing them.
 *
 * Space: the room of a deleted row is used again only once VACUUM has recorded it, so a sandbox whose
 * sessions start, expire and are purged grew by about 1.4 kB per session it ever had (heap and indexes),
 * with none of them left. So a table is vacuumed (and analyzed with it) once the rows deleted from it pass
 * 50 plus 20% of its rows (autovacuum's thresholds again). Updates need no vacuum: they stay on their page,
 * and PostgreSQL prunes the old versions as it goes (5,000 sessions updated 72,000 times: the table
 * stopped growing at 13.5 MB).
 *
 * The work runs one table at a time, in the background of the writes that called for it. The counts
 * outlive the process only through their owner: it reads `counts()` when it stops and passes them back as
 * `options.counts` when it starts again (PGlite's own counters start from zero at every start).
 *
 * @example
 * const upkeep = new AutoVacuum({ analyze, vacuum, onError: console.error });
 * upkeep.deleted("gateway_sessions", 5_000); // a purge
 */

export interface AutoVacuumOptions<Table extends string> {
  /** Analyzes the table and returns its row estimate afterwards. */
  analyze(table: Table): Promise<number>;
  /** Vacuums and analyzes the table and returns its row estimate afterwards. */
  vacuum(table: Table): Promise<number>;
  /** A failed run is reported here; the table's work is due again once as many rows change again. */
  onError(error: unknown): void;
  /** Rows each table had at its last analysis (none: as if empty). */
  rows?: Partial<Record<Table, number>>;
  /** Counts to start from, as `counts()` gave them when the last run stopped; work they make due starts at once. */
  counts?: Partial<Record<Table, UpkeepCounts>>;
}

/** What a table's upkeep is due by. */
export interface UpkeepCounts {
  /** Rows inserted or deleted since the table's last analysis (a vacuum analyzes too). */
  changed: number;
  /** Rows deleted since its last vacuum. */
  deleted: number;
}

interface TableState extends UpkeepCounts {
  rows: number;
}

const BASE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;
const VACUUM_SCALE_FACTOR = 0.2;

/**
 * Analyzes and vacuums tables as writes change them.
 *
 * @example
 * new AutoVacuum({ analyze, vacuum, onError, rows: { gateway_sessions: 1_000_000 } });
 */
export class AutoVacuum<Table extends string> {
  private readonly tables = new Map<Table, TableState>();
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: AutoVacuumOptions<Table>) {
    const tables = new Set([
      ...Object.keys(options.rows ?? {}),
      ...Object.keys(options.counts ?? {}),
    ] as Table[]);
    for (const table of tables) {
      const counts = options.counts?.[table];
      this.tables.set(table, {
        changed: Math.max(0, counts?.changed ?? 0),
        deleted: Math.max(0, counts?.deleted ?? 0),
        rows: Math.max(0, options.rows?.[table] ?? 0),
      });
    }
    this.runDue();
  }

  /** Each table's counts now (a run in progress has not taken its share off yet). */
  counts(): Partial<Record<Table, UpkeepCounts>> {
    const counts: Partial<Record<Table, UpkeepCounts>> = {};
    for (const [table, { changed, deleted }] of this.tables) counts[table] = { changed, deleted };
    return counts;
  }

  /** Counts rows a write inserted into `table`. */
  inserted(table: Table, rows: number): void {
    this.count(table, rows, 0);
  }

  /** Counts rows a write deleted from `table`. */
  deleted(table: Table, rows: number): void {
    this.count(table, rows, rows);
  }

  /** Resolves once no work is running or due. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Starts no more work; resolves when the run in progress (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private count(table: Table, changed: number, deleted: number): void {
    if (changed <= 0) return;
    let state = this.tables.get(table);
    if (state === undefined) {
      state = { changed: 0, deleted: 0, rows: 0 };
      this.tables.set(table, state);
    }
    state.changed += changed;
    state.deleted += deleted;
    this.runDue();
  }

  private due(): { table: Table; state: TableState; vacuum: boolean } | undefined {
    for (const [table, state] of this.tables) {
      if (state.deleted >= BASE_THRESHOLD + VACUUM_SCALE_FACTOR * state.rows) {
        return { table, state, vacuum: true };
      }
      if (state.changed >= BASE_THRESHOLD + ANALYZE_SCALE_FACTOR * state.rows) {
        return { table, state, vacuum: false };
      }
    }
    return undefined;
  }

  private runDue(): void {
    if (this.running !== undefined || this.stopped) return;
    const work = this.due();
    if (work === undefined) return;
    const { table, state, vacuum } = work;
    // rows changed while it runs count toward the next run
    const changed = state.changed;
    const deleted = vacuum ? state.deleted : 0;
    const counted = () => {
      state.changed -= changed;
      state.deleted -= deleted;
    };
    this.running = (vacuum ? this.options.vacuum(table) : this.options.analyze(table))
      .then(
        (rows) => {
          state.rows = Math.max(0, rows);
          counted();
        },
        (error: unknown) => {
          counted();
          this.options.onError(error);
        },
      )
      .finally(() => {
        // to the back of the line: a table written all the time does not keep the others waiting
        this.tables.delete(table);
        this.tables.set(table, state);
        this.running = undefined;
        this.runDue();
      });
  }
}
