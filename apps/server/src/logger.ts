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

/** A `Logger` whose lines may wait for the end of the current turn of the event loop. */
export interface BufferedLogger extends Logger {
  /** Writes what is waiting now; call it before the process exits. */
  flush(): void;
}

/**
 * A logger writing JSON lines to a stream (stdout by default). Info lines (one per request, under load
 * thousands a second) are gathered and written once per turn of the event loop, so a burst costs one
 * write instead of one each, and none is written on a request's own path; an error line is written at
 * once, after the lines before it.
 *
 * @example
 * const log = jsonLogger(process.stderr);
 * log.error("store unreachable", { cause: "ECONNREFUSED" });
 * process.on("exit", () => log.flush());
 */
export function jsonLogger(stream: { write(chunk: string): unknown } = process.stdout): BufferedLogger {
  let pending = "";
  let scheduled = false;
  const line = (level: string, msg: string, fields: LogFields = {}) =>
    `${JSON.stringify({ level, msg, ...fields, time: new Date().toISOString() })}\n`;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const lines = pending;
    pending = "";
    stream.write(lines);
  };
  return {
    info(msg, fields) {
      pending += line("info", msg, fields);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    error(msg, fields) {
      pending += line("error", msg, fields);
      flush();
    },
    flush,
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
