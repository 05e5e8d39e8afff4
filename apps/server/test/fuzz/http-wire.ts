/**
 * HTTP/1.1 as bytes, both ways: requests written exactly as the fuzzer means them (any method, any
 * request-target, repeated or broken header lines, a body that disagrees with its framing), and answers
 * read back one by one from a connection, pipelined or not, however they are framed.
 */

/** One request as it goes on the wire. */
export interface WireRequest {
  method: string;
  /** The request-target, as sent: `/v1/residential/sessions?limit=5`, `*`, `host:443`. */
  target: string;
  /** `HTTP/1.1` usually; empty for a request line without one. */
  version: string;
  /** In order, repeats allowed; a `null` value writes the name alone, as a broken header line. */
  headers: [string, string | null][];
  /** Everything after the head, already framed (chunked when the headers say so). */
  body: Buffer;
}

/** One answer read from the connection. */
export interface WireAnswer {
  status: number;
  /** The status line and header lines, as received. */
  head: string;
  /** Lower-case names, in order, repeats kept. */
  headers: [string, string][];
  /** The content, unchunked. */
  body: Buffer;
}

/**
 * The first value of a header of an answer or a request, by case-insensitive name.
 *
 * @example
 * headerOf(answer.headers, "X-Request-Id"); // "req_01HX..."
 */
export function headerOf(headers: readonly [string, string | null][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1] ?? undefined;
}

/**
 * The bytes of a request.
 *
 * @example
 * serializeRequest({ method: "GET", target: "/healthz", version: "HTTP/1.1", headers: [["Host", "x"]], body: Buffer.alloc(0) });
 */
export function serializeRequest(request: WireRequest): Buffer {
  const requestLine = [request.method, request.target, request.version]
    .filter((part) => part !== "")
    .join(" ");
  const lines = [
    requestLine,
    ...request.headers.map(([name, value]) => (value === null ? name : `${name}: ${value}`)),
  ];
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8"), request.body]);
}

/**
 * A body in chunked framing, cut into chunks of `size` bytes.
 *
 * @example
 * chunked(Buffer.from('{"seconds":60}'), 4).toString(); // "4\r\n{\"se\r\n..."
 */
export function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from("0\r\n\r\n"));
  return Buffer.concat(parts);
}

const headEnd = Buffer.from("\r\n\r\n");

/**
 * The request whose head starts `bytes`, when the head is whole (its body is what follows, whole or
 * not); undefined when it is not a request head.
 *
 * @example
 * parseRequestHead(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))?.target; // "/"
 */
