/**
 * The `fetch` the client hands to openapi-fetch: it adds the per-attempt timeout, the caller's abort
 * signal and retries of idempotent requests, so the raw client and the resource layer share them.
 *
 * @example
 * const send = createTransport({ fetch: globalThis.fetch, retry: resolveRetryOptions(undefined), timeoutMs: 10_000 });
 * const response = await send(new Request("http://127.0.0.1:8080/healthz"));
 */
import { parseRetryAfter, SessionsApiConnectionError, SessionsApiTimeoutError } from "./errors.js";

/**
 * How idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) are retried after a network error, a
 * timeout, a `429` or a `5xx`. A POST is retried only with an `Idempotency-Key` header, which the server
 * answers a retry of with the first answer instead of running it again (and then after a `409
 * idempotency_key_in_use` too, when the first is still running): a sandbox write (`POST /sandbox/...`)
 * gets a new key (a random UUID) when the caller gives none; any other POST is never retried. Pass
 * `retry: false` to turn retries off (and with them the keys the client makes).
 *
 * The wait before retry *n* is the response's `Retry-After` when it has one, otherwise an exponential
 * backoff with jitter: a random time between half and all of `min(maxDelayMs, initialDelayMs * 2^(n-1))`.
 * No retry starts when its wait would end past `maxElapsedMs` after the first attempt began; the last
 * response (or error) is then the result.
 *
 * @example
 * createSessionsClient({ baseUrl, apiKey, retry: { maxAttempts: 5, maxElapsedMs: 120_000 } });
 */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3; 1 means no retry. */
  maxAttempts?: number;
  /** Backoff before the first retry, in milliseconds. Default 500. */
  initialDelayMs?: number;
  /** Longest backoff between two attempts, in milliseconds (a `Retry-After` may ask for more). Default 8000. */
  maxDelayMs?: number;
  /** Time budget of one call, waits included, in milliseconds. Default 60000. */
  maxElapsedMs?: number;
}

/**
 * Retry options with every default filled in, or `false` for no retries.
 *
 * @example
 * const policy: RetryPolicy = resolveRetryOptions({ maxAttempts: 2 }); // { maxAttempts: 2, initialDelayMs: 500, ... }
 */
export type RetryPolicy = Required<RetryOptions> | false;

/**
 * A `fetch` as openapi-fetch calls it: with a `Request`.
 *
 * @example
 * const fetch: FetchFunction = (request) => sandbox.fetch(request);
 */
export type FetchFunction = (request: Request) => Promise<Response>;

const defaultRetry: Required<RetryOptions> = {
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  maxElapsedMs: 60_000,
};

/**
 * Sends a bare request through the global `fetch` as `(url, init)`: a request that openapi-fetch built
 * from a URL, a method and headers alone, with no body, no signal of a caller and no middleware to
 * change it. It is then the same request, and the global `fetch` no longer copies a `Request` (undici's
 * copy follows the original's abort signal: a listener and a finalization registration per call, a few
 * microseconds each time and garbage after). The resource layer asks for this only where it holds.
 */
function fetchBare(request: Request, signal: AbortSignal | undefined): Promise<Response> {
  return globalThis.fetch(request.url, { method: request.method, headers: request.headers, signal });
}

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** The header that makes a write safe to retry: the server runs a request once per key. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

// a POST under the API's /sandbox/ path: every one of them takes an Idempotency-Key
function isSandboxWrite(request: Request, baseUrl: URL | undefined): boolean {
  if (request.method !== "POST") return false;
  const base = baseUrl === undefined ? "" : baseUrl.pathname.replace(/\/+$/, "");
  return new URL(request.url).pathname.startsWith(`${base}/sandbox/`);
}
// statuses whose response has no body, which `new Response` refuses to give one
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * Checks retry options and fills in the defaults.
 *
 * @throws {TypeError} when an option is not a positive number (or, for `maxAttempts`, a positive integer).
 * @example
 * resolveRetryOptions(false); // false
 * resolveRetryOptions({ maxAttempts: 5 }).maxAttempts; // 5
 */
export function resolveRetryOptions(
  options: RetryOptions | false | undefined,
  base: Required<RetryOptions> = defaultRetry,
): RetryPolicy {
  if (options === false) return false;
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(`retry must be an object of retry options or false; got ${String(options)}.`);
  }
  const policy = { ...base, ...stripUndefined(options ?? {}) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new TypeError(`retry.maxAttempts must be an integer of at least 1; got ${policy.maxAttempts}.`);
  }
  for (const key of ["initialDelayMs", "maxDelayMs", "maxElapsedMs"] as const) {
    if (typeof policy[key] !== "number" || !(policy[key] >= 0) || !Number.isFinite(policy[key])) {
      throw new TypeError(
        `retry.${key} must be a finite number of milliseconds, 0 or more; got ${policy[key]}.`,
      );
    }
  }
  return policy;
}

/**
 * Checks a timeout option: a positive finite number of milliseconds, or `undefined` for none.
 *
 * @throws {TypeError} on anything else.
 * @example
 * checkTimeout(5_000); // 5000
 */
export function checkTimeout(timeoutMs: number | undefined): number | undefined {
  if (timeoutMs === undefined) return undefined;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError(`timeoutMs must be a positive, finite number of milliseconds; got ${timeoutMs}.`);
  }
  return timeoutMs;
}

