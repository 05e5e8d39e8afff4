import { describe, expect, test } from "vitest";
import type { Overlay } from "./overlay.js";
import {
  applyTranslation,
  checkTranslation,
  formatTranslationProblems,
  hashSource,
} from "./translation-check.js";

const english = {
  info: { title: "Sessions API" },
  paths: { "/v1/sessions": { get: { summary: "List sessions", description: "Lists them." } } },
};

const translate = (target: string, member: string, text: string, source: string, extra = {}) => ({
  target,
  update: { [member]: text },
  "x-source-hash": hashSource(source),
  ...extra,
});

const overlayOf = (actions: Overlay["actions"]): Overlay => ({
  overlay: "1.0.0",
  info: { title: "zh-CN", version: "1" },
  actions,
});

const complete = [
  translate("$.info", "title", "会话 API", "Sessions API"),
  translate("$.paths['/v1/sessions'].get", "summary", "列出会话", "List sessions"),
  translate("$.paths['/v1/sessions'].get", "description", "列出会话。", "Lists them."),
];

describe("checkTranslation", () => {
  test("finds nothing wrong with a translation of every string from its current text", () => {
    expect(checkTranslation(english, overlayOf(complete))).toEqual([]);
  });

  test("reports a string without a translation as missing, with its pointer and English text", () => {
    const problems = checkTranslation(english, overlayOf(complete.slice(0, 2)));
    expect(problems).toEqual([
      {
        kind: "missing",
        pointer: "/paths/~1v1~1sessions/get/description",
        english: "Lists them.",
        detail: "no translation",
      },
    ]);
  });

  test("reports a translation made from an older English text as stale, with the new text", () => {
    const changed = structuredClone(english);
    changed.paths["/v1/sessions"].get.summary = "List sticky sessions";
    const [problem, ...rest] = checkTranslation(changed, overlayOf(complete));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      kind: "stale",
      pointer: "/paths/~1v1~1sessions/get/summary",
      english: "List sticky sessions",
    });
    expect(problem?.detail).toContain(hashSource("List sticky sessions"));
  });

  test("reports a translation whose string is gone as orphaned, and a second one of a string as duplicate", () => {
    const problems = checkTranslation(
      english,
      overlayOf([
        ...complete,
        translate("$.paths['/v1/gone'].get", "summary", "没了", "Gone"),
        translate("$.info", "description", "说明", "About"),
        translate("$.info", "title", "会话 API", "Sessions API"),
      ]),
    );
    expect(problems.map(({ kind, action }) => [kind, action?.index])).toEqual([
      ["orphaned", 3],
      ["orphaned", 4],
      ["duplicate", 5],
    ]);
  });

  test("reports stubs and English copies as untranslated", () => {
    const problems = checkTranslation(
      english,
      overlayOf([
        translate("$.info", "title", "Sessions API", "Sessions API"),
        translate("$.paths['/v1/sessions'].get", "summary", "List sessions", "List sessions", {
          "x-needs-translation": true,
        }),
        complete[2] as Overlay["actions"][number],
      ]),
    );
    expect(problems.map(({ kind, pointer }) => [kind, pointer])).toEqual([
      ["untranslated", "/info/title"],
      ["untranslated", "/paths/~1v1~1sessions/get/summary"],
    ]);
  });

  test("reports malformed actions as invalid", () => {
    const problems = checkTranslation(
      english,
      overlayOf([
        { target: "$.info", update: { title: "一", summary: "二" }, "x-source-hash": "x" },
        { target: "$.info", update: { title: "一" } },
        { target: "$..title", update: { title: "一" }, "x-source-hash": "x" },
      ]),
    );
    expect(problems.filter(({ kind }) => kind === "invalid").map(({ detail }) => detail)).toEqual([
      "update must hold exactly one member, a string",
      "x-source-hash (the hash of the English text) is missing",
      expect.stringMatching(/^Unsupported JSONPath/),
    ]);
  });
});

describe("formatTranslationProblems", () => {
  test("prints each problem's pointer, the English text to translate and the command that helps", () => {
    const report = formatTranslationProblems(
      "spec/overlays/zh-CN.yaml",
      checkTranslation(english, overlayOf([])),
    );
    expect(report).toContain("missing: /paths/~1v1~1sessions/get/summary");
    expect(report).toContain("English: List sessions");
    expect(report).toContain("pnpm translations:stub");
  });
});

describe("applyTranslation", () => {
  test("replaces translated strings and skips orphaned actions instead of adding members", () => {
    const translated = applyTranslation(
      english,
      overlayOf([...complete, translate("$.info", "description", "说明", "About")]),
    );
    expect(translated).toEqual({
      info: { title: "会话 API" },
      paths: { "/v1/sessions": { get: { summary: "列出会话", description: "列出会话。" } } },
    });
  });
});
