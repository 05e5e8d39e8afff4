/**
 * Checks one HTTP response against what the spec documents for the operation that produced it: the
 * status is documented, the media type matches, the required headers are there (`X-Request-Id`
 * everywhere, `Retry-After` on 429, `Allow` on 405), the body validates against the response schema
 * (JSON Schema 2020-12 with formats), its timestamps are in UTC, and a response without content has no
 * body.
 *
 * @example
 * import { checkResponse, subjectOfOperation } from "./response-check.js";
 * const problems = checkResponse(model, subjectOfOperation(model.operation("getSession")), observed);
 * // [{ where: "body /asn", message: "must be integer", actual: "\"7922\"" }]
 */
import {
  type ErrorFamily,
  errorSchemaOf,
  type SpecModel,
  type SpecOperation,
  type SpecResponse,
} from "./spec-model.js";

/** What was checked: an operation of the spec, or one of its conventions (405, unknown path). */
export interface CheckSubject {
  /** The operationId, or a convention's label (`unsupported method on /app/sessions`). */
  label: string;
  family: ErrorFamily;
  responses: Map<string, SpecResponse>;
  /** For 405: the methods the path supports, upper case; `Allow` must name exactly these (HEAD/OPTIONS aside). */
  allow?: string[];
}

export interface ObservedResponse {
  status: number;
  headers: Headers;
  /** The raw body text; empty when there was none. */
  text: string;
}

export interface ContractProblem {
  /** Where the problem is: `status`, `content-type`, `header Retry-After`, `body /data/0/asn`. */
  where: string;
  message: string;
  expected?: string;
  actual?: string;
}

/**
 * The subject that holds a response to an operation's documented responses.
 *
 * @example
 * checkResponse(model, subjectOfOperation(model.operation("getClock")), observed);
 */
export function subjectOfOperation(operation: SpecOperation): CheckSubject {
  return { label: operation.operationId, family: operation.family, responses: operation.responses };
}

function conventionResponse(status: string, family: ErrorFamily, extraHeaders: string[]): SpecResponse {
  return {
    status,
    mediaTypes: ["application/json"],
    schema: errorSchemaOf(family),
    exampleNames: [],
    headers: ["X-Request-Id", ...extraHeaders].map((name) => ({
      name,
      required: true,
      schema: { type: "string", minLength: 1 },
    })),
  };
}

/**
 * The spec's convention for a method a path does not support: `405` in the family's body with `Allow`.
 *
 * @example
 * client.send(subjectOfUnsupportedMethod(model, "/healthz"), "POST", "/healthz", { expect: 405 });
 */
export function subjectOfUnsupportedMethod(model: SpecModel, path: string): CheckSubject {
  const methods = model.paths.get(path);
  if (!methods) throw new Error(`The spec has no path ${path}`);
  const family = model.operations.find((op) => op.path === path)?.family ?? "gateway";
  return {
    label: `unsupported method on ${path}`,
    family,
    responses: new Map([["405", conventionResponse("405", family, ["Allow"])]]),
    allow: methods.map((method) => method.toUpperCase()),
  };
}

/**
 * The spec's convention for a path that does not exist: `404 not_found` in the family's body.
 *
 * @example
 * client.send(subjectOfUnknownPath("app"), "GET", "/app/nothing", { expect: 404 });
 */
export function subjectOfUnknownPath(family: ErrorFamily): CheckSubject {
  return {
    label: `unknown ${family} path`,
    family,
    responses: new Map([["404", conventionResponse("404", family, [])]]),
  };
}

function valueAtPointer(value: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "(root)") return value;
  let current: unknown = value;
  for (const raw of pointer.slice(1).split("/")) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function mediaTypeOf(headers: Headers): string | undefined {
  return headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
}

function checkHeaderValue(model: SpecModel, name: string, schema: Record<string, unknown>, raw: string) {
  // header values are strings on the wire; integer headers (Retry-After) are checked as numbers
  const value = schema.type === "integer" && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  const result = model.validator.validate(schema, value);
  return result.valid
    ? []
    : [
        {
          where: `header ${name}`,
          message: result.errors.join("; ").replace(/^\(root\): /, ""),
          actual: show(raw),
        },
      ];
}

/**
 * Returns every way `observed` breaks the contract of `subject`; an empty list means it conforms.
 *
 * @example
 * const problems = checkResponse(model, subject, { status: 200, headers, text });
 */
