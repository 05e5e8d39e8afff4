/**
 * Bodies nobody reads are not read to their end. After answering, Node reads whatever is left of a
 * request's body, to find the next request on the connection: a 100 MB body sent to `GET /healthz`, or
 * to an operation that answered `401` before reading it, was read whole. A request that declares more
 * than `MAX_IGNORED_BODY_BYTES` (or a chunked body, of unknown size) is answered with `Connection: close`
 * unless its body has been read to its end by then, and the connection closes after the answer.
 *
 * @example
 * server.on("request", (req, res) => { closeUnlessBodyRead(req, res); handle(req, res); });
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_IGNORED_BODY_BYTES } from "./request-body.js";

/**
 * Marks `res` to close its connection unless `req`'s body, when it may be large, has been read by the
 * time the answer is written.
 *
 * @example
 * closeUnlessBodyRead(req, res);
 */
export function closeUnlessBodyRead(req: IncomingMessage, res: ServerResponse): void {
  const declared = req.headers["content-length"];
  const mayBeLarge =
    req.headers["transfer-encoding"] !== undefined ||
    (declared !== undefined && Number(declared) > MAX_IGNORED_BODY_BYTES);
  if (!mayBeLarge) return;
  res.setHeader("Connection", "close");
  // read to its end by the operation: the connection can go on
  req.once("end", () => {
    if (!res.headersSent) res.removeHeader("Connection");
  });
}
