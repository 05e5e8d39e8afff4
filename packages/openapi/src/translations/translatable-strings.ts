/**
 * Which strings of an OpenAPI document are prose for people, and so get translated: every `summary`
 * and `description` (of info, servers, tags, operations, parameters, headers, responses, schemas and
 * their properties, examples, security schemes) and `info.title`. Everything else is left as it is:
 * names, codes, enum values, URLs, schema titles (generators name types after them), example values,
 * defaults and `x-` extensions (notes for the project's developers, not part of the reference).
 *
 * @example
 * collectTranslatableStrings(document)[0];
 * // { segments: ["info", "title"], pointer: "/info/title", text: "Sessions API" }
 */
import { formatJsonPointer, type Segment } from "./json-path.js";

/** One translatable string: where it is and its text. */
export interface TranslatableString {
  /** The segments from the root to the string; the last is its member name (`summary`, …). */
  segments: Segment[];
  /** The same location as an RFC 6901 JSON pointer. */
  pointer: string;
  text: string;
}

const proseMembers = new Set(["summary", "description"]);
// values, not prose: their strings are data a client may compare against
const dataMembers = new Set(["example", "examples", "default", "enum", "const"]);
// members whose children are named by the document's author, not keywords of OpenAPI or JSON Schema
const nameMaps = new Set([
  "paths",
  "properties",
  "patternProperties",
  "$defs",
  "responses",
  "headers",
  "content",
  "links",
  "callbacks",
  "encoding",
  "variables",
  "mapping",
  "webhooks",
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const found = (segments: Segment[], text: string): TranslatableString => ({
  segments,
  pointer: formatJsonPointer(segments),
  text,
});

/** An Example object's prose (`summary`, `description`); its `value` is data. */
function walkExample(example: unknown, segments: Segment[], into: TranslatableString[]): void {
  if (!isRecord(example)) return;
  for (const member of ["summary", "description"]) {
    const text = example[member];
    if (typeof text === "string") into.push(found([...segments, member], text));
  }
}

/** Walks an object whose members are names (`isNames`) or keywords, and the arrays below it. */
function walk(node: unknown, segments: Segment[], isNames: boolean, into: TranslatableString[]): void {
  if (Array.isArray(node)) {
    node.forEach((element, index) => {
      walk(element, [...segments, index], false, into);
    });
    return;
  }
  if (!isRecord(node)) return;
  const isComponents = segments.length === 1 && segments[0] === "components";
  const isExampleMap = segments.length === 2 && segments[0] === "components" && segments[1] === "examples";
  for (const [member, value] of Object.entries(node)) {
    const path = [...segments, member];
    if (isNames) {
      if (isExampleMap) walkExample(value, path, into);
      else walk(value, path, isComponents, into);
    } else if (member === "examples" && isRecord(value)) {
      // OpenAPI's map of Example objects (JSON Schema's `examples` is an array of values: data)
      for (const [name, example] of Object.entries(value)) walkExample(example, [...path, name], into);
    } else if (member.startsWith("x-") || dataMembers.has(member)) {
      // data and notes for developers: never translated
    } else if (typeof value === "string") {
      const isInfoTitle = member === "title" && segments.length === 1 && segments[0] === "info";
      if (proseMembers.has(member) || isInfoTitle) into.push(found(path, value));
    } else {
      walk(value, path, nameMaps.has(member) || (segments.length === 0 && member === "components"), into);
    }
  }
}

/** Every translatable string of `document`, in document order. */
export function collectTranslatableStrings(document: unknown): TranslatableString[] {
  const strings: TranslatableString[] = [];
  walk(document, [], false, strings);
  return strings;
}
