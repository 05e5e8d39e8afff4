/**
 * The server's one clock: real time plus the sandbox offset. The offset lives in the store, so every
 * instance over one database tells the same time.
 *
 * @example
 * const clock = new ServerClock(store);
 * const now = await clock.now();
 */
import type { SessionStore } from "./store/session-store.js";

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

  async read(): Promise<ClockReading> {
    const offsetSeconds = await this.store.clockOffsetSeconds();
    return { now: new Date(this.realNow() + offsetSeconds * 1000), offsetSeconds };
  }

  async now(): Promise<Date> {
    return (await this.read()).now;
  }

  /** Moves the clock forward by whole seconds (it never moves back). */
  async advance(seconds: number): Promise<ClockReading> {
    const offsetSeconds = await this.store.advanceClock(seconds);
    return { now: new Date(this.realNow() + offsetSeconds * 1000), offsetSeconds };
  }
}
