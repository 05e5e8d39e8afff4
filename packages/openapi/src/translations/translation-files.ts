/**
 * Where the English document and its translation overlays live: `spec/openapi.yaml` and one overlay
 * per language in `spec/overlays/<language>.yaml`.
 *
 * @example
 * const english = readEnglishDocument();
 * for (const { language, overlayFile } of translationFiles) console.log(language, overlayFile);
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { assertOverlay, type Overlay } from "./overlay.js";

/** The languages the reference is translated into, and their overlay files. */
export const translationFiles = [
  {
    language: "zh-CN",
    overlayFile: fileURLToPath(new URL("../../../../spec/overlays/zh-CN.yaml", import.meta.url)),
  },
] as const;

/** The language every translation is made from. */
export const englishFile = fileURLToPath(new URL("../../../../spec/openapi.yaml", import.meta.url));

/** The English document, parsed. */
export function readEnglishDocument(): unknown {
  return parse(readFileSync(englishFile, "utf8"));
}

/** A translation overlay, parsed and checked to be an Overlay 1.0 document. */
export function readOverlay(overlayFile: string): Overlay {
  const overlay: unknown = parse(readFileSync(overlayFile, "utf8"));
  assertOverlay(overlay);
  return overlay;
}
