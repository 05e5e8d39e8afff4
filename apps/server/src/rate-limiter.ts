/**
 * A token bucket per API key, in this process's memory: each server instance keeps its own budgets, so
 * N instances behind a load balancer allow up to N times a key's rate.
 *
 * @example
 * const limiter = new RateLimiter();
 * const verdict = limiter.take("sk_demo_limited", 5);
 * if (!verdict.allowed) console.log(`retry in ${verdict.retryAfterSeconds} s`);
 */
export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets that refill continuously at `perMinute / 60` tokens a second, holding at most `perMinute`.
 *
 * @example
 * new RateLimiter(() => fakeNowMs).take("key", 600);
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `nowMs` is real time; replaceable so tests never wait. */
  constructor(private readonly nowMs: () => number = Date.now) {}

  /** Spends one request of `key`'s budget of `perMinute` (0 = unlimited). */
  take(key: string, perMinute: number): RateVerdict {
    if (perMinute <= 0) return { allowed: true };
    const now = this.nowMs();
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: perMinute, updatedMs: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}
