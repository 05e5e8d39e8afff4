/**
 * The sandbox clock's offset in the store (table `clock`): how many seconds the clock is ahead of real
 * time. Every instance over one database reads the same offset, so they all tell the same time.
 */
import type { Database } from "./database.js";
import { SharedRead } from "./shared-read.js";

/**
 * The stored clock offset.
 *
 * @example
 * const offset = new ClockOffset(db);
 * await offset.advance(3600); // an hour ahead
 */
export class ClockOffset {
  // only this process moves PGlite's clock (its data directory is locked), so it keeps the offset;
  // other instances may move PostgreSQL's
  private known: number | undefined;
  // over PostgreSQL every request reads the offset: requests that arrive while a read is on its way share
  // the next one (begun after they asked, so a move another instance has answered shows)
  private readonly reads = new SharedRead(async () => {
    const [row] = await this.db.query<{ offset_seconds: number | string }>(
      "SELECT offset_seconds FROM clock WHERE id = 1",
    );
    return Number(row?.offset_seconds ?? 0);
  });

  constructor(private readonly db: Database) {}

  /** Seconds the sandbox clock is ahead of real time. */
  async seconds(): Promise<number> {
    if (this.known !== undefined) return this.known;
    const offset = await this.reads.get();
    if (this.db.kind === "pglite") this.known = offset;
    return offset;
  }

  /**
   * Moves the clock forward; the new offset in seconds, or null (and nothing moved) when the offset would
   * pass `maxOffsetSeconds`.
   */
  async advance(seconds: number, maxOffsetSeconds = Number.MAX_SAFE_INTEGER): Promise<number | null> {
    const [row] = await this.db.query<{ offset_seconds: number | string }>(
      `UPDATE clock SET offset_seconds = offset_seconds + $1
       WHERE id = 1 AND offset_seconds + $1 <= $2 RETURNING offset_seconds`,
      [seconds, maxOffsetSeconds],
    );
    if (row === undefined) return null;
    const offset = Number(row.offset_seconds);
    if (this.db.kind === "pglite") this.known = offset;
    return offset;
  }
}
