import { defaultPathSerializer } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { createPathSerializer } from "../src/path-serializer.js";

const base = "https://api.helodata.com";

describe("createPathSerializer builds the URL openapi-fetch's default serializer builds", () => {
  const cases: [string, Record<string, unknown>][] = [
    [`${base}/v1/{product}/sessions/{id}`, { product: "residential", id: "ses_01HX2K3PQ4M5" }],
    [`${base}/v1/{product}/sessions/{id}`, { product: "mobile", id: "a b/c?d#e%f&g$h+i" }],
    [`${base}/v1/{product}/sessions/{id}`, { product: "mobile", id: "séance-✓-\u{1F600}" }],
    [`${base}/app/sessions/{id}`, { id: 42 }],
    [`${base}/app/sessions/{id}`, { id: true }],
    [`${base}/app/sessions/{id}`, { id: "" }],
    [`${base}/app/sessions/{id}/{id}`, { id: "twice" }],
    [`${base}/app/sessions/{id}`, { id: "{id}" }],
    [`${base}/healthz`, {}],
    // what the client hands to openapi-fetch's rules unchanged
    [`${base}/v1/{product}/sessions/{id}`, { product: "mobile" }],
    [`${base}/v1/{product}/sessions/{id}`, { product: "mobile", id: null }],
    [`${base}/app/sessions/{id}`, { id: ["a", "b"] }],
    [`${base}/app/sessions/{id}`, { id: { a: "1", b: "2" } }],
    [`${base}/app/sessions/{.id}`, { id: "label" }],
    [`${base}/app/sessions/{;id}`, { id: "matrix" }],
    [`${base}/app/sessions/{id*}`, { id: ["x", "y"] }],
  ];

  test.each(cases)("%s with %o", (pathname, params) => {
    const serializePath = createPathSerializer();
    const expected = defaultPathSerializer(pathname, params);
    expect(serializePath(pathname, params)).toBe(expected);
    // the second call is served from the split template
    expect(serializePath(pathname, params)).toBe(expected);
  });

  test("past its cache it still serializes every template", () => {
    const serializePath = createPathSerializer();
    for (let i = 0; i < 600; i++) {
      const pathname = `${base}/t${i}/{id}`;
      expect(serializePath(pathname, { id: `v ${i}` })).toBe(`${base}/t${i}/v%20${i}`);
    }
  });
});
