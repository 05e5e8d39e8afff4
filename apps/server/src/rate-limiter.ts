/**
 * A token bucket per name (an API key, a client address), in this process's memory: each server instance
 * keeps its own budgets. Over PostgreSQL the key budgets are kept in the database instead
 * (`store/shared-rate-limiter.ts`), with the same arithmetic (`budgetAfter`), so that every instance spends
 * from one bucket.
 *
 * @example
 * const limiter = new RateLimiter();
 * const verdict = limiter.take("sk_demo_limited", 5);
 * if (!verdict.allowed) console.log(`retry in ${verdict.retryAfterSeconds} s`);
 */

/** What a budget holds after a request: for the `RateLimit` header fields. */
export interface BudgetState {
  /** Requests the budget holds when full (per minute). */
  limit: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the budget is full again. */
  resetSeconds: number;
}

/** Whether a request may go on; `budget` is null for an unlimited budget. */
export type RateVerdict =
  | { allowed: true; budget: BudgetState | null }
  | { allowed: false; retryAfterSeconds: number; budget: BudgetState };

/**
 * Budgets to spend from: in memory (`RateLimiter`), or in a database that every instance shares.
 *
 * @example
 * const verdict = await budgets.take("key", 600);
 */
export interface RateBudgets {
  /** Spends one request of `name`'s budget of `perMinute` (0 = unlimited). */
  take(name: string, perMinute: number): RateVerdict | Promise<RateVerdict>;
}

const UNLIMITED: RateVerdict = { allowed: true, budget: null };

/**
 * The verdict on a bucket holding `tokens` (refilled up to now, not yet spent), and what it holds after:
 * one token is spent when at least one is there. The one arithmetic of both kinds of budget.
 *
 * @example
 * budgetAfter(4.5, 5); // { verdict: { allowed: true, budget: { limit: 5, remaining: 3, resetSeconds: 30 } }, tokens: 3.5 }
 */
export function budgetAfter(tokens: number, perMinute: number): { verdict: RateVerdict; tokens: number } {
  const perSecond = perMinute / 60;
  const allowed = tokens >= 1;
  const left = allowed ? tokens - 1 : tokens;
  const budget: BudgetState = {
    limit: perMinute,
    remaining: Math.floor(left),
    resetSeconds: Math.max(0, Math.ceil((perMinute - left) / perSecond - 1e-9)),
  };
  if (allowed) return { verdict: { allowed, budget }, tokens: left };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - left) / perSecond - 1e-9));
  return { verdict: { allowed, retryAfterSeconds, budget }, tokens: left };
}

interface Bucket {
  tokens: number;
  updatedMs: number;
  perMinute: number;
}

/** How many buckets a limiter holds before it forgets the full ones (which a new bucket equals). */
const BUCKETS_KEPT = 100_000;

/**
 * Token buckets that refill continuously at `perMinute / 60` tokens a second, holding at most `perMinute`.
 *
 * @example
 * new RateLimiter(() => fakeNowMs).take("key", 600);
 */
export class RateLimiter implements RateBudgets {
  private readonly buckets = new Map<string, Bucket>();

  /** `nowMs` is real time; replaceable so tests never wait. */
  constructor(
    private readonly nowMs: () => number = Date.now,
    private readonly bucketsKept = BUCKETS_KEPT,
  ) {}

  /** Spends one request of `key`'s budget of `perMinute` (0 = unlimited). */
  take(key: string, perMinute: number): RateVerdict {
    if (perMinute <= 0) return UNLIMITED;
    const now = this.nowMs();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.bucketsKept) this.forget(now);
      bucket = { tokens: perMinute, updatedMs: now, perMinute };
      this.buckets.set(key, bucket);
    }
    this.refill(bucket, perMinute, now);
    const { verdict, tokens } = budgetAfter(bucket.tokens, perMinute);
    bucket.tokens = tokens;
    return verdict;
  }

  /** Whether `key` has a request of its budget left, spending nothing. */
  peek(key: string, perMinute: number): RateVerdict {
    const bucket = this.buckets.get(key);
    if (perMinute <= 0 || bucket === undefined) return UNLIMITED;
    this.refill(bucket, perMinute, this.nowMs());
    if (bucket.tokens >= 1) return { allowed: true, budget: null };
    return budgetAfter(bucket.tokens, perMinute).verdict;
  }

  private refill(bucket: Bucket, perMinute: number, now: number): void {
    const perMs = perMinute / 60_000;
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    bucket.perMinute = perMinute;
  }

  // buckets named by clients (their addresses) must not grow without end: a full bucket is what a new one
  // would be, so it goes; if that is not enough, the oldest go too (each forgotten one can only allow more)
  private forget(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const tokens = bucket.tokens + Math.max(0, now - bucket.updatedMs) * (bucket.perMinute / 60_000);
      if (tokens >= bucket.perMinute) this.buckets.delete(key);
    }
    const keep = Math.floor((this.bucketsKept * 3) / 4);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= keep) break;
      this.buckets.delete(key);
    }
  }
}
