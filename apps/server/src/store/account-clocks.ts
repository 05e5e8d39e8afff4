/**
 * The sandbox test clock of each account: seconds its clock is ahead of real time, kept in the database
 * (`account_clocks`, migration 0007), so that every instance over one database tells an account the same
 * time. An account without a row is at real time; moving one account's clock moves no other's.
 *
 * @example
 * const clocks = new AccountClocks(db);
 * await clocks.advance("acct_demo", 3600, Number.MAX_SAFE_INTEGER); // 3600
 * await clocks.offsetSeconds("acct_other"); // 0
 */
import type { Database, Queryable } from "./database.js";
import { AUDIT_WINDOW_MS, auditCutoffOf, toIso } from "./iso-time.js";
import { SharedRead } from "./shared-read.js";
import type { ReadTime } from "./store-types.js";

/** The clock never passes this moment (ms): past it, timestamps would need more than four-digit years. */
export const CLOCK_LIMIT_MS = Date.parse("9999-01-01T00:00:00.000Z");

/** The cutoffs of a purge across accounts, each of which is at its own time. */
export interface PurgeCutoffs {
  /** The audit cutoff of the account furthest ahead: no account's is later. */
  furthest: string;
  /** Real time, which each account's offset is added to. */
  realNow: Date;
}

/**
 * SQL for an account's time at real time `realNow` (a parameter such as "$1"): real time plus the account's
 * offset, held at `CLOCK_LIMIT_MS`. `account` is the SQL expression naming the account (a column).
 *
 * @example
 * `DELETE FROM app_sessions a WHERE expires_at <= ${sqlAccountNow("a.account", "$1")}`
 */
export function sqlAccountNow(account: string, realNow: string): string {
  const offset = `coalesce((SELECT c.offset_seconds FROM account_clocks c WHERE c.account = ${account}), 0)`;
  return `LEAST(${realNow}::timestamptz + ${offset} * interval '1 second', '${new Date(CLOCK_LIMIT_MS).toISOString()}'::timestamptz)`;
}

/**
 * SQL for the end of an account's audit window at real time `realNow` (a parameter): its time less 24 h.
 * What ended at or before it is purged.
 *
 * @example
 * `DELETE FROM app_sessions a WHERE expires_at <= ${sqlAccountCutoff("a.account", "$1")}`
 */
export function sqlAccountCutoff(account: string, realNow: string): string {
  return `(${sqlAccountNow(account, realNow)} - interval '${AUDIT_WINDOW_MS / 1000} seconds')`;
}

/**
 * SQL for the time of a read and the end of its audit window, each made when first asked for (a
 * parameter no statement uses has no type, which PostgreSQL refuses): parameters for a known time; for
 * the account's clock at a real time, read by the statement itself. `param` adds a parameter and names
 * it; `account` is the SQL naming the account (a parameter).
 *
 * @example
 * const times = sqlReadTimes({ accountClockAt: new Date() }, "$1", param);
 * where.push(`expires_at > ${times.now()}`);
 */
export function sqlReadTimes(
  time: ReadTime,
  account: string,
  param: (value: unknown) => string,
): { now(): string; cutoff(): string } {
  if (time instanceof Date) {
    return {
      now: () => `${param(toIso(time))}::timestamptz`,
      cutoff: () => `${param(auditCutoffOf(time))}::timestamptz`,
    };
  }
  let realNow: string | undefined;
  const real = () => {
    realNow ??= param(time.accountClockAt.toISOString());
    return realNow;
  };
  return { now: () => sqlAccountNow(account, real()), cutoff: () => sqlAccountCutoff(account, real()) };
}

/** The offsets of the accounts' clocks. */
export class AccountClocks {
  // PGlite is this process's alone: only it moves the clocks, so they can be remembered
  private readonly remembered = new Map<string, number>();
  // over PostgreSQL every request reads its account's offset: requests of one account that arrive while a
  // read is on its way share the next one (begun after they asked, so another instance's move shows)
  private readonly reads = new Map<string, SharedRead<number>>();

  constructor(private readonly db: Database) {}

  /** Seconds the account's clock is ahead of real time (0 for an account that never moved it). */
  async offsetSeconds(account: string): Promise<number> {
    const known = this.remembered.get(account);
    if (known !== undefined) return known;
    let read = this.reads.get(account);
    if (read === undefined) {
      read = new SharedRead(async () => {
        const [row] = await this.db.query<{ offset_seconds: number | string }>(
          "SELECT offset_seconds FROM account_clocks WHERE account = $1",
          [account],
        );
        return Number(row?.offset_seconds ?? 0);
      });
      this.reads.set(account, read);
    }
    const offset = await read.get();
    if (this.db.kind === "pglite") this.remembered.set(account, offset);
    return offset;
  }

  /**
   * Moves the account's clock forward; the new offset in seconds, or null (moving nothing) when it would
   * pass `maxOffsetSeconds`.
   */
  async advance(account: string, seconds: number, maxOffsetSeconds: number): Promise<number | null> {
    const [row] = await this.db.query<{ offset_seconds: number | string }>(
      `INSERT INTO account_clocks AS c (account, offset_seconds) SELECT $1::text, $2::bigint WHERE $2::bigint <= $3::bigint
       ON CONFLICT (account) DO UPDATE SET offset_seconds = c.offset_seconds + excluded.offset_seconds
       WHERE c.offset_seconds + excluded.offset_seconds <= $3::bigint
       RETURNING offset_seconds`,
      [account, seconds, maxOffsetSeconds],
    );
    if (row === undefined) return null;
    const offset = Number(row.offset_seconds);
    if (this.db.kind === "pglite") this.remembered.set(account, offset);
    return offset;
  }

  /** The offset of the clock furthest ahead (0 when none is). */
  async furthestOffsetSeconds(): Promise<number> {
    const [row] = await this.db.query<{ offset_seconds: number | string | null }>(
      "SELECT max(offset_seconds) AS offset_seconds FROM account_clocks",
    );
    return Number(row?.offset_seconds ?? 0);
  }

  /** Puts the account's clock back to real time, inside the caller's transaction `tx`. */
  async reset(tx: Queryable, account: string): Promise<void> {
    await tx.query("DELETE FROM account_clocks WHERE account = $1", [account]);
    this.remembered.delete(account);
  }
}
