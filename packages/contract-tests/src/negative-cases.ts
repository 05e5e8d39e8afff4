/**
 * Negative cases generated from the spec: for every operation, each parameter and each top-level body
 * field gets values its schema rejects (wrong type, out of range, unknown enum value, wrong shape), the
 * body goes missing, malformed or over-specified, and the API key goes missing or unknown. Each case
 * says what the spec promises: the documented 4xx, in the family's error body, naming the culprit.
 * `invalidValueArbitrary` gives fast-check the same knowledge for property-based runs.
 *
 * @example
 * import { generateNegativeCases } from "./negative-cases.js";
 * for (const c of generateNegativeCases(loadSpecModel())) console.log(c.operationId, c.name, c.expect);
 * // getSession "path id = \"ses_01HX2K3PQ4M\" (does not match the pattern)" { status: 400, code: "invalid_parameter", param: "id" }
 */
import fc from "fast-check";
import type { ErrorFamily, SpecModel, SpecOperation, SpecParameter } from "./spec-model.js";

export interface ExpectedError {
  status: number;
  /** The family's error code: `error.code` (gateway) or `error_code` (app). */
  code: string;
  /** The parameter or body field the error must name, when the spec says it names one. */
  param?: string;
}

export interface NegativeCase {
  operationId: string;
  /** What is wrong with the request, in words. */
  name: string;
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** Request headers the case sends (a header parameter's bad value). */
  headers?: Record<string, string>;
  /** `undefined`: the target's valid key; `null`: no Authorization header; a string: that key. */
  apiKey?: string | null;
  expect: ExpectedError;
  /** Why Prism's mock cannot answer this case as the spec says, if so: the case runs on servers only. */
  mockCannot?: string;
  /** Why Prism's proxy does not pass this case to the server, if so: on the proxy target it goes direct. */
  proxyBypass?: string;
}

const codes: Record<ErrorFamily, Record<"parameter" | "body" | "unauthorized", string>> = {
  gateway: { parameter: "invalid_parameter", body: "invalid_request_body", unauthorized: "unauthorized" },
  app: {
    parameter: "ERR_INVALID_PARAMETER",
    body: "ERR_INVALID_REQUEST_BODY",
    unauthorized: "ERR_UNAUTHORIZED",
  },
};

/**
 * The error code a response body carries, whatever its family.
 *
 * @example
 * errorCodeOf({ error_code: "ERR_NOT_FOUND", status_code: 404, msg: "", details: { operation_id: "r" } }); // "ERR_NOT_FOUND"
 */
export function errorCodeOf(body: unknown): string | undefined {
  const record = body as { error?: { code?: string }; error_code?: string } | undefined;
  return record?.error?.code ?? record?.error_code;
}

/**
 * The parameter a response body names as the culprit, whatever its family.
 *
 * @example
 * errorParamOf({ error: { code: "invalid_parameter", message: "", request_id: "r", param: "limit" } }); // "limit"
 */
export function errorParamOf(body: unknown): string | undefined {
  const record = body as { error?: { param?: string }; details?: { param?: string } } | undefined;
  return record?.error?.param ?? record?.details?.param;
}

/**
 * Whether a query or path value, as text on the wire, satisfies the parameter's schema.
 *
 * @example
 * acceptsParameterValue(model, limit, "201"); // false: above the maximum
 */
export function acceptsParameterValue(model: SpecModel, parameter: SpecParameter, raw: string): boolean {
  const type = parameter.schema.type;
  if (type === "integer")
    return /^-?\d+$/.test(raw) && model.validator.validate(parameter.schema, Number(raw)).valid;
  if (type === "number")
    return (
      raw.trim() !== "" &&
      !Number.isNaN(Number(raw)) &&
      model.validator.validate(parameter.schema, Number(raw)).valid
    );
  if (type === "boolean") return raw === "true" || raw === "false";
  return model.validator.validate(parameter.schema, raw).valid;
}

/**
 * Rejected values for a parameter, each with why it is wrong; every one is checked against the schema.
 *
 * @example
 * invalidParameterValues(model, limit).map((v) => v.value); // ["abc", "1.5", "0", "201"]
 */
export function invalidParameterValues(
  model: SpecModel,
  parameter: SpecParameter,
): { value: string; why: string }[] {
  const schema = parameter.schema;
  const candidates: { value: string; why: string }[] = [];
  if (schema.type === "integer" || schema.type === "number") {
    candidates.push({ value: "abc", why: "not a number" });
    if (schema.type === "integer") candidates.push({ value: "1.5", why: "not an integer" });
    if (typeof schema.minimum === "number")
      candidates.push({ value: String(schema.minimum - 1), why: `below the minimum ${schema.minimum}` });
    if (typeof schema.maximum === "number")
      candidates.push({ value: String(schema.maximum + 1), why: `above the maximum ${schema.maximum}` });
  } else if (schema.type === "boolean") {
    candidates.push({ value: "maybe", why: "not a boolean" }, { value: "1", why: "not true or false" });
  } else {
    if (Array.isArray(schema.enum))
      candidates.push({ value: "unknown_value", why: "not one of the enum values" });
    const example = typeof parameter.example === "string" ? parameter.example : "x";
    if (typeof schema.pattern === "string") {
      candidates.push(
        { value: example.slice(0, -1), why: "one character short of the pattern" },
        { value: `${example}!`, why: "a character outside the pattern" },
        { value: example.toUpperCase(), why: "upper case where the pattern wants lower" },
        { value: example.toLowerCase(), why: "lower case where the pattern wants upper" },
        { value: `zz${example.slice(2)}`, why: "a foreign prefix" },
      );
    }
    // a bound may sit on the schema or on each of its anyOf alternatives (an id of any shape, up to a length)
    const alternatives = ((schema.anyOf as unknown[] | undefined) ?? [schema]).map((alternative) =>
      model.validator.resolve<{ maxLength?: unknown }>(alternative),
    );
    // past the longest bound; kept only if the schema rejects it (an alternative without a bound may not)
    const maxLengths = alternatives.flatMap((alternative) =>
      typeof alternative.maxLength === "number" ? [alternative.maxLength] : [],
    );
    if (maxLengths.length > 0) {
      const longest = Math.max(...maxLengths);
      candidates.push({ value: "a".repeat(longest + 1), why: `longer than ${longest}` });
    }
    candidates.push({ value: `${example}\u0001`, why: "a control character" });
  }
  const seen = new Set<string>();
  return candidates.filter(({ value }) => {
    if (value === "" || seen.has(value) || acceptsParameterValue(model, parameter, value)) return false;
    seen.add(value);
    return true;
  });
}

/**
 * Values that make a request valid, so that a case changes exactly one thing.
 *
 * @example
 * validBaseline(model.operation("getSession")).path; // { product: "residential", id: "ses_01HX2K3PQ4M5" }
 */
export function validBaseline(operation: SpecOperation): { path: Record<string, string>; body: unknown } {
  const path: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === "path") path[parameter.name] = String(parameter.example);
  }
  return { path, body: operation.requestBody?.examples[0] ?? (operation.requestBody ? {} : undefined) };
}

