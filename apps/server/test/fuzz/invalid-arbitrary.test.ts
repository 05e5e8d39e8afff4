import { describe, expect, test } from "vitest";
import { invalidArbitrary, mutatedString } from "./invalid-arbitrary.js";
import { componentNames, context, refOf, sample, spec } from "./schema-samples.js";

describe("invalidArbitrary", () => {
  test.each(componentNames)("generates only values the %s schema rejects, saying where", (name) => {
    for (const invalid of sample(invalidArbitrary(refOf(name), context))) {
      expect(spec.validator.validate(refOf(name), invalid.value).valid, JSON.stringify(invalid)).toBe(false);
      expect(invalid.why).not.toBe("");
    }
  });

  test("names the nested field it broke", () => {
    const fields = sample(invalidArbitrary(refOf("TrafficReport"), context), 300).map(
      (invalid) => invalid.at,
    );
    expect(fields.filter((field) => /^requests\[\]\.[a-z_]+$/.test(field))).not.toEqual([]);
  });
});

describe("mutatedString", () => {
  test("changes the string", () => {
    for (const value of sample(mutatedString("ses_01HX2K3PQ4M5"), 100))
      expect(value).not.toBe("ses_01HX2K3PQ4M5");
  });
});
