/**
 * The responses the API makes: a JSON body (or none) with `Content-Type`, the request's `X-Request-Id`, the
 * caller's `RateLimit` fields (once its key is known) and any headers of the operation, given as a plain object. The Node adapter writes such headers straight
 * into the response head; Hono's `c.header()`, or more than one header passed to `c.json()`, builds a
 * fetch `Headers` per response instead, which the adapter then copies out again (a tenth of a small GET's
 * CPU, measured with `pnpm bench`).
 *
 * @example
 * app.get("/v1/ping", (c) => jsonResponse(c, 200, { pong: true }));
 */
import type { Context } from "hono";
import { localizeError } from "./error-language.js";
import { type ApiError, errorBody, errorFamilyOf } from "./errors.js";
import { jsonBody } from "./json-text.js";
import type { AppEnv } from "./operation.js";

// marks the responses made here: the request-id middleware leaves these alone and stamps any other. A
// property of the response rather than a WeakSet of them: the young-generation collector keeps what a
// weak collection holds alive until the next full collection, and so kept every response's objects
const carriesId = Symbol("carries X-Request-Id");
type Stampable = Response & { [carriesId]?: true };

function stamp(response: Stampable): Response {
  response[carriesId] = true;
  return response;
}

/**
 * A response with `body` as JSON, or no body when it is undefined (204).
 *
 * @example
 * return jsonResponse(c, 429, errorBody, { "Retry-After": "3" });
 */
export function jsonResponse(
  c: Context<AppEnv>,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const requestId = c.get("requestId");
  // the caller's budget, once its key is known: on every answer to it, errors included
  const rateLimit = c.get("rateLimit");
  const response =
    body === undefined
      ? new Response(null, { status, headers: { "X-Request-Id": requestId, ...rateLimit, ...headers } })
      : new Response(jsonBody(body), {
          status,
          headers: {
            "Content-Type": "application/json",
            "X-Request-Id": requestId,
            ...rateLimit,
            ...headers,
          },
        });
  return stamp(response);
}

/**
 * The answer to an `ApiError`: the error body of the family the request's path belongs to, its message in
 * the language the request's `Accept-Language` asks for.
 *
 * @example
 * return errorResponse(c, ApiError.routeNotFound(c.req.method, c.req.path));
 */
export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const localized = localizeError(error, c.req.header("accept-language"));
  const body = errorBody(errorFamilyOf(c.req.path), localized.error, c.get("requestId"));
  return jsonResponse(c, error.status, body, { ...error.details.headers, ...localized.headers });
}

/**
 * A response made again from a kept answer (an idempotent replay): its headers, `X-Request-Id` included,
 * are the kept ones.
 *
 * @example
 * return keptResponse(201, '{"id":"as_..."}', { "Content-Type": "application/json", "X-Request-Id": "req_..." });
 */
export function keptResponse(status: number, body: string | null, headers: Record<string, string>): Response {
  const response = new Response(body, { status, headers });
  return stamp(response);
}

/** Whether `response` came from `jsonResponse`, and so carries the request id already. */
export function carriesRequestId(response: Response): boolean {
  return (response as Stampable)[carriesId] === true;
}
