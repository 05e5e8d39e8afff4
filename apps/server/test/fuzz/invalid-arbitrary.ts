/**
 * fast-check arbitraries of values the document's JSON Schemas reject, each with the field it broke and
 * the rule: another type, out of range, too long or short, off its pattern or format, not in its enum, a
 * required field missing, an unknown one, a nested value broken. The validator confirms every one, so
 * "invalid" is its word, not a guess.
 */
import fc from "fast-check";
import { inferredTypes, type ValueContext, validArbitrary, withBranch } from "./schema-arbitrary.js";
import type { Schema } from "./spec-walk.js";

/** A value a schema rejects, and where and why (`requests[0].bytes: above the maximum`). */
export interface InvalidValue {
  value: unknown;
  /** A field path inside the value (`""` for the value itself). */
  at: string;
  why: string;
}

/** Characters that break patterns, encodings and parsers in interesting ways. */
export const ODD_CHARACTERS = [
  " ",
  "\u0000",
  "\t",
  "\n",
  "\r\n",
  "é",
  "😀",
  "\u200b",
  "\u202e",
  "\ud800",
  "\ufeff",
  "Ａ",
  "İ",
  "/",
  "\\",
  "%",
  "%00",
  "?",
  "#",
  "&",
  "=",
  "+",
  ".",
  "..",
  "'",
  '"',
  "<",
  "{",
] as const;

/**
 * A string with one thing changed: an odd character in, a character out, its case flipped, cut short,
 * doubled.
 *
 * @example
 * fc.sample(mutatedString("ses_01HX2K3PQ4M5"), 1); // ["ses_01HX2K3P\u200bQ4M5"]
 */
export function mutatedString(text: string): fc.Arbitrary<string> {
  const gap = fc.nat({ max: text.length });
  const position = fc.nat({ max: Math.max(0, text.length - 1) });
  return fc
    .oneof(
      fc
        .tuple(gap, fc.constantFrom(...ODD_CHARACTERS))
        .map(([at, odd]) => text.slice(0, at) + odd + text.slice(at)),
      position.map((at) => text.slice(0, at) + text.slice(at + 1)),
      fc.constant(text.toUpperCase()),
      fc.constant(text.toLowerCase()),
      position.map((at) => text.slice(0, at)),
      fc.constant(text + text),
      position.map((at) => {
        const code = text.charCodeAt(at);
        return Number.isNaN(code)
          ? `${text}~`
          : text.slice(0, at) + String.fromCharCode(code + 1) + text.slice(at + 1);
      }),
      // a change of case, or a cut, may leave it as it was
    )
    .filter((mutated) => mutated !== text);
}

const jsonTypeOf = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;

const otherTypeValues: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e300,
  "",
  "x",
  "12",
  [],
  [1],
  {},
  { a: 1 },
];

