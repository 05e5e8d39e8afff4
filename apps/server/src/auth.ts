/**
 * Bearer-key authentication and per-key rate limiting of every secured operation.
 *
 * @example
 * const auth = new Authenticator(demoKeyConfigs());
 * const key = auth.authenticate("Bearer sk_demo_full"); // the key's configuration, or throws 401/429
 */
import { type ApiKeyConfig, DEFAULT_RATE_LIMIT_PER_MINUTE } from "./api-keys.js";
import { ApiError } from "./errors.js";
import { RateLimiter } from "./rate-limiter.js";

/**
 * Looks keys up and spends their request budget.
 *
 * @example
 * new Authenticator(keys, new RateLimiter()).authenticate(request.headers.get("authorization") ?? undefined);
 */
export class Authenticator {
  private readonly keys: ReadonlyMap<string, ApiKeyConfig>;

  constructor(
    keys: readonly ApiKeyConfig[],
    private readonly limiter: RateLimiter = new RateLimiter(),
  ) {
    this.keys = new Map(keys.map((config) => [config.key, config]));
  }

  /**
   * The configuration of the key in an `Authorization` header.
   *
   * @throws {ApiError} 401 for a missing or unknown key, 429 past the key's budget.
   */
  authenticate(header: string | undefined): ApiKeyConfig {
    if (header === undefined || header.trim() === "") {
      throw ApiError.unauthorized("Missing API key: send it as Authorization: Bearer <key>.");
    }
    // another scheme (Basic), or two headers joined into one ("Bearer a, Bearer b")
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) {
      throw ApiError.unauthorized(
        "The Authorization header is not one bearer key: send one header, Authorization: Bearer <key>.",
      );
    }
    const config = this.keys.get(match[1]);
    if (config === undefined) throw ApiError.unauthorized("Unknown API key.");
    const perMinute = config.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const verdict = this.limiter.take(config.key, perMinute);
    if (!verdict.allowed) {
      throw new ApiError(
        429,
        "rate_limited",
        `Rate limit of ${perMinute} requests per minute exceeded; retry in ${verdict.retryAfterSeconds} s.`,
        { headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
    return config;
  }
}
