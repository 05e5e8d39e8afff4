/**
 * Brings a translation overlay's structure up to date with the English document, leaving the words to
 * a translator: a stub for each missing string (its English text, marked `x-needs-translation: true`,
 * so that the check keeps failing until someone translates it), stale translations marked the same way
 * with their new `x-source-hash`, orphaned and duplicate actions deleted, and the actions sorted in the
 * English document's order. Comments and the formatting of untouched entries are kept.
 *
 * @example
 * const { text, summary } = writeTranslationStubs(english, readFileSync(overlayFile, "utf8"));
 * writeFileSync(overlayFile, text);
 */
import { isMap, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { formatJsonPath } from "./json-path.js";
import { assertOverlay } from "./overlay.js";
import { collectTranslatableStrings } from "./translatable-strings.js";
import { hashSource, inspectTranslation } from "./translation-check.js";

/** How many actions each change touched. */
export interface StubSummary {
  added: number;
  markedStale: number;
  deleted: number;
}

function textNode(text: string): Scalar {
  const node = new Scalar(text);
  if (text.includes("\n")) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

/** The overlay text with stubs written; see the module comment for what changes. */
export function writeTranslationStubs(
  english: unknown,
  overlayText: string,
): { text: string; summary: StubSummary } {
  const document = parseDocument(overlayText);
  const overlay = document.toJS();
  assertOverlay(overlay);
  const actions = document.get("actions") as YAMLSeq<YAMLMap>;
  if (!isSeq(actions)) throw new Error("The overlay's actions must be a sequence");
  // `actions: []` starts an overlay in flow style; stubs are block entries, one member a line
  actions.flow = false;
  const { resolved, problems } = inspectTranslation(english, overlay);
  const strings = collectTranslatableStrings(english);
  const order = new Map(strings.map((string, position) => [string.pointer, position]));
  const summary: StubSummary = { added: 0, markedStale: 0, deleted: 0 };

  const doomed = new Set(
    problems.flatMap((problem) =>
      (problem.kind === "orphaned" || problem.kind === "duplicate") && problem.action
        ? [problem.action.index]
        : [],
    ),
  );
  for (const problem of problems) {
    if (problem.kind !== "stale" || !problem.action || problem.english === undefined) continue;
    const node = actions.items[problem.action.index];
    if (!isMap(node)) continue;
    node.set("x-source-hash", hashSource(problem.english));
    node.set("x-needs-translation", true);
    summary.markedStale += 1;
  }

  const positionOf = new Map<YAMLMap, number>();
  for (const { index, source } of resolved) {
    const node = actions.items[index];
    if (node && !doomed.has(index))
      positionOf.set(node, order.get(source.pointer) ?? Number.MAX_SAFE_INTEGER);
  }
  summary.deleted = doomed.size;
  const kept = actions.items.filter((_, index) => !doomed.has(index));

  for (const problem of problems) {
    if (problem.kind !== "missing" || problem.pointer === undefined || problem.english === undefined)
      continue;
    const string = strings.find(({ pointer }) => pointer === problem.pointer);
    if (!string) continue;
    const member = String(string.segments.at(-1));
    const stub = document.createNode({}) as YAMLMap;
    stub.set("target", formatJsonPath(english, string.segments.slice(0, -1)));
    const update = document.createNode({}) as YAMLMap;
    update.set(member, textNode(string.text));
    stub.set("update", update);
    stub.set("x-source-hash", hashSource(string.text));
    stub.set("x-needs-translation", true);
    positionOf.set(stub, order.get(string.pointer) ?? Number.MAX_SAFE_INTEGER);
    kept.push(stub);
    summary.added += 1;
  }

  // actions the check could not resolve (invalid ones) stay, after the others, for a person to fix
  actions.items = kept.sort(
    (a, b) => (positionOf.get(a) ?? Number.MAX_SAFE_INTEGER) - (positionOf.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
  return { text: document.toString({ lineWidth: 0 }), summary };
}
