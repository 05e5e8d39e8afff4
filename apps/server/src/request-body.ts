/**
 * Reads a request body as text, refusing more than `MAX_BODY_BYTES`; reads and drops the body of a
 * request to an operation that takes none, refusing more than `MAX_IGNORED_BODY_BYTES`. Over real HTTP it reads Node's
 * request stream itself: asking Hono for the body would make the Node adapter build a whole fetch Request
 * for it (an abort signal and a web stream), which was a tenth of the CPU a traffic report cost. In
 * process (`sandbox.fetch`), it reads the Request it was given. Both decode the same way.
 *
 * @example
 * const text = await readBodyText(c); // throws ApiError 400 invalid_request_body past 1 MiB
 * await skipIgnoredBody(c); // throws ApiError 400 malformed_request past 1 KiB
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { ApiError } from "./errors.js";

/** The largest request body the server reads: 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The largest body an operation that takes none reads (and ignores): 1 KiB. */
export const MAX_IGNORED_BODY_BYTES = 1024;

/** What the Node adapter passes to the app with each request; nothing when the app is called in process. */
export interface NodeBindings {
  incoming?: IncomingMessage;
}

// the rest of the body is not read (it could go on for ever): the connection closes after the answer
const tooLarge = () =>
  new ApiError(400, "invalid_request_body", `The body is larger than ${MAX_BODY_BYTES} bytes.`, {
    headers: { Connection: "close" },
  });

// no operation runs: the request is refused as a whole, as one Node's parser refuses is
const unwanted = () =>
  new ApiError(
    400,
    "malformed_request",
    `This operation takes no request body; send none (up to ${MAX_IGNORED_BODY_BYTES} bytes are ignored).`,
    { headers: { Connection: "close" } },
  );

interface BodyLimit {
  bytes: number;
  refuse: () => ApiError;
}

const bodyLimit: BodyLimit = { bytes: MAX_BODY_BYTES, refuse: tooLarge };
const ignoredBodyLimit: BodyLimit = { bytes: MAX_IGNORED_BODY_BYTES, refuse: unwanted };

const cutOffBody = () =>
  new ApiError(
    400,
    "malformed_request",
    "The request body did not arrive whole: the connection ended before it.",
    {
      headers: { Connection: "close" },
    },
  );

// JSON text exchanged between systems is UTF-8 (RFC 8259, 8.1): bytes that are not are refused rather than
// stored with U+FFFD in place of what the client sent. A byte order mark is dropped, as fetch's text() does
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(body: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    throw ApiError.invalidBody("The request body is not UTF-8: send JSON encoded as UTF-8.");
  }
}

function readIncoming(incoming: IncomingMessage, limit: BodyLimit): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // read already, by someone else: waiting for its events would wait for ever
    if (incoming.readableEnded || incoming.destroyed) {
      reject(new Error("The request body was read already"));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", cutOff);
      incoming.off("close", cutOff);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.bytes) {
        stop();
        incoming.resume();
        reject(limit.refuse());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    // a client that goes away before the end of its body (or whose framing breaks, answered already by
    // protocol-errors.ts): the client's doing, not the server's, whether or not anyone reads the answer
    const cutOff = () => {
      stop();
      reject(cutOffBody());
    };
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", cutOff);
    incoming.on("close", cutOff);
  });
}

async function readRequest(request: Request, limit: BodyLimit): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // a stream that fails is the caller's, as a connection that ends early is the client's
    const { done, value } = await reader.read().catch(() => {
      throw cutOffBody();
    });
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > limit.bytes) {
      await reader.cancel();
      throw limit.refuse();
    }
    chunks.push(value);
  }
}

function readLimited<E extends { Bindings: NodeBindings }>(
  c: Context<E>,
  limit: BodyLimit,
): Promise<Uint8Array> {
  const declared = Number(c.req.header("content-length"));
  if (declared > limit.bytes) return Promise.reject(limit.refuse());
  const incoming = c.env?.incoming;
  return incoming === undefined ? readRequest(c.req.raw, limit) : readIncoming(incoming, limit);
}

/**
 * The request's body as text.
 *
 * @throws {ApiError} 400 invalid_request_body when it is (or says it is) larger than `MAX_BODY_BYTES`
 * or is not UTF-8; 400 malformed_request when it ends before it is whole.
 */
export async function readBodyText<E extends { Bindings: NodeBindings }>(c: Context<E>): Promise<string> {
  return decode(await readLimited(c, bodyLimit));
}

/**
 * Whether the request has a body (a `Content-Length` above 0 or a chunked one, over HTTP).
 *
 * @example
 * if (carriesBody(c)) await skipIgnoredBody(c);
 */
export function carriesBody<E extends { Bindings: NodeBindings }>(c: Context<E>): boolean {
  const incoming = c.env?.incoming;
  if (incoming === undefined) return c.req.raw.body !== null;
  return (
    incoming.headers["transfer-encoding"] !== undefined || Number(incoming.headers["content-length"]) > 0
  );
}

/**
 * Reads and drops the body of a request to an operation that takes none, so that a body too large to
 * ignore is refused before the operation runs.
 *
 * @throws {ApiError} 400 malformed_request when it is (or says it is) larger than `MAX_IGNORED_BODY_BYTES`,
 * or ends before it is whole.
 */
export async function skipIgnoredBody<E extends { Bindings: NodeBindings }>(c: Context<E>): Promise<void> {
  await readLimited(c, ignoredBodyLimit);
}
