/**
 * The language of what the server writes for people (error messages, the API reference), picked from
 * an `Accept-Language` header by its q-values: Simplified Chinese (`zh`, `zh-CN`, `zh-SG`, `zh-Hans…`)
 * or English, the default. Traditional Chinese tags (`zh-TW`, `zh-Hant…`) are not taken for Simplified.
 *
 * @example
 * negotiateLanguage("en;q=0.5, zh-CN"); // "zh-CN"
 * negotiateLanguage("fr, de;q=0.8");    // "en"
 */

/** The languages the server writes in. */
export type Language = "en" | "zh-CN";

const simplifiedChinese = /^zh(-(cn|sg|hans)(-.*)?)?$/;

function languageOfTag(tag: string): Language | undefined {
  const lowered = tag.toLowerCase();
  if (simplifiedChinese.test(lowered)) return "zh-CN";
  if (lowered === "en" || lowered.startsWith("en-")) return "en";
  return undefined;
}

function qualityOf(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=").map((part) => part.trim());
    if (name?.toLowerCase() !== "q") continue;
    const q = Number(value);
    // a malformed q-value counts as 1 (RFC 9110 allows at most 3 decimals; leniency costs nothing here)
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1;
  }
  return 1;
}

/** The preferred language of `header`: the highest q-value among those served, the first on a tie. */
export function negotiateLanguage(header: string | undefined | null): Language {
  let best: { language: Language; q: number } | undefined;
  for (const range of (header ?? "").split(",")) {
    const [tag = "", ...parameters] = range.split(";").map((part) => part.trim());
    const language = languageOfTag(tag);
    const q = qualityOf(parameters);
    if (language === undefined || q === 0) continue;
    if (best === undefined || q > best.q) best = { language, q };
  }
  return best?.language ?? "en";
}
