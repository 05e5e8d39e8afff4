/**
 * Answers requests that never become a request: bytes Node's HTTP parser refuses (a broken header line
 * or chunked body, a request line and headers past `http.maxHeaderSize`) and requests that do not arrive
 * in time. Node would write a bare `400`, `431` or `408` with no body and no request id; the spec promises
 * every 4xx the family's error body and an `X-Request-Id`, so they get `malformed_request`
 * (`ERR_MALFORMED_REQUEST`) like any other error, and the connection is closed, as Node closes it.
 * Requests pipelined before the bytes that broke were run as they were read: their answers go first,
 * in order, and this one after them.
 *
 * @example
 * answerMalformedRequests(httpServer, { logger, logRequests: true });
 */
import { type IncomingMessage, maxHeaderSize, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { buildErrorAnswer, formatRawAnswer } from "./error-answer.js";
import { ApiError, type ErrorStatus } from "./errors.js";
import type { Logger } from "./logger.js";
import { pathOfTarget } from "./request-target.js";

interface ParserError extends Error {
  code?: string;
  reason?: string;
  /** The bytes the parser had when it gave up (parse errors only). */
  rawPacket?: Buffer;
  /** How many of `rawPacket` it had read before the fault (parse errors only). */
  bytesParsed?: number;
}

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
// faults found while reading a request line
const requestLineFaults = new Set([
  "HPE_INVALID_METHOD",
  "HPE_INVALID_URL",
  "HPE_INVALID_CONSTANT",
  "HPE_INVALID_VERSION",
  "HPE_PAUSED_H2_UPGRADE",
]);

// the path the refused bytes name. A fault in a request line: that line's own path, if it has one. A later
// fault: the last request line read before it (a packet may begin with requests pipelined before). Else
// the path of `broken`, the request the bytes cut short; bytes after whole requests are not theirs
function pathOf(error: ParserError, broken: ServerResponse | undefined): string {
  const packet = error.rawPacket?.toString("latin1", 0, Math.min(error.rawPacket.length, 65_536)) ?? "";
  const fault = error.bytesParsed ?? packet.length;
  let fromPacket: string | undefined;
  if (error.code !== undefined && requestLineFaults.has(error.code)) {
    const lineEnd = packet.indexOf("\n", fault);
    const line = packet.slice(packet.lastIndexOf("\n", fault - 1) + 1, lineEnd < 0 ? undefined : lineEnd);
    return pathOfTarget(/^[!-~]+ (\S+)/.exec(line)?.[1] ?? "") ?? "/";
  }
  // a request line: a method (no colon, unlike a header's name), then a path (origin-form) or an
  // absolute URL (absolute-form), perhaps cut short where the parser stopped
  for (const line of packet.slice(0, fault + 1).matchAll(/(?:^|\n)[!-9;-~]+ ((?:\/|https?:\/\/)\S*)/gi))
    fromPacket = pathOfTarget(line[1] ?? "");
  return fromPacket ?? pathOfTarget(broken?.req.url ?? "") ?? "/";
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
  // the responses each connection still owes, oldest first (Node runs every pipelined request as soon
  // as it is read, and writes their answers one after another), and the latest request's
  const exchanges = new WeakMap<Socket, { owed: Set<ServerResponse>; latest: ServerResponse }>();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const known = exchanges.get(req.socket);
    const owed = known?.owed ?? new Set();
    if (known === undefined) exchanges.set(req.socket, { owed, latest: res });
    else known.latest = res;
    owed.add(res);
    res.once("close", () => owed.delete(res));
  });

  const answer = (error: ParserError, socket: Socket, broken: ServerResponse | undefined) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (broken?.headersSent === true) {
      // the request the bytes broke had begun its own answer: it cannot be taken back, nor followed
      if (broken.writableFinished) socket.end(() => socket.destroy());
      else socket.destroy();
      return;
    }
    const status = statusOf(error);
    const path = pathOf(error, broken);
    const apiError = new ApiError(status, "malformed_request", messageOf(status, error, server));
    const errorAnswer = buildErrorAnswer(path, apiError);
    socket.end(formatRawAnswer(errorAnswer), () => socket.destroy());
    if (options.logRequests === true) {
      options.logger.info("request", {
        path,
        status,
        parse_error: error.code,
        request_id: errorAnswer.requestId,
      });
    }
  };
  server.on("clientError", (error: ParserError, socket: Socket) => {
    // the client went away: nobody to tell
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const exchange = exchanges.get(socket);
    // the request the parser was reading when the bytes broke, if its head had arrived: this answer is its
    const broken = exchange?.latest.req.complete === false ? exchange.latest : undefined;
    // the requests received whole before it get their answers first, in order, as the client expects
    const last = [...(exchange?.owed ?? [])].filter((res) => res !== broken && !res.writableFinished).at(-1);
    if (last === undefined) answer(error, socket, broken);
    else last.once("close", () => answer(error, socket, broken));
  });
}
