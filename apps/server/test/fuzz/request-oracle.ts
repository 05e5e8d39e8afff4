/**
 * What the document says about a request, judged from its bytes alone: the operation it reaches (if any),
 * the error family of its path, and the rules it breaks that the server must refuse it for. A request
 * that breaks one may get any documented error, but never a 2xx. Only what the document states is a
 * rule; what it leaves open (a repeated query parameter, a body in another media type) is not judged.
 */
import type { WireRequest } from "./http-wire.js";
import type { FuzzSpec, Schema, SpecOperation, SpecParameter } from "./spec-walk.js";

export type ErrorFamily = "gateway" | "app";

/** The request-target's form (RFC 9112 §3.2). */
export type TargetForm = "origin" | "absolute" | "asterisk" | "authority" | "other";

export interface RequestJudgement {
  form: TargetForm;
  /** The path as sent, undecoded; undefined when the target has none. */
  path: string | undefined;
  /** Whether a path segment is `.` or `..`, plainly or percent-encoded. */
  dotSegments: boolean;
  /** Operations whose path template the path matches. */
  pathOperations: SpecOperation[];
  /** The operation of that path for this method (HEAD reads as GET). */
  operation: SpecOperation | undefined;
  /** The families whose error body the answer may use. */
  families: ErrorFamily[];
  /** The rules broken, each a short phrase; the server must not answer 2xx when there is one. */
  violations: string[];
}

/** What the oracle knows beyond the document: the keys and who owns the values the server gave out. */
export interface OracleContext {
  spec: FuzzSpec;
  /** API key -> its account. */
  accounts: ReadonlyMap<string, string>;
  /** The accounts a value was seen under in the server's answers, if it was. */
  ownersOf(value: string): ReadonlySet<string> | undefined;
}

const unreserved = /^[A-Za-z0-9\-._~]$/;

// RFC 3986 §6.2.2.2: a percent-encoded unreserved character is the character
function decodeUnreserved(segment: string): string {
  return segment.replace(/%([0-9A-Fa-f]{2})/g, (encoded, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return unreserved.test(character) ? character : encoded;
  });
}

function decodeOnce(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function splitTarget(target: string): { form: TargetForm; path: string | undefined; query: string } {
  const withoutFragment = target.split("#")[0] ?? "";
  const queryAt = withoutFragment.indexOf("?");
  const query = queryAt < 0 ? "" : withoutFragment.slice(queryAt + 1);
  const beforeQuery = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  if (beforeQuery.startsWith("/")) return { form: "origin", path: beforeQuery, query };
  if (target === "*") return { form: "asterisk", path: undefined, query: "" };
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?$/.exec(beforeQuery);
  if (absolute !== null) return { form: "absolute", path: absolute[1] ?? "/", query };
  if (/^[^/?#\s]+:\d+$/.test(target)) return { form: "authority", path: undefined, query: "" };
  return { form: "other", path: undefined, query: "" };
}

/**
 * The error family the conventions give a path: `/app` and `/sandbox/app` answer `AppError`, every
 * other path `GatewayError`.
 *
 * @example
 * familyOfPath("/sandbox/app/sessions"); // "app"
 */
export function familyOfPath(path: string): ErrorFamily {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  return under("/app") || under("/sandbox/app") ? "app" : "gateway";
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split("/");
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? "";
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name !== undefined) {
      if (segment === "") return undefined;
      params[name] = segment;
    } else if (decodeUnreserved(segment) !== part) {
      return undefined;
    }
  }
  return params;
}

/**
 * Whether a parameter's text, read leniently (as itself, trimmed, as a number, as a boolean), is a value
 * its schema accepts: only text no reading makes valid is a broken rule.
 *
 * @example
 * acceptsParameterText(validator, limitParameter, " 5"); // true: 5 is a valid limit
 */
export function acceptsParameterText(spec: FuzzSpec, parameter: SpecParameter, text: string): boolean {
  const readings: unknown[] = [text, text.trim()];
  for (const candidate of [text, text.trim()]) {
    if (candidate !== "" && Number.isFinite(Number(candidate))) readings.push(Number(candidate));
    if (/^(true|false)$/i.test(candidate)) readings.push(candidate.toLowerCase() === "true");
  }
  return readings.some((reading) => spec.validator.validate(parameter.schema, reading).valid);
}

function unchunk(body: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const sizeText = body.subarray(at, lineEnd).toString("latin1");
    if (!/^[0-9A-Fa-f]+$/.test(sizeText)) return undefined;
    const size = Number.parseInt(sizeText, 16);
    if (size === 0)
      return body.subarray(lineEnd).equals(Buffer.from("\r\n\r\n")) ? Buffer.concat(parts) : undefined;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    if (!body.subarray(lineEnd + 2 + size, lineEnd + 4 + size).equals(Buffer.from("\r\n"))) return undefined;
    at = lineEnd + 4 + size;
  }
}

/** The body as the operation receives it, when its framing is unambiguous; undefined when it is not. */
function bodyOf(request: WireRequest): Buffer | undefined {
  const values = (name: string) =>
    request.headers.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
  const lengths = values("content-length");
  const transfers = values("transfer-encoding");
  if (transfers.length === 0) {
    if (lengths.length === 0) return request.body.length === 0 ? request.body : undefined;
    return lengths.length === 1 && lengths[0] === String(request.body.length) ? request.body : undefined;
  }
  if (lengths.length > 0 || transfers.length > 1 || transfers[0]?.toLowerCase() !== "chunked")
    return undefined;
  return unchunk(request.body);
}

