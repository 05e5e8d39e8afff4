/**
 * Requests Node hands over with the bare socket, answered like any other: `CONNECT` (to become a tunnel)
 * and requests asking to switch protocols (`Connection: Upgrade`). Node closes the connection of the
 * first unanswered when nobody listens, and runs the second as a plain request whose body it no longer
 * reads, so a request with a body waited for it until the request timeout. This server neither tunnels
 * nor switches protocols: each gets a response made for it, after which the connection closes.
 *
 * @example
 * answerConnectRequests(server, handleRequest);
 * answerUpgradeRequests(server, handleRequest, { logger, logRequests: true });
 */
import { type IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { buildErrorAnswer, writeErrorAnswer } from "./error-answer.js";
import { ApiError } from "./errors.js";
import type { Logger } from "./logger.js";
import { pathOfTarget } from "./request-target.js";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

// a response written on a socket Node has let go of; the bytes after the request are not HTTP to it any
// more, so the connection ends with the answer
function responseOnBareSocket(req: IncomingMessage, socket: Socket): ServerResponse {
  socket.on("error", () => socket.destroy());
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.once("finish", () => {
    res.detachSocket(socket);
    socket.end(() => socket.destroy());
  });
  return res;
}

/**
 * Passes every `CONNECT` request on `server` to `handle`, with a response on its socket (`405` with
 * `Allow` on a documented path, `400 malformed_request` for `host:443`).
 *
 * @example
 * answerConnectRequests(server, (req, res) => res.writeHead(405).end());
 */
export function answerConnectRequests(server: Server, handle: RequestHandler): void {
  server.on("connect", (req: IncomingMessage, socket: Socket) =>
    handle(req, responseOnBareSocket(req, socket)),
  );
}

/**
 * Answers requests that ask to switch protocols as if they had not asked (RFC 9110 7.8 lets a server
 * ignore `Upgrade`), through `handle`. One that carries a body is `400 malformed_request`: once Node has
 * taken the request for an upgrade, the body is raw bytes it no longer parses, and they cannot be told
 * from a malformed one.
 *
 * @example
 * answerUpgradeRequests(server, handleRequest, { logger });
 */
export function answerUpgradeRequests(
  server: Server,
  handle: RequestHandler,
  options: { logger: Logger; logRequests?: boolean | undefined },
): void {
  server.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    const res = responseOnBareSocket(req, socket);
    const declared = req.headers["content-length"];
    const hasBody = req.headers["transfer-encoding"] !== undefined || Number(declared) > 0;
    if (!hasBody) {
      handle(req, res);
      return;
    }
    const path = pathOfTarget(req.url ?? "") ?? "/";
    const error = new ApiError(
      400,
      "malformed_request",
      `This server does not switch protocols, and a request asking to (Upgrade: ${JSON.stringify(req.headers.upgrade ?? "")}) cannot carry a body: send it without Connection: Upgrade.`,
      { headers: { Connection: "close" } },
    );
    const answer = buildErrorAnswer(path, error);
    writeErrorAnswer(res, answer);
    if (options.logRequests === true) {
      options.logger.info("request", {
        method: req.method,
        path,
        status: answer.status,
        reason: "upgrade_with_body",
        request_id: answer.requestId,
      });
    }
  });
}