function wrongTypeValue(schema: Record<string, unknown>): { value: unknown; why: string } | undefined {
  switch (schema.type) {
    case "integer":
    case "number":
      return { value: "12", why: "a string where a number belongs" };
    case "string":
      return { value: 12, why: "a number where a string belongs" };
    case "boolean":
      return { value: "true", why: "a string where a boolean belongs" };
    case "array":
      return { value: "x", why: "a string where an array belongs" };
    case "object":
      return { value: [], why: "an array where an object belongs" };
    default:
      return undefined;
  }
}

function bodyCases(
  model: SpecModel,
  operation: SpecOperation,
  base: ReturnType<typeof validBaseline>,
): NegativeCase[] {
  if (!operation.requestBody) return [];
  const schema = model.validator.resolve<Record<string, unknown>>(operation.requestBody.schema);
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = (schema.required ?? []) as string[];
  const baseBody = (base.body ?? {}) as Record<string, unknown>;
  const code = codes[operation.family].body;
  const cases: NegativeCase[] = [];
  const make = (name: string, body: unknown, param?: string, rawBody?: string): NegativeCase => ({
    operationId: operation.operationId,
    name,
    path: base.path,
    query: {},
    ...(rawBody === undefined ? { body } : { rawBody }),
    expect: { status: 400, code, ...(param ? { param } : {}) },
  });
  cases.push({
    ...make("body is not JSON", undefined, undefined, "{not json"),
    mockCannot: "Prism 5.14.2 never answers a request whose JSON body does not parse",
    proxyBypass: "Prism 5.14.2 never answers a request whose JSON body does not parse",
  });
  if (operation.requestBody.required)
    cases.push(make("body is not a JSON object", undefined, undefined, "[]"));
  for (const field of required) {
    const { [field]: _dropped, ...rest } = baseBody;
    cases.push(make(`body without its required field ${field}`, rest, field));
  }
  if (schema.additionalProperties === false)
    cases.push(make("body with an unknown field", { ...baseBody, not_a_field: 1 }));
  for (const [field, rawProperty] of Object.entries(properties)) {
    const property = model.validator.resolve<Record<string, unknown>>(rawProperty);
    const wrong = wrongTypeValue(property);
    if (wrong) cases.push(make(`body ${field}: ${wrong.why}`, { ...baseBody, [field]: wrong.value }, field));
    if (typeof property.minimum === "number") {
      cases.push(
        make(
          `body ${field}: below the minimum ${property.minimum}`,
          { ...baseBody, [field]: property.minimum - 1 },
          field,
        ),
      );
    }
    if (typeof property.maximum === "number") {
      cases.push(
        make(
          `body ${field}: above the maximum ${property.maximum}`,
          { ...baseBody, [field]: property.maximum + 1 },
          field,
        ),
      );
    }
  }
  return cases;
}

/**
 * The explicit table of negative cases, generated from the spec.
 *
 * @example
 * test.each(generateNegativeCases(model))("$operationId: $name", async (negative) => { ... });
 */
