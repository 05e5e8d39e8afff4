/**
 * `CONNECT` requests answered like any other method. Node hands them to the server's `connect` event with
 * the bare socket, to become a tunnel, and closes the connection unanswered when nobody listens; this
 * server is no proxy, so each gets a response made for it, passed to the same request listener as every
 * request (`405` with `Allow` on a documented path, `400 malformed_request` for `host:443`), after which
 * the connection closes.
 *
 * @example
 * answerConnectRequests(server, handleRequest);
 */
import { type IncomingMessage, type Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * Passes every `CONNECT` request on `server` to `handle`, with a response on its socket.
 *
 * @example
 * answerConnectRequests(server, (req, res) => res.writeHead(405).end());
 */
export function answerConnectRequests(
  server: Server,
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): void {
  server.on("connect", (req: IncomingMessage, socket: Socket) => {
    socket.on("error", () => socket.destroy());
    const res = new ServerResponse(req);
    // the bytes after the request would be the tunnel's: the connection ends with the answer
    res.shouldKeepAlive = false;
    res.assignSocket(socket);
    res.once("finish", () => {
      res.detachSocket(socket);
      socket.end(() => socket.destroy());
    });
    handle(req, res);
  });
}
