/**
 * A token bucket per name (an API key, a client address), in this process's memory: each server instance
 * keeps its own budgets, so N instances behind a load balancer allow up to N times a key's rate.
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
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** `nowMs` is real time; replaceable so tests never wait. */
  constructor(
    private readonly nowMs: () => number = Date.now,
    private readonly bucketsKept = BUCKETS_KEPT,
  ) {}

  /** Spends one request of `key`'s budget of `perMinute` (0 = unlimited). */
  take(key: string, perMinute: number): RateVerdict {
    if (perMinute <= 0) return { allowed: true };
    const now = this.nowMs();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.bucketsKept) this.forget(now);
      bucket = { tokens: perMinute, updatedMs: now, perMinute };
      this.buckets.set(key, bucket);
    }
    const verdict = this.refill(bucket, perMinute, now);
    if (verdict.allowed) bucket.tokens -= 1;
    return verdict;
  }

  /** Whether `key` has a request of its budget left, spending nothing. */
  peek(key: string, perMinute: number): RateVerdict {
    const bucket = this.buckets.get(key);
    if (perMinute <= 0 || bucket === undefined) return { allowed: true };
    return this.refill(bucket, perMinute, this.nowMs());
  }

  private refill(bucket: Bucket, perMinute: number, now: number): RateVerdict {
    const perMs = perMinute / 60_000;
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    bucket.perMinute = perMinute;
    if (bucket.tokens >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
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