export function generateNegativeCases(model: SpecModel): NegativeCase[] {
  const cases: NegativeCase[] = [];
  for (const operation of model.operations) {
    const base = validBaseline(operation);
    const family = operation.family;
    for (const parameter of operation.parameters) {
      if (parameter.in !== "path" && parameter.in !== "query") continue;
      for (const { value, why } of invalidParameterValues(model, parameter)) {
        cases.push({
          operationId: operation.operationId,
          name: `${parameter.in} ${parameter.name} = ${JSON.stringify(value)} (${why})`,
          path: parameter.in === "path" ? { ...base.path, [parameter.name]: value } : base.path,
          query: parameter.in === "query" ? { [parameter.name]: value } : {},
          ...(base.body === undefined ? {} : { body: base.body }),
          expect: { status: 400, code: codes[family].parameter, param: parameter.name },
        });
      }
    }
    for (const parameter of operation.parameters) {
      if (parameter.in !== "header") continue;
      const schema = model.validator.resolve<Record<string, unknown>>(parameter.schema);
      const values: [string, string][] = [];
      if (typeof schema.minLength === "number" && schema.minLength > 0)
        values.push(["k".repeat(schema.minLength - 1), `shorter than its minLength ${schema.minLength}`]);
      if (typeof schema.maxLength === "number")
        values.push(["k".repeat(schema.maxLength + 1), `longer than its maxLength ${schema.maxLength}`]);
      for (const [value, why] of values) {
        cases.push({
          operationId: operation.operationId,
          name: `header ${parameter.name} of ${value.length} characters (${why})`,
          path: base.path,
          query: {},
          ...(base.body === undefined ? {} : { body: base.body }),
          headers: { [parameter.name]: value },
          expect: { status: 400, code: codes[family].parameter, param: parameter.name },
          mockCannot: "Prism's mock answers a request whose header breaks its schema with its own 422",
        });
      }
    }
    if (operation.parameters.some((parameter) => parameter.in === "query"))
      cases.push({
        operationId: operation.operationId,
        name: "query not_a_parameter = 1 (a query parameter the operation does not define)",
        path: base.path,
        query: { not_a_parameter: "1" },
        ...(base.body === undefined ? {} : { body: base.body }),
        expect: { status: 400, code: codes[family].parameter, param: "not_a_parameter" },
        mockCannot: "Prism's mock ignores query parameters the spec does not define",
      });
    cases.push(...bodyCases(model, operation, base));
    if (operation.authenticated) {
      for (const [apiKey, name] of [
        [null, "no API key"],
        ["sk_unknown_key", "an unknown API key"],
      ] as const) {
        cases.push({
          operationId: operation.operationId,
          name,
          path: base.path,
          query: {},
          ...(base.body === undefined ? {} : { body: base.body }),
          apiKey,
          expect: { status: 401, code: codes[family].unauthorized },
          ...(apiKey === null
            ? { proxyBypass: "Prism's proxy answers a missing bearer token itself" }
            : { mockCannot: "Prism's mock takes any bearer token" }),
        });
      }
    }
  }
  return cases;
}

/**
 * fast-check arbitrary of raw values the parameter's schema rejects. Path values stay within URL
 * characters that no router normalises away (`.` and `..` would change the path itself).
 *
 * @example
 * fc.assert(fc.asyncProperty(invalidValueArbitrary(model, limit), async (value) => { ... }), { seed: 1 });
 */
export function invalidValueArbitrary(model: SpecModel, parameter: SpecParameter): fc.Arbitrary<string> {
  const text =
    parameter.in === "path"
      ? fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,40}$/)
      : fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 80 });
  const numeric = fc.oneof(
    fc.integer().map(String),
    fc.double({ noNaN: true }).map(String),
    fc.bigInt().map(String),
  );
  const known = invalidParameterValues(model, parameter).map(({ value }) => value);
  return fc
    .oneof(text, numeric, ...(known.length > 0 ? [fc.constantFrom(...known)] : []))
    .filter((value) => value !== "" && !acceptsParameterValue(model, parameter, value));
}

/**
 * fast-check arbitrary of JSON request bodies the operation's body schema rejects: any JSON value, the
 * valid example with one field replaced by any JSON value, or the example with extra fields.
 *
 * @example
 * fc.sample(invalidBodyArbitrary(model, model.operation("advanceClock")), 3);
 */
export function invalidBodyArbitrary(model: SpecModel, operation: SpecOperation): fc.Arbitrary<unknown> {
  const requestBody = operation.requestBody;
  if (!requestBody) throw new Error(`${operation.operationId} takes no request body`);
  const schema = model.validator.resolve<Record<string, unknown>>(requestBody.schema);
  const base = (validBaseline(operation).body ?? {}) as Record<string, unknown>;
  const fields = Object.keys((schema.properties ?? {}) as object);
  return fc
    .oneof(
      fc.jsonValue(),
      fc
        .record({ field: fc.constantFrom(...fields), value: fc.jsonValue() })
        .map(({ field, value }) => ({ ...base, [field]: value })),
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue(), { minKeys: 1, maxKeys: 3 })
        .map((extra) => ({ ...base, ...extra })),
    )
    .filter((body) => !model.validator.validate(requestBody.schema, body).valid);
}
