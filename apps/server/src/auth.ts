/**
 * Bearer-key authentication and rate limiting of every secured operation: each key's request budget, and
 * each client's budget of failed authentications, so that keys cannot be guessed at speed.
 *
 * @example
 * const auth = new Authenticator(demoKeyConfigs());
 * const { key, budget } = await auth.authenticate("Bearer sk_demo_full", "203.0.113.7"); // or throws 401/429
 */
import { type ApiKeyConfig, DEFAULT_RATE_LIMIT_PER_MINUTE } from "./api-keys.js";
import { ApiError } from "./errors.js";
import { rateLimitFields } from "./rate-limit-fields.js";
import { type BudgetState, type RateBudgets, RateLimiter } from "./rate-limiter.js";

/**
 * Failed authentications (unknown keys) a client may make per minute by default.
 *
 * @example
 * createSessionsApp({ failedAuthPerMinute: DEFAULT_FAILED_AUTH_PER_MINUTE * 2 });
 */
export const DEFAULT_FAILED_AUTH_PER_MINUTE = 30;

/** Options of an `Authenticator`. */
export interface AuthenticatorOptions {
  /** Real time in milliseconds, which budgets refill by; default `Date.now`. */
  nowMs?: (() => number) | undefined;
  /** Unknown keys a client may send per minute before its requests get 429; 0 for no limit. */
  failedAuthPerMinute?: number | undefined;
  /**
   * Where the keys' budgets are kept; default: this process's memory. Unknown keys are always counted in
   * memory, per instance.
   */
  keyBudgets?: RateBudgets | undefined;
  /** Told of each request refused with 429, and by which budget (for the metrics). */
  onRefused?: ((budget: "key" | "unknown_keys") => void) | undefined;
}

/** A request's key, and what is left of its budget (null: unlimited). */
export interface Authenticated {
  key: ApiKeyConfig;
  budget: BudgetState | null;
}

const rateLimited = (message: string, retryAfterSeconds: number, budget?: BudgetState) =>
  new ApiError(429, "rate_limited", message, {
    headers: {
      "Retry-After": String(retryAfterSeconds),
      ...(budget === undefined ? {} : rateLimitFields(budget)),
    },
  });

/**
 * Looks keys up and spends their request budget; counts each client's unknown keys.
 *
 * @example
 * await new Authenticator(keys, { failedAuthPerMinute: 10 }).authenticate(request.headers.get("authorization") ?? undefined, client);
 */
export class Authenticator {
  private readonly keys: ReadonlyMap<string, ApiKeyConfig>;
  private readonly keyBudgets: RateBudgets;
  private readonly failureBudgets: RateLimiter;
  private readonly failedAuthPerMinute: number;
  private readonly onRefused: (budget: "key" | "unknown_keys") => void;

  constructor(keys: readonly ApiKeyConfig[], options: AuthenticatorOptions = {}) {
    this.keys = new Map(keys.map((config) => [config.key, config]));
    this.keyBudgets = options.keyBudgets ?? new RateLimiter(options.nowMs);
    this.failureBudgets = new RateLimiter(options.nowMs);
    this.failedAuthPerMinute = options.failedAuthPerMinute ?? DEFAULT_FAILED_AUTH_PER_MINUTE;
    this.onRefused = options.onRefused ?? (() => {});
  }

  /**
   * The configuration of the key in an `Authorization` header, sent by `client` (see `clientOf`).
   *
   * @throws {ApiError} 401 for a missing or unknown key; 429 past the key's budget, or while the client is
   * past its budget of unknown keys (whatever key it sends: a guess that hit must not be told apart).
   */
  async authenticate(header: string | undefined, client: string): Promise<Authenticated> {
    const perMinute = this.failedAuthPerMinute;
    const standing = this.failureBudgets.peek(client, perMinute);
    if (!standing.allowed) {
      this.onRefused("unknown_keys");
      throw rateLimited(
        `Too many unknown API keys from this address (${perMinute} a minute); retry in ${standing.retryAfterSeconds} s.`,
        standing.retryAfterSeconds,
      );
    }
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
    if (config === undefined) {
      // only a key that could have been right is a guess; a missing key or another scheme never is
      this.failureBudgets.take(client, perMinute);
      throw ApiError.unauthorized("Unknown API key.");
    }
    return this.spendKeyBudget(config);
  }

  private async spendKeyBudget(config: ApiKeyConfig): Promise<Authenticated> {
    const perMinute = config.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const verdict = await this.keyBudgets.take(config.key, perMinute);
    if (!verdict.allowed) {
      this.onRefused("key");
      throw rateLimited(
        `Rate limit of ${perMinute} requests per minute exceeded; retry in ${verdict.retryAfterSeconds} s.`,
        verdict.retryAfterSeconds,
        verdict.budget,
      );
    }
    return { key: config, budget: verdict.budget };
  }
}
