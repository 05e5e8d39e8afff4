/**
 * The planner statistics of an embedded store, kept current. PGlite runs no autovacuum, so nothing would
 * ever ANALYZE its tables; and the store's statements run generic plans, made once per statement and kept
 * until the statistics of a table they read change. A store that grew from empty would keep the plans made
 * for its empty tables (sequential scans, a few pages each) at any size: a traffic report cost 1.7 times
 * as much after 15,000 of them, and more with every one.
 *
 * `AutoAnalyze` counts the rows writes insert and delete, per table, and analyzes a table once the count
 * passes 50 rows plus 10% of the rows it had at its last analysis (autovacuum's own thresholds). Updates
 * are not counted, unlike autovacuum: the store's updates change no count its plans depend on, and a
 * sandbox updating 5,000 sessions spent 15% of its time analyzing them. Analyses run one at a time, in
 * the background of the writes that called for them.
 *
 * @example
 * const analyze = new AutoAnalyze({ analyze: (table) => db.analyze(table), onError: console.error });
 * analyze.changed("gateway_sessions", 1);
 */

export interface AutoAnalyzeOptions<Table extends string> {
  /** Analyzes the table and returns its row estimate afterwards. */
  analyze(table: Table): Promise<number>;
  /** A failed analysis is reported here; the table is analyzed again once as many rows change again. */
  onError(error: unknown): void;
  /** Rows each table had at its last analysis (none: as if empty). */
  rows?: Partial<Record<Table, number>>;
  /** Default 50. */
  baseThreshold?: number;
  /** Default 0.1. */
  scaleFactor?: number;
}

interface TableState {
  changed: number;
  rows: number;
}

/**
 * Analyzes tables as writes change them.
 *
 * @example
 * new AutoAnalyze({ analyze, onError, rows: { gateway_sessions: 1_000_000 } });
 */
export class AutoAnalyze<Table extends string> {
  private readonly tables = new Map<Table, TableState>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly baseThreshold: number;
  private readonly scaleFactor: number;

  constructor(private readonly options: AutoAnalyzeOptions<Table>) {
    this.baseThreshold = options.baseThreshold ?? 50;
    this.scaleFactor = options.scaleFactor ?? 0.1;
    for (const [table, rows] of Object.entries(options.rows ?? {}) as [Table, number][]) {
      this.tables.set(table, { changed: 0, rows: Math.max(0, rows) });
    }
  }

  /** Counts rows a write inserted into or deleted from `table`. */
  changed(table: Table, rows: number): void {
    if (rows <= 0) return;
    let state = this.tables.get(table);
    if (state === undefined) {
      state = { changed: 0, rows: 0 };
      this.tables.set(table, state);
    }
    state.changed += rows;
    this.runDue();
  }

  /** Resolves once no analysis is running or due. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Starts no more analyses; resolves when the one running (if any) is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private due(): Table | undefined {
    for (const [table, state] of this.tables) {
      if (state.changed >= this.baseThreshold + this.scaleFactor * state.rows) return table;
    }
    return undefined;
  }

  private runDue(): void {
    if (this.running !== undefined || this.stopped) return;
    const table = this.due();
    if (table === undefined) return;
    const state = this.tables.get(table) as TableState;
    // rows changed while it runs count toward the next analysis
    const counted = state.changed;
    this.running = this.options
      .analyze(table)
      .then(
        (rows) => {
          state.rows = Math.max(0, rows);
          state.changed -= counted;
        },
        (error: unknown) => {
          state.changed -= counted;
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