function invalidCandidates(
  schema: Schema,
  node: Schema,
  context: ValueContext,
): fc.Arbitrary<InvalidValue>[] {
  const types = inferredTypes(schema);
  const isDeclaredType = (value: unknown) =>
    types.includes(jsonTypeOf(value)) || (jsonTypeOf(value) === "integer" && types.includes("number"));
  const candidates: fc.Arbitrary<InvalidValue>[] = [
    fc.constantFrom(...otherTypeValues.filter((value) => !isDeclaredType(value))).map((value) => ({
      value,
      at: "",
      why: `${jsonTypeOf(value)} where ${types.join(" or ")} belongs`,
    })),
  ];
  const valid = validArbitrary(node, context);
  if (Array.isArray(schema.enum)) {
    candidates.push(
      fc
        .constantFrom(...(schema.enum as unknown[]))
        .chain((value) => mutatedString(String(value)))
        .map((value) => ({ value, at: "", why: "not one of the enum values" })),
    );
  }
  if (types.includes("string") && !Array.isArray(schema.enum)) {
    if (typeof schema.maxLength === "number") {
      const max = schema.maxLength;
      candidates.push(
        fc.integer({ min: max + 1, max: max + 64 }).map((length) => ({
          value: "a".repeat(length),
          at: "",
          why: `longer than ${max}`,
        })),
      );
    }
    if (typeof schema.minLength === "number" && schema.minLength > 0) {
      candidates.push(fc.constant({ value: "", at: "", why: `shorter than ${schema.minLength}` }));
    }
    if (typeof schema.pattern === "string" || typeof schema.format === "string") {
      const rule =
        typeof schema.pattern === "string" ? `not matching ${schema.pattern}` : `not a ${schema.format}`;
      candidates.push(
        valid
          .filter((value): value is string => typeof value === "string")
          .chain(mutatedString)
          .map((value) => ({ value, at: "", why: rule })),
      );
    }
  }
  if (types.includes("integer") || types.includes("number")) {
    const bounds: { value: number; why: string }[] = [];
    if (typeof schema.minimum === "number")
      bounds.push({ value: schema.minimum - 1, why: "below the minimum" });
    if (typeof schema.maximum === "number")
      bounds.push({ value: schema.maximum + 1, why: "above the maximum" });
    bounds.push({ value: -1e300, why: "far below any bound" }, { value: 1e300, why: "far above any bound" });
    candidates.push(fc.constantFrom(...bounds).map(({ value, why }) => ({ value, at: "", why })));
    if (!types.includes("number")) {
      candidates.push(
        valid
          .filter((value): value is number => typeof value === "number")
          .map((value) => ({ value: value + 0.5, at: "", why: "not an integer" })),
      );
    }
  }
  if (types.includes("array")) {
    const items = (schema.items ?? {}) as Schema;
    if (typeof schema.maxItems === "number" && schema.maxItems < 1000) {
      const max = schema.maxItems;
      candidates.push(
        fc
          .array(validArbitrary(items, context), { minLength: max + 1, maxLength: max + 1 })
          .map((value) => ({ value, at: "", why: `more than ${max} items` })),
      );
    }
    if (typeof schema.minItems === "number" && schema.minItems > 0) {
      candidates.push(fc.constant({ value: [], at: "", why: `fewer than ${schema.minItems} items` }));
    }
    candidates.push(
      fc
        .tuple(
          fc.array(validArbitrary(items, context), { maxLength: 3 }),
          invalidArbitrary(items, context),
          fc.nat(),
        )
        .map(([list, bad, at]) => {
          const index = list.length === 0 ? 0 : at % (list.length + 1);
          const value = [...list.slice(0, index), bad.value, ...list.slice(index)];
          return { value, at: `[]${bad.at === "" ? "" : `.${bad.at}`}`, why: bad.why };
        }),
    );
  }
  if (types.includes("object")) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = ((schema.required ?? []) as string[]).filter((name) => name in properties);
    const object = valid.filter(
      (value): value is Record<string, unknown> =>
        value !== null && typeof value === "object" && !Array.isArray(value),
    );
    if (required.length > 0) {
      candidates.push(
        fc.tuple(object, fc.constantFrom(...required)).map(([value, name]) => {
          const { [name]: _dropped, ...rest } = value;
          return { value: rest, at: name, why: "missing, and required" };
        }),
      );
    }
    if (schema.additionalProperties === false || schema.unevaluatedProperties === false) {
      candidates.push(
        fc
          .tuple(
            object,
            fc.stringMatching(/^[a-z_]{1,16}$/).filter((name) => !(name in properties)),
            fc.jsonValue({ maxDepth: 1 }),
          )
          .map(([value, name, extra]) => ({
            value: { ...value, [name]: extra },
            at: name,
            why: "not a known field",
          })),
      );
    }
    const perProperty = Object.entries(properties).map(([name, property]) =>
      invalidArbitrary(property, context).map((bad) => ({ name, bad })),
    );
    if (perProperty.length > 0) {
      candidates.push(
        fc.tuple(object, fc.oneof(...perProperty)).map(([value, { name, bad }]) => ({
          value: { ...value, [name]: bad.value },
          at: bad.at === "" ? name : bad.at.startsWith("[") ? `${name}${bad.at}` : `${name}.${bad.at}`,
          why: bad.why,
        })),
      );
    }
  }
  return candidates;
}

/**
 * Values `node` rejects, each with where and why; the validator confirms every one.
 *
 * @example
 * fc.sample(invalidArbitrary({ $ref: "#/components/schemas/ClockAdvance" }, context), 1);
 * // [{ value: { seconds: 31536001 }, at: "seconds", why: "above the maximum" }]
 */
export function invalidArbitrary(node: Schema, context: ValueContext): fc.Arbitrary<InvalidValue> {
  const schema = context.flatten(node);
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  const flat = Array.isArray(alternatives) ? withBranch(schema, context.flatten(alternatives[0])) : schema;
  return fc
    .oneof(...invalidCandidates(flat, node, context))
    .filter((candidate) => !context.validates(node, candidate.value));
}
