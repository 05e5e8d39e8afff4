/**
 * Token buckets in the database (`rate_limit_buckets`, migration 0009), which every instance over it
 * spends from: a key's budget holds across instances. One statement per request takes a token atomically
 * (an UPSERT that refills, spends and answers under the row's lock), so concurrent requests through
 * different instances never both take the last one. It costs one round trip to the database per request;
 * a database that cannot be reached fails the request with the store's error, which the server answers
 * `503` (never a request let through unbudgeted, never a `500`).
 *
 * @example
 * const limiter = new SharedRateLimiter(db);
 * const verdict = await limiter.take("sk_live_4f9a1c0e", 600);
 */
import { createHash } from "node:crypto";
import { budgetAfter, type RateBudgets, type RateVerdict } from "../rate-limiter.js";
import type { Queryable } from "./database.js";

// refilled = the bucket's tokens plus what time has added since, at most full; $2 tokens a minute, $3 now
const refilled = "LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.updated_ms) * $2::float8 / 60000)";

// a new bucket starts full and spends one; an existing one refills, then spends one if it has one
const takeSql = `
  INSERT INTO rate_limit_buckets AS b (name, tokens, updated_ms, granted)
  VALUES ($1, $2::float8 - 1, $3::bigint, true)
  ON CONFLICT (name) DO UPDATE SET
    tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
    updated_ms = GREATEST(b.updated_ms, $3::bigint),
    granted = ${refilled} >= 1
  RETURNING tokens, granted`;

/**
 * Key budgets kept in the database.
 *
 * @example
 * const verdict = await new SharedRateLimiter(db, () => fakeNowMs).take("key", 5);
 */
export class SharedRateLimiter implements RateBudgets {
  private readonly bucketNames = new Map<string, string>();

  /** `nowMs` is real time; replaceable so tests never wait. */
  constructor(
    private readonly db: Queryable,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async take(name: string, perMinute: number): Promise<RateVerdict> {
    if (perMinute <= 0) return { allowed: true, budget: null };
    const [row] = await this.db.query<{ tokens: number; granted: boolean }>(takeSql, [
      this.bucketName(name),
      perMinute,
      Math.floor(this.nowMs()),
    ]);
    if (row === undefined) throw new Error("rate_limit_buckets: the UPSERT returned no row");
    // the statement spent the token already: the verdict is read from what it left
    const before = row.granted ? Number(row.tokens) + 1 : Number(row.tokens);
    return budgetAfter(before, perMinute).verdict;
  }

  // the names the limiter is given are API keys: the table keeps a hash of each instead
  private bucketName(name: string): string {
    let hashed = this.bucketNames.get(name);
    if (hashed === undefined) {
      hashed = createHash("sha256").update(name).digest("base64url");
      // only configured keys reach a budget, so this stays as small as the keys file
      this.bucketNames.set(name, hashed);
    }
    return hashed;
  }
}
