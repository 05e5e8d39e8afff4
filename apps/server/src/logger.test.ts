import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { jsonLogger } from "./logger.js";

function capture() {
  const writes: string[] = [];
  const lines = () =>
    writes
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  return { writes, lines, stream: { write: (chunk: string) => writes.push(chunk) } };
}

describe("jsonLogger", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse("2026-05-28T07:00:00.000Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("writes one JSON object per line, with level, message, fields and time", () => {
    const out = capture();
    const log = jsonLogger(out.stream);
    log.info("listening", { url: "http://127.0.0.1:8080", quote: 'a "b"\n' });
    log.info("ready");
    vi.advanceTimersByTime(20);
    expect(out.lines()).toEqual([
      {
        level: "info",
        msg: "listening",
        url: "http://127.0.0.1:8080",
        quote: 'a "b"\n',
        time: "2026-05-28T07:00:00.000Z",
      },
      { level: "info", msg: "ready", time: "2026-05-28T07:00:00.000Z" },
    ]);
  });

  test("each line tells the time it was logged at", () => {
    const out = capture();
    const log = jsonLogger(out.stream);
    log.info("first");
    vi.advanceTimersByTime(7);
    log.info("second");
    log.flush();
    expect(out.lines().map((line) => line.time)).toEqual([
      "2026-05-28T07:00:00.000Z",
      "2026-05-28T07:00:00.007Z",
    ]);
  });

  test("info lines wait at most maxDelayMs and go out together in one write, in order", () => {
    const out = capture();
    const log = jsonLogger(out.stream, { maxDelayMs: 20 });
    for (let i = 0; i < 3; i++) log.info("request", { i });
    vi.advanceTimersByTime(19);
    expect(out.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(out.writes).toHaveLength(1);
    expect(out.lines().map((line) => line.i)).toEqual([0, 1, 2]);
  });

  test("info lines are written without waiting once maxPendingChars of them wait", () => {
    const out = capture();
    const log = jsonLogger(out.stream, { maxPendingChars: 200 });
    log.info("request", { path: "x".repeat(100) });
    expect(out.writes).toEqual([]);
    log.info("request", { path: "y".repeat(100) });
    expect(out.writes).toHaveLength(1);
    expect(out.lines()).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(out.writes).toHaveLength(1);
  });

  test("an error is written at once, after the info lines that came before it", () => {
    const out = capture();
    const log = jsonLogger(out.stream);
    log.info("request", { i: 0 });
    log.error("store unreachable", { error: "ECONNREFUSED" });
    expect(out.lines().map((line) => line.msg)).toEqual(["request", "store unreachable"]);
  });

  test("flush writes what waits, so that nothing is lost when the process exits", () => {
    const out = capture();
    const log = jsonLogger(out.stream);
    log.info("stopped", { signal: "SIGTERM" });
    log.flush();
    log.flush();
    expect(out.lines().map((line) => line.msg)).toEqual(["stopped"]);
  });
});
