/**
 * Fuzz cases of one request, derived from the document's operations: an operation is picked, each of
 * its path and query parameters and its body gets a value its schema accepts (or, now and then, one it
 * rejects, or something odd), encoded one of several ways; then the method, path, query, headers and
 * framing are mutated now and then. Nothing is listed per operation: a new operation in the document is
 * fuzzed as it is read. Whether the result breaks a rule of the document is decided afterwards, from its
 * bytes (`request-oracle.ts`), not here.
 */
import fc from "fast-check";
import type { FuzzCase } from "./exchange.js";
import {
  authorizationArbitrary,
  contentTypeArbitrary,
  type HeaderLine,
  hostArbitrary,
  mostly,
  oddHeadersArbitrary,
} from "./header-arbitrary.js";
import { chunked, serializeRequest, type WireRequest } from "./http-wire.js";
import { invalidArbitrary, ODD_CHARACTERS, type ValueContext, validArbitrary } from "./schema-arbitrary.js";
import { type Encoding, encodeComponent, pathOf, type SpecRequest, toWireRequest } from "./spec-request.js";
import type { FuzzSpec, SpecOperation, SpecParameter } from "./spec-walk.js";
import { mutatedToken } from "./token-mutation.js";

export interface RequestContext {
  spec: FuzzSpec;
  values: ValueContext;
  /** `host:port` of the server. */
  host: string;
  /** The API keys to send, with how often. */
  keys: readonly { key: string; weight: number }[];
}

/** A request the sandbox seeding made, with a value its answer gave for one of its own parameters. */
export interface FollowUp {
  request: SpecRequest;
  parameter: SpecParameter;
  value: string;
}

const textOf = (value: unknown) =>
  typeof value === "string"
    ? value
    : value !== null && typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

const encodingArbitrary = (inQuery: boolean): fc.Arbitrary<Encoding> =>
  mostly(
    fc.constant<Encoding>("standard"),
    fc.constantFrom<Encoding>(
      "every-byte",
      "lower-hex",
      "raw",
      "double",
      "broken",
      ...(inQuery ? (["plus-for-space"] as const) : []),
    ),
    6,
  );

const oddTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_CHARACTERS),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.integer({ min: 300, max: 20_000 }).map((length) => "z".repeat(length)),
  fc.constantFrom("", "null", "undefined", "-0", "1e400", "0x10", "NaN", "[]", "{}", "٣", "true"),
);

/** The text of a parameter: a valid value mostly, else an invalid or odd one. */
function parameterTextArbitrary(parameter: SpecParameter, context: RequestContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: validArbitrary(parameter.schema, context.values, parameter.name).map(textOf) },
    {
      weight: 3,
      arbitrary: invalidArbitrary(parameter.schema, context.values).map((invalid) => textOf(invalid.value)),
    },
    { weight: 1, arbitrary: oddTextArbitrary },
  );
}

function pathArbitrary(operation: SpecOperation, context: RequestContext): fc.Arbitrary<string> {
  const segments = operation.parameters
    .filter((parameter) => parameter.in === "path")
    .map((parameter) =>
      fc
        .tuple(parameterTextArbitrary(parameter, context), encodingArbitrary(false))
        .map(([text, encoding]) => [parameter.name, encodeComponent(text, encoding)] as const),
    );
  return fc.tuple(...segments).map((pairs) => pathOf(operation, Object.fromEntries(pairs), (text) => text));
}

/** A query parameter name the operation does not define. */
function unknownNameArbitrary(spec: FuzzSpec, operation: SpecOperation): fc.Arbitrary<string> {
  const defined = operation.parameters.filter((p) => p.in === "query").map((p) => p.name);
  const elsewhere = spec.operations.flatMap((other) => other.parameters.map((p) => p.name));
  return fc
    .oneof(
      fc.constantFrom(...defined.map((name) => name.toUpperCase()), ...elsewhere, "subuser_id", "page"),
      fc.stringMatching(/^[a-z_]{1,12}$/),
      fc.constantFrom("", "a b", "é", "%00", "__proto__", "constructor"),
    )
    .filter((name) => !defined.includes(name));
}

