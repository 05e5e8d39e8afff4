/**
 * The sandbox test clock of each account: real time plus the account's own offset. The offsets live in the
 * store, so every instance over one database tells an account the same time; moving one account's clock
 * moves no other's.
 *
 * @example
 * const clock = new ServerClock(store);
 * const now = await clock.now("acct_demo");
 */
import { CLOCK_LIMIT_MS } from "./store/account-clocks.js";
import type { SessionStore } from "./store/session-store.js";
import type { ReadTime } from "./store/store-types.js";

export { CLOCK_LIMIT_MS };

export interface ClockReading {
  now: Date;
  offsetSeconds: number;
}

/**
 * The clocks of a server's accounts.
 *
 * @example
 * const { now, offsetSeconds } = await new ServerClock(store).read("acct_demo");
 */
export class ServerClock {
  constructor(
    private readonly store: Pick<SessionStore, "clockOffsetSeconds" | "advanceClock" | "kind">,
    /** Real time in milliseconds; replaceable so tests never depend on the wall clock. */
    private readonly realNow: () => number = Date.now,
  ) {}

  /** The account's time, which stays at `CLOCK_LIMIT_MS` once there however far real time goes on. */
  async read(account: string): Promise<ClockReading> {
    const offsetSeconds = await this.store.clockOffsetSeconds(account);
    return { now: this.timeAt(offsetSeconds), offsetSeconds };
  }

  async now(account: string): Promise<Date> {
    return (await this.read(account)).now;
  }

  /**
   * The time a read of the account's sessions happens at. Over PostgreSQL, where another instance may
   * move the clock, the read's own statement reads it (one round trip instead of two); the embedded store
   * knows its offsets, and its cache needs the time.
   */
  async readTime(account: string): Promise<ReadTime> {
    return this.store.kind === "postgres" ? { accountClockAt: this.realTime() } : this.now(account);
  }

  /** Real time, which every account's clock starts from (and the purge measures each offset from). */
  realTime(): Date {
    return new Date(this.realNow());
  }

  /**
   * Moves the account's clock forward by whole seconds (it never moves back); null, moving nothing, when
   * that would take it past `CLOCK_LIMIT_MS`.
   */
  async advance(account: string, seconds: number): Promise<ClockReading | null> {
    const maxOffsetSeconds = Math.floor((CLOCK_LIMIT_MS - this.realNow()) / 1000);
    const offsetSeconds = await this.store.advanceClock(account, seconds, maxOffsetSeconds);
    if (offsetSeconds === null) return null;
    return { now: this.timeAt(offsetSeconds), offsetSeconds };
  }

  // the offset is checked against the limit only when it moves: real time going on must not carry the
  // clock past it afterwards
  private timeAt(offsetSeconds: number): Date {
    return new Date(Math.min(this.realNow() + offsetSeconds * 1000, CLOCK_LIMIT_MS));
  }
}
