import { describe, expect, test } from "vitest";
import { knownKeysOf, validArbitrary } from "./schema-arbitrary.js";
import { componentNames, context, refOf, sample, spec } from "./schema-samples.js";

describe("validArbitrary", () => {
  test.each(componentNames)("generates only values the %s schema accepts", (name) => {
    for (const value of sample(validArbitrary(refOf(name), context))) {
      expect(spec.validator.validate(refOf(name), value).errors, JSON.stringify(value)).toEqual([]);
    }
  });

  test("mixes in values the server answered with, when they fit the schema", () => {
    const known = (key: string) =>
      key === "pattern ^ses_[0-9A-HJKMNP-TV-Z]{12}$" ? ["ses_01HX2K3PQ4M5", "nope"] : [];
    const values = sample(validArbitrary(refOf("SessionId"), { ...context, known }, "id"), 200);
    expect(values).toContain("ses_01HX2K3PQ4M5");
    expect(values).not.toContain("nope");
  });

  test("covers null for a nullable type", () => {
    const nullable = { type: ["string", "null"], pattern: "^[a-z0-9]{1,3}$" };
    expect(sample(validArbitrary(nullable, context), 100)).toContain(null);
  });
});

describe("knownKeysOf", () => {
  test("keys a patterned string by its pattern and name, a format by neither", () => {
    expect(knownKeysOf({ type: "string", pattern: "^a$" }, "id")).toEqual(["name id", "pattern ^a$"]);
    expect(knownKeysOf({ type: "string", format: "uri" }, "uri")).toEqual([]);
    expect(knownKeysOf({ type: "integer" }, "limit")).toEqual([]);
  });
});
