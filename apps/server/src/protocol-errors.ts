/**
 * Answers requests that never become a request: bytes Node's HTTP parser refuses (a broken header line
 * or chunked body, a request line and headers past `http.maxHeaderSize`) and requests that do not arrive
 * in time. Node would write a bare `400`, `431` or `408` with no body and no request id; the spec promises
 * every 4xx the family's error body and an `X-Request-Id`, so they get `malformed_request`
 * (`ERR_MALFORMED_REQUEST`) like any other error, and the connection is closed, as Node closes it.
 *
 * @example
 * answerMalformedRequests(httpServer, { logger, logRequests: true });
 */
import { maxHeaderSize, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { ApiError, type ErrorStatus, errorBody, errorFamilyOf } from "./errors.js";
import { newRequestId } from "./ids.js";
import type { Logger } from "./logger.js";

/** How long a request may take to arrive: its headers, and the whole of it (Node's defaults, kept so). */
export const REQUEST_TIMEOUTS_MS = { headers: 60_000, request: 300_000 } as const;

interface ParserError extends Error {
  code?: string;
  reason?: string;
  /** The bytes the parser had when it gave up (parse errors only). */
  rawPacket?: Buffer;
}

// the parts of Node's socket this reads: the response in flight on it, if any (undocumented, but it is
// what Node's own answer checks, so as not to write into a response that has begun)
type HttpSocket = Socket & { _httpMessage?: ServerResponse | null };

function statusOf(error: ParserError): ErrorStatus {
  if (error.code === "HPE_HEADER_OVERFLOW") return 431;
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  return 400;
}

function messageOf(status: ErrorStatus, error: ParserError, server: Server): string {
  if (status === 431) return `The request line and headers are larger than ${maxHeaderSize} bytes.`;
  if (status === 408) {
    return `The request did not arrive in time: its headers within ${server.headersTimeout / 1000} s, all of it within ${server.requestTimeout / 1000} s.`;
  }
  if (error.code === "HPE_PAUSED_H2_UPGRADE")
    return "The server speaks HTTP/1.1 only, not HTTP/2 without TLS.";
  const reason = typeof error.reason === "string" && error.reason !== "" ? `: ${error.reason}` : "";
  return `The request could not be read as HTTP/1.1${reason}.`;
}

// the path of the request line, to pick the family's body: from the bytes the parser refused, or from
// the request in flight (a timeout); `/` (the gateway family) when neither has one
function pathOf(error: ParserError, socket: HttpSocket): string {
  const requestLine = error.rawPacket?.subarray(0, 2048).toString("latin1");
  const fromPacket = requestLine === undefined ? undefined : /^[!-~]+ (\/[^\s?#]*)/.exec(requestLine)?.[1];
  return fromPacket ?? socket._httpMessage?.req?.url?.split("?")[0] ?? "/";
}

/**
 * Takes over Node's answer to requests its parser refuses, or that time out, on `server`.
 *
 * @example
 * const server = createServer(handler);
 * answerMalformedRequests(server, { logger: jsonLogger() });
 */
export function answerMalformedRequests(
  server: Server,
  options: { logger: Logger; logRequests?: boolean | undefined },
): void {
  server.headersTimeout = REQUEST_TIMEOUTS_MS.headers;
  server.requestTimeout = REQUEST_TIMEOUTS_MS.request;
  const answer = (error: ParserError, socket: HttpSocket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusOf(error);
    const path = pathOf(error, socket);
    const requestId = newRequestId();
    const apiError = new ApiError(status, "malformed_request", messageOf(status, error, server));
    const body = JSON.stringify(errorBody(errorFamilyOf(path), apiError, requestId));
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `Date: ${new Date().toUTCString()}`,
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      "Connection: close",
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`, () => socket.destroy());
    if (options.logRequests === true) {
      options.logger.info("request", { path, status, parse_error: error.code, request_id: requestId });
    }
  };
  server.on("clientError", (error: ParserError, socket: HttpSocket) => {
    // the client went away: nobody to tell
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const inFlight = socket._httpMessage;
    if (inFlight != null && !inFlight.writableFinished) {
      // a request received whole, with bytes after it that are not one (pipelined): its answer comes
      // first, as the client expects answers in order, then this one
      if (inFlight.req.complete) {
        inFlight.once("close", () => answer(error, socket));
        return;
      }
      // the request in flight is the one that broke: an answer already begun cannot be taken back
      if (inFlight.headersSent) {
        socket.destroy();
        return;
      }
    }
    answer(error, socket);
  });
}
