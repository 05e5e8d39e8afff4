import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { assertOverlay } from "./overlay.js";
import { checkTranslation, hashSource } from "./translation-check.js";
import { writeTranslationStubs } from "./translation-stubs.js";

const english = {
  info: { title: "Sessions API", description: "Two families.\nOf sessions.\n" },
  tags: [{ name: "Gateway", description: "Sticky sessions" }],
};

const overlayText = `# kept comment
overlay: 1.0.0
info: { title: zh-CN, version: 1.0.0 }
actions:
  - target: $.info
    update:
      title: 会话 API
    x-source-hash: ${hashSource("Sessions API (old)")}
  - target: $.gone
    update:
      summary: 没了
    x-source-hash: ${hashSource("Gone")}
`;

const parseOverlay = (text: string) => {
  const overlay = parse(text);
  assertOverlay(overlay);
  return overlay;
};

describe("writeTranslationStubs", () => {
  const { text, summary } = writeTranslationStubs(english, overlayText);

  test("adds stubs, marks stale translations, deletes orphans, and says how many", () => {
    expect(summary).toEqual({ added: 2, markedStale: 1, deleted: 1 });
    expect(text).toContain("# kept comment");
    expect(parseOverlay(text).actions).toEqual([
      {
        target: "$.info",
        update: { title: "会话 API" },
        "x-source-hash": hashSource("Sessions API"),
        "x-needs-translation": true,
      },
      {
        target: "$.info",
        update: { description: "Two families.\nOf sessions.\n" },
        "x-source-hash": hashSource("Two families.\nOf sessions.\n"),
        "x-needs-translation": true,
      },
      {
        target: "$.tags[?@.name=='Gateway']",
        update: { description: "Sticky sessions" },
        "x-source-hash": hashSource("Sticky sessions"),
        "x-needs-translation": true,
      },
    ]);
  });

  test("leaves an overlay that still fails the check until each stub is translated", () => {
    const problems = checkTranslation(english, parseOverlay(text));
    expect(problems.map(({ kind, pointer }) => [kind, pointer])).toEqual([
      ["untranslated", "/info/title"],
      ["untranslated", "/info/description"],
      ["untranslated", "/tags/0/description"],
    ]);
  });

  test("writes multi-line English as a literal block, for translating line by line", () => {
    expect(text).toContain("description: |\n        Two families.\n        Of sessions.\n");
  });
});
