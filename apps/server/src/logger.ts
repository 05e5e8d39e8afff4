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

/** How long info lines may wait, and how much of them, before they are written. */
export interface LogBuffering {
  /** Default 20 ms. */
  maxDelayMs?: number;
  /** Default 64 KiB (in UTF-16 code units, near enough to bytes for log lines). */
  maxPendingChars?: number;
}

/**
 * A logger writing JSON lines to a stream (stdout by default). Info lines (one per request, under load
 * thousands a second) are gathered and written together at most `maxDelayMs` later, or as soon as
 * `maxPendingChars` wait, so a busy server writes its log a few dozen times a second instead of once or
 * more per request; none is written on a request's own path. An error line is written at once, after
 * the lines before it.
 *
 * @example
 * const log = jsonLogger(process.stderr);
 * log.error("store unreachable", { cause: "ECONNREFUSED" });
 * process.on("exit", () => log.flush());
 */
export function jsonLogger(
  stream: { write(chunk: string): unknown } = process.stdout,
  buffering: LogBuffering = {},
): BufferedLogger {
  const maxDelayMs = buffering.maxDelayMs ?? 20;
  const maxPendingChars = buffering.maxPendingChars ?? 64 * 1024;
  let pending = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  // one Date per millisecond, not per line
  let timeMs = Number.NaN;
  let time = "";
  const line = (level: string, msg: string, fields: LogFields = {}) => {
    const now = Date.now();
    if (now !== timeMs) {
      timeMs = now;
      time = new Date(now).toISOString();
    }
    // the fields' own JSON spliced between level/msg and time: the same line as stringifying
    // { level, msg, ...fields, time } without building that object
    const own = JSON.stringify(fields);
    const middle = own === "{}" ? "" : `,${own.slice(1, -1)}`;
    return `{"level":${JSON.stringify(level)},"msg":${JSON.stringify(msg)}${middle},"time":"${time}"}\n`;
  };
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pending === "") return;
    const lines = pending;
    pending = "";
    stream.write(lines);
  };
  return {
    info(msg, fields) {
      pending += line("info", msg, fields);
      if (pending.length >= maxPendingChars) flush();
      else if (timer === undefined) {
        timer = setTimeout(flush, maxDelayMs);
        // waiting lines never keep the process alive: its exit handler flushes them
        timer.unref?.();
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