const errorPointer = (line: string) => line.slice(0, line.indexOf(": ")).replace(/\/\d+(?=\/|$)/g, "/[]");

function bodyViolations(spec: FuzzSpec, operation: SpecOperation, request: WireRequest): string[] {
  const body = operation.body;
  if (body === null) return [];
  const bytes = bodyOf(request);
  if (bytes === undefined) return [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return ["body is not UTF-8"];
  }
  // RFC 8259 §8.1: a parser may ignore a byte order mark
  if (text.startsWith("\ufeff")) text = text.slice(1);
  if (text.trim() === "") return body.required ? ["body missing"] : [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return ["body is not JSON"];
  }
  const result = spec.validator.validate(body.schema, value);
  return result.valid ? [] : [`body ${errorPointer(result.errors[0] ?? "(root): ")} breaks its schema`];
}

function authorizationViolations(context: OracleContext, request: WireRequest): string[] {
  const values = request.headers
    .filter(([key]) => key.toLowerCase() === "authorization")
    .map(([, value]) => value);
  if (values.length === 0) return ["no API key"];
  if (values.length > 1) return [];
  const match = /^Bearer +(\S+) *$/i.exec(values[0]?.trim() ?? "");
  if (match?.[1] === undefined) return ["not one bearer key"];
  return context.accounts.has(match[1]) ? [] : ["unknown API key"];
}

function accountOf(context: OracleContext, request: WireRequest): string | undefined {
  const values = request.headers
    .filter(([key]) => key.toLowerCase() === "authorization")
    .map(([, value]) => value);
  const key = values.length === 1 ? /^Bearer +(\S+) *$/i.exec(values[0]?.trim() ?? "")?.[1] : undefined;
  return key === undefined ? undefined : context.accounts.get(key);
}

/**
 * Judges a request as the document would.
 *
 * @example
 * judgeRequest(context, { method: "GET", target: "/v1/residential/sessions?limit=0", ... }).violations;
 * // ["query limit breaks its schema"]
 */
export function judgeRequest(context: OracleContext, request: WireRequest): RequestJudgement {
  const { spec } = context;
  const { form, path, query } = splitTarget(request.target);
  const judgement: RequestJudgement = {
    form,
    path,
    dotSegments: false,
    pathOperations: [],
    operation: undefined,
    // the family of the path as the server routes it: percent-encoded letters are letters
    families: path === undefined ? ["gateway"] : [familyOfPath(decodeUnreserved(path))],
    violations: [],
  };
  if (path === undefined) return judgement;
  const segments = path.split("/");
  judgement.dotSegments = segments.some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
  if (judgement.dotSegments) {
    judgement.families = ["gateway", "app"];
    return judgement;
  }
  const matches = spec.operations.flatMap((operation) => {
    const params = matchTemplate(operation.path, segments);
    return params === undefined ? [] : [{ operation, params }];
  });
  judgement.pathOperations = matches.map((match) => match.operation);
  const method = request.method === "HEAD" ? "GET" : request.method;
  const match = matches.find((candidate) => candidate.operation.method === method);
  if (match === undefined) return judgement;
  const { operation, params } = match;
  judgement.operation = operation;
  const violations: string[] = [];
  if (operation.secured) violations.push(...authorizationViolations(context, request));
  const searchParams = new URLSearchParams(query);
  const defined = operation.parameters.filter((parameter) => parameter.in === "query");
  // the conventions: an operation that takes query parameters refuses one it does not define
  if (defined.length > 0 && [...searchParams.keys()].some((name) => !defined.some((p) => p.name === name))) {
    violations.push("unknown query parameter");
  }
  const account = accountOf(context, request);
  for (const parameter of operation.parameters) {
    if (parameter.in === "path") {
      const text = decodeOnce(params[parameter.name] ?? "");
      if (text === undefined) continue;
      if (!acceptsParameterText(spec, parameter, text))
        violations.push(`path ${parameter.name} breaks its schema`);
      const owners = context.ownersOf(text);
      if (owners !== undefined && account !== undefined && !owners.has(account)) {
        violations.push(`path ${parameter.name} is another account's`);
      }
    } else if (parameter.in === "query") {
      const texts = searchParams.getAll(parameter.name);
      if (texts.length === 0 && parameter.required) violations.push(`query ${parameter.name} missing`);
      if (texts.length === 1 && !acceptsParameterText(spec, parameter, texts[0] ?? "")) {
        violations.push(`query ${parameter.name} breaks its schema`);
      }
    } else if (parameter.in === "header") {
      const texts = request.headers.filter(([key]) => key.toLowerCase() === parameter.name.toLowerCase());
      if (texts.length === 0 && parameter.required) violations.push(`header ${parameter.name} missing`);
    }
  }
  violations.push(...bodyViolations(spec, operation, request));
  judgement.violations = violations;
  return judgement;
}

/** The schema of a family's error body. */
export function errorSchemaOf(spec: FuzzSpec, family: ErrorFamily): Schema {
  return spec.errorSchemas[family];
}
