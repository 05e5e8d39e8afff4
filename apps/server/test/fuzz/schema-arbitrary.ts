/**
 * fast-check arbitraries of values the document's JSON Schemas accept: types, formats, patterns, enums,
 * bounds, nullable types, anyOf/allOf/$ref, with the document's own examples and values the server has
 * answered with mixed in. Values they reject are `invalid-arbitrary.ts`'s.
 */
import fc from "fast-check";
import type { Schema } from "./spec-walk.js";

/** What the arbitraries need from the document and from the run. */
export interface ValueContext {
  /** Follows `$ref`s and folds `allOf` (see `FuzzSpec.flatten`). */
  flatten(node: unknown): Schema;
  /** Whether `value` is valid against `schema` (a node of the document). */
  validates(schema: Schema, value: unknown): boolean;
  /** Values the server has answered with under a key of `knownKeysOf`, newest first; read at generation. */
  known?: ((key: string) => readonly string[]) | undefined;
}

const typesOf = (schema: Schema): string[] | undefined =>
  schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type as string];

/** A schema's merge with another (an `anyOf` branch with the keywords around it). */
export function withBranch(parent: Schema, branch: Schema): Schema {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = parent;
  return { ...rest, ...branch };
}

/**
 * The keys values of this schema are known under: its pattern (ids, cursors, codes) and, for a string
 * that is not a format, the name of the property or parameter it is (`username`, `product`), so that a
 * path segment can take a value that a body carried as an enum.
 *
 * @example
 * knownKeysOf({ type: "string", pattern: "^ses_[0-9A-Z]{12}$" }, "id"); // ["name id", "pattern ^ses_[0-9A-Z]{12}$"]
 */
export function knownKeysOf(schema: Schema, name?: string): string[] {
  const keys: string[] = [];
  const isString = typesOf(schema)?.includes("string") ?? false;
  if (name !== undefined && isString && schema.format === undefined) keys.push(`name ${name}`);
  if (typeof schema.pattern === "string") keys.push(`pattern ${schema.pattern}`);
  return keys;
}

const codePoints = (text: string) => [...text].length;

function withinLength(schema: Schema) {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
  return (text: string) => codePoints(text) >= min && codePoints(text) <= max;
}

const dateArbitrary = () =>
  fc.date({
    min: new Date("1970-01-01T00:00:00Z"),
    max: new Date("9998-12-31T23:59:59Z"),
    noInvalidDate: true,
  });

// http(s) URLs; fc.webUrl takes seconds to build (a map of every code point, each time)
const urlArbitrary = () =>
  fc
    .tuple(
      fc.constantFrom("http", "https", "HTTPS"),
      fc.oneof(fc.domain(), fc.ipV4(), fc.constant("localhost")),
      fc.option(fc.integer({ min: 1, max: 65535 })),
      fc.stringMatching(/^(\/[A-Za-z0-9._~!$&()*+,;=:@-]{0,12}){0,3}$/),
      fc.option(fc.stringMatching(/^[A-Za-z0-9._~=&-]{0,16}$/)),
    )
    .map(
      ([scheme, host, port, path, query]) =>
        `${scheme}://${host}${port === null ? "" : `:${port}`}${path}${query === null ? "" : `?${query}`}`,
    );

// each made once: some take long to build
const formatBuilders = new Map<string, () => fc.Arbitrary<string>>([
  ["date-time", () => dateArbitrary().map((date) => date.toISOString())],
  ["date", () => dateArbitrary().map((date) => date.toISOString().slice(0, 10))],
  ["uri", () => urlArbitrary()],
  ["ipv4", () => fc.ipV4()],
  ["ipv6", () => fc.ipV6()],
  ["email", () => fc.emailAddress()],
  ["uuid", () => fc.uuid()],
]);
const formats = new Map<string, fc.Arbitrary<string>>();

function formatArbitrary(format: unknown): fc.Arbitrary<string> | undefined {
  if (typeof format !== "string") return undefined;
  const build = formatBuilders.get(format);
  if (build === undefined) return undefined;
  const built = formats.get(format) ?? build();
  formats.set(format, built);
  return built;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const pattern = typeof schema.pattern === "string" ? new RegExp(schema.pattern, "u") : undefined;
  let base = formatArbitrary(schema.format);
  if (base === undefined && pattern !== undefined) base = fc.stringMatching(pattern);
  if (base === undefined) {
    const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
    const maxLength = Math.min(typeof schema.maxLength === "number" ? schema.maxLength : 40, minLength + 40);
    base = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: "grapheme-ascii", minLength, maxLength }) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength, maxLength }) },
      // odd code points (lone surrogates) come from ODD_CHARACTERS: a "binary" unit costs seconds to build
      { weight: 1, arbitrary: fc.string({ unit: "grapheme-composite", minLength, maxLength }) },
    );
  }
  const fits = withinLength(schema);
  return base.filter((text) => fits(text) && (pattern === undefined || pattern.test(text)));
}

function integerArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = Math.max(
    typeof schema.minimum === "number" ? schema.minimum : -(2 ** 31),
    typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
  );
  const max = Math.min(
    typeof schema.maximum === "number" ? schema.maximum : 2 ** 31 - 1,
    typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER,
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1e9;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1e9;
  return fc.oneof(
    { weight: 3, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

function objectArbitrary(schema: Schema, context: ValueContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties))
    shape[name] = validArbitrary(property, context, name);
  const record = fc.record(shape, { requiredKeys: required.filter((name) => name in shape) });
  const extra = schema.additionalProperties;
  if (extra === undefined || typeof extra === "boolean" || schema.unevaluatedProperties === false)
    return record;
  // an open object whose extra members have a schema: a few of them, under names it does not define
  const extras = fc.dictionary(
    fc.stringMatching(/^[a-z_]{1,12}$/).filter((name) => !(name in properties)),
    validArbitrary(extra as Schema, context),
    { maxKeys: 3 },
  );
  return fc.tuple(record, extras).map(([defined, more]) => ({ ...more, ...defined }));
}

function typedArbitrary(type: string, schema: Schema, context: ValueContext): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return integerArbitrary(schema);
    case "number":
      return numberArbitrary(schema);
    case "string":
      return stringArbitrary(schema);
    case "array": {
      const minLength = typeof schema.minItems === "number" ? schema.minItems : 0;
      const maxLength = typeof schema.maxItems === "number" ? schema.maxItems : minLength + 4;
      const items = validArbitrary((schema.items ?? {}) as Schema, context);
      // now and then as long as the schema allows, which is costly to make for a long one
      return fc.oneof(
        {
          weight: 12,
          arbitrary: fc.array(items, { minLength, maxLength: Math.min(maxLength, minLength + 4) }),
        },
        { weight: 1, arbitrary: fc.array(items, { minLength: maxLength, maxLength }) },
      );
    }
    case "object":
      return objectArbitrary(schema, context);
    default:
      throw new Error(`Unsupported schema type ${type}`);
  }
}

export function inferredTypes(schema: Schema): string[] {
  const declared = typesOf(schema);
  if (declared !== undefined) return declared;
  if (schema.properties !== undefined) return ["object"];
  if (schema.items !== undefined) return ["array"];
  if (schema.pattern !== undefined || schema.format !== undefined) return ["string"];
  return ["null", "boolean", "integer", "string"];
}

function examplesOf(schema: Schema): unknown[] {
  const examples = Array.isArray(schema.examples) ? [...schema.examples] : [];
  if (schema.example !== undefined) examples.push(schema.example);
  if (schema.default !== undefined) examples.push(schema.default);
  return examples;
}

/**
 * Values the server has answered with for this schema (under any of its keys), valid for it, read when
 * a value is generated (the pool grows during a run); the fallback when there are none yet.
 */
function knownArbitrary(
  node: Schema,
  keys: readonly string[],
  context: ValueContext,
  fallback: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const known = context.known;
  if (known === undefined || keys.length === 0) return fallback;
  // small indices are likelier, and the pool is newest first: mostly values that are still live
  return fc.tuple(fc.nat({ max: 63 }), fallback).map(([index, otherwise]) => {
    const values = keys.flatMap((key) => known(key)).filter((value) => context.validates(node, value));
    return values.length === 0 ? otherwise : values[index % values.length];
  });
}

/**
 * Values `node` accepts. `name` is the property or parameter the value is for, so that values the
 * server answered with under that name can be mixed in.
 *
 * @example
 * fc.sample(validArbitrary({ $ref: "#/components/schemas/SessionId" }, context), 1); // ["ses_9PKKMVJM92MM"]
 */
export function validArbitrary(node: Schema, context: ValueContext, name?: string): fc.Arbitrary<unknown> {
  const schema = context.flatten(node);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  let generated: fc.Arbitrary<unknown>;
  if (Array.isArray(alternatives)) {
    generated = fc.oneof(
      ...alternatives.map((branch) =>
        validArbitrary(withBranch(schema, context.flatten(branch)), context, name),
      ),
    );
  } else {
    generated = fc.oneof(...inferredTypes(schema).map((type) => typedArbitrary(type, schema, context)));
  }
  const examples = examplesOf(schema).filter((value) => context.validates(node, value));
  const choices: fc.WeightedArbitrary<unknown>[] = [{ weight: 4, arbitrary: generated }];
  if (examples.length > 0) choices.push({ weight: 1, arbitrary: fc.constantFrom(...examples) });
  const keys = knownKeysOf(schema, name);
  if (keys.length > 0 && context.known !== undefined) {
    choices.push({ weight: 2, arbitrary: knownArbitrary(node, keys, context, generated) });
  }
  const mixed = choices.length === 1 ? generated : fc.oneof(...choices);
  // anyOf branches are generated apart from each other and oneOf's may overlap: the validator has the last word
  return Array.isArray(alternatives) ? mixed.filter((value) => context.validates(node, value)) : mixed;
}
