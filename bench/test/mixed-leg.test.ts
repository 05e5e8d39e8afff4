/**
 * The mixed leg's plumbing on a small store: the reference server (from source) filled through its
 * sandbox, the read mix, the ceiling and the bare-SQL anchor, traffic at a rate, one row per contender and
 * rate. No figure is judged here: the benchmark judges them.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type MixedRow, mixedContenders, runMixedLeg } from "../src/legs/mixed.js";

const serverSource = fileURLToPath(new URL("../../apps/server/src/main.ts", import.meta.url));

describe("the mixed leg", () => {
  let rows: MixedRow[];
  const previous = process.env.BENCH_SERVER_MAIN;
  beforeAll(async () => {
    process.env.BENCH_SERVER_MAIN = serverSource;
    rows = await runMixedLeg({
      store: "pglite",
      sessions: 300,
      seconds: 1,
      rounds: 1,
      connections: [2],
      rates: [0, 50],
      questions: 40,
    });
  }, 300_000);
  afterAll(() => {
    if (previous === undefined) delete process.env.BENCH_SERVER_MAIN;
    else process.env.BENCH_SERVER_MAIN = previous;
  });

  test("measures every contender at every ingest rate, with traffic written only when asked for", () => {
    expect(rows.map((row) => [row.ingest_rate, row.contender])).toEqual(
      [0, 50].flatMap((rate) => mixedContenders.map((contender) => [rate, contender])),
    );
    for (const row of rows) {
      expect(row.rps).toBeGreaterThan(0);
      expect(row.rounds_rps).toHaveLength(1);
      if (row.ingest_rate === 0) expect(row.ingest_rps).toBe(0);
      else expect(row.ingest_rps).toBeGreaterThan(0);
    }
  });
});