function queryArbitrary(operation: SpecOperation, context: RequestContext): fc.Arbitrary<string> {
  const pairs = operation.parameters
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => {
      const pair = parameterTextArbitrary(parameter, context).map((text): [string, string] => [
        parameter.name,
        text,
      ]);
      const present = pair.map((value): [string, string][] => [value]);
      return parameter.required ? present : mostly(fc.constant<[string, string][]>([]), present, 3);
    });
  const base = fc.tuple(...pairs).map((lists) => lists.flat());
  const mutation = fc.oneof(
    fc.tuple(unknownNameArbitrary(context.spec, operation), fc.string({ maxLength: 8 })).map(
      ([name, value]) =>
        (list: [string, string][]) =>
          [...list, [name, value]] as [string, string][],
    ),
    fc.constant((list: [string, string][]) => [...list, ...list.slice(0, 1)] as [string, string][]),
    fc.constant((list: [string, string][]) => [...list].reverse()),
  );
  return fc
    .tuple(base, mostly(fc.constant(undefined), mutation, 5), encodingArbitrary(true), fc.nat({ max: 20 }))
    .map(([list, mutate, encoding, shape]) => {
      const final = mutate === undefined ? list : mutate(list);
      const parts = final.map(
        ([name, value]) => `${encodeComponent(name, "standard")}=${encodeComponent(value, encoding)}`,
      );
      // now and then a name without "=", an empty pair, or a lone "?"
      if (shape === 0 && parts.length > 0) parts[0] = (parts[0] ?? "").split("=")[0] ?? "";
      if (shape === 1) parts.push("");
      const query = parts.join("&");
      return query === "" ? (shape === 2 ? "?" : "") : `?${query}`;
    });
}

/** Turns a path into one with dot segments: the same route, another route, or out of the root. */
function dotSegmentsArbitrary(spec: FuzzSpec, path: string): fc.Arbitrary<string> {
  const dots = fc.constantFrom("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.");
  const dot = fc.constantFrom(".", "%2e", "%2E");
  const segments = path.split("/").filter((segment) => segment !== "");
  const otherPaths = spec.operations.map((operation) => pathOf(operation, {}, () => "x"));
  return fc.oneof(
    // back out of every segment, then down into another operation's path
    fc
      .tuple(dots, fc.constantFrom(...otherPaths))
      .map(([up, other]) => `${path}${`/${up}`.repeat(segments.length)}${other}`),
    // a same-place segment in the middle
    fc
      .tuple(dot, fc.nat({ max: segments.length }))
      .map(([here, at]) => `/${[...segments.slice(0, at), here, ...segments.slice(at)].join("/")}`),
    // up and back down to the same segment
    fc
      .tuple(dots, fc.nat({ max: Math.max(0, segments.length - 1) }))
      .map(([up, at]) => `/${[...segments.slice(0, at + 1), up, ...segments.slice(at)].join("/")}`),
    // above the root
    fc.tuple(dots).map(([up]) => `/${up}${path}`),
  );
}

function pathMutationArbitrary(
  spec: FuzzSpec,
  host: string,
  path: string,
): fc.Arbitrary<{ path: string; tag: string }> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: dotSegmentsArbitrary(spec, path).map((dotted) => ({ path: dotted, tag: "dot segments" })),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          `${path}/`,
          `/${path}`,
          path.replace("/", "//"),
          path.toUpperCase(),
          path.replace(/[a-z]/, (letter) => `%${letter.charCodeAt(0).toString(16)}`),
          `${path};x=1`,
          `${path}%2F`,
          path.replaceAll("/", "\\"),
          `${path}#fragment`,
          `http://${host}${path}`,
          `https://evil.example${path}`,
          path.slice(0, -1),
          `${path}/extra`,
        )
        .map((odd) => ({ path: odd, tag: odd.startsWith("/") ? "an odd path" : "an absolute-form target" })),
    },
  );
}

