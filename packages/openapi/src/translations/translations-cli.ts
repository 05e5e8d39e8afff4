/**
 * `pnpm translations:check` and `pnpm translations:stub` (repository root). The check exits 1 and
 * prints each problem with its JSON pointer and the English text to translate; `--stub` rewrites each
 * overlay so that only translating is left to do (see `translation-stubs.ts`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { checkTranslation, formatTranslationProblems } from "./translation-check.js";
import { readEnglishDocument, readOverlay, translationFiles } from "./translation-files.js";
import { writeTranslationStubs } from "./translation-stubs.js";

const english = readEnglishDocument();
const stub = process.argv.includes("--stub");
let failed = false;
for (const { language, overlayFile } of translationFiles) {
  const shown = relative(process.env.INIT_CWD ?? process.cwd(), overlayFile);
  if (stub) {
    const { text, summary } = writeTranslationStubs(english, readFileSync(overlayFile, "utf8"));
    writeFileSync(overlayFile, text);
    console.log(
      `${shown}: ${summary.added} stubs added, ${summary.markedStale} stale translations marked, ${summary.deleted} orphaned actions deleted`,
    );
  }
  const problems = checkTranslation(english, readOverlay(overlayFile));
  if (problems.length === 0) {
    console.log(`${shown}: the ${language} translation is complete and current`);
  } else {
    failed = true;
    console.error(formatTranslationProblems(shown, problems));
  }
}
process.exitCode = failed ? 1 : 0;
