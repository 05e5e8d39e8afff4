/**
 * Structured logs: one JSON object per line.
 *
 * @example
 * const log = jsonLogger();
 * log.info("listening", { url: "http://127.0.0.1:8080" });
 * // {"time":"2026-05-28T07:00:00.000Z","level":"info","msg":"listening","url":"http://127.0.0.1:8080"}
 */
export type LogFields = Record<string, unknown>;

/**
 * Where the server logs: one call per line.
 *
 * @example
 * const quiet: Logger = { info: () => {}, error: (msg, fields) => console.error(msg, fields) };
 */
export interface Logger {
  info(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/**
 * A logger writing JSON lines to a stream (stdout by default).
 *
 * @example
 * jsonLogger(process.stderr).error("store unreachable", { cause: "ECONNREFUSED" });
 */
export function jsonLogger(stream: { write(line: string): unknown } = process.stdout): Logger {
  const write = (level: string, msg: string, fields: LogFields = {}) => {
    stream.write(`${JSON.stringify({ level, msg, ...fields, time: new Date().toISOString() })}\n`);
  };
  return {
    info: (msg, fields) => write("info", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}

/**
 * The library default: quiet about requests, errors as JSON lines on stderr.
 *
 * @example
 * createSessionsApp({ logger: errorsOnlyLogger() });
 */
export function errorsOnlyLogger(): Logger {
  const errors = jsonLogger(process.stderr);
  return { info: () => {}, error: errors.error };
}

/** How an unknown error is logged: message and stack, never sent to the client. */
export function describeCause(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}
