/**
 * What a request line and `Host` may be, checked as sent. Over HTTP, before the Node adapter builds the
 * request's URL: that URL resolves `.` and `..` segments, encoded or not (so
 * `/app/sessions/%2e%2e/%2e%2e/sandbox/clock/advance` would run the clock's operation), and the adapter
 * answers a target or `Host` it cannot build one from (`*`, `host:443`, `Host: a b`) with an empty 400.
 * In the app, for what survives the URL: a trailing slash, which the router would ignore. A path that
 * names no documented path is `404 not_found`, a target or `Host` that cannot be read `400
 * malformed_request`, each in the error body of the family of the path's first segments.
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

// a host name or IPv4 address (RFC 3986 unreserved characters) or a bracketed IPv6 address, and a port
const hostSyntax = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._~-]+)(?::(\d{1,5}))?$/i;

// most requests repeat the Host of the one before: it is checked once
let lastValidHost = "";

/**
 * The path of a request target: origin-form (`/v1/...?q`) or absolute-form (`http://host/v1/...`);
 * undefined for any other form (`*`, `host:443`).
 *
 * @example
 * pathOfTarget("http://127.0.0.1:8080/app/sessions?limit=2"); // "/app/sessions"
 */
export function pathOfTarget(target: string): string | undefined {
  let path = target;
  if (!target.startsWith("/")) {
    const authority = /^https?:\/\/[^/?#]*/i.exec(target);
    if (authority === null || !URL.canParse(target)) return undefined;
    path = target.slice(authority[0].length) || "/";
  }
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

// what is wrong with a Host (RFC 9112 3.2: one, valid, required in HTTP/1.1), or undefined
function describeHostProblem(req: IncomingMessage): string | undefined {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.length === 4 && req.rawHeaders[i]?.toLowerCase() === "host") count += 1;
  }
  if (count > 1) return "The request has more than one Host header; send one.";
  const host = req.headers.host;
  if (host === undefined) {
    return req.httpVersion === "1.0"
      ? undefined
      : "An HTTP/1.1 request needs a Host header naming the server.";
  }
  if (host === lastValidHost) return undefined;
  const syntax = hostSyntax.exec(host);
  let parsed: URL | undefined;
  try {
    parsed = syntax === null || Number(syntax[1] ?? 0) > 65535 ? undefined : new URL(`http://${host}/`);
  } catch {
    parsed = undefined;
  }
  // the URL built from it must name the host as written (case aside): `127.1` would become 127.0.0.1
  const name = syntax?.[1] === undefined ? host : host.slice(0, host.length - syntax[1].length - 1);
  if (parsed === undefined || parsed.hostname !== name.toLowerCase()) {
    return `The Host header must be a host name or IP address with an optional port (0-65535), such as api.example.com:443; got ${JSON.stringify(host)}.`;
  }
  lastValidHost = host;
  return undefined;
}

const malformed = (message: string) =>
  new ApiError(400, "malformed_request", message, { headers: { Connection: "close" } });

/**
 * Why the app must not see `req`, or undefined when it may.
 *
 * @example
 * checkRequestTarget(req); // { path: "/v1/residential/sessions/.", error: ApiError 404 not_found } for GET /v1/residential/sessions/.
 */
export function checkRequestTarget(req: IncomingMessage): TargetRefusal | undefined {
  const target = req.url ?? "";
  const path = pathOfTarget(target);
  if (path === undefined) {
    const message = `The request target must be a path, such as /v1/residential/sessions, or an absolute http(s) URL; got ${JSON.stringify(target)}.`;
    return { path: "/", error: malformed(message) };
  }
  const hostProblem = describeHostProblem(req);
  if (hostProblem !== undefined) return { path, error: malformed(hostProblem) };
  // URL parsers read a backslash as a slash: the path would not be the one sent. Anywhere before the
  // query, a fragment included (`/app/sessions/#\\`), as the request listener refuses it too
  const beforeQuery = target.split("?", 1)[0] ?? "";
  if (beforeQuery.includes("\\")) {
    const message = `The path must not contain a backslash; got ${JSON.stringify(beforeQuery)}.`;
    return { path, error: malformed(message) };
  }
  if (dotSegment.test(path)) return { path, error: ApiError.routeNotFound(req.method ?? "GET", path) };
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