/**
 * Builds the `fetch` with timeouts and retries around `options.fetch` (looked up on `globalThis` at call
 * time when left out).
 *
 * With a timeout, each attempt reads the whole response body before it counts as done, so `timeoutMs`
 * bounds the entire exchange, not only the arrival of the headers; without one, the response is passed
 * on as `fetch` gave it. An abort by the caller's signal rejects with the signal's reason at once, also
 * during a backoff wait.
 *
 * @example
 * const send = createTransport({ fetch: (request) => sandbox.fetch(request), retry: false, timeoutMs: undefined });
 */
export function createTransport(options: {
  fetch?: FetchFunction | undefined;
  retry: RetryPolicy;
  timeoutMs: number | undefined;
  /**
   * Every request handed to this transport is bare: built by openapi-fetch from a URL, method and
   * headers, without a caller's signal and without middleware (see `fetchBare`). Its own signal then
   * never aborts, and a body-less one goes to the global `fetch` as `(url, init)`.
   */
  bareRequests?: boolean | undefined;
  /** The API's base URL: sandbox writes are the POSTs under its `/sandbox/` path. */
  baseUrl?: URL | undefined;
  /** Sees every response that arrives (each attempt's), before the caller does. */
  onResponse?: ((response: Response) => void) | undefined;
}): FetchFunction {
  const { retry, timeoutMs } = options;
  const bare = options.bareRequests === true;
  // only the global fetch: an injected fetch always gets the Request its contract promises
  const sendsBare = bare && options.fetch === undefined;

  async function attempt(request: Request): Promise<Response> {
    // a bare request's own signal can never abort: nothing needs to listen to it
    const callerSignal = bare ? undefined : request.signal;
    callerSignal?.throwIfAborted();
    const asUrlAndInit = sendsBare && request.body === null;
    // the signal that ends this attempt: none when nothing can abort it
    let signal = callerSignal;
    let timedOut = false;
    let cleanup = () => {};
    // without a timeout the caller's signal is enough, and the response streams as fetch gave it
    if (timeoutMs !== undefined) {
      const controller = new AbortController();
      const abort = () => controller.abort(callerSignal?.reason);
      callerSignal?.addEventListener("abort", abort, { once: true });
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(timeoutError(request, timeoutMs));
      }, timeoutMs);
      cleanup = () => {
        clearTimeout(timer);
        callerSignal?.removeEventListener("abort", abort);
      };
      signal = controller.signal;
      // a URL and init are sent with this signal below; a Request must carry it
      if (!asUrlAndInit) request = new Request(request, { signal });
    }
    try {
      const sent = asUrlAndInit ? fetchBare(request, signal) : (options.fetch ?? globalThis.fetch)(request);
      const response = signal === undefined ? await sent : await raceAbort(sent, signal);
      options.onResponse?.(response);
      if (signal === undefined || timeoutMs === undefined) return response;
      // buffering inside the timer makes a stalled body time out too; API responses are small JSON
      const body = nullBodyStatuses.has(response.status)
        ? null
        : await raceAbort(response.arrayBuffer(), signal);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (timedOut && timeoutMs !== undefined) throw timeoutError(request, timeoutMs);
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (error instanceof SessionsApiConnectionError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SessionsApiConnectionError(`${request.method} ${request.url} failed: ${reason}`, {
        cause: error,
      });
    } finally {
      cleanup();
    }
  }

  return async function send(request: Request): Promise<Response> {
    // a sandbox write is retried with the one key all its attempts send
    if (
      retry !== false &&
      isSandboxWrite(request, options.baseUrl) &&
      !request.headers.has(IDEMPOTENCY_KEY_HEADER)
    ) {
      request.headers.set(IDEMPOTENCY_KEY_HEADER, crypto.randomUUID());
    }
    const keyed = request.headers.has(IDEMPOTENCY_KEY_HEADER);
    const policy = retry !== false && (idempotentMethods.has(request.method) || keyed) ? retry : false;
    if (policy === false) return attempt(request);
    const started = Date.now();
    for (let attemptNumber = 1; ; attemptNumber++) {
      const last = attemptNumber >= policy.maxAttempts;
      let response: Response | undefined;
      let failure: unknown;
      try {
        // a request with a body is cloned, so that the original stays unread for the next attempt
        response = await attempt(last || request.body === null ? request : request.clone());
        const retriable =
          response.status === 429 || response.status >= 500 || (keyed && response.status === 409);
        if (last || !retriable) return response;
      } catch (error) {
        if (last || !(error instanceof SessionsApiConnectionError)) throw error;
        failure = error;
      }
      const retryAfter = response ? parseRetryAfter(response.headers.get("retry-after"), Date.now()) : null;
      const delay = retryAfter ?? backoff(policy, attemptNumber);
      if (Date.now() - started + delay > policy.maxElapsedMs) {
        if (response) return response;
        throw failure;
      }
      // frees the connection of a response that nobody will read
      response?.body?.cancel().catch(() => {});
      await sleep(delay, bare ? undefined : request.signal);
    }
  };
}

function backoff(policy: Required<RetryOptions>, retryNumber: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retryNumber - 1));
  // "equal jitter": spreads clients apart without ever retrying at once
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

// an injected fetch may ignore the signal: the abort must still win
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function timeoutError(request: { method: string; url: string }, timeoutMs: number): SessionsApiTimeoutError {
  return new SessionsApiTimeoutError(
    `${request.method} ${request.url} timed out after ${timeoutMs} ms.`,
    timeoutMs,
  );
}

function stripUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
