/**
 * Path and query parameters of fuzzed requests: each gets a value its schema accepts mostly, now and
 * then one it rejects or something odd, percent-encoded one of several ways (equivalent or not); a query
 * may also get a parameter the operation does not define, a repeated one, a name without a value.
 */
import fc from "fast-check";
import { mostly } from "./header-arbitrary.js";
import { invalidArbitrary, ODD_CHARACTERS } from "./invalid-arbitrary.js";
import type { RequestContext } from "./request-arbitrary.js";
import { validArbitrary } from "./schema-arbitrary.js";
import { type Encoding, encodeComponent, pathOf } from "./spec-request.js";
import type { FuzzSpec, SpecOperation, SpecParameter } from "./spec-walk.js";

/** A JSON value as the text of a parameter. */
export const textOf = (value: unknown) =>
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

/** The path of a request to `operation`, its parameters filled in and encoded. */
export function pathArbitrary(operation: SpecOperation, context: RequestContext): fc.Arbitrary<string> {
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

/** The query string of a request to `operation` (with its "?"), empty when it has none. */
export function queryArbitrary(operation: SpecOperation, context: RequestContext): fc.Arbitrary<string> {
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
