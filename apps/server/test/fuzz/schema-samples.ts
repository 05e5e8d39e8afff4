/**
 * What the arbitraries' own tests share: the spec as the fuzzer reads it, a value context over its
 * validator, every component schema by name, and a fixed-seed sampler.
 *
 * @example
 * for (const name of componentNames) sample(validArbitrary(refOf(name), context));
 */
import fc from "fast-check";
import type { ValueContext } from "./schema-arbitrary.js";
import { readFuzzSpec, type Schema } from "./spec-walk.js";

export const spec = readFuzzSpec();

export const context: ValueContext = {
  flatten: spec.flatten,
  validates: (schema, value) => spec.validator.validate(schema, value).valid,
};

/** The names of every schema under `components/schemas`. */
export const componentNames = Object.keys(spec.flatten({ $ref: "#/components" }).schemas as Schema);

/** A `$ref` to the component schema `name`. */
export const refOf = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** `numRuns` values of an arbitrary, from a fixed seed, so that a failure repeats. */
export const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 30): T[] =>
  fc.sample(arbitrary, { seed: 23, numRuns });
