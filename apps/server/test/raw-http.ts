// Raw HTTP/1.1 over `node:net` for the protocol tests: bytes a real client would never send, and every
// answer the server writes on one connection, read until it closes. Nothing here waits a fixed time.
import { connect, type Socket } from "node:net";
import type { CallResult } from "./helpers.js";

/** One answer as it came over the wire: status, headers and the body parsed as JSON (when there is one). */
export interface RawAnswer extends CallResult {
  /** The body as text, empty when there is none. */
  text: string;
}

/** A connection to the server at `url`, open once the promise resolves. */
export function openConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/**
 * Everything the server writes on `socket` until it closes the connection, split into answers. A reset
 * once some answer arrived counts as a close (the server may stop reading what is left of a request).
 * Rejects if the connection is still open after `limitMs` (a generous bound, not a timing assertion).
 */
export function readAnswersUntilClose(socket: Socket, limitMs = 20_000): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `the server kept the connection open ${limitMs} ms; it wrote: ${String(Buffer.concat(chunks))}`,
        ),
      );
    }, limitMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error) => {
      if (chunks.length === 0) {
        clearTimeout(timer);
        reject(error);
      }
    });
    socket.on("close", () => {
      clearTimeout(timer);
      try {
        resolve(parseAnswers(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Writes `bytes` on a fresh connection and returns every answer written before the server closed it. */
export async function exchangeAll(
  url: string,
  bytes: string | Buffer,
  limitMs?: number,
): Promise<RawAnswer[]> {
  const socket = await openConnection(url);
  const answers = readAnswersUntilClose(socket, limitMs);
  socket.write(bytes);
  return answers;
}

/** Writes `bytes` on a fresh connection and returns the one answer the server wrote before closing it. */
export async function exchange(url: string, bytes: string | Buffer, limitMs?: number): Promise<RawAnswer> {
  const answers = await exchangeAll(url, bytes, limitMs);
  if (answers.length !== 1) {
    throw new Error(`expected one answer, got ${answers.length}: ${answers.map((a) => a.status).join(", ")}`);
  }
  return answers[0] as RawAnswer;
}

/** Resolves once the server has closed `socket` (end or reset), with what it wrote before. */
export function waitForClose(socket: Socket): Promise<string> {
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  socket.on("error", () => {});
  return new Promise((resolve) => {
    if (socket.destroyed) resolve("");
    socket.once("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}

/**
 * Resolves with the first `count` answers the server writes on `socket`, leaving it open. Rejects if the
 * connection closes before, or `limitMs` pass (a generous bound, not a timing assertion).
 */
export function readAnswers(socket: Socket, count: number, limitMs = 20_000): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    let bytes = Buffer.alloc(0);
    const stop = (error?: Error) => {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("close", onClose);
      if (error !== undefined) reject(error);
    };
    const timer = setTimeout(() => stop(new Error(`no ${count} answers within ${limitMs} ms`)), limitMs);
    const onData = (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      const answers = parseAnswers(bytes, { partial: true });
      if (answers.length >= count) {
        stop();
        resolve(answers.slice(0, count));
      }
    };
    const onClose = () => stop(new Error(`the connection closed before ${count} answers: ${String(bytes)}`));
    socket.on("data", onData);
    socket.on("close", onClose);
  });
}

/**
 * Splits the bytes of consecutive HTTP/1.1 responses (Content-Length or chunked framing); with
 * `partial`, an answer not yet whole at the end is left out instead of failing.
 */
export function parseAnswers(bytes: Buffer, { partial = false } = {}): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf("\r\n\r\n", at, "latin1");
    if (headEnd === -1) {
      if (partial) break;
      throw new Error(`a response head without its end: ${bytes.subarray(at).toString("latin1")}`);
    }
    const [statusLine = "", ...headerLines] = bytes.subarray(at, headEnd).toString("latin1").split("\r\n");
    const headers = new Headers();
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    at = headEnd + 4;
    let body: Buffer;
    if (headers.get("transfer-encoding") === "chunked") {
      const parts: Buffer[] = [];
      for (;;) {
        const sizeEnd = bytes.indexOf("\r\n", at, "latin1");
        const size = Number.parseInt(bytes.subarray(at, sizeEnd).toString("latin1"), 16);
        at = sizeEnd + 2;
        if (size === 0) {
          at += 2;
          break;
        }
        parts.push(bytes.subarray(at, at + size));
        at += size + 2;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers.get("content-length") ?? 0);
      if (partial && at + length > bytes.length) break;
      body = bytes.subarray(at, at + length);
      at += length;
    }
    const text = body.toString("utf8");
    answers.push({
      status: Number(statusLine.split(" ")[1]),
      headers,
      text,
      body:
        text !== "" && headers.get("content-type")?.startsWith("application/json")
          ? JSON.parse(text)
          : undefined,
    });
  }
  return answers;
}