export function checkResponse(
  model: SpecModel,
  subject: CheckSubject,
  observed: ObservedResponse,
): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const status = String(observed.status);
  const documented = subject.responses.get(status) ?? subject.responses.get("default");
  if (!documented) {
    problems.push({
      where: "status",
      message: `${status} is not a status the spec documents for ${subject.label}`,
      expected: [...subject.responses.keys()].join(" | "),
      actual: status,
    });
    problems.push(...prismResponseViolations(observed.headers));
    if (observed.text) problems.push({ where: "body", message: "as sent", actual: show(observed.text) });
    return problems;
  }
  problems.push(...prismResponseViolations(observed.headers));

  const requestId = observed.headers.get("x-request-id");
  const documentsRequestId = documented.headers.some(
    (header) => header.name.toLowerCase() === "x-request-id",
  );
  if (!requestId && !documentsRequestId) {
    problems.push({
      where: "header X-Request-Id",
      message: "required header is missing (every response carries it)",
    });
  }
  for (const header of documented.headers) {
    const raw = observed.headers.get(header.name);
    if (raw === null) {
      if (header.required)
        problems.push({ where: `header ${header.name}`, message: "required header is missing" });
      continue;
    }
    problems.push(...checkHeaderValue(model, header.name, header.schema, raw));
  }
  if (status === "405" && subject.allow) {
    const allow = (observed.headers.get("allow") ?? "")
      .split(",")
      .map((method) => method.trim().toUpperCase())
      .filter((method) => method !== "" && method !== "HEAD" && method !== "OPTIONS");
    const expected = [...subject.allow].sort().join(", ");
    if ([...new Set(allow)].sort().join(", ") !== expected) {
      problems.push({
        where: "header Allow",
        message: "must list the path's methods",
        expected,
        actual: show(allow.join(", ")),
      });
    }
  }

  if (documented.mediaTypes.length === 0) {
    if (observed.text.length > 0) {
      problems.push({ where: "body", message: `a ${status} has no body`, actual: show(observed.text) });
    }
    return problems;
  }
  const mediaType = mediaTypeOf(observed.headers);
  if (!mediaType || !documented.mediaTypes.includes(mediaType)) {
    problems.push({
      where: "content-type",
      message: "media type is not documented for this response",
      expected: documented.mediaTypes.join(" | "),
      actual: show(observed.headers.get("content-type") ?? undefined),
    });
  }
  if (!documented.schema) return problems;
  let body: unknown;
  try {
    body = JSON.parse(observed.text);
  } catch {
    problems.push({ where: "body", message: "is not JSON", actual: show(observed.text) });
    return problems;
  }
  const result = model.validator.validate(documented.schema, body);
  for (const line of result.errors) {
    const split = line.indexOf(": ");
    const pointer = line.slice(0, split);
    problems.push({
      where: `body ${pointer === "(root)" ? "/" : pointer}`,
      message: line.slice(split + 2),
      actual: show(valueAtPointer(body, pointer)),
    });
  }
  if (observed.status >= 400 && result.valid)
    problems.push(...checkErrorIdentity(subject.family, observed, body, requestId));
  problems.push(...timestampsNotInUtc(body));
  return problems;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The spec's convention "Timestamps are RFC 3339 in UTC": every timestamp in a body carries `Z` (or
 * `+00:00`). `format: date-time` alone would let any offset through.
 *
 * @example
 * timestampsNotInUtc({ started_at: "2026-05-28T09:00:00+02:00" }); // [{ where: "body /started_at", ... }]
 */
export function timestampsNotInUtc(body: unknown, pointer = ""): ContractProblem[] {
  if (typeof body === "string") {
    const offset = rfc3339.exec(body)?.[2];
    return offset === undefined || /^(z|[+-]00:00)$/i.test(offset)
      ? []
      : [{ where: `body ${pointer || "/"}`, message: "a timestamp must be in UTC (Z)", actual: show(body) }];
  }
  if (body === null || typeof body !== "object") return [];
  return Object.entries(body).flatMap(([key, value]) =>
    timestampsNotInUtc(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`),
  );
}

/**
 * What Prism's validating proxy found wrong with the upstream's response (its `sl-violations` header).
 * Violations of the request are left out: the suite sends invalid requests on purpose.
 *
 * @example
 * prismResponseViolations(response.headers); // [{ where: "prism response.body.asn", message: "..." }]
 */
export function prismResponseViolations(headers: Headers): ContractProblem[] {
  const raw = headers.get("sl-violations");
  if (!raw) return [];
  let violations: { location?: unknown[]; message?: string; code?: unknown }[];
  try {
    violations = JSON.parse(raw);
  } catch {
    return [{ where: "prism sl-violations", message: raw }];
  }
  return violations
    .filter((violation) => violation.location?.[0] === "response")
    .map((violation) => ({
      where: `prism ${(violation.location ?? []).join(".")}`,
      message: violation.message ?? String(violation.code),
    }));
}

// the spec promises the error body quotes the response's own request id (and, for the app family, status)
function checkErrorIdentity(
  family: ErrorFamily,
  observed: ObservedResponse,
  body: unknown,
  requestId: string | null,
): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const record = body as Record<string, Record<string, unknown>>;
  const quoted = family === "app" ? record.details?.operation_id : record.error?.request_id;
  const field = family === "app" ? "/details/operation_id" : "/error/request_id";
  if (requestId && quoted !== requestId) {
    problems.push({
      where: `body ${field}`,
      message: "must equal the X-Request-Id header",
      expected: show(requestId),
      actual: show(quoted),
    });
  }
  if (family === "app" && (body as { status_code?: unknown }).status_code !== observed.status) {
    problems.push({
      where: "body /status_code",
      message: "must equal the HTTP status",
      expected: String(observed.status),
      actual: show((body as { status_code?: unknown }).status_code),
    });
  }
  return problems;
}
