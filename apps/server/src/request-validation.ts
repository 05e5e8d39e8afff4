/**
 * Validates a request's path and query parameters and its JSON body against the operation's schemas in
 * the OpenAPI document. Query strings are coerced to the schema's type first (`"50"` → 50, `"true"` →
 * true); every failure is a `400` that names the parameter or field (`param`) and says what was expected.
 *
 * @example
 * const { path, query } = validateParameters(specOperation("getSession"), { product: "isp", id: "ses_x" }, url.searchParams);
 */
import { ApiError } from "./errors.js";
import {
  type OperationSpec,
  type ParameterSpec,
  type SchemaNode,
  schemaValidator,
} from "./spec-operations.js";

const typeOf = (schema: SchemaNode) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

function range(kind: string, schema: SchemaNode): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

/** What a schema accepts, in words, for error messages. */
function expected(schema: SchemaNode): string {
  if (schema.enum !== undefined) return `one of ${schema.enum.join(", ")}`;
  switch (typeOf(schema)) {
    case "integer":
      return range("an integer", schema);
    case "number":
      return range("a number", schema);
    case "boolean":
      return "true or false";
  }
  if (schema.description !== undefined) {
    const text = schema.description.trim().replace(/\.$/, "");
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  const length =
    schema.maxLength === undefined
      ? "a string"
      : `${schema.minLength ?? 0} to ${schema.maxLength} characters`;
  return schema.pattern === undefined ? length : `${length} matching ${schema.pattern}`;
}

// the value as the message quotes it: its start only when long, so that an answer stays small whatever
// was sent (a path or query can be 16 KiB)
const SHOWN_CHARACTERS = 64;
function shown(raw: string): string {
  const quoted = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? text : JSON.stringify(text));
  if (raw.length <= SHOWN_CHARACTERS) return quoted(raw);
  return `${quoted(raw.slice(0, SHOWN_CHARACTERS))}… (${raw.length} characters)`;
}

function coerce(schema: SchemaNode, raw: string): unknown {
  switch (typeOf(schema)) {
    case "integer":
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case "number":
      return raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : raw;
    default:
      return raw;
  }
}

/**
 * One parameter's raw string, coerced to its schema's type and validated.
 *
 * @throws {ApiError} `400 invalid_parameter` naming the parameter.
 * @example
 * validateParameter(limitParameter, "50"); // 50
 */
export function validateParameter(parameter: ParameterSpec, raw: string): unknown {
  const value = coerce(parameter.resolved, raw);
  if (!schemaValidator.validate(parameter.schema, value).valid) {
    throw ApiError.invalidParameter(
      parameter.name,
      `${parameter.name} must be ${expected(parameter.resolved)}; got ${shown(raw)}.`,
    );
  }
  return value;
}

/**
 * The operation's path and query parameters, validated, coerced, with the spec's defaults filled in.
 * On an operation that takes query parameters, one it does not define is rejected: a misspelled filter
 * must not widen a list. Operations without query parameters document no 400 for it, and ignore them.
 *
 * @throws {ApiError} `400 invalid_parameter` naming the parameter.
 * @example
 * validateParameters(specOperation("listResidentialSessions"), {}, new URLSearchParams("limit=10")).query;
 * // { status: "active", limit: 10 }
 */
export function validateParameters(
  operation: OperationSpec,
  pathParams: Record<string, string>,
  searchParams: URLSearchParams,
): { path: Record<string, unknown>; query: Record<string, unknown> } {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const known = operation.parameters.filter((parameter) => parameter.in === "query").map((p) => p.name);
  for (const name of known.length === 0 ? [] : searchParams.keys()) {
    if (!known.includes(name)) {
      throw ApiError.invalidParameter(
        name,
        `Unknown query parameter ${name}: this operation takes ${known.join(", ")}.`,
      );
    }
  }
  for (const parameter of operation.parameters) {
    if (parameter.in === "path") {
      const raw = pathParams[parameter.name];
      if (raw === undefined)
        throw ApiError.invalidParameter(parameter.name, `${parameter.name} is required.`);
      path[parameter.name] = validateParameter(parameter, raw);
    } else if (parameter.in === "query") {
      const values = searchParams.getAll(parameter.name);
      if (values.length > 1) {
        throw ApiError.invalidParameter(parameter.name, `${parameter.name} must be given at most once.`);
      }
      const [raw] = values;
      if (raw !== undefined) query[parameter.name] = validateParameter(parameter, raw);
      else if (parameter.required) {
        throw ApiError.invalidParameter(parameter.name, `${parameter.name} is required.`);
      } else if (parameter.resolved.default !== undefined) query[parameter.name] = parameter.resolved.default;
    }
  }
  return { path, query };
}

