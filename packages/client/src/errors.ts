/**
 * The errors of the resource layer: one class hierarchy for both error bodies of the API (`GatewayError`
 * of `/v1` and the sandbox, `AppError` of `/app`). Every HTTP error is a `SessionsApiError`; its subclass
 * names the error code, so `instanceof` and `switch (error.code)` both work. A request that got no
 * response at all is a `SessionsApiConnectionError` (or its `SessionsApiTimeoutError`).
 *
 * @example
 * import { SessionNotFoundError, SessionsApiError } from "@sessions-api/client";
 * try {
 *   await client.gateway.sessions.get("residential", "ses_01HX2K3PQ4M5");
 * } catch (error) {
 *   if (error instanceof SessionNotFoundError) console.log("expired or never existed");
 *   else if (error instanceof SessionsApiError) console.log(error.status, error.code, error.requestId);
 *   else throw error;
 * }
 */
import type { AppError, GatewayError, GatewayErrorCode, UsernameViolation } from "@sessions-api/openapi";
import { parseRateLimit, type RateLimitState } from "./rate-limit.js";

/**
 * Error codes of the application-sessions family (`AppError.error_code`), as the spec defines them.
 *
 * @example
 * const code: AppErrorCode = "ERR_NOT_FOUND";
 */
export type AppErrorCode = AppError["error_code"];

/**
 * Every error code of the API: the gateway family's and the application-sessions family's.
 *
 * @example
 * function isRetryable(code: SessionsApiErrorCode | null) {
 *   return code === "rate_limited" || code === "ERR_RATE_LIMITED";
 * }
 */
export type SessionsApiErrorCode = GatewayErrorCode | AppErrorCode;

/**
 * The two error bodies of the API, as on the wire.
 *
 * @example
 * if (error.body && "error" in error.body) console.log(error.body.error.param);
 */
export type SessionsApiErrorBody = GatewayError | AppError;

/**
 * What every `SessionsApiError` is built from.
 *
 * @example
 * new SessionsApiError({ status: 502, code: null, message: "Bad gateway", requestId: null, param: null, body: null, headers: new Headers() });
 */
export interface SessionsApiErrorInit {
  status: number;
  code: SessionsApiErrorCode | null;
  message: string;
  requestId: string | null;
  param: string | null;
  body: SessionsApiErrorBody | null;
  headers: Headers;
}

/**
 * An HTTP error response of the Sessions API (status 4xx or 5xx), whichever of the two error bodies it
 * came in. Subclasses name the error codes; an error body that is neither of the API's (a proxy's HTML
 * page, say) gives a plain `SessionsApiError` (or the subclass its status implies) with `code: null`.
 *
 * @example
 * try {
 *   await client.app.sessions.delete("as_01HX2M8Q7V3ZKJ4T6W9YB2C5DE");
 * } catch (error) {
 *   if (error instanceof SessionsApiError) console.error(`${error.status} ${error.code}: ${error.message} (${error.requestId})`);
 * }
 */
export class SessionsApiError extends Error {
  override name = "SessionsApiError";
  /** The HTTP status of the response. */
  readonly status: number;
  /** The machine-readable code from the body, or `null` when the body is not one of the API's error bodies. */
  readonly code: SessionsApiErrorCode | null;
  /** The request id to quote to support: from the body, else from the `X-Request-Id` header. */
  readonly requestId: string | null;
  /** The parameter or body field at fault, when the API names one (400 errors). */
  readonly param: string | null;
  /** The parsed error body as on the wire, or `null` when it is not one of the API's error bodies. */
  readonly body: SessionsApiErrorBody | null;
  /** The response headers. */
  readonly headers: Headers;
  /** The API key's budget as this response told it (`RateLimit` headers); null when it told none. */
  readonly rateLimit: RateLimitState | null;

  constructor(init: SessionsApiErrorInit) {
    super(init.message);
    this.rateLimit = parseRateLimit(init.headers);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.param = init.param;
    this.body = init.body;
    this.headers = init.headers;
  }

