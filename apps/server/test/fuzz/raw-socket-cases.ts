/**
 * Cases only a raw socket can send: requests pipelined on one connection and followed by garbage or by
 * a request cut short, bytes that are no HTTP at all, a request cut off and the connection half-closed,
 * request-targets other than a path (`*`, `host:443` for CONNECT or GET), Host values that are no host.
 * The requests in them are valid requests to the document's operations (`validRequestArbitrary`).
 */
import fc from "fast-check";
import type { FuzzCase } from "./exchange.js";
import { serializeRequest, type WireRequest } from "./http-wire.js";

/**
 * Bytes no HTTP/1.1 parser can read as the start of a request: each begins with a byte that cannot
 * begin a method (a parser may skip empty lines, so none begins with one).
 */
export const garbageArbitrary: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(
    Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]),
    Buffer.from("\u0000\u0001\u0002\u0003"),
    Buffer.from(" GET / HTTP/1.1\r\n\r\n"),
    Buffer.from("{}\r\n\r\n"),
    Buffer.from([0xff, 0xfe, 0x00, 0x47]),
    Buffer.from("@@@@\r\n\r\n"),
  ),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => Buffer.concat([Buffer.from([0x00]), Buffer.from(bytes)])),
);

const pipelineTails = (valid: fc.Arbitrary<WireRequest>) =>
  fc.oneof(
    fc.constant({ name: "", tail: Buffer.alloc(0), ending: "answers" as const }),
    garbageArbitrary.map((tail) => ({ name: " + garbage", tail, ending: "server-close" as const })),
    fc.tuple(valid, fc.double({ min: 0.05, max: 0.95, noNaN: true })).map(([request, share]) => {
      const bytes = serializeRequest(request);
      return {
        name: " + a request cut short",
        tail: bytes.subarray(0, Math.floor(bytes.length * share)),
        ending: "answers" as const,
      };
    }),
  );

/** Two to four valid requests written at once, then nothing, garbage, or part of another request. */
function pipelinedArbitrary(valid: fc.Arbitrary<WireRequest>): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.array(valid, { minLength: 2, maxLength: 4 }), pipelineTails(valid))
    .map(([requests, { name, tail, ending }]) => ({
      label: `${requests.length} pipelined${name}`,
      requests,
      tail,
      ending,
      wellFormed: true,
    }));
}

/** A valid request cut off anywhere, after which the client closes its side. */
function cutShortArbitrary(valid: fc.Arbitrary<WireRequest>): fc.Arbitrary<FuzzCase> {
  return fc.tuple(valid, fc.double({ min: 0.01, max: 0.99, noNaN: true })).map(([request, share]) => {
    const bytes = serializeRequest(request);
    return {
      label: "a request cut short, then half-closed",
      requests: [],
      tail: bytes.subarray(0, Math.max(1, Math.floor(bytes.length * share))),
      ending: "half-close" as const,
    };
  });
}

/** A request whose target is not a path, or whose Host is no host. */
function oddTargetArbitrary(valid: fc.Arbitrary<WireRequest>, host: string): fc.Arbitrary<FuzzCase> {
  const single = (label: string, request: WireRequest): FuzzCase => ({
    label,
    requests: [request],
    tail: Buffer.alloc(0),
    ending: "answers",
  });
  const hostLine = (request: WireRequest, value: string): WireRequest => ({
    ...request,
    headers: [["Host", value], ...request.headers.filter(([name]) => name.toLowerCase() !== "host")],
  });
  return fc.oneof(
    fc
      .tuple(valid, fc.constantFrom("GET", "OPTIONS", "HEAD", "POST"))
      .map(([request, method]) => single(`${method} *`, { ...request, method, target: "*" })),
    fc
      .tuple(valid, fc.constantFrom("example.com:443", "127.0.0.1:22", host, "[::1]:443"))
      .map(([request, authority]) =>
        single(
          "CONNECT host:port",
          hostLine({ ...request, method: "CONNECT", target: authority }, authority),
        ),
      ),
    valid.map((request) => single("GET host:port", { ...request, target: "example.com:443" })),
    fc
      .tuple(valid, fc.constantFrom("[::1", "a b", ":99999", "", "h\u00f6st", "x".repeat(300)))
      .map(([request, value]) => single("a Host that is no host", hostLine(request, value))),
    valid.map((request) =>
      single("no Host", {
        ...request,
        headers: request.headers.filter(([name]) => name.toLowerCase() !== "host"),
      }),
    ),
  );
}

/**
 * Raw-socket cases over valid requests of the document.
 *
 * @example
 * fc.sample(rawSocketCaseArbitrary(validRequestArbitrary(context), "127.0.0.1:8080"), 3);
 */
export function rawSocketCaseArbitrary(
  valid: fc.Arbitrary<WireRequest>,
  host: string,
): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 4, arbitrary: pipelinedArbitrary(valid) },
    { weight: 2, arbitrary: cutShortArbitrary(valid) },
    {
      weight: 1,
      arbitrary: garbageArbitrary.map(
        (tail): FuzzCase => ({
          label: "garbage",
          requests: [],
          tail,
          ending: "server-close",
        }),
      ),
    },
    { weight: 4, arbitrary: oddTargetArbitrary(valid, host) },
  );
}
