/**
 * Error answers made outside the Hono app, by the protocol layer: for bytes Node's parser refuses, a
 * request target or `Host` that names nothing, a connection over the limit. They carry what every error
 * answer of the API carries: the error body of the family the path belongs to, `Content-Type` and
 * `X-Request-Id`; written raw on a socket, or on the response Node made for a request.
 *
 * @example
 * const answer = buildErrorAnswer("/app/sessions", ApiError.routeNotFound("GET", "/app/sessions/.."));
 * socket.end(formatRawAnswer(answer));
 */
import { type ServerResponse, STATUS_CODES } from "node:http";
import { type ApiError, type ErrorStatus, errorBody, errorFamilyOf } from "./errors.js";
import { newRequestId } from "./ids.js";

// `/%61pp` is `/app` to the router, which decodes what a path may spell either way (RFC 3986 2.3): so it
// is to the family of a request refused before the router saw it
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return /^[A-Za-z0-9._~-]$/.test(character) ? character : encoded;
  });
}

/** An error answer, ready to write. */
export interface ErrorAnswer {
  status: ErrorStatus;
  /** `Content-Type`, `Content-Length`, `X-Request-Id` and the error's own headers. */
  headers: Record<string, string>;
  /** The family's error body, as JSON. */
  body: string;
  requestId: string;
}

/**
 * The answer to `error` on `path` (the raw path of the request line, as sent; `/`, the gateway family,
 * when there is none).
 *
 * @example
 * buildErrorAnswer("/", new ApiError(503, "service_unavailable", "At the connection limit."));
 */
export function buildErrorAnswer(path: string, error: ApiError): ErrorAnswer {
  const requestId = newRequestId();
  const body = JSON.stringify(errorBody(errorFamilyOf(decodeUnreserved(path)), error, requestId));
  return {
    status: error.status,
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(body)),
      "X-Request-Id": requestId,
      ...error.details.headers,
    },
    body,
    requestId,
  };
}

/**
 * The bytes of `answer` as an HTTP/1.1 response after which the connection closes.
 *
 * @example
 * socket.end(formatRawAnswer(answer), () => socket.destroy());
 */
export function formatRawAnswer(answer: ErrorAnswer): string {
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
    `Date: ${new Date().toUTCString()}`,
  ];
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name.toLowerCase() !== "connection") head.push(`${name}: ${value}`);
  }
  head.push("Connection: close");
  return `${head.join("\r\n")}\r\n\r\n${answer.body}`;
}

/**
 * Writes `answer` on the response Node made for a request the app does not see.
 *
 * @example
 * writeErrorAnswer(res, buildErrorAnswer(path, ApiError.routeNotFound(req.method, path)));
 */
export function writeErrorAnswer(res: ServerResponse, answer: ErrorAnswer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}
