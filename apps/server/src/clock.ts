/**
 * The server's one clock: real time plus the sandbox offset. The offset lives in the store, so every
 * instance over one database tells the same time.
 *
 * @example
 * const clock = new ServerClock(store);
 * const now = await clock.now();
 */
import type { SessionStore } from "./store/session-store.js";

/** The clock never passes this moment (ms): past it, timestamps would need more than four-digit years. */
export const CLOCK_LIMIT_MS = Date.parse("9999-01-01T00:00:00.000Z");

export interface ClockReading {
  now: Date;
  offsetSeconds: number;
}

/**
 * The clock of a server.
 *
 * @example
 * const { now, offsetSeconds } = await new ServerClock(store).read();
 */
export class ServerClock {
  constructor(
    private readonly store: Pick<SessionStore, "clockOffsetSeconds" | "advanceClock">,
    /** Real time in milliseconds; replaceable so tests never depend on the wall clock. */
    private readonly realNow: () => number = Date.now,
  ) {}

  /** The time, which stays at `CLOCK_LIMIT_MS` once there however far real time goes on. */
  async read(): Promise<ClockReading> {
    const offsetSeconds = await this.store.clockOffsetSeconds();
    return { now: this.timeAt(offsetSeconds), offsetSeconds };
  }

  async now(): Promise<Date> {
    return (await this.read()).now;
  }

  /**
   * Moves the clock forward by whole seconds (it never moves back); null, moving nothing, when that would
   * take it past `CLOCK_LIMIT_MS`.
   */
  async advance(seconds: number): Promise<ClockReading | null> {
    const maxOffsetSeconds = Math.floor((CLOCK_LIMIT_MS - this.realNow()) / 1000);
    const offsetSeconds = await this.store.advanceClock(seconds, maxOffsetSeconds);
    if (offsetSeconds === null) return null;
    return { now: this.timeAt(offsetSeconds), offsetSeconds };
  }

  // the offset is checked against the limit only when it moves: real time going on must not carry the
  // clock past it afterwards
  private timeAt(offsetSeconds: number): Date {
    return new Date(Math.min(this.realNow() + offsetSeconds * 1000, CLOCK_LIMIT_MS));
  }
}
