/**
 * The `RateLimit-Policy` and `RateLimit` response header fields of draft-ietf-httpapi-ratelimit-headers-10
 * (structured fields): the key's budget as a policy named `default` of `q` requests per `w` = 60 seconds,
 * and what is left of it, `r` requests, full again in `t` seconds.
 *
 * @example
 * rateLimitFields({ limit: 5, remaining: 3, resetSeconds: 24 });
 * // { "RateLimit-Policy": '"default";q=5;w=60', RateLimit: '"default";r=3;t=24' }
 */
import type { BudgetState } from "./rate-limiter.js";

/** The policy's name in both fields: the API key's one budget. */
export const RATE_LIMIT_POLICY = "default";

/** The two header fields that tell a budget. */
export function rateLimitFields(budget: BudgetState): Record<"RateLimit-Policy" | "RateLimit", string> {
  return {
    "RateLimit-Policy": `"${RATE_LIMIT_POLICY}";q=${budget.limit};w=60`,
    RateLimit: `"${RATE_LIMIT_POLICY}";r=${budget.remaining};t=${budget.resetSeconds}`,
  };
}
