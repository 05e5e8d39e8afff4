import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, test } from "vitest";
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
  test("writes one JSON object per line, with level, message, fields and time", async () => {
    const out = capture();
    jsonLogger(out.stream).info("listening", { url: "http://127.0.0.1:8080" });
    await nextTurn();
    expect(out.lines()).toEqual([
      { level: "info", msg: "listening", url: "http://127.0.0.1:8080", time: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(out.lines()[0].time))).toBe(false);
  });

  test("info lines of one turn of the event loop go out together in one write, in order", async () => {
    const out = capture();
    const log = jsonLogger(out.stream);
    for (let i = 0; i < 3; i++) log.info("request", { i });
    expect(out.writes).toEqual([]);
    await nextTurn();
    expect(out.writes).toHaveLength(1);
    expect(out.lines().map((line) => line.i)).toEqual([0, 1, 2]);
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
