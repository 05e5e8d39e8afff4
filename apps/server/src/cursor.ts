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

function digest(scope: CursorScope): string {
  // a filter left out and one given as undefined select the same sessions
  const canonical = JSON.stringify(
    Object.keys(scope)
      .filter((name) => scope[name] !== undefined && scope[name] !== null)
      .sort()
      .map((name) => [name, scope[name]]),
  );
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
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
  const payload = Buffer.from(JSON.stringify({ t: position.startedAt, i: position.id, q: digest(scope) }));
  return payload.toString("base64url") + sign(payload, secret).toString("base64url");
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
  if (cursor.length <= macLength) throw notIssued();
  const payload = Buffer.from(cursor.slice(0, -macLength), "base64url");
  const mac = Buffer.from(cursor.slice(-macLength), "base64url");
  if (mac.length !== macBytes || !timingSafeEqual(mac, sign(payload, secret))) throw notIssued();
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    value = null;
  }
  // signed by this server, so well formed; checked all the same, as what reaches a query must be
  const { t, i, q } = (value ?? {}) as { t?: unknown; i?: unknown; q?: unknown };
  if (!isTimestamp(t) || typeof i !== "string" || !sessionIdPattern.test(i) || typeof q !== "string") {
    throw notIssued();
  }
  if (q !== digest(scope)) {
    throw ApiError.invalidParameter(
      "cursor",
      "cursor was issued for another query: use it with the same product, filters and API key account.",
    );
  }
  return { startedAt: t, id: i };
}
