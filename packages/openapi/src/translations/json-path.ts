/**
 * The subset of JSONPath (RFC 9535, as OpenAPI Overlay 1.0 uses it) that translation overlays are
 * written in: `$`, member names (`.info`, `['/v1/{product}/sessions']`), array indexes (`[0]`) and
 * filters on string members of array elements (`[?@.name=='limit' && @.in=='query']`). Anything else
 * fails with an error naming the position, so a hand-written target never silently selects nothing.
 *
 * Written here rather than taken from npm: jsonpath-plus (the maintained JS library) implements its own
 * dialect, not RFC 9535's filter syntax, and this subset is all an overlay of strings needs.
 *
 * @example
 * const target = formatJsonPath(document, ["paths", "/v1/mobile/sessions", "get"]);
 * // "$.paths['/v1/mobile/sessions'].get"
 * queryJsonPath(document, target); // [{ value: <the operation>, segments: ["paths", "/v1/mobile/sessions", "get"] }]
 */

/** A step from a node to one of its children: a member name or an array index. */
export type Segment = string | number;

/** A node a path selects, with the segments that lead to it from the root. */
export interface PathMatch {
  value: unknown;
  segments: Segment[];
}

type Selector =
  | { kind: "name"; name: string }
  | { kind: "index"; index: number }
  | { kind: "filter"; conditions: Array<{ member: string; equals: string }> };

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
// members whose value names an array element well enough to survive insertions before it
const namingMembers = [["name", "in"], ["name"], ["url"]] as const;

const quote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function formatIndex(array: unknown[], index: number): string {
  const element = array[index];
  if (isRecord(element)) {
    for (const members of namingMembers) {
      if (!members.every((member) => typeof element[member] === "string")) continue;
      const matches = array.filter(
        (other) => isRecord(other) && members.every((member) => other[member] === element[member]),
      );
      if (matches.length === 1)
        return `[?${members.map((member) => `@.${member}==${quote(element[member] as string)}`).join(" && ")}]`;
    }
  }
  return `[${index}]`;
}

/**
 * Formats the path of the node at `segments` in `document`. Array elements are named by a filter on
 * their `name` (and `in`) or `url` when that picks them alone, so that the path stays right when
 * elements are added before them; otherwise by index.
 */
export function formatJsonPath(document: unknown, segments: readonly Segment[]): string {
  let path = "$";
  let node = document;
  for (const segment of segments) {
    if (typeof segment === "number") {
      if (!Array.isArray(node)) throw new Error(`${path} is not an array`);
      path += formatIndex(node, segment);
      node = node[segment];
    } else {
      path += identifier.test(segment) ? `.${segment}` : `[${quote(segment)}]`;
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return path;
}

class JsonPathSyntaxError extends Error {
  constructor(path: string, at: number, expected: string) {
    super(
      `Unsupported JSONPath ${JSON.stringify(path)} at position ${at}: expected ${expected}. ` +
        "Translation overlays use only $, .name, ['name'], [index] and [?@.member=='text' && ...].",
    );
  }
}

function parseQuoted(path: string, start: number): { text: string; end: number } {
  let text = "";
  let at = start + 1;
  while (at < path.length && path[at] !== "'") {
    if (path[at] === "\\") {
      const escaped = path[at + 1];
      if (escaped !== "\\" && escaped !== "'") throw new JsonPathSyntaxError(path, at, "\\\\ or \\'");
      text += escaped;
      at += 2;
    } else {
      text += path[at];
      at += 1;
    }
  }
  if (path[at] !== "'") throw new JsonPathSyntaxError(path, at, "a closing quote");
  return { text, end: at + 1 };
}

function parseFilter(path: string, start: number): { selector: Selector; end: number } {
  const conditions: Array<{ member: string; equals: string }> = [];
  let at = start;
  for (;;) {
    const member = /^@\.([A-Za-z_][A-Za-z0-9_]*)\s*==\s*/.exec(path.slice(at));
    if (!member?.[1]) throw new JsonPathSyntaxError(path, at, "@.member==");
    at += member[0].length;
    if (path[at] !== "'") throw new JsonPathSyntaxError(path, at, "a single-quoted string");
    const value = parseQuoted(path, at);
    conditions.push({ member: member[1], equals: value.text });
    at = value.end;
    const and = /^\s*&&\s*/.exec(path.slice(at));
    if (!and) break;
    at += and[0].length;
  }
  if (path[at] !== "]") throw new JsonPathSyntaxError(path, at, "] or &&");
  return { selector: { kind: "filter", conditions }, end: at + 1 };
}

/** Parses `path` into selectors, or throws naming the first thing outside the supported subset. */
function parseJsonPath(path: string): Selector[] {
  if (path[0] !== "$") throw new JsonPathSyntaxError(path, 0, "$");
  const selectors: Selector[] = [];
  let at = 1;
  while (at < path.length) {
    const rest = path.slice(at);
    const member = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (member?.[1]) {
      selectors.push({ kind: "name", name: member[1] });
      at += member[0].length;
    } else if (rest.startsWith("['")) {
      const name = parseQuoted(path, at + 1);
      if (path[name.end] !== "]") throw new JsonPathSyntaxError(path, name.end, "]");
      selectors.push({ kind: "name", name: name.text });
      at = name.end + 1;
    } else if (rest.startsWith("[?")) {
      const filter = parseFilter(path, at + 2);
      selectors.push(filter.selector);
      at = filter.end;
    } else {
      const index = /^\[(0|[1-9][0-9]*)\]/.exec(rest);
      if (!index?.[1]) throw new JsonPathSyntaxError(path, at, ".name, ['name'], [index] or [?filter]");
      selectors.push({ kind: "index", index: Number(index[1]) });
      at += index[0].length;
    }
  }
  return selectors;
}

function select(match: PathMatch, selector: Selector): PathMatch[] {
  const { value, segments } = match;
  if (selector.kind === "name") {
    return isRecord(value) && Object.hasOwn(value, selector.name)
      ? [{ value: value[selector.name], segments: [...segments, selector.name] }]
      : [];
  }
  if (!Array.isArray(value)) return [];
  if (selector.kind === "index") {
    return selector.index < value.length
      ? [{ value: value[selector.index], segments: [...segments, selector.index] }]
      : [];
  }
  return value.flatMap((element, index) =>
    isRecord(element) && selector.conditions.every(({ member, equals }) => element[member] === equals)
      ? [{ value: element, segments: [...segments, index] }]
      : [],
  );
}

/** The nodes of `document` that `path` selects, in document order; throws on unsupported syntax. */
export function queryJsonPath(document: unknown, path: string): PathMatch[] {
  return parseJsonPath(path).reduce<PathMatch[]>(
    (matches, selector) => matches.flatMap((match) => select(match, selector)),
    [{ value: document, segments: [] }],
  );
}

/** The RFC 6901 JSON pointer of `segments`, as error messages name a string. */
export function formatJsonPointer(segments: readonly Segment[]): string {
  return segments
    .map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}
