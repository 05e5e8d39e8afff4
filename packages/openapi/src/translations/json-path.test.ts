import { describe, expect, test } from "vitest";
import { formatJsonPath, formatJsonPointer, queryJsonPath } from "./json-path.js";

const document = {
  info: { title: "T" },
  tags: [{ name: "A" }, { name: "B's" }],
  paths: {
    "/v1/{product}/sessions": {
      get: { parameters: [{ name: "id", in: "path" }, { name: "id", in: "query" }, { $ref: "#/x" }] },
    },
  },
};

describe("formatJsonPath", () => {
  test.each([
    [["info"], "$.info"],
    [["paths", "/v1/{product}/sessions", "get"], "$.paths['/v1/{product}/sessions'].get"],
    [["tags", 1], "$.tags[?@.name=='B\\'s']"],
    [
      ["paths", "/v1/{product}/sessions", "get", "parameters", 1],
      "$.paths['/v1/{product}/sessions'].get.parameters[?@.name=='id' && @.in=='query']",
    ],
    [
      ["paths", "/v1/{product}/sessions", "get", "parameters", 2],
      "$.paths['/v1/{product}/sessions'].get.parameters[2]",
    ],
  ])("names %j as %s, which selects that node alone", (segments, path) => {
    expect(formatJsonPath(document, segments)).toBe(path);
    expect(queryJsonPath(document, path)).toEqual([{ value: expect.anything(), segments }]);
  });
});

describe("queryJsonPath", () => {
  test("selects nothing where a member or index is absent", () => {
    expect(queryJsonPath(document, "$.nope.title")).toEqual([]);
    expect(queryJsonPath(document, "$.tags[5]")).toEqual([]);
    expect(queryJsonPath(document, "$.tags[?@.name=='C']")).toEqual([]);
  });

  test.each(["$..title", "$.tags[*]", "info.title", '$.tags[?@.name=="A"]', "$['x'", "$.tags[-1]"])(
    "rejects %s, outside the supported subset, naming the position",
    (path) => {
      expect(() => queryJsonPath(document, path)).toThrow(/Unsupported JSONPath .* at position \d+/);
    },
  );
});

describe("formatJsonPointer", () => {
  test("escapes ~ and / as RFC 6901 says", () => {
    expect(formatJsonPointer(["paths", "/a~b", "get", 0])).toBe("/paths/~1a~0b/get/0");
  });
});
