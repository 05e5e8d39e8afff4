/**
 * What the resource layer shares: the per-call options and turning openapi-fetch's
 * `{ data, error, response }` into a value or a thrown `SessionsApiError`.
 *
 * @example
 * const detail = await unwrap(context.raw.GET("/v1/{product}/sessions/{id}", { params, ...callInit(context, options) }));
 */

import type { paths } from "@sessions-api/openapi";
import type { Client } from "openapi-fetch";
import { SessionsApiError } from "./errors.js";
import {
  checkTimeout,
  createTransport,
  type FetchFunction,
  type RetryOptions,
  type RetryPolicy,
  resolveRetryOptions,
} from "./transport.js";

/**
 * Options of one call of the resource layer. `timeoutMs` and `retry` override the client's for this call.
 *
 * @example
 * const controller = new AbortController();
 * await client.gateway.sessions.get("residential", id, { signal: controller.signal, timeoutMs: 2_000, retry: false });
 */
export interface CallOptions {
  /** Aborts the call, including any backoff wait; the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds for this call. */
  timeoutMs?: number;
  /** Retry options for this call (merged over the client's), or `false` for none. */
  retry?: RetryOptions | false;
}

/**
 * Options of an auto-paging list: the call options of every page request, and a cap on items.
 *
 * @example
 * const newest = await client.app.sessions.list({}, { maxItems: 10 }).toArray();
 */
export interface ListOptions extends CallOptions {
  /** Stop after this many items; no page is fetched past it. Default: no cap. */
  maxItems?: number;
}

/**
 * The client state every resource call needs.
 *
 * @internal
 * @example
 * const context: ClientContext = { raw, sendBare, fetch: undefined, retry: false, timeoutMs: undefined, baseUrl, hasMiddleware: () => false, onResponse: () => {} };
 */
export interface ClientContext {
  raw: Client<paths>;
  /** Whether a middleware was ever registered on `raw`: it may then change any request. */
  hasMiddleware: () => boolean;
  /** The client's transport for bare requests (see `createTransport`'s `bareRequests`). */
  sendBare: FetchFunction;
  fetch: FetchFunction | undefined;
  retry: RetryPolicy;
  timeoutMs: number | undefined;
  baseUrl: URL;
  /** Sees every response, for the client's last-seen rate-limit state. */
  onResponse: (response: Response) => void;
}

/**
 * The openapi-fetch request options that carry a call's options: its signal, and the transport to send
 * it with. A call without a signal, while no middleware is registered, is bare (see `createTransport`);
 * a call that overrides the timeout or retries gets a transport of its own.
 *
 * @internal
 * @example
 * await context.raw.GET("/app/sessions", { ...callInit(context, { timeoutMs: 1_000 }) });
 */
export function callInit(
  context: ClientContext,
  options: CallOptions | undefined,
): { signal?: AbortSignal; fetch?: FetchFunction } {
  const init: { signal?: AbortSignal; fetch?: FetchFunction } = {};
  if (options?.signal !== undefined) {
    if (!(options.signal instanceof AbortSignal)) throw new TypeError("signal must be an AbortSignal.");
    init.signal = options.signal;
  }
  const bareRequests = init.signal === undefined && !context.hasMiddleware();
  if (options?.timeoutMs !== undefined || options?.retry !== undefined) {
    init.fetch = createTransport({
      fetch: context.fetch,
      retry:
        options.retry === undefined
          ? context.retry
          : resolveRetryOptions(options.retry, context.retry || undefined),
      timeoutMs: options.timeoutMs === undefined ? context.timeoutMs : checkTimeout(options.timeoutMs),
      bareRequests,
      baseUrl: context.baseUrl,
      onResponse: context.onResponse,
    });
  } else if (bareRequests) {
    init.fetch = context.sendBare;
  }
  return init;
}

/**
 * Checks an id argument before it goes into a path.
 *
 * @internal
 * @throws {TypeError} when it is not a non-empty string.
 * @example
 * checkId("ses_01HX2K3PQ4M5", "A session id");
 */
export function checkId(id: string, what: string): string {
  if (typeof id !== "string" || id === "")
    throw new TypeError(`${what} must be a non-empty string; got ${String(id)}.`);
  return id;
}

/**
 * Resolves to the data of a successful response, or throws the `SessionsApiError` of an error response.
 *
 * @internal
 * @example
 * const page = await unwrap(raw.GET("/app/sessions"));
 */
export async function unwrap<T>(
  result: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await result;
  if (!response.ok) throw SessionsApiError.fromResponse(response, error);
  return data as T;
}