// "/requests/0/bytes" -> "requests[0].bytes"
function fieldName(pointer: string): string {
  if (pointer === "(root)" || pointer === "") return "";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce(
      (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === "" ? part : `${name}.${part}`),
      "",
    );
}

const join = (parent: string, child: string) => (parent === "" ? child : `${parent}.${child}`);

// `anyOf` formats (an IP address: ipv4 or ipv6) fail once per branch and once for the `anyOf`: one phrase
function alternatives(texts: readonly string[]): readonly string[] {
  const formats = texts.flatMap((text) => /^must match format "(.+)"$/.exec(text)?.[1] ?? []);
  const rest = texts.filter(
    (text) => !/^must match (?:format "|a schema in anyOf|exactly one schema)/.test(text),
  );
  return formats.length > 1 && rest.length === 0 ? [`must be in the format ${formats.join(" or ")}`] : texts;
}

/** The field at fault and a sentence about it, from the validator's `pointer: message` lines. */
function describeBodyErrors(errors: readonly string[]): { param: string | undefined; message: string } {
  const parsed = errors.map((line) => {
    const split = line.indexOf(": ");
    const field = fieldName(line.slice(0, split));
    const problem = line.slice(split + 2);
    const required = /^must have required property '(.+)'$/.exec(problem);
    if (required?.[1] !== undefined) return { field: join(field, required[1]), text: "is required" };
    const unknown = /^must NOT have (?:additional|unevaluated) properties \("(.+)"\)$/.exec(problem);
    if (unknown?.[1] !== undefined) return { field: join(field, unknown[1]), text: "is not a known field" };
    return { field, text: problem };
  });
  const first = parsed[0];
  if (first === undefined) return { param: undefined, message: "The body breaks its schema." };
  const texts = alternatives([
    ...new Set(parsed.filter((error) => error.field === first.field).map((error) => error.text)),
  ]);
  if (first.field === "") return { param: undefined, message: `The JSON body ${texts.join("; ")}.` };
  return { param: first.field, message: `${first.field} ${texts.join("; ")}.` };
}

/**
 * The operation's JSON body, parsed and validated, with the spec's top-level defaults filled in. An empty
 * optional body reads as `{}`. `beforeSchema` may throw a more specific error than the schema's.
 *
 * @throws {ApiError} `400 invalid_request_body`, naming the field when there is one.
 * @example
 * validateBody(specOperation("advanceClock"), '{"seconds": 60}'); // { seconds: 60 }
 */
export function validateBody(
  operation: OperationSpec,
  text: string,
  beforeSchema?: (value: unknown) => void,
): unknown {
  if (operation.body === null) return undefined;
  let value: unknown;
  if (text.trim() === "") {
    if (operation.body.required) throw ApiError.invalidBody("A JSON body is required.");
    value = {};
  } else {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw ApiError.invalidBody(`The body is not valid JSON: ${(error as Error).message}.`);
    }
  }
  beforeSchema?.(value);
  const result = schemaValidator.validate(operation.body.schema, value);
  if (!result.valid) {
    const { param, message } = describeBodyErrors(result.errors);
    throw ApiError.invalidBody(message, param);
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const [name, property] of Object.entries(operation.body.resolved.properties ?? {})) {
      if (record[name] === undefined && property.default !== undefined) record[name] = property.default;
    }
  }
  return value;
}
