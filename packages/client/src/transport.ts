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
 * timeout, a `429` or a `5xx`. POST is never retried. Pass `retry: false` to turn retries off.
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

const initOfRequest = Symbol("sessions-api.init");

/**
 * The `Request` class openapi-fetch builds the client's requests with. Each one keeps the URL string and
 * init it was made from, so that the transport can hand the global `fetch` those instead of the Request:
 * undici's `fetch` copies a Request it is given, and the copy follows the original's abort signal (a
 * listener and a finalization registration per call: a Request built from a URL costs ~4 µs on this
 * machine kind, one built from a Request ~9 µs more, and the garbage shows up again in GC).
 *
 * @internal
 * @example
 * const raw = createClient<paths>({ baseUrl, Request: SessionsRequest, fetch: createTransport(options) });
 */
export class SessionsRequest extends Request {
  readonly [initOfRequest]: RequestInit | undefined;

  // openapi-fetch checks what an onRequest middleware returns with `instanceof` this class: any Request
  // a middleware builds must pass, as it does with openapi-fetch's default class
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Request;
  }

  constructor(input: string | URL | Request, init?: RequestInit) {
    super(input, init);
    // openapi-fetch passes a URL string and a plain init; anything else is sent as the Request itself
    this[initOfRequest] = typeof input === "string" && !(init instanceof Request) ? init : undefined;
  }
}

/**
 * A request of the resource layer as openapi-fetch builds it when no middleware is registered, so that
 * nothing but the transport ever sees it: the URL and init, not yet a `Request`. The global `fetch` builds
 * a Request of its own from a URL and init, so one built beforehand is pure cost: ~6.5 µs on this machine
 * kind, most of it the AbortSignal every Request gets, then its garbage (a tenth of a get over loopback).
 * The transport builds the Request only where one is needed: for an injected `fetch`, whose contract
 * promises one, and for a request with a body, which a retry clones.
 *
 * @internal
 * @example
 * await raw.GET("/v1/{product}/sessions/{id}", { params, Request: RequestParts as typeof Request });
 */
export class RequestParts {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: NonNullable<RequestInit["body"]> | null;
  /** The caller's signal: undefined when nothing can abort the call. */
  readonly signal: AbortSignal | undefined;
  /** The init to send with the URL, with the headers above. */
  readonly init: RequestInit;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
    this.init = { ...init, headers: this.headers };
  }

  /** The `Request` these parts describe. */
  toRequest(): Request {
    return new SessionsRequest(this.url, this.init);
  }
}

/**
 * The init to send `request` with as `fetch(request.url, init)`, when that is the same request: one the
 * client built from a URL, with no body (GET and DELETE: a body would turn from a string into a stream)
 * and no caller's signal (its own signal then never aborts, so there is nothing to pass on). Headers are
 * read from the request, which middleware may have changed. Otherwise undefined: send the Request itself.
 */
function initToSend(request: Request): RequestInit | undefined {
  if (!(initOfRequest in request) || request.body !== null) return undefined;
  const init = (request as SessionsRequest)[initOfRequest];
  if (init === undefined || (init.signal !== undefined && init.signal !== null)) return undefined;
  return { ...init, headers: request.headers };
}

/**
 * The signal that can abort `request`: undefined for a request the client built without a caller's
 * signal, whose own signal never aborts (nothing then needs to listen to it).
 */
function callerSignalOf(request: Request | RequestParts): AbortSignal | undefined {
  if (request instanceof RequestParts) return request.signal;
  const init = initOfRequest in request ? (request as SessionsRequest)[initOfRequest] : undefined;
  return init !== undefined && (init.signal === undefined || init.signal === null)
    ? undefined
    : request.signal;
}

const idempotentMethods = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
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
}): FetchFunction {
  const { retry, timeoutMs } = options;

  async function attempt(request: Request | RequestParts): Promise<Response> {
    const callerSignal = callerSignalOf(request);
    callerSignal?.throwIfAborted();
    // the global fetch gets the URL and init when they say the same (see RequestParts, SessionsRequest);
    // an injected fetch always gets the Request its contract promises (send builds it)
    const init =
      request instanceof RequestParts
        ? request.init
        : options.fetch === undefined
          ? initToSend(request)
          : undefined;
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
      if (init === undefined) request = new Request(request as Request, { signal });
    }
    try {
      // without an init to send, the request is a Request (RequestParts always has one)
      const sent =
        init === undefined
          ? (options.fetch ?? globalThis.fetch)(request as Request)
          : globalThis.fetch(request.url, { ...init, signal });
      const response = signal === undefined ? await sent : await raceAbort(sent, signal);
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

  return async function send(input: Request | RequestParts): Promise<Response> {
    const request =
      input instanceof RequestParts && (options.fetch !== undefined || input.body !== null)
        ? input.toRequest()
        : input;
    const policy = retry !== false && idempotentMethods.has(request.method) ? retry : false;
    if (policy === false) return attempt(request);
    const started = Date.now();
    for (let attemptNumber = 1; ; attemptNumber++) {
      const last = attemptNumber >= policy.maxAttempts;
      let response: Response | undefined;
      let failure: unknown;
      try {
        // a request with a body is cloned, so that the original stays unread for the next attempt
        response = await attempt(
          last || request instanceof RequestParts || request.body === null ? request : request.clone(),
        );
        if (last || !(response.status === 429 || response.status >= 500)) return response;
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
      await sleep(delay, callerSignalOf(request));
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
