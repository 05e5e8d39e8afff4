/**
 * A cap on the connections a server holds. A connection over it is answered at once, before anything is
 * read from it (so in `GatewayError`: no path picks the family), with `503 service_unavailable` and a
 * `Retry-After`, and closed: a client learns why, where a reset would tell it nothing, and the server
 * keeps the file descriptors it needs for the connections it holds. What the client sends meanwhile is
 * read and dropped, never run, until it closes its end or `LINGER_MS` pass.
 *
 * @example
 * const limit = limitConnections(server, { maxConnections: 512, logger });
 * server.on("request", (req, res) => { if (!limit.isRefused(req.socket)) handle(req, res); });
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { buildErrorAnswer, formatRawAnswer } from "./error-answer.js";
import { ApiError } from "./errors.js";
import type { Logger } from "./logger.js";

/** How long a refused connection is kept for its client to read the answer before it is cut. */
export const LINGER_MS = 2_000;

/** Seconds a refused client is told to wait: connections free up as requests end and idle ones time out. */
const RETRY_AFTER_SECONDS = 1;

/**
 * The cap on one server.
 *
 * @example
 * if (limit.isRefused(req.socket)) return;
 */
export interface ConnectionLimit {
  /** Whether `socket` was refused: a request read on it must not run. */
  isRefused(socket: Socket): boolean;
}

/**
 * Caps the connections `server` holds at `maxConnections`.
 *
 * @example
 * limitConnections(server, { maxConnections: 2, logger, logRequests: true });
 */
export function limitConnections(
  server: Server,
  options: { maxConnections: number; logger: Logger; logRequests?: boolean | undefined },
): ConnectionLimit {
  const refused = new WeakSet<Socket>();
  let held = 0;
  server.on("connection", (socket: Socket) => {
    if (held < options.maxConnections) {
      held += 1;
      socket.once("close", () => {
        held -= 1;
      });
      return;
    }
    refused.add(socket);
    const error = new ApiError(
      503,
      "service_unavailable",
      `The server holds its limit of ${options.maxConnections} connections; retry in ${RETRY_AFTER_SECONDS} s.`,
      { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
    const answer = buildErrorAnswer("/", error);
    socket.on("error", () => socket.destroy());
    const cut = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("close", () => clearTimeout(cut));
    socket.end(formatRawAnswer(answer));
    if (options.logRequests === true) {
      options.logger.info("request", {
        status: 503,
        reason: "connection_limit",
        request_id: answer.requestId,
      });
    }
  });
  return { isRefused: (socket) => refused.has(socket) };
}