export function parseRequestHead(bytes: Buffer): WireRequest | undefined {
  const end = bytes.indexOf(headEnd);
  if (end < 0) return undefined;
  const [requestLine = "", ...lines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const match = /^([!-~]+) (\S+)(?: (HTTP\/\d\.\d))?$/.exec(requestLine);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const headers = lines.map((line): [string, string | null] => {
    const colon = line.indexOf(":");
    return colon < 0 ? [line, null] : [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return {
    method: match[1],
    target: match[2],
    version: match[3] ?? "",
    headers,
    body: bytes.subarray(end + 4),
  };
}

type Framing =
  | { kind: "length"; length: number }
  | { kind: "chunked" }
  | { kind: "close" }
  | { kind: "none" };

/**
 * Reads answers off a connection as its bytes arrive. `isHead(i)` says whether the `i`th answer is to a
 * HEAD request (its answer has no content whatever its headers say).
 *
 * @example
 * const reader = new AnswerReader(() => false);
 * socket.on("data", (chunk) => reader.feed(chunk));
 * socket.on("close", () => reader.end());
 */
export class AnswerReader {
  readonly answers: WireAnswer[] = [];
  /** Why the bytes could not be read as answers, if they could not; nothing more is read after it. */
  problem: string | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending:
    | { status: number; head: string; headers: [string, string][]; framing: Framing }
    | undefined;

  constructor(private readonly isHead: (index: number) => boolean) {}

  /** Bytes that are neither part of an answer read so far nor of one being read. */
  get leftover(): number {
    return this.pending === undefined ? this.buffer.length : 0;
  }

  /** Whether an answer has begun but not ended. */
  get midAnswer(): boolean {
    return this.pending !== undefined || this.buffer.length > 0;
  }

  feed(chunk: Buffer): void {
    if (this.problem !== undefined) return;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.problem === undefined && this.step()) {
      // each step reads one head or one body
    }
  }

  /** The connection closed: an answer framed by the close ends here; one cut short is a problem. */
  end(): void {
    if (this.problem !== undefined) return;
    if (this.pending?.framing.kind === "close") {
      this.finish(this.buffer);
      this.buffer = Buffer.alloc(0);
      return;
    }
    if (this.midAnswer)
      this.problem = `the connection closed in the middle of an answer (${this.buffer.length} bytes)`;
  }

  private step(): boolean {
    if (this.pending === undefined) return this.readHead();
    const { framing } = this.pending;
    if (framing.kind === "none") {
      this.finish(Buffer.alloc(0));
      return true;
    }
    if (framing.kind === "length") {
      if (this.buffer.length < framing.length) return false;
      this.finish(this.buffer.subarray(0, framing.length));
      this.buffer = this.buffer.subarray(framing.length);
      return true;
    }
    if (framing.kind === "chunked") return this.readChunked();
    return false;
  }

  private readHead(): boolean {
    if (
      !this.buffer.subarray(0, 5).equals(Buffer.from("HTTP/").subarray(0, Math.min(5, this.buffer.length))) &&
      this.tookHeadBody()
    ) {
      return true;
    }
    const end = this.buffer.indexOf(headEnd);
    if (end < 0) {
      if (this.buffer.length > 65_536) this.problem = "an answer head longer than 64 KiB";
      return false;
    }
    const head = this.buffer.subarray(0, end).toString("latin1");
    const [statusLine = "", ...lines] = head.split("\r\n");
    const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
    if (match?.[1] === undefined) {
      this.problem = `not an HTTP/1.1 status line: ${JSON.stringify(statusLine.slice(0, 80))}`;
      return false;
    }
    this.buffer = this.buffer.subarray(end + 4);
    const status = Number(match[1]);
    const headers: [string, string][] = [];
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon <= 0) {
        this.problem = `a broken header line in an answer: ${JSON.stringify(line.slice(0, 80))}`;
        return false;
      }
      headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
    // an interim answer (100 Continue) precedes the real one
    if (status >= 100 && status < 200) return true;
    const length = headerOf(headers, "content-length");
    const transfer = headerOf(headers, "transfer-encoding");
    let framing: Framing;
    if (this.isHead(this.answers.length) || status === 204 || status === 304) framing = { kind: "none" };
    else if (transfer !== undefined && /\bchunked\s*$/i.test(transfer)) framing = { kind: "chunked" };
    else if (length !== undefined && /^\d+$/.test(length))
      framing = { kind: "length", length: Number(length) };
    else framing = { kind: "close" };
    this.pending = { status, head, headers, framing };
    return true;
  }

  // an answer to a HEAD the server could not read as one (a malformed_request) carries its body after
  // all: what follows is that body, not an answer
  private tookHeadBody(): boolean {
    const previous = this.answers.at(-1);
    if (previous === undefined || !this.isHead(this.answers.length - 1) || previous.body.length > 0)
      return false;
    const length = Number(headerOf(previous.headers, "content-length"));
    if (!(length > 0) || this.buffer.length < length) return false;
    previous.body = Buffer.from(this.buffer.subarray(0, length));
    this.buffer = this.buffer.subarray(length);
    return true;
  }

  private readChunked(): boolean {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = this.buffer.indexOf("\r\n", at);
      if (lineEnd < 0) return false;
      const size = Number.parseInt(
        this.buffer.subarray(at, lineEnd).toString("latin1").split(";")[0] ?? "",
        16,
      );
      if (Number.isNaN(size)) {
        this.problem = "a broken chunk size in an answer";
        return false;
      }
      if (size === 0) {
        // the last chunk's line, trailers if any, and an empty line
        const end = this.buffer.indexOf(headEnd, lineEnd);
        if (end < 0) return false;
        this.finish(Buffer.concat(parts));
        this.buffer = this.buffer.subarray(end + 4);
        return true;
      }
      if (this.buffer.length < lineEnd + 2 + size + 2) return false;
      parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }

  private finish(body: Buffer): void {
    if (this.pending === undefined) return;
    const { status, head, headers } = this.pending;
    this.answers.push({ status, head, headers, body: Buffer.from(body) });
    this.pending = undefined;
  }
}
