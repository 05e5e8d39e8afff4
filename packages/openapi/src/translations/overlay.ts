/**
 * OpenAPI Overlay 1.0 documents and how they apply: each action, in order, selects nodes with its
 * JSONPath `target`; `update` is merged into each selected object (objects recursively, other values
 * replaced) or appended to each selected array; `remove: true` deletes the selected nodes. Targets use
 * the JSONPath subset of `json-path.ts`; an action that breaks these rules fails with its index.
 *
 * @example
 * const translated = applyOverlay(english, {
 *   overlay: "1.0.0",
 *   info: { title: "zh-CN", version: "1.0.0" },
 *   actions: [{ target: "$.info", update: { title: "会话 API" } }],
 * });
 */
import { queryJsonPath } from "./json-path.js";

/** One action of an overlay. `x-` members are extensions (translations keep `x-source-hash` there). */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
  [extension: `x-${string}`]: unknown;
}

/** An Overlay 1.0 document. */
export interface Overlay {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const clone = <T>(value: T): T => structuredClone(value);

function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [member, value] of Object.entries(update)) {
    const current = target[member];
    if (isRecord(current) && isRecord(value)) mergeInto(current, value);
    else target[member] = clone(value);
  }
}

function applyAction(document: unknown, action: OverlayAction, index: number): unknown {
  const where = `overlay action ${index} (target ${action.target})`;
  if (action.remove === true) {
    // deepest and last first, so that removing one node does not shift the index of another
    const matches = queryJsonPath(document, action.target).reverse();
    for (const { segments } of matches) {
      if (segments.length === 0) throw new Error(`${where}: cannot remove the document itself`);
      const parent = segments
        .slice(0, -1)
        .reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], document);
      const last = segments.at(-1) as string | number;
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete (parent as Record<string, unknown>)[last];
    }
    return document;
  }
  if (action.update === undefined) throw new Error(`${where}: has neither update nor remove: true`);
  for (const { value } of queryJsonPath(document, action.target)) {
    if (Array.isArray(value)) value.push(clone(action.update));
    else if (isRecord(value) && isRecord(action.update)) mergeInto(value, action.update);
    else throw new Error(`${where}: update must be an object merged into an object, or appended to an array`);
  }
  return document;
}

/** Checks that `value` has the members of an Overlay 1.0 document, or throws saying which is wrong. */
export function assertOverlay(value: unknown): asserts value is Overlay {
  if (!isRecord(value)) throw new Error("An overlay must be an object");
  if (typeof value.overlay !== "string" || !value.overlay.startsWith("1.0."))
    throw new Error(`Unsupported overlay version ${JSON.stringify(value.overlay)}: expected 1.0.x`);
  const info = value.info;
  if (!isRecord(info) || typeof info.title !== "string" || typeof info.version !== "string")
    throw new Error("An overlay's info needs a title and a version");
  if (!Array.isArray(value.actions)) throw new Error("An overlay needs an actions array");
  value.actions.forEach((action, index) => {
    if (!isRecord(action) || typeof action.target !== "string")
      throw new Error(`overlay action ${index} needs a string target`);
  });
}

/** Applies `overlay` to a copy of `document` and returns the copy; `document` is not changed. */
export function applyOverlay<T>(document: T, overlay: Overlay): T {
  return overlay.actions.reduce<unknown>(
    (current, action, index) => applyAction(current, action, index),
    clone(document),
  ) as T;
}
