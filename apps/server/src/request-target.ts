/**
 * What a request may name, checked on the request line as sent: over HTTP before the Node adapter builds
 * the request's URL (that URL resolves `.` and `..` segments, encoded or not, so
 * `/app/sessions/%2e%2e/%2e%2e/sandbox/clock/advance` would run the clock's operation), and in the app
 * for what survives the URL (a trailing slash, which the router would ignore). A path that names no
 * documented path is `404 not_found` in the error body of the family its first segments belong to.
 *
 * @example
 * const server = createServer(guardRequestTargets(getRequestListener(app.fetch), { logger }));
 * app.use(refuseTrailingSlashes(["/docs/"]));
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import { buildErrorAnswer, writeErrorAnswer } from "./error-answer.js";
import { ApiError } from "./errors.js";
import type { Logger } from "./logger.js";

/** A request refused before the app: the path its answer is about (which picks the family) and why. */
export interface TargetRefusal {
  path: string;
  error: ApiError;
}

// a `.` or `..` segment, each dot as is or percent-encoded (`%2e`, `%2E`), as URL parsers resolve them
const dotSegment = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

// the path of a request target: origin-form (`/v1/...?q`) or absolute-form (`http://host/v1/...`)
function pathOfTarget(target: string): string | undefined {
  let path = target;
  if (!target.startsWith("/")) {
    const authority = /^https?:\/\/[^/?#]*/i.exec(target);
    if (authority === null) return undefined;
    path = target.slice(authority[0].length) || "/";
  }
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * Why the app must not see `req`, or undefined when it may.
 *
 * @example
 * checkRequestTarget(req); // { path: "/v1/residential/sessions/.", error: ApiError 404 not_found } for GET /v1/residential/sessions/.
 */
export function checkRequestTarget(req: IncomingMessage): TargetRefusal | undefined {
  const target = req.url ?? "";
  const path = pathOfTarget(target);
  if (path !== undefined && dotSegment.test(path)) {
    return { path, error: ApiError.routeNotFound(req.method ?? "GET", path) };
  }
  return undefined;
}

/**
 * A request listener that answers requests `checkRequestTarget` refuses itself, and passes the others
 * to `listener`.
 *
 * @example
 * createServer(guardRequestTargets(getRequestListener(app.fetch), { logger, logRequests: true }));
 */
export function guardRequestTargets(
  listener: RequestListener,
  options: { logger: Logger; logRequests?: boolean | undefined },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const refusal = checkRequestTarget(req);
    if (refusal === undefined) {
      listener(req, res);
      return;
    }
    const answer = buildErrorAnswer(refusal.path, refusal.error);
    writeErrorAnswer(res, answer);
    if (options.logRequests === true) {
      options.logger.info("request", {
        method: req.method,
        path: refusal.path,
        status: answer.status,
        request_id: answer.requestId,
      });
    }
  };
}

/**
 * Middleware: a path with a trailing slash (other than `/` and `except`) is `404 not_found`; the router
 * would otherwise answer it as the path without the slash.
 *
 * @example
 * app.use(refuseTrailingSlashes(["/docs/"]));
 */
export function refuseTrailingSlashes(except: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (path.length > 1 && path.endsWith("/") && !except.includes(path)) {
      throw ApiError.routeNotFound(c.req.method, path);
    }
    await next();
  };
}
