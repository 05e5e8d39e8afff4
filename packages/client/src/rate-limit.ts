/**
 * The API key's request budget as the server tells it, in the `RateLimit-Policy` and `RateLimit` response
 * headers (draft-ietf-httpapi-ratelimit-headers-10): `RateLimit-Policy: "default";q=600;w=60` and
 * `RateLimit: "default";r=597;t=1` read as `{ limit: 600, remaining: 597, resetSeconds: 1 }`.
 *
 * @example
 * import { parseRateLimit } from "@sessions-api/client";
 * const budget = parseRateLimit(response.headers); // null when the response tells none
 */

/**
 * What is left of the API key's budget after a request.
 *
 * @example
 * const { remaining, resetSeconds } = client.rateLimit ?? { remaining: Infinity, resetSeconds: 0 };
 */
export interface RateLimitState {
  /** Requests the budget holds when full, per `windowSeconds`. */
  limit: number;
  /** The window `limit` is counted over, in seconds (60 on the reference server). */
  windowSeconds: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the budget is full again (it refills continuously, one request each `windowSeconds / limit`). */
  resetSeconds: number;
}

// one member of a structured-field list: a quoted or bare name, then ;key=integer parameters
function parseMember(
  field: string | null,
  policy?: string,
): { name: string; params: Map<string, number> } | null {
  if (field === null) return null;
  for (const member of field.split(",")) {
    const [rawName, ...rawParams] = member.trim().split(";");
    const name = (rawName ?? "").trim().replace(/^"(.*)"$/, "$1");
    if (policy !== undefined && name !== policy) continue;
    const params = new Map<string, number>();
    for (const param of rawParams) {
      const [key, value] = param.trim().split("=");
      if (key !== undefined && value !== undefined && /^\d+$/.test(value.trim()))
        params.set(key.trim(), Number(value));
    }
    return { name, params };
  }
  return null;
}

/**
 * The budget a response tells, or null when it has no (readable) `RateLimit` and `RateLimit-Policy`
 * headers: responses without a known API key, an older server, a proxy's own answer.
 *
 * @example
 * parseRateLimit(new Headers({ "ratelimit-policy": '"default";q=5;w=60', ratelimit: '"default";r=3;t=24' }));
 * // { limit: 5, windowSeconds: 60, remaining: 3, resetSeconds: 24 }
 */
export function parseRateLimit(headers: Headers): RateLimitState | null {
  const current = parseMember(headers.get("ratelimit"));
  if (current === null) return null;
  const policy = parseMember(headers.get("ratelimit-policy"), current.name);
  const limit = policy?.params.get("q");
  const remaining = current.params.get("r");
  const resetSeconds = current.params.get("t");
  if (limit === undefined || remaining === undefined || resetSeconds === undefined) return null;
  return { limit, windowSeconds: policy?.params.get("w") ?? 60, remaining, resetSeconds };
}
