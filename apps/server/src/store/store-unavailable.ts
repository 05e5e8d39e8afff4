/**
 * Which failures of the store mean that the database cannot be reached, as opposed to a fault of one
 * statement or of the server. The server answers the first kind `503 service_unavailable` (they pass by
 * themselves once the database is back) and the second `500`. This is the one place that tells them apart.
 *
 * @example
 * if (isStoreUnavailable(error)) throw ApiError.storeUnavailable();
 */

/**
 * A store that says itself that it cannot answer (the embedded store, once closed).
 *
 * @example
 * if (db.closed) throw new StoreUnavailableError("The embedded store (PGlite) is closed.");
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
}

// Node's errors of a socket that cannot connect or has lost its peer
const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// PostgreSQL's SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
// exception), admin shutdown, crash shutdown, cannot connect now (starting or in recovery), too many
// connections
const sqlStates = /^(08[0-9A-Z]{3}|57P01|57P02|57P03|53300)$/;

// node-postgres and its pool say these in messages only, with no code
const driverMessages = [
  /^Connection terminated/, // "... unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect$/, // the pool's connectionTimeoutMillis
  /is not queryable$/, // a client that has lost its connection
  /^Cannot use a pool after calling end on the pool$/, // the server is closing
  /^PGlite is closed$/, // the embedded store after close
];

// one error, not its causes
function isUnavailableItself(error: object): boolean {
  if (error instanceof StoreUnavailableError) return true;
  // WebAssembly.RuntimeError: the embedded store's engine has aborted, and answers nothing until a restart
  if ((error as { name?: unknown }).name === "RuntimeError") return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (socketCodes.has(code) || sqlStates.test(code))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && driverMessages.some((pattern) => pattern.test(message));
}

/**
 * Whether `error` (or an error it wraps, by `cause` or in an `AggregateError`) says that the database
 * cannot be reached: connection refused, reset or timed out, the server shutting down, a client that lost
 * its connection, the embedded store closed or aborted. Anything else (a statement's fault, a timeout of
 * a statement, a bug) is not.
 *
 * @example
 * isStoreUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })); // true
 * isStoreUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" })); // false
 */
export function isStoreUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== "object" || next === null || seen.has(next)) continue;
    seen.add(next);
    if (isUnavailableItself(next)) return true;
    pending.push((next as { cause?: unknown }).cause);
    if (next instanceof AggregateError) pending.push(...next.errors);
  }
  return false;
}
