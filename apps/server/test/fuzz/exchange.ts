/**
 * One fuzz case on one fresh connection: its bytes written at once (pipelined when there are several
 * requests), its answers read back in order, and how the connection ended. Nothing here judges them.
 */
import { connect } from "node:net";
import {
  AnswerReader,
  parseRequestHead,
  serializeRequest,
  type WireAnswer,
  type WireRequest,
} from "./http-wire.js";

/** What one connection carries. */
export interface FuzzCase {
  /** What kind of case it is, for grouping findings (`spec request`, `pipelined 3 + garbage`). */
  label: string;
  /** Whole requests, each of which must be answered, in order. */
  requests: WireRequest[];
  /** Bytes after them: garbage, or a request that never ends. */
  tail: Buffer;
  /**
   * How the client ends: `answers` closes once every request has its answer; `server-close` waits for the
   * server to close (malformed bytes get an answer, then the connection closes); `half-close` sends its
   * end of the stream right after its bytes (a request cut short) and waits for the server to close.
   */
  ending: "answers" | "server-close" | "half-close";
  /** True when every request is well-formed HTTP/1.1, so that a `malformed_request` answer is the tail's. */
  wellFormed?: boolean;
}

/** What came back. */
export interface Exchange {
  fuzzCase: FuzzCase;
  answers: WireAnswer[];
  /** `answered`: the client closed as planned; `server-closed`; `timed-out`: nothing came for too long. */
  end: "answered" | "server-closed" | "timed-out";
  /** Why the answers could not be read, if they could not. */
  readProblem: string | undefined;
  /** A socket error (a reset), if there was one. */
  socketError: string | undefined;
}

/**
 * The bytes a case writes.
 *
 * @example
 * bytesOf(fuzzCase).toString("latin1");
 */
export function bytesOf(fuzzCase: FuzzCase): Buffer {
  return Buffer.concat([...fuzzCase.requests.map(serializeRequest), fuzzCase.tail]);
}

/**
 * Runs a case against `host:port`, giving up when nothing arrives for `idleTimeoutMs`.
 *
 * @example
 * const exchange = await runExchange({ host: "127.0.0.1", port }, fuzzCase, 8000);
 */
export function runExchange(
  address: { host: string; port: number },
  fuzzCase: FuzzCase,
  idleTimeoutMs: number,
): Promise<Exchange> {
  return new Promise((resolve) => {
    // the answer after the whole requests' may be to a request in the tail whose head is whole
    const tailRequest = parseRequestHead(fuzzCase.tail);
    const reader = new AnswerReader((index) =>
      index < fuzzCase.requests.length
        ? fuzzCase.requests[index]?.method === "HEAD"
        : index === fuzzCase.requests.length && tailRequest?.method === "HEAD",
    );
    let end: Exchange["end"] | undefined;
    let socketError: string | undefined;
    const socket = connect(address.port, address.host);
    const finish = (how: Exchange["end"]) => {
      end ??= how;
      socket.destroy();
    };
    socket.setNoDelay(true);
    socket.setTimeout(idleTimeoutMs, () => finish("timed-out"));
    socket.once("connect", () => {
      socket.write(bytesOf(fuzzCase));
      if (fuzzCase.ending === "half-close") socket.end();
    });
    socket.on("data", (chunk: Buffer) => {
      reader.feed(chunk);
      const answeredAll = reader.answers.length >= fuzzCase.requests.length && !reader.midAnswer;
      if (fuzzCase.ending === "answers" && answeredAll) finish("answered");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      socketError = error.code ?? error.message;
    });
    socket.once("close", () => {
      if (end === undefined) reader.end();
      resolve({
        fuzzCase,
        answers: reader.answers,
        end: end ?? "server-closed",
        readProblem: reader.problem,
        socketError,
      });
    });
  });
}
