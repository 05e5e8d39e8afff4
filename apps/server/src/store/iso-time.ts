/**
 * Times between the store and the API: PostgreSQL hands timestamps over as UTC wall time in text, the API
 * writes them as `Date.prototype.toISOString` does.
 */

/** How long terminated sessions (and deleted application sessions, for paging) are kept: 24 hours. */
export const AUDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

const utcWallTime = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,6})?$/;

export const toIso = (date: Date) => date.toISOString();

/**
 * A UTC wall time as PostgreSQL writes it (DateStyle ISO, or inside JSON) in the form
 * `Date.prototype.toISOString` writes: milliseconds, truncated as a Date would, and "Z".
 *
 * @example
 * isoTime("2026-05-28 07:00:00.1239"); // "2026-05-28T07:00:00.123Z"
 * isoTime("2026-05-28T07:00:00"); // "2026-05-28T07:00:00.000Z"
 */
export function isoTime(utc: string): string {
  // anything else (years past 9999, say) takes the slow, general way
  if (!utcWallTime.test(utc)) return new Date(`${utc.replace(" ", "T")}Z`).toISOString();
  const fraction = utc.length > 20 ? utc.slice(20, 23).padEnd(3, "0") : "000";
  return `${utc.slice(0, 10)}T${utc.slice(11, 19)}.${fraction}Z`;
}

/** The start of the audit window at `now`: what was terminated (or deleted) before it is gone. */
export const auditCutoffOf = (now: Date) => new Date(now.getTime() - AUDIT_WINDOW_MS).toISOString();
