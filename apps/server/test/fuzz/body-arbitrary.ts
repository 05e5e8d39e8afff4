/**
 * Request bodies and their framing: a JSON body valid for the operation's schema (or the document's own
 * example) mostly, else one its schema rejects, one that is not JSON (broken, nested 100,000 deep, over
 * 1 MiB, not UTF-8), or none; a body on an operation that takes none, now and then. Framed by
 * Content-Length mostly, else chunked (well or badly), with a length too large (the request is never
 * whole) or too small (the rest is garbage after it), both framings at once, two lengths.
 */
import fc from "fast-check";
import type { FuzzCase } from "./exchange.js";
import { type HeaderLine, mostly } from "./header-arbitrary.js";
import { chunked, serializeRequest, type WireRequest } from "./http-wire.js";
import { invalidArbitrary } from "./invalid-arbitrary.js";
import type { RequestContext } from "./request-arbitrary.js";
import { validArbitrary } from "./schema-arbitrary.js";
import type { SpecOperation } from "./spec-walk.js";

function jsonTextArbitrary(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc
    .tuple(value, fc.nat({ max: 30 }))
    .map(([json, style]) =>
      style === 0
        ? JSON.stringify(json, null, 2)
        : style === 1
          ? `\ufeff${JSON.stringify(json)}`
          : JSON.stringify(json),
    );
}

const notJsonArbitrary: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .constantFrom(
      "{",
      "[1,",
      '{"a":}',
      "nul",
      "'x'",
      "NaN",
      '{"seconds": 1e400}',
      "\u0000",
      "}{",
      '{"a":1}{"b":2}',
      "<xml/>",
    )
    .map((text) => Buffer.from(text)),
  fc.constant(Buffer.from(`${"[".repeat(50_000)}${"]".repeat(50_000)}`)),
  fc.constant(Buffer.from(`{"username":"${"u".repeat(1024 * 1024 + 16)}"}`)),
  fc.constant(
    Buffer.from([
      0x7b, 0x22, 0x75, 0x73, 0x65, 0x72, 0x5f, 0x61, 0x67, 0x65, 0x6e, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28,
      0xff, 0x22, 0x7d,
    ]),
  ),
);

/** The body of a request to `operation`, as bytes; undefined for none. */
export function bodyArbitrary(
  operation: SpecOperation,
  context: RequestContext,
): fc.Arbitrary<Buffer | undefined> {
  if (operation.body === null) {
    // a body where none belongs (GET with a body, DELETE with one)
    return mostly(
      fc.constant(undefined),
      fc.oneof(
        fc.constant(Buffer.from('{"seconds":60}')),
        fc.string({ maxLength: 32 }).map((text) => Buffer.from(text)),
      ),
      15,
    );
  }
  const { schema, examples } = operation.body;
  const valid =
    examples.length === 0
      ? validArbitrary(schema, context.values)
      : fc.oneof(
          { weight: 4, arbitrary: validArbitrary(schema, context.values) },
          { weight: 1, arbitrary: fc.constantFrom(...examples) },
        );
  return fc.oneof(
    { weight: 12, arbitrary: jsonTextArbitrary(valid).map((text) => Buffer.from(text, "utf8")) },
    {
      weight: 5,
      arbitrary: invalidArbitrary(schema, context.values).map((invalid) =>
        Buffer.from(JSON.stringify(invalid.value) ?? "", "utf8"),
      ),
    },
    { weight: 1, arbitrary: notJsonArbitrary },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** How a body is framed: by its length (right or wrong), in chunks (well or badly), or both. */
export type Framing =
  | "content-length"
  | "chunked"
  | "broken-chunk"
  | "length-too-large"
  | "length-too-small"
  | "length-and-chunked"
  | "two-lengths"
  | "odd-length"
  | "transfer-gzip";

/** Content-Length mostly; each other framing now and then. */
export const framingArbitrary: fc.Arbitrary<Framing> = mostly(
  fc.constant<Framing>("content-length"),
  fc.constantFrom<Framing>(
    "chunked",
    "chunked",
    "broken-chunk",
    "length-too-large",
    "length-too-small",
    "length-and-chunked",
    "two-lengths",
    "odd-length",
    "transfer-gzip",
  ),
  10,
);

/** The request with its body framed one way or another; a body cut short becomes the case's tail. */
export function frame(
  request: WireRequest,
  body: Buffer | undefined,
  framing: Framing,
  label: string,
): FuzzCase {
  const whole = (
    final: WireRequest,
    ending: FuzzCase["ending"] = "answers",
    tail: Buffer = Buffer.alloc(0),
  ): FuzzCase => ({
    label,
    requests: [final],
    tail,
    ending,
  });
  if (body === undefined) return whole(request);
  const withHeaders = (...lines: HeaderLine[]) => ({ ...request, headers: [...request.headers, ...lines] });
  switch (framing) {
    case "content-length":
      return whole({ ...withHeaders(["Content-Length", String(body.length)]), body });
    case "chunked":
      return whole({ ...withHeaders(["Transfer-Encoding", "chunked"]), body: chunked(body, 7) });
    case "broken-chunk":
      return whole({
        ...withHeaders(["Transfer-Encoding", "chunked"]),
        body: Buffer.from(`zz\r\n${body.toString("latin1")}\r\n0\r\n\r\n`, "latin1"),
      });
    case "length-too-large": {
      // never whole: the client ends its side, as one that gave up would
      const cut = { ...withHeaders(["Content-Length", String(body.length + 10)]), body };
      return {
        label: `${label}, body shorter than its Content-Length`,
        requests: [],
        tail: serializeRequest(cut),
        ending: "half-close",
      };
    }
    case "length-too-small": {
      const length = Math.max(0, body.length - 1 - (body.length >> 1));
      const final = { ...withHeaders(["Content-Length", String(length)]), body: body.subarray(0, length) };
      return whole(final, "answers", body.subarray(length));
    }
    case "length-and-chunked":
      return whole({
        ...withHeaders(["Content-Length", String(body.length)], ["Transfer-Encoding", "chunked"]),
        body: chunked(body, 7),
      });
    case "two-lengths":
      return whole({
        ...withHeaders(["Content-Length", String(body.length)], ["Content-Length", String(body.length + 1)]),
        body,
      });
    case "odd-length":
      return whole({ ...withHeaders(["Content-Length", `+${body.length}`]), body });
    case "transfer-gzip":
      return whole({ ...withHeaders(["Transfer-Encoding", "gzip"]), body });
  }
}
