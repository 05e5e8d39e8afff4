import { describe, expect, test } from "vitest";
import { negotiateLanguage } from "./accept-language.js";

describe("negotiateLanguage", () => {
  test.each([
    [undefined, "en"],
    ["", "en"],
    ["zh", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["zh-TW", "en"],
    ["zh-Hant", "en"],
    ["fr, de;q=0.8", "en"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["en;q=0.5, zh-CN", "zh-CN"],
    ["zh-CN;q=0, en", "en"],
    ["fr, zh;q=0.3", "zh-CN"],
    ["en;q=0.8, zh;q=0.8", "en"],
    ["*", "en"],
  ])("picks %j as %s", (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });
});
