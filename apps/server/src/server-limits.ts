/**
 * What one server holds for its clients, and for how long: connections, and the time a request may take
 * to arrive. Short by default, so that clients that open connections and send nothing, or send slowly,
 * cannot hold the file descriptors every other client needs.
 *
 * @example
 * const limits = resolveServerLimits({ maxConnections: 64 }); // the other limits at their defaults
 */

/**
 * The limits `startSessionsServer` applies.
 *
 * @example
 * const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, headersTimeoutMs: 2_000 };
 */
export interface ServerLimits {
  /** Connections held at once; one more is answered 503 and closed. */
  maxConnections: number;
  /** From a connection's opening (or a kept-alive connection's next request's first byte) to the end of the request's headers, in ms; later: 408. */
  headersTimeoutMs: number;
  /** From the same moment to the end of the request's body, in ms; later: 408. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection may stay idle between requests before it is closed, in ms. */
  keepAliveTimeoutMs: number;
}

/** The defaults: 512 connections, headers within 10 s, the whole request within 30 s, idle 5 s. */
export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  maxConnections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The environment variable of each limit, named in errors so that the CLI's user knows what to fix. */
export const SERVER_LIMIT_VARIABLES: Readonly<Record<keyof ServerLimits, string>> = {
  maxConnections: "SESSIONS_API_MAX_CONNECTIONS",
  headersTimeoutMs: "SESSIONS_API_HEADERS_TIMEOUT_MS",
  requestTimeoutMs: "SESSIONS_API_REQUEST_TIMEOUT_MS",
  keepAliveTimeoutMs: "SESSIONS_API_KEEP_ALIVE_TIMEOUT_MS",
};

const describe = (name: keyof ServerLimits) => `${name} (${SERVER_LIMIT_VARIABLES[name]})`;

/**
 * The limits given, the defaults for the others, checked: each a positive integer, and the headers'
 * time no longer than the whole request's.
 *
 * @throws {Error} naming the option and its environment variable.
 * @example
 * resolveServerLimits({ headersTimeoutMs: 60_000 }); // throws: it is longer than requestTimeoutMs
 */
export function resolveServerLimits(
  options: Partial<Record<keyof ServerLimits, number | undefined>>,
): ServerLimits {
  const limits = { ...DEFAULT_SERVER_LIMITS };
  for (const name of Object.keys(limits) as (keyof ServerLimits)[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(`${describe(name)} must be a positive integer; got ${value}.`);
    }
    limits[name] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `${describe("headersTimeoutMs")} must not be longer than ${describe("requestTimeoutMs")}; got ${limits.headersTimeoutMs} and ${limits.requestTimeoutMs}.`,
    );
  }
  return limits;
}