  /**
   * Builds the error for an error response, choosing the subclass from the code in its body (else from
   * its status). `body` is the parsed body, as openapi-fetch returns it in `error`. Useful with the raw
   * client, whose calls return errors instead of throwing them.
   *
   * @example
   * const { data, error, response } = await client.raw.GET("/sandbox/clock");
   * if (!response.ok) throw SessionsApiError.fromResponse(response, error);
   */
  static fromResponse(response: Response, body: unknown): SessionsApiError {
    const headerRequestId = response.headers.get("x-request-id");
    let init: SessionsApiErrorInit;
    if (isGatewayError(body)) {
      const { code, message, request_id, param } = body.error;
      init = { code, message, requestId: request_id, param: param ?? null, body } as SessionsApiErrorInit;
    } else if (isAppError(body)) {
      const { error_code, msg, details } = body;
      const param = typeof details.param === "string" ? details.param : null;
      init = {
        code: error_code,
        message: msg,
        requestId: details.operation_id,
        param,
        body,
      } as SessionsApiErrorInit;
    } else {
      const text = typeof body === "string" ? body.trim().slice(0, 200) : "";
      const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${text ? `: ${text}` : ""}`;
      init = {
        code: null,
        message,
        requestId: headerRequestId,
        param: null,
        body: null,
      } as SessionsApiErrorInit;
    }
    init.status = response.status;
    init.headers = response.headers;
    init.requestId ??= headerRequestId;
    const ErrorClass =
      (init.code && refineByStatus(init.code, response.status)) ||
      (init.code && classByCode[init.code]) ||
      classByStatus[response.status] ||
      SessionsApiError;
    return new ErrorClass(init);
  }
}

/**
 * `400 invalid_parameter` / `ERR_INVALID_PARAMETER`: a path or query parameter is malformed or out of
 * range (an unknown or foreign cursor, too large a `limit`); `param` names it.
 *
 * @example
 * catch (error) { if (error instanceof InvalidParameterError) console.error(`bad ${error.param}`); }
 */
export class InvalidParameterError extends SessionsApiError {
  override name = "InvalidParameterError";
}

/**
 * `400 invalid_request_body` / `ERR_INVALID_REQUEST_BODY`: a request body is malformed or breaks its
 * schema (sandbox operations); `param` names the field.
 *
 * @example
 * catch (error) { if (error instanceof InvalidRequestBodyError) console.error(`bad field ${error.param}`); }
 */
export class InvalidRequestBodyError extends SessionsApiError {
  override name = "InvalidRequestBodyError";
}

/**
 * `400 invalid_username`: a proxy username breaks its grammar; `reason` names the rule.
 *
 * @example
 * catch (error) { if (error instanceof InvalidUsernameError) console.error(error.reason); // "sesstime_out_of_range" }
 */
export class InvalidUsernameError extends SessionsApiError {
  override name = "InvalidUsernameError";
  /** The grammar rule the username breaks, when the body names it. */
  readonly reason: UsernameViolation | null;

  constructor(init: SessionsApiErrorInit) {
    super(init);
    this.reason = init.body && "error" in init.body ? (init.body.error.reason ?? null) : null;
  }
}

/**
 * `401 unauthorized` / `ERR_UNAUTHORIZED`: the API key is missing or unknown; or, with `status` 403 (an
 * `ERR_UNAUTHORIZED` of the application-sessions family), the key's scope does not cover application
 * sessions.
 *
 * @example
 * catch (error) { if (error instanceof UnauthorizedError) console.error("check SESSIONS_API_KEY"); }
 */
export class UnauthorizedError extends SessionsApiError {
  override name = "UnauthorizedError";
}

/**
 * `403 subuser_scope_mismatch`: the key's account owns the sub-user, but the key's scope does not cover
 * this product or sub-user.
 *
 * @example
 * catch (error) { if (error instanceof SubuserScopeMismatchError) console.error("use a key scoped to this sub-user"); }
 */
export class SubuserScopeMismatchError extends SessionsApiError {
  override name = "SubuserScopeMismatchError";
}

/**
 * Any `404`: `not_found` (no such path), `ERR_NOT_FOUND` (no live application session with this id), and
 * the parent of the gateway's more precise 404 errors below.
 *
 * @example
 * catch (error) { if (error instanceof NotFoundError) return null; }
 */
export class NotFoundError extends SessionsApiError {
  override name = "NotFoundError";
}

/**
 * `404 session_not_found`: the gateway session expired, was purged or never existed (for this account
 * and product).
 *
 * @example
 * try {
 *   await client.gateway.sessions.get("residential", id);
 * } catch (error) {
 *   if (error instanceof SessionNotFoundError) console.log(`${id} is gone`);
 * }
 */
export class SessionNotFoundError extends NotFoundError {
  override name = "SessionNotFoundError";
}

/**
 * `404 product_has_no_sessions`: the product has no sessions (`isp`) or does not exist.
 *
 * @example
 * catch (error) { if (error instanceof ProductHasNoSessionsError) console.error("only residential and mobile have sessions"); }
 */
export class ProductHasNoSessionsError extends NotFoundError {
  override name = "ProductHasNoSessionsError";
}

/**
 * `404 subuser_not_found`: a code of the spec that servers no longer send (sub-user ids are per account,
 * so a username's sub-user is always the key's account's own); kept so that code handling it compiles.
 *
 * @example
 * catch (error) { if (error instanceof SubuserNotFoundError) console.error("not your sub-user"); }
 */
export class SubuserNotFoundError extends NotFoundError {
  override name = "SubuserNotFoundError";
}

/**
 * `405 method_not_allowed` / `ERR_METHOD_NOT_ALLOWED`: the path does not support the method; the
 * `Allow` header lists those it does.
 *
 * @example
 * catch (error) { if (error instanceof MethodNotAllowedError) console.error(error.headers.get("allow")); }
 */
export class MethodNotAllowedError extends SessionsApiError {
  override name = "MethodNotAllowedError";
}

/**
 * `malformed_request` / `ERR_MALFORMED_REQUEST`: the server could not read the request as HTTP/1.1, so
 * no operation ran: `400` (a broken header line or chunked body), `408` (it did not arrive in time) or
 * `431` (request line and headers over 16 KiB). Something between the client and the server (a proxy,
 * a custom `fetch`) changed the request, or a header is far too large.
 *
 * @example
 * catch (error) { if (error instanceof MalformedRequestError && error.status === 431) console.error("headers too large"); }
 */
export class MalformedRequestError extends SessionsApiError {
  override name = "MalformedRequestError";
}

/**
 * `429 rate_limited` / `ERR_RATE_LIMITED`: the API key's request budget is spent. Thrown once retries
 * (which honour `Retry-After`) are exhausted or disabled.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RateLimitedError) await new Promise((r) => setTimeout(r, (error.retryAfter ?? 1) * 1000));
 * }
 */
export class RateLimitedError extends SessionsApiError {
  override name = "RateLimitedError";
  /** Seconds to wait before the next request, from the `Retry-After` header; `null` when absent. */
  readonly retryAfter: number | null;

  constructor(init: SessionsApiErrorInit) {
    super(init);
    const ms = parseRetryAfter(init.headers.get("retry-after"), Date.now());
    this.retryAfter = ms === null ? null : Math.ceil(ms / 1000);
  }
}

/**
 * `500 internal_error` / `ERR_INTERNAL`: an unexpected server error; quote `requestId` to support.
 *
 * @example
 * catch (error) { if (error instanceof InternalServerError) console.error(`support id ${error.requestId}`); }
 */
export class InternalServerError extends SessionsApiError {
  override name = "InternalServerError";
}

/**
 * `503 service_unavailable` (`ERR_INTERNAL` with status 503 in the application family): the server
 * cannot reach its store, or holds its limit of connections; try again after the `Retry-After` header's
 * seconds.
 *
 * @example
 * catch (error) { if (error instanceof ServiceUnavailableError) scheduleRetryLater(); }
 */
export class ServiceUnavailableError extends SessionsApiError {
  override name = "ServiceUnavailableError";
}

/**
 * The request got no response: the connection failed (DNS, refused, reset) on every attempt. `cause`
 * holds what `fetch` threw.
 *
 * @example
 * catch (error) { if (error instanceof SessionsApiConnectionError) console.error(error.message, error.cause); }
 */
export class SessionsApiConnectionError extends Error {
  override name = "SessionsApiConnectionError";
}

/**
 * An attempt took longer than `timeoutMs` (on every attempt, for retried requests).
 *
 * @example
 * const client = createSessionsClient({ baseUrl, apiKey, timeoutMs: 5_000 });
 * try { await client.gateway.sessions.get("residential", id); }
 * catch (error) { if (error instanceof SessionsApiTimeoutError) console.error(`gave up after ${error.timeoutMs} ms`); }
 */
export class SessionsApiTimeoutError extends SessionsApiConnectionError {
  override name = "SessionsApiTimeoutError";

  constructor(
    message: string,
    /** The per-attempt timeout that elapsed, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(message);
  }
}

/**
 * `409 idempotency_key_in_use` / `ERR_CONFLICT`: a sandbox write with this `Idempotency-Key` is still
 * running. The client retries it after `Retry-After` (when retries are on) and throws this only once
 * they are spent; the retry then gets the first request's answer.
 *
 * @example
 * catch (error) { if (error instanceof IdempotencyKeyInUseError) console.error("the first request still runs"); }
 */
export class IdempotencyKeyInUseError extends SessionsApiError {
  override name = "IdempotencyKeyInUseError";
}

/**
 * `400 idempotency_key_reused`: this `Idempotency-Key` was sent with another request (method, path or
 * body); use a new key for a new write. An `InvalidParameterError` naming `Idempotency-Key`; the
 * application family says only `ERR_INVALID_PARAMETER` (an `InvalidParameterError` of that `param`).
 *
 * @example
 * catch (error) { if (error instanceof IdempotencyKeyReusedError) console.error("one key per write"); }
 */
export class IdempotencyKeyReusedError extends InvalidParameterError {
  override name = "IdempotencyKeyReusedError";
}

type ErrorClass = new (init: SessionsApiErrorInit) => SessionsApiError;

// a mapped type over the spec's codes: a code added to the spec fails to compile until it has a class here
const classByCode: { [Code in SessionsApiErrorCode]: ErrorClass } = {
  invalid_parameter: InvalidParameterError,
  invalid_request_body: InvalidRequestBodyError,
  invalid_username: InvalidUsernameError,
  unauthorized: UnauthorizedError,
  subuser_scope_mismatch: SubuserScopeMismatchError,
  session_not_found: SessionNotFoundError,
  product_has_no_sessions: ProductHasNoSessionsError,
  subuser_not_found: SubuserNotFoundError,
  not_found: NotFoundError,
  method_not_allowed: MethodNotAllowedError,
  malformed_request: MalformedRequestError,
  rate_limited: RateLimitedError,
  internal_error: InternalServerError,
  service_unavailable: ServiceUnavailableError,
  idempotency_key_in_use: IdempotencyKeyInUseError,
  idempotency_key_reused: IdempotencyKeyReusedError,
  ERR_INVALID_PARAMETER: InvalidParameterError,
  ERR_INVALID_REQUEST_BODY: InvalidRequestBodyError,
  ERR_UNAUTHORIZED: UnauthorizedError,
  ERR_NOT_FOUND: NotFoundError,
  ERR_METHOD_NOT_ALLOWED: MethodNotAllowedError,
  ERR_MALFORMED_REQUEST: MalformedRequestError,
  ERR_RATE_LIMITED: RateLimitedError,
  ERR_INTERNAL: InternalServerError,
  ERR_CONFLICT: IdempotencyKeyInUseError,
};

// the application family's ERR_INTERNAL stands for 500 and 503 alike (its codes are another API's): the
// status tells which
function refineByStatus(code: SessionsApiErrorCode, status: number): ErrorClass | undefined {
  return code === "ERR_INTERNAL" && status === 503 ? ServiceUnavailableError : undefined;
}

// for bodies that are not the API's (a load balancer's page): the status still says something useful
const classByStatus: Partial<Record<number, ErrorClass>> = {
  401: UnauthorizedError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  408: MalformedRequestError,
  409: IdempotencyKeyInUseError,
  429: RateLimitedError,
  431: MalformedRequestError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function isGatewayError(body: unknown): body is GatewayError {
  if (!isObject(body) || !isObject(body.error)) return false;
  const { code, message, request_id } = body.error;
  return hasOwn(classByCode, code) && typeof message === "string" && typeof request_id === "string";
}

function isAppError(body: unknown): body is AppError {
  if (!isObject(body) || !isObject(body.details)) return false;
  const { error_code, msg, details } = body;
  return (
    hasOwn(classByCode, error_code) && typeof msg === "string" && typeof details.operation_id === "string"
  );
}

const hasOwn = (object: object, key: unknown): boolean =>
  typeof key === "string" && Object.hasOwn(object, key);

/**
 * Milliseconds to wait according to a `Retry-After` header value (seconds or an HTTP date), or `null`
 * when the value is absent or unreadable.
 *
 * @internal
 * @example
 * parseRetryAfter("3", Date.now()); // 3000
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
