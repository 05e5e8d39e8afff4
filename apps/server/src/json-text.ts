/**
 * JSON text of response bodies, made once for values that never change. The read cache shares one frozen
 * value among every request that hits it (a session, a page of sessions); such a value is serialized on
 * its first response and its text reused after, instead of `JSON.stringify` of the same object on every
 * request (measured side by side: a fifth of a cached session read's CPU, almost half of a page of 100's).
 * The bytes are those `JSON.stringify` writes.
 *
 * @example
 * const sessions = freezeShared([{ id: "ses_1", samples: [] }]);
 * jsonText({ data: sessions, next_cursor: null }); // the sessions' text is made once, then reused
 */

// the values freezeShared was given and their direct members: only these may have their text kept
const immutable = new WeakSet<object>();
const texts = new WeakMap<object, string>();

// a Date's time can be set even when it is frozen: it is left as it is (nothing sets a cached one)
const isFreezable = (value: unknown): value is object =>
  value !== null && typeof value === "object" && !(value instanceof Date);

// frozen before its members, so that a cycle ends where it began; a member frozen already is taken to be
// frozen all the way down (the store's values are built fresh; a frozen part is one shared before)
function freezeDeep(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const member of value) if (isFreezable(member) && !Object.isFrozen(member)) freezeDeep(member);
  } else {
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key];
      if (isFreezable(member) && !Object.isFrozen(member)) freezeDeep(member);
    }
  }
}

/**
 * Freezes `value` and everything in it, and lets `jsonText` keep the text of `value` and of each of its
 * direct members (a page's sessions). Deeper parts are not marked: nothing writes them alone, and marking
 * every session of a page (a weak set entry each) cost more than the rest of freezing it.
 *
 * @example
 * cache.set(key, freezeShared(page));
 */
export function freezeShared<T>(value: T): T {
  if (isFreezable(value) && !immutable.has(value)) {
    if (!Object.isFrozen(value)) freezeDeep(value);
    immutable.add(value);
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key];
      if (isFreezable(member)) immutable.add(member);
    }
  }
  return value;
}

// values JSON.stringify leaves out of objects
const omitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

const isShared = (value: unknown): value is object =>
  value !== null && typeof value === "object" && immutable.has(value);

// A value written from the kept texts of its shared members, where it has any: an array of shared values (a
// page put together from sessions cached one by one, of which one changed costs the text of that one), or
// a plain object around shared members (a page's body: { data: <shared>, next_cursor }). Anything else goes
// to JSON.stringify whole, which writes a fresh tree faster than any walk of it in JavaScript.
function composedText(value: object): string {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isShared)
      ? `[${value.map(sharedText).join(",")}]`
      : JSON.stringify(value);
  }
  if (
    Object.getPrototypeOf(value) !== Object.prototype ||
    "toJSON" in value ||
    !Object.values(value).some(isShared)
  ) {
    return JSON.stringify(value);
  }
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (omitted(member)) continue;
    members.push(`${JSON.stringify(key)}:${isShared(member) ? sharedText(member) : JSON.stringify(member)}`);
  }
  return `{${members.join(",")}}`;
}

function sharedText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = composedText(value);
    texts.set(value, text);
  }
  return text;
}

/**
 * `JSON.stringify(value)`, with the text of a value frozen by `freezeShared` made once: the value itself,
 * or a member of a plain object around it (a page: `{ data: <shared>, next_cursor }`).
 *
 * @example
 * jsonText({ a: 1, b: [true, null] }); // '{"a":1,"b":[true,null]}'
 */
export function jsonText(value: unknown): string {
  if (isShared(value)) return sharedText(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  return composedText(value);
}

const bytes = new WeakMap<object, Uint8Array>();

/**
 * A response body: `jsonText(value)`, as UTF-8 bytes kept in place of its text when `value` was shared by
 * `freezeShared` (every response that sends it writes the same bytes, rather than encoding the text again
 * each time), else as text.
 *
 * @example
 * new Response(jsonBody(freezeShared({ id: "ses_1" }))); // the same bytes for every response
 */
export function jsonBody(value: unknown): string | Uint8Array {
  if (!isShared(value)) return jsonText(value);
  let kept = bytes.get(value);
  if (kept === undefined) {
    kept = Buffer.from(texts.get(value) ?? composedText(value));
    bytes.set(value, kept);
  }
  return kept;
}
