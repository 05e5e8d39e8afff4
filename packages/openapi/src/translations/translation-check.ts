/**
 * Whether a translation overlay is complete and current for the English document. A translation
 * overlay has one action per translatable string: its target is the object holding the string, its
 * `update` has that one member, and `x-source-hash` is the hash of the English text it was translated
 * from. So an English string without an action is missing, an action whose string is gone is orphaned,
 * and an English string edited since its translation is stale. An action marked
 * `x-needs-translation: true` (a stub the stub command wrote) is not translated yet.
 *
 * @example
 * const problems = checkTranslation(english, overlay);
 * if (problems.length > 0) throw new Error(formatTranslationProblems("spec/overlays/zh-CN.yaml", problems));
 */
import { createHash } from "node:crypto";
import { formatJsonPointer, queryJsonPath } from "./json-path.js";
import { applyOverlay, type Overlay, type OverlayAction } from "./overlay.js";
import { collectTranslatableStrings, type TranslatableString } from "./translatable-strings.js";

export type TranslationProblemKind =
  | "missing"
  | "stale"
  | "untranslated"
  | "orphaned"
  | "duplicate"
  | "invalid";

/** One reason the overlay is not complete and current. */
export interface TranslationProblem {
  kind: TranslationProblemKind;
  /** The English string's JSON pointer, when the problem is about one. */
  pointer?: string;
  /** The English text to translate (missing, stale and untranslated strings). */
  english?: string;
  /** The action at fault, by index and target (not for missing strings, which have none). */
  action?: { index: number; target: string };
  detail: string;
}

/** The hash recorded as `x-source-hash`: the first 16 hex digits of the English text's SHA-256. */
export function hashSource(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
}

/** What an action translates, once it is known to be well formed and to name an English string. */
export interface ResolvedAction {
  index: number;
  action: OverlayAction;
  member: string;
  translation: string;
  source: TranslatableString;
}

type Resolution = { resolved: ResolvedAction } | { problem: TranslationProblem };

function resolveAction(
  action: OverlayAction,
  index: number,
  english: unknown,
  byPointer: ReadonlyMap<string, TranslatableString>,
): Resolution {
  const at = { index, target: action.target };
  const invalid = (detail: string): Resolution => ({ problem: { kind: "invalid", action: at, detail } });
  const update = action.update;
  if (update === null || typeof update !== "object" || Array.isArray(update) || action.remove !== undefined)
    return invalid("a translation updates one string member of its target: update: { <member>: <text> }");
  const members = Object.entries(update);
  const [first] = members;
  if (members.length !== 1 || !first || typeof first[1] !== "string")
    return invalid("update must hold exactly one member, a string");
  const [member, translation] = first;
  if (typeof action["x-source-hash"] !== "string")
    return invalid("x-source-hash (the hash of the English text) is missing");
  let matches: ReturnType<typeof queryJsonPath>;
  try {
    matches = queryJsonPath(english, action.target);
  } catch (error) {
    return invalid((error as Error).message);
  }
  if (matches.length > 1) return invalid(`the target selects ${matches.length} nodes; it must select one`);
  const match = matches[0];
  const source = match && byPointer.get(formatJsonPointer([...match.segments, member]));
  if (!source)
    return {
      problem: {
        kind: "orphaned",
        action: at,
        detail: `the English document has no translatable ${member} there any more: delete this action`,
      },
    };
  return { resolved: { index, action, member, translation, source } };
}

/** Resolves every action against `english`, and lists what is wrong with the overlay. */
export function inspectTranslation(
  english: unknown,
  overlay: Overlay,
): { resolved: ResolvedAction[]; problems: TranslationProblem[] } {
  const strings = collectTranslatableStrings(english);
  const byPointer = new Map(strings.map((string) => [string.pointer, string]));
  const resolved: ResolvedAction[] = [];
  const problems: TranslationProblem[] = [];
  const translated = new Set<string>();
  overlay.actions.forEach((action, index) => {
    const resolution = resolveAction(action, index, english, byPointer);
    if ("problem" in resolution) {
      problems.push(resolution.problem);
      return;
    }
    const { source } = resolution.resolved;
    const at = { index, target: action.target };
    const about = { pointer: source.pointer, english: source.text, action: at };
    if (translated.has(source.pointer)) {
      problems.push({ kind: "duplicate", ...about, detail: "another action already translates this string" });
      return;
    }
    translated.add(source.pointer);
    resolved.push(resolution.resolved);
    if (action["x-needs-translation"] === true)
      problems.push({
        kind: "untranslated",
        ...about,
        detail: "marked x-needs-translation: translate the English text below, then delete the mark",
      });
    else if (resolution.resolved.translation.trim() === source.text.trim())
      problems.push({ kind: "untranslated", ...about, detail: "the translation is the English text itself" });
    else if (action["x-source-hash"] !== hashSource(source.text))
      problems.push({
        kind: "stale",
        ...about,
        detail: `the English text changed since it was translated: update the translation and set x-source-hash: ${hashSource(source.text)}`,
      });
  });
  for (const string of strings) {
    if (!translated.has(string.pointer))
      problems.push({
        kind: "missing",
        pointer: string.pointer,
        english: string.text,
        detail: "no translation",
      });
  }
  return { resolved, problems };
}

/** Every problem of `overlay` as a translation of `english`; none when it is complete and current. */
export function checkTranslation(english: unknown, overlay: Overlay): TranslationProblem[] {
  return inspectTranslation(english, overlay).problems;
}

/**
 * The translated document: `english` with each string an action translates replaced. Actions that name
 * no English string are skipped, so the result never has a member the English document lacks.
 */
export function applyTranslation<T>(english: T, overlay: Overlay): T {
  const { resolved } = inspectTranslation(english, overlay);
  return applyOverlay(english, { ...overlay, actions: resolved.map(({ action }) => action) });
}

const indent = (text: string) => text.trimEnd().replaceAll("\n", "\n      ");

/** The problems as the report the check prints: each with its JSON pointer and the English to translate. */
export function formatTranslationProblems(
  overlayFile: string,
  problems: readonly TranslationProblem[],
): string {
  const lines = [
    `${overlayFile} is not complete and current (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
    "",
  ];
  for (const problem of problems) {
    const action = problem.action ? ` (action ${problem.action.index}, target ${problem.action.target})` : "";
    lines.push(`  ${problem.kind}: ${problem.pointer ?? ""}${action}`);
    lines.push(`    ${problem.detail}`);
    if (problem.english !== undefined) lines.push(`    English: ${indent(problem.english)}`);
    lines.push("");
  }
  lines.push(
    "To fix: run `pnpm translations:stub` at the repository root. It adds a stub (the English text, marked",
    "x-needs-translation: true) for each missing string, marks each stale translation, and deletes orphaned",
    `actions. Then translate every marked entry in ${overlayFile} and delete its x-needs-translation.`,
  );
  return lines.join("\n");
}
