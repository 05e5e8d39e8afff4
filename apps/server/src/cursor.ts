/**
 * Gateway list cursors: an opaque base64url token holding the keyset position (`started_at`, `id`) of the
 * last session of a page and a digest of the query that produced it (account, product and filters), so a
 * cursor replayed with other filters or by another account is refused instead of paging something else.
 *
 * @example
 * const cursor = encodeCursor({ startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" }, scope);
 * decodeCursor(cursor, scope); // { startedAt: "2026-05-28T07:00:00.000Z", id: "ses_01HX2K3PQ4M5" }
 */
import { createHash } from "node:crypto";
import { ApiError } from "./errors.js";
import type { SessionKey } from "./store/session-store.js";

/** What a cursor is bound to: the account, the product and every filter (not the page size). */
export type CursorScope = Record<string, string | number | boolean | null | undefined>;

const sessionIdPattern = /^ses_[0-9A-HJKMNP-TV-Z]{12}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

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

/**
 * The cursor of the page that follows `position` for this query.
 *
 * @example
 * encodeCursor(page.next, { account: "acct_demo", product: "residential", status: "active" });
 */
export function encodeCursor(position: SessionKey, scope: CursorScope): string {
  return Buffer.from(JSON.stringify({ t: position.startedAt, i: position.id, q: digest(scope) })).toString(
    "base64url",
  );
}

/**
 * The position a cursor holds, checked against the query it is used with.
 *
 * @throws {ApiError} `400 invalid_parameter` (param `cursor`) for a malformed or foreign cursor.
 * @example
 * const after = decodeCursor(query.cursor, scope);
 */
export function decodeCursor(cursor: string, scope: CursorScope): SessionKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = null;
  }
  const { t, i, q } = (value ?? {}) as { t?: unknown; i?: unknown; q?: unknown };
  if (
    typeof t !== "string" ||
    !timestampPattern.test(t) ||
    Number.isNaN(Date.parse(t)) ||
    typeof i !== "string" ||
    !sessionIdPattern.test(i) ||
    typeof q !== "string"
  ) {
    throw ApiError.invalidParameter("cursor", "cursor is malformed: pass a next_cursor value verbatim.");
  }
  if (q !== digest(scope)) {
    throw ApiError.invalidParameter(
      "cursor",
      "cursor was issued for another query: use it with the same product, filters and API key account.",
    );
  }
  return { startedAt: t, id: i };
}
