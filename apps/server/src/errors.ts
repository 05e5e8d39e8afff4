/**
 * The one error type of the server. Handlers and middleware throw `ApiError` with an HTTP status and a
 * gateway-family code; `app.onError` turns it into the body of the family the path belongs to
 * (`GatewayError` for `/v1`, `/sandbox/v1`, `/sandbox/clock` and the service paths, `AppError` for `/app`
 * and `/sandbox/app`).
 *
 * @example
 * throw ApiError.invalidParameter("limit", "limit must be an integer from 1 to 200; got 500.");
 */
import type { AppError, GatewayError, GatewayErrorCode, UsernameViolation } from "@sessions-api/openapi";

/**
 * How long a client is told to wait (`Retry-After`, seconds) when the store cannot be reached: the pool
 * connects again on the next request, and a restarting database takes seconds to come back.
 */
export const STORE_RETRY_AFTER_SECONDS = 2;

/** The error body shapes of the two families. */
export type ErrorFamily = "gateway" | "app";

/** Every status an error response of the spec can carry. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 429 | 431 | 500 | 503;

type AppErrorCode = AppError["error_code"];

// the application family is wire-compatible with another API, whose codes are coarser
const appCodeOf: Record<GatewayErrorCode, AppErrorCode> = {
  invalid_parameter: "ERR_INVALID_PARAMETER",
  invalid_request_body: "ERR_INVALID_REQUEST_BODY",
  invalid_username: "ERR_INVALID_REQUEST_BODY",
  unauthorized: "ERR_UNAUTHORIZED",
  subuser_scope_mismatch: "ERR_UNAUTHORIZED",
  session_not_found: "ERR_NOT_FOUND",
  product_has_no_sessions: "ERR_NOT_FOUND",
  subuser_not_found: "ERR_NOT_FOUND",
  not_found: "ERR_NOT_FOUND",
  method_not_allowed: "ERR_METHOD_NOT_ALLOWED",
  malformed_request: "ERR_MALFORMED_REQUEST",
  rate_limited: "ERR_RATE_LIMITED",
  internal_error: "ERR_INTERNAL",
  service_unavailable: "ERR_INTERNAL",
  idempotency_key_in_use: "ERR_CONFLICT",
  // with details.param Idempotency-Key
  idempotency_key_reused: "ERR_INVALID_PARAMETER",
};

export interface ApiErrorDetails {
  /** The parameter or body field at fault (400 errors). */
  param?: string;
  /** The username rule broken (`invalid_username`). */
  reason?: UsernameViolation;
  /** Response headers the error needs (`Allow`, `Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * An error with a documented status and code, safe to show to the client.
 *
 * @example
 * throw new ApiError(404, "session_not_found", "No session ses_01HX2K3PQ4M5: it expired or never existed.");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: ErrorStatus,
    readonly code: GatewayErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
  }

  /** A malformed or out-of-range path or query parameter. */
  static invalidParameter(param: string, message: string): ApiError {
    return new ApiError(400, "invalid_parameter", message, { param });
  }

  /** A JSON body that is missing, malformed or breaks its schema. */
  static invalidBody(message: string, param?: string): ApiError {
    return new ApiError(400, "invalid_request_body", message, param === undefined ? {} : { param });
  }

  /** A missing or unknown API key. */
  static unauthorized(message: string): ApiError {
    return new ApiError(401, "unauthorized", message, {
      headers: { "WWW-Authenticate": 'Bearer realm="sessions-api"' },
    });
  }

  /** The key's scope does not cover this product or sub-user. */
  static scopeMismatch(product: string, subuser?: string): ApiError {
    const what = subuser === undefined ? `${product} sessions` : `${product} sessions of sub-user ${subuser}`;
    return new ApiError(403, "subuser_scope_mismatch", `This API key's scope does not cover ${what}.`);
  }

  /** A product without sessions (`isp`, or no product at all). */
  static productHasNoSessions(product: string): ApiError {
    const message =
      product === "isp"
        ? "The isp product has no sessions: every ISP IP is itself permanent, so there is no transient session state."
        : `The ${product} product has no sessions: only residential and mobile have sticky sessions.`;
    return new ApiError(404, "product_has_no_sessions", message);
  }

  /** The store cannot be reached (a database outage): the request may be tried again later. */
  static storeUnavailable(): ApiError {
    return new ApiError(
      503,
      "service_unavailable",
      `The session store cannot be reached; try again in ${STORE_RETRY_AFTER_SECONDS} s.`,
      { headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) } },
    );
  }

  /** The instance cannot take traffic yet (`/readyz`): `reason` says why. */
  static notReady(reason: string): ApiError {
    return new ApiError(503, "service_unavailable", `Not ready: ${reason}`, {
      headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) },
    });
  }

  /** The embedded store has failed (`/healthz`): only a restart brings it back. */
  static embeddedStoreFailed(): ApiError {
    return new ApiError(
      503,
      "service_unavailable",
      "The embedded store (PGlite) has failed and does not recover by itself: restart the server.",
      { headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) } },
    );
  }

  /** An unknown path. */
  static routeNotFound(method: string, path: string): ApiError {
    return new ApiError(404, "not_found", `No route ${method} ${path}.`);
  }

  /** A known path asked with a method it does not support. */
  static methodNotAllowed(method: string, path: string, allow: readonly string[]): ApiError {
    return new ApiError(
      405,
      "method_not_allowed",
      `${path} does not support ${method}; use ${allow.join(", ")}.`,
      {
        headers: { Allow: allow.join(", ") },
      },
    );
  }
}

/**
 * Which family's error body a path answers with.
 *
 * @example
 * errorFamilyOf("/sandbox/app/sessions"); // "app"
 */
export function errorFamilyOf(path: string): ErrorFamily {
  const isUnder = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return isUnder("/app") || isUnder("/sandbox/app") ? "app" : "gateway";
}

/**
 * The documented body of an error in a family.
 *
 * @example
 * errorBody("app", ApiError.routeNotFound("GET", "/app/nope"), "req_01HX2K9ZQ3V8R5T7W2Y4B6C8DE");
 * // { error_code: "ERR_NOT_FOUND", status_code: 404, msg: "No route GET /app/nope.", details: { operation_id: "req_..." } }
 */
export function errorBody(family: ErrorFamily, error: ApiError, requestId: string): GatewayError | AppError {
  if (family === "app") {
    const details: AppError["details"] = { operation_id: requestId };
    if (error.details.param !== undefined) details.param = error.details.param;
    if (error.details.reason !== undefined) details.reason = error.details.reason;
    return { error_code: appCodeOf[error.code], status_code: error.status, msg: error.message, details };
  }
  const body: GatewayError = { error: { code: error.code, message: error.message, request_id: requestId } };
  if (error.details.param !== undefined) body.error.param = error.details.param;
  if (error.details.reason !== undefined) body.error.reason = error.details.reason;
  return body;
}
