import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, test } from "vitest";
import { openapiDocument, openapiDocumentZhCN } from "../src/document.js";
import { collectTranslatableStrings } from "../src/translations/translatable-strings.js";
import {
  applyTranslation,
  checkTranslation,
  formatTranslationProblems,
} from "../src/translations/translation-check.js";
import { readEnglishDocument, readOverlay, translationFiles } from "../src/translations/translation-files.js";

const english = readEnglishDocument();

/** The document with every translatable string blanked: what no translation may change. */
function blankTranslatableStrings(document: unknown): unknown {
  const copy = structuredClone(document);
  for (const { segments } of collectTranslatableStrings(copy)) {
    const parent = segments
      .slice(0, -1)
      .reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], copy);
    (parent as Record<string | number, unknown>)[segments.at(-1) as string] = "";
  }
  return copy;
}

// what a client generator emits, without the comments that carry descriptions
async function generateTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: false, defaultNonNullable: false });
  return astToString(ast)
    .replaceAll(/\/\*\*[\s\S]*?\*\//g, "")
    .replaceAll(/^\s*\n/gm, "");
}

describe.each(translationFiles)("the $language translation of spec/openapi.yaml", ({ overlayFile }) => {
  const overlay = readOverlay(overlayFile);

  test("translates every translatable string from its current English text, and nothing else", () => {
    const problems = checkTranslation(english, overlay);
    // the message is the report `pnpm translations:check` prints: pointers, English text, the fix
    if (problems.length > 0) expect.fail(formatTranslationProblems(overlayFile, problems));
  });

  test("differs from the English document only in translatable strings", () => {
    const translated = applyTranslation(english, overlay);
    expect(blankTranslatableStrings(translated)).toEqual(blankTranslatableStrings(english));
    const changed = collectTranslatableStrings(translated).filter(
      ({ pointer, text }) =>
        collectTranslatableStrings(english).find((s) => s.pointer === pointer)?.text !== text,
    );
    expect(changed.length).toBe(collectTranslatableStrings(english).length);
  });
});

describe("the served Chinese document", () => {
  test("is the English document with the zh-CN overlay applied", () => {
    const [zh] = translationFiles;
    expect(openapiDocumentZhCN).toEqual(
      JSON.parse(JSON.stringify(applyTranslation(english, readOverlay(zh.overlayFile)))),
    );
    expect(openapiDocumentZhCN.paths["/v1/residential/sessions"]?.get).toMatchObject({
      operationId: "listResidentialSessions",
      summary: "列出住宅粘性会话",
    });
  });

  test("generates the same client types as the English one: it is documentation only", async () => {
    const [fromEnglish, fromChinese] = await Promise.all([
      generateTypes(openapiDocument),
      generateTypes(openapiDocumentZhCN),
    ]);
    expect(fromChinese).toBe(fromEnglish);
    expect(fromChinese).toContain("listResidentialSessions");
  });
});
