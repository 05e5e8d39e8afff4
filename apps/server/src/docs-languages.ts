/**
 * The languages the API reference is served in: the English document at `/openapi.json` and
 * `/docs/en`, its Simplified Chinese translation (prose only, from `spec/overlays/zh-CN.yaml`) at
 * `/openapi.zh-CN.json` and `/docs/zh-CN`. `/docs` serves the one `Accept-Language` prefers. Each page
 * carries a switch to the other languages.
 *
 * @example
 * const { document, specPath } = referenceLanguages["zh-CN"];
 */
import { type OpenApiDocument, openapiDocument, openapiDocumentZhCN } from "@sessions-api/openapi/document";
import type { Language } from "./accept-language.js";

export interface ReferenceLanguage {
  /** The OpenAPI document in this language. */
  document: OpenApiDocument;
  /** Where the document is served. */
  specPath: string;
  /** Where the reference page in this language is served, whatever the browser prefers. */
  pagePath: string;
  /** The language's name in itself, for the switch. */
  name: string;
  /** The page's title. */
  title: string;
}

const titleOf = (document: OpenApiDocument, suffix: string) =>
  `${document.info.title} ${document.info.version} ${suffix}`;

export const referenceLanguages: Record<Language, ReferenceLanguage> = {
  en: {
    document: openapiDocument,
    specPath: "/openapi.json",
    pagePath: "/docs/en",
    name: "English",
    title: titleOf(openapiDocument, "reference"),
  },
  "zh-CN": {
    document: openapiDocumentZhCN,
    specPath: "/openapi.zh-CN.json",
    pagePath: "/docs/zh-CN",
    name: "简体中文",
    title: titleOf(openapiDocumentZhCN, "参考文档"),
  },
};

/** The switch's markup: a link to each other language's page, fixed in a corner above the reference. */
export function renderLanguageSwitch(current: Language): string {
  const links = Object.entries(referenceLanguages).map(([language, { pagePath, name }]) =>
    language === current
      ? `<strong lang="${language}">${name}</strong>`
      : `<a href="${pagePath}" hreflang="${language}" lang="${language}">${name}</a>`,
  );
  return `<nav id="language-switch" aria-label="Language / 语言" style="position:fixed;right:12px;bottom:12px;z-index:1000;padding:4px 10px;border-radius:6px;background:#fff;border:1px solid #ccc;font:13px sans-serif">${links.join(" · ")}</nav>`;
}

/** Every path a reference page or translated document is served at, besides `/docs` and `/openapi.json`. */
export const docsPagePaths: readonly string[] = Object.values(referenceLanguages).flatMap(
  ({ pagePath, specPath }) => (specPath === "/openapi.json" ? [pagePath] : [pagePath, specPath]),
);
