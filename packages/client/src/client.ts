/**
 * `createSessionsClient`: the raw typed openapi-fetch client for every operation of the spec, and the
 * resource layer (auto-paging lists, typed errors) for the production API, sharing one transport with
 * timeouts and retries.
 *
 * @example
 * import { createSessionsClient } from "@sessions-api/client";
 * const client = createSessionsClient({ baseUrl: "http://127.0.0.1:8080", apiKey: process.env.SESSIONS_API_KEY ?? "" });
 * for await (const session of client.gateway.sessions.list("residential")) console.log(session.username);
 */

import type { paths } from "@sessions-api/openapi";
import createClient, { type Client } from "openapi-fetch";
import { type ApplicationSessions, createApplicationSessions } from "./application-sessions.js";
import type { ClientContext } from "./call.js";
import { createGatewaySessions, type GatewaySessions } from "./gateway-sessions.js";
import { createPathSerializer } from "./path-serializer.js";
import { parseRateLimit, type RateLimitState } from "./rate-limit.js";
import {
  checkTimeout,
  createTransport,
  type FetchFunction,
  type RetryOptions,
  resolveRetryOptions,
} from "./transport.js";

/**
 * Options of `createSessionsClient`.
 *
 * @example
 * const options: SessionsClientOptions = {
 *   baseUrl: "https://api.helodata.com",
 *   apiKey: process.env.SESSIONS_API_KEY ?? "",
 *   timeoutMs: 10_000,
 *   retry: { maxAttempts: 4 },
 * };
 */
export interface SessionsClientOptions {
  /** Absolute http(s) URL of the API, e.g. `https://api.helodata.com` or `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** The API key, sent as `Authorization: Bearer <key>` on every request. */
  apiKey: string;
  /** The `fetch` to send requests with (default: `globalThis.fetch`), e.g. `(request) => app.request(request)`. */
  fetch?: FetchFunction;
  /** Headers added to every request. `Authorization` always carries `apiKey`. */
  headers?: Record<string, string>;
  /**
   * Retries of idempotent requests (GET, DELETE) and of writes with an `Idempotency-Key` (sandbox writes
   * get one when the caller gives none): options, or `false` for none. Default: 3 attempts.
   */
  retry?: RetryOptions | false;
  /** Per-attempt timeout in milliseconds, covering the whole response. Default: none. */
  timeoutMs?: number;
}

/**
 * A Sessions API client.
 *
 * @example
 * const client: SessionsClient = createSessionsClient({ baseUrl, apiKey });
 * const { data, error } = await client.raw.GET("/sandbox/clock");
 */
export interface SessionsClient {
  /**
   * The typed openapi-fetch client over every path of the spec (sandbox and health included). It keeps
   * openapi-fetch's contract: calls resolve to `{ data, error, response }` and throw only when no
   * response arrives. It shares the client's auth header, timeout and retries.
   */
  raw: Client<paths>;
  /** Gateway sticky sessions (`/v1`). */
  gateway: { sessions: GatewaySessions };
  /** Application sessions (`/app`). */
  app: { sessions: ApplicationSessions };
  /**
   * The API key's budget as the last response that told it said (`RateLimit` headers), whichever call
   * made it, resource or raw; null until one has. Errors carry their own response's in `error.rateLimit`.
   */
  readonly rateLimit: RateLimitState | null;
}

/**
 * Creates a client for the Sessions API.
 *
 * @throws {TypeError} when an option is invalid (a relative `baseUrl`, an empty `apiKey`, a negative timeout...).
 * @example
 * import { createSessionsClient, SessionNotFoundError } from "@sessions-api/client";
 *
 * const client = createSessionsClient({ baseUrl: "http://127.0.0.1:8080", apiKey: "sk_demo_full", timeoutMs: 10_000 });
 * for await (const session of client.gateway.sessions.list("residential", { subuser: "sub_01HX2K3PQ4M5" })) {
 *   console.log(session.id, session.expires_at);
 * }
 * try {
 *   await client.gateway.sessions.terminate("residential", "ses_01HX2K3PQ4M5");
 * } catch (error) {
 *   if (!(error instanceof SessionNotFoundError)) throw error;
 * }
 */
export function createSessionsClient(options: SessionsClientOptions): SessionsClient {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createSessionsClient needs an options object: { baseUrl, apiKey }.");
  }
  const baseUrl = checkBaseUrl(options.baseUrl);
  const apiKey = checkApiKey(options.apiKey);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("fetch must be a function taking a Request and returning a Promise<Response>.");
  }
  let rateLimit: RateLimitState | null = null;
  const context: Omit<ClientContext, "raw" | "hasMiddleware" | "sendBare"> = {
    fetch: options.fetch,
    retry: resolveRetryOptions(options.retry),
    timeoutMs: checkTimeout(options.timeoutMs),
    baseUrl,
    onResponse(response) {
      rateLimit = parseRateLimit(response.headers) ?? rateLimit;
    },
  };
  const raw = createClient<paths>({
    baseUrl: baseUrl.href,
    fetch: createTransport(context),
    pathSerializer: createPathSerializer(),
    headers: { ...options.headers, Authorization: `Bearer ${apiKey}` },
  });
  // after the first middleware, resource calls are no longer bare: a middleware may change any request.
  // It stays so after `eject`, rather than mirror openapi-fetch's own list of middleware
  let hasMiddleware = false;
  const use = raw.use;
  raw.use = (...middleware) => {
    hasMiddleware = true;
    use(...middleware);
  };
  const full: ClientContext = {
    ...context,
    raw,
    hasMiddleware: () => hasMiddleware,
    sendBare: createTransport({ ...context, bareRequests: true }),
  };
  return {
    raw,
    gateway: { sessions: createGatewaySessions(full) },
    app: { sessions: createApplicationSessions(full) },
    get rateLimit() {
      return rateLimit;
    },
  };
}

function checkBaseUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below with the expected form
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(
      `baseUrl must be an absolute http(s) URL such as https://api.helodata.com; got ${String(baseUrl)}.`,
    );
  }
  return url;
}

function checkApiKey(apiKey: string): string {
  if (typeof apiKey !== "string" || !/^[!-~]+$/.test(apiKey)) {
    // a header value: printable ASCII only, which also keeps the key from injecting headers
    throw new TypeError("apiKey must be a non-empty string of printable ASCII characters without spaces.");
  }
  return apiKey;
}
