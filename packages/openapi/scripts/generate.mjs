#!/usr/bin/env node
// Generates src/generated/* from spec/openapi.yaml (and the translated documents from spec/overlays/). With
// --check it writes nothing and fails when the committed files differ from what the spec generates, so CI
// catches a spec edit without `pnpm generate`. It runs under tsx, to share the overlay applier (TypeScript).
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { applyTranslation } from "../src/translations/translation-check.ts";
import { readOverlay, translationFiles } from "../src/translations/translation-files.ts";

const specUrl = new URL("../../../spec/openapi.yaml", import.meta.url);
const generatedDir = new URL("../src/generated/", import.meta.url);
const header = (what) =>
  [
    "// This file is generated from spec/openapi.yaml by packages/openapi/scripts/generate.mjs.",
    "// Do not edit it by hand: change the spec, then run `pnpm generate`.",
    `// It holds ${what}.`,
    "",
  ].join("\n");

// Translations are documentation only: the types come from the English document alone, and a missing or
// stale translation leaves its English string in place (the translation check, in `pnpm test`, reports it).
function renderTranslations(document) {
  return Object.fromEntries(
    translationFiles.map(({ language, overlayFile }) => [
      `openapi-document.${language}.ts`,
      [
        "// This file is generated from spec/openapi.yaml and its translation overlay by packages/openapi/scripts/generate.mjs.",
        `// Do not edit it by hand: change spec/overlays/${language}.yaml, then run \`pnpm generate\`.`,
        `// It holds the OpenAPI document with its prose in ${language}, for serving it.`,
        "",
        'import type { OpenApiDocument } from "../openapi-document-type.js";',
        "",
        `export const openapiDocument: OpenApiDocument = ${JSON.stringify(applyTranslation(document, readOverlay(overlayFile)), null, 2)};`,
        "",
      ].join("\n"),
    ]),
  );
}

async function render() {
  const specText = await readFile(specUrl, "utf8");
  const document = parse(specText);
  // a request-body field with a default may be left out by the caller, so it stays optional in the types
  const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
  return {
    "schema.ts": `${header("the TypeScript types of every path, operation and schema")}\n${astToString(ast)}`,
    "openapi-document.ts": [
      header("the OpenAPI document as a value, for serving it and validating against it"),
      'import type { OpenApiDocument } from "../openapi-document-type.js";',
      "",
      `export const openapiDocument: OpenApiDocument = ${JSON.stringify(document, null, 2)};`,
      "",
    ].join("\n"),
    ...renderTranslations(document),
  };
}

const files = await render();
const check = process.argv.includes("--check");
const stale = [];
for (const [name, content] of Object.entries(files)) {
  const url = new URL(name, generatedDir);
  if (check) {
    const current = await readFile(url, "utf8").catch(() => null);
    if (current !== content) stale.push(fileURLToPath(url));
  } else {
    await writeFile(url, content);
  }
}
if (stale.length > 0) {
  console.error(
    [
      "Generated files are out of date with spec/openapi.yaml:",
      ...stale.map((file) => `  - ${file}`),
      "",
      "Run `pnpm generate` at the repository root and commit the result.",
    ].join("\n"),
  );
  process.exit(1);
}
if (check) console.log(`generated files match spec/openapi.yaml (${Object.keys(files).length} files)`);