function methodArbitrary(spec: FuzzSpec, operation: SpecOperation): fc.Arbitrary<string> {
  const samePath = spec.operations
    .filter((other) => other.path === operation.path)
    .map((other) => other.method);
  return mostly(
    fc.constant(operation.method),
    fc.oneof(
      fc.constantFrom(...samePath, ...(operation.method === "GET" ? ["HEAD"] : [])),
      fc.constantFrom(
        "GET",
        "HEAD",
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
        "OPTIONS",
        "TRACE",
        "PROPFIND",
        "SEARCH",
        "QUERY",
      ),
      fc.constantFrom("get", "Get", "GETT", "G\u00c9T", "X".repeat(64), "M-SEARCH", "BREW"),
    ),
    10,
  );
}

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

function bodyArbitrary(operation: SpecOperation, context: RequestContext): fc.Arbitrary<Buffer | undefined> {
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

type Framing =
  | "content-length"
  | "chunked"
  | "broken-chunk"
  | "length-too-large"
  | "length-too-small"
  | "length-and-chunked"
  | "two-lengths"
  | "odd-length"
  | "transfer-gzip";

const framingArbitrary: fc.Arbitrary<Framing> = mostly(
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
function frame(request: WireRequest, body: Buffer | undefined, framing: Framing, label: string): FuzzCase {
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

const versionArbitrary: fc.Arbitrary<string> = mostly(
  fc.constant("HTTP/1.1"),
  fc.constantFrom("HTTP/1.0", "", "HTTP/1.2", "HTTP/2.0", "http/1.1", "HTTP/1.1 extra", "HTTP/1.10"),
  40,
);

const shortly = (text: string) =>
  text.length > 24 ? `${JSON.stringify(text.slice(0, 16))}…` : JSON.stringify(text);

/** What was unusual about a request, for grouping findings: `request with Host "[::1", version HTTP/1.0`. */
function labelOf(
  operation: SpecOperation,
  host: string,
  parts: {
    method: string;
    path: { tag: string };
    version: string;
    host: HeaderLine[];
    odd: HeaderLine[];
    body: Buffer | undefined;
    framing: Framing;
    contentType: string | null;
  },
): string {
  const tags: string[] = [];
  if (parts.method !== operation.method) tags.push(`method ${shortly(parts.method)}`);
  if (parts.path.tag !== "") tags.push(parts.path.tag);
  if (parts.version !== "HTTP/1.1") tags.push(`version ${shortly(parts.version)}`);
  const [onlyHost, twice] = parts.host;
  if (onlyHost === undefined) tags.push("no Host");
  else if (twice !== undefined) tags.push("two Hosts");
  else if (onlyHost[1] !== host) tags.push(`Host ${shortly(onlyHost[1] ?? "")}`);
  for (const [name, value] of parts.odd)
    tags.push(value === null ? `header line ${shortly(name)}` : `${name}: ${shortly(value)}`);
  if (parts.body !== undefined && parts.framing !== "content-length") tags.push(`framing ${parts.framing}`);
  if (parts.body !== undefined && parts.contentType !== "application/json")
    tags.push(`Content-Type ${shortly(parts.contentType ?? "none")}`);
  return tags.length === 0 ? "request" : `request with ${tags.join(", ")}`;
}

/**
 * Fuzz cases of one request to `operation`.
 *
 * @example
 * fc.sample(operationCaseArbitrary(context, specOperation), 1);
 */
export function operationCaseArbitrary(
  context: RequestContext,
  operation: SpecOperation,
): fc.Arbitrary<FuzzCase> {
  const { spec, host } = context;
  const path = pathArbitrary(operation, context).chain((plain) =>
    mostly(fc.constant({ path: plain, tag: "" }), pathMutationArbitrary(spec, host, plain), 12),
  );
  return fc
    .record({
      method: methodArbitrary(spec, operation),
      path,
      query: queryArbitrary(operation, context),
      version: versionArbitrary,
      host: hostArbitrary(host),
      authorization: operation.secured
        ? authorizationArbitrary(context.keys)
        : mostly(fc.constant<HeaderLine[]>([]), authorizationArbitrary(context.keys), 4),
      contentType: contentTypeArbitrary,
      odd: oddHeadersArbitrary,
      body: bodyArbitrary(operation, context),
      framing: framingArbitrary,
    })
    .map((parts) => {
      const headers: HeaderLine[] = [...parts.host, ...parts.authorization];
      if (parts.body !== undefined && parts.contentType !== null)
        headers.push(["Content-Type", parts.contentType]);
      headers.push(...parts.odd);
      const target = `${parts.path.path}${parts.query}`;
      const request: WireRequest = {
        method: parts.method,
        target,
        version: parts.version,
        headers,
        body: Buffer.alloc(0),
      };
      return frame(request, parts.body, parts.framing, labelOf(operation, host, parts));
    });
}

/**
 * A well-formed request to any operation, every value valid, with a configured key: the building block
 * of pipelined and cut-short cases.
 *
 * @example
 * fc.sample(validRequestArbitrary(context), 1)[0].target; // "/v1/mobile/sessions?limit=7"
 */
export function validRequestArbitrary(context: RequestContext): fc.Arbitrary<WireRequest> {
  const key = fc.oneof(...context.keys.map(({ key, weight }) => ({ weight, arbitrary: fc.constant(key) })));
  return fc.oneof(
    ...context.spec.operations.map((operation) => {
      const textFor = (parameter: SpecParameter) =>
        validArbitrary(parameter.schema, context.values, parameter.name).map(textOf);
      const path = fc.record(
        Object.fromEntries(
          operation.parameters.filter((p) => p.in === "path").map((p) => [p.name, textFor(p)]),
        ),
      );
      const query = fc.tuple(
        ...operation.parameters
          .filter((p) => p.in === "query")
          .map((p) => {
            const present = textFor(p).map((text): [string, string][] => [[p.name, text]]);
            return p.required ? present : mostly(fc.constant<[string, string][]>([]), present, 3);
          }),
      );
      const body =
        operation.body === null
          ? fc.constant(undefined)
          : validArbitrary(operation.body.schema, context.values);
      return fc.record({ path, query, key, body }).map((parts) =>
        toWireRequest(
          {
            operation,
            path: parts.path as Record<string, string>,
            query: parts.query.flat(),
            key: parts.key,
            body: parts.body,
          },
          context.host,
        ),
      );
    }),
  );
}

/**
 * Fuzz cases of one request to any operation of the document.
 *
 * @example
 * fc.sample(requestCaseArbitrary(context), 3);
 */
export function requestCaseArbitrary(context: RequestContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(...context.spec.operations.map((operation) => operationCaseArbitrary(context, operation)));
}

/**
 * A request the seeding made, again, with one of its parameters set to a value its answer gave (a
 * cursor, an id), as is or changed: the next page, a forged cursor, a filter on what was listed.
 *
 * @example
 * followUpCaseArbitrary(context, () => followUps);
 */
export function followUpCaseArbitrary(
  context: RequestContext,
  followUps: () => readonly FollowUp[],
): fc.Arbitrary<FuzzCase | undefined> {
  return fc.tuple(fc.nat(), fc.nat({ max: 9 })).chain(([index, how]) => {
    const list = followUps();
    const followUp = list[index % Math.max(1, list.length)];
    if (followUp === undefined) return fc.constant(undefined);
    const value = how < 4 ? fc.constant(followUp.value) : mutatedToken(followUp.value);
    return value.map((text): FuzzCase => {
      const { request, parameter } = followUp;
      const next: SpecRequest =
        parameter.in === "path"
          ? { ...request, path: { ...request.path, [parameter.name]: text } }
          : {
              ...request,
              query: [...request.query.filter(([name]) => name !== parameter.name), [parameter.name, text]],
            };
      return {
        label: "follow-up request",
        requests: [toWireRequest(next, context.host)],
        tail: Buffer.alloc(0),
        ending: "answers",
        wellFormed: true,
      };
    });
  });
}
