/**
 * Gateway list cursors: an opaque base64url token holding the keyset position (`started_at`, `id`) of the
 * last session of a page and a digest of the query that produced it (account, product and filters), so a
 * cursor replayed with other filters or by another account is refused instead of paging something else.
 * Each cursor carries an HMAC made with the store's cursor secret (every instance over one database shares
 * it, and it outlives restarts), so a cursor the server did not issue is refused before any of it reaches
 * a query.
 *
 * @example
 * const cursor = encodeCursor({ startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" }, scope, secret);
 * decodeCursor(cursor, scope, secret); // { startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" }
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors.js";
import type { SessionKey } from "./store/session-store.js";

/** What a cursor is bound to: the account, the product and every filter (not the page size). */
export type CursorScope = Record<string, string | number | boolean | null | undefined>;

const sessionIdPattern = /^ses_[0-9A-HJKMNP-TV-Z]{12}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// 16 bytes of HMAC-SHA256 are 22 base64url characters, which end every cursor
const macBytes = 16;
const macLength = 22;

// A page read again is answered from the read cache, and what is left of its cost is mostly its cursors:
// a SHA-256 of the query and an HMAC for the cursor it hands out, another HMAC to check the one it was
// given. So the cursors made and checked lately are remembered, each by what decides it; a cursor that
// fails its check is never remembered.
const REMEMBERED = 1024;

function remember<V>(memory: Map<string, V>, key: string, value: V): V {
  if (memory.size >= REMEMBERED) memory.delete(memory.keys().next().value as string);
  memory.set(key, value);
  return value;
}

const digests = new Map<string, string>();

function digest(scope: CursorScope): string {
  // a filter left out and one given as undefined select the same sessions
  const canonical = JSON.stringify(
    Object.keys(scope)
      .filter((name) => scope[name] !== undefined && scope[name] !== null)
      .sort()
      .map((name) => [name, scope[name]]),
  );
  return (
    digests.get(canonical) ??
    remember(digests, canonical, createHash("sha256").update(canonical).digest("base64url").slice(0, 16))
  );
}

/** A cursor's signed content once its MAC checked out. */
interface SignedPosition {
  t: string;
  i: string;
  q: string;
}

// per secret: a store's secret is fixed for its life, and another store's must not see these
const remembered = new WeakMap<
  Uint8Array,
  { issued: Map<string, string>; checked: Map<string, SignedPosition> }
>();

function rememberedFor(secret: Uint8Array) {
  let memory = remembered.get(secret);
  if (memory === undefined) {
    memory = { issued: new Map(), checked: new Map() };
    remembered.set(secret, memory);
  }
  return memory;
}

function sign(payload: Buffer, secret: Uint8Array): Buffer {
  return createHmac("sha256", secret).update(payload).digest().subarray(0, macBytes);
}

// a time PostgreSQL reads as the one JavaScript does: JavaScript takes year 0 and rolls 2026-02-30 over
function isTimestamp(value: unknown): value is string {
  if (typeof value !== "string" || !timestampPattern.test(value) || value.startsWith("0000")) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

/**
 * The cursor of the page that follows `position` for this query, signed with `secret`.
 *
 * @example
 * encodeCursor(page.next, { account: "acct_demo", product: "residential", status: "active" }, store.cursorSecret);
 */
export function encodeCursor(position: SessionKey, scope: CursorScope, secret: Uint8Array): string {
  const signed = JSON.stringify({ t: position.startedAt, i: position.id, q: digest(scope) });
  const { issued } = rememberedFor(secret);
  const known = issued.get(signed);
  if (known !== undefined) return known;
  const payload = Buffer.from(signed);
  return remember(
    issued,
    signed,
    payload.toString("base64url") + sign(payload, secret).toString("base64url"),
  );
}

// the signed content of a cursor this server issued (its MAC is right and it is well formed), else undefined
function checkSignature(cursor: string, secret: Uint8Array): SignedPosition | undefined {
  const { checked } = rememberedFor(secret);
  const known = checked.get(cursor);
  if (known !== undefined) return known;
  if (cursor.length <= macLength) return undefined;
  const payload = Buffer.from(cursor.slice(0, -macLength), "base64url");
  const mac = Buffer.from(cursor.slice(-macLength), "base64url");
  if (mac.length !== macBytes || !timingSafeEqual(mac, sign(payload, secret))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    return undefined;
  }
  // signed by this server, so well formed; checked all the same, as what reaches a query must be
  const { t, i, q } = (value ?? {}) as { t?: unknown; i?: unknown; q?: unknown };
  if (!isTimestamp(t) || typeof i !== "string" || !sessionIdPattern.test(i) || typeof q !== "string") {
    return undefined;
  }
  return remember(checked, cursor, { t, i, q });
}

/**
 * The position a cursor holds, checked against the secret it was signed with and the query it is used
 * with.
 *
 * @throws {ApiError} `400 invalid_parameter` (param `cursor`) for a cursor this server did not issue
 * (malformed, altered, cut short, or signed with another secret) or one issued for another query.
 * @example
 * const after = decodeCursor(query.cursor, scope, store.cursorSecret);
 */
export function decodeCursor(cursor: string, scope: CursorScope, secret: Uint8Array): SessionKey {
  const notIssued = () =>
    ApiError.invalidParameter(
      "cursor",
      "cursor was not issued by this server: pass a next_cursor value verbatim.",
    );
  const signed = checkSignature(cursor, secret);
  if (signed === undefined) throw notIssued();
  const { t, i, q } = signed;
  if (q !== digest(scope)) {
    throw ApiError.invalidParameter(
      "cursor",
      "cursor was issued for another query: use it with the same product, filters and API key account.",
    );
  }
  return { startedAt: t, id: i };
}
