import { describe, expect, test } from "vitest";
import { AutoAnalyze } from "./auto-analyze.js";

type Table = "sessions" | "samples";

// an analyze() that reports each table's size from `sizes` and records its calls
function recorder(sizes: Partial<Record<Table, number>> = {}) {
  const calls: Table[] = [];
  const errors: unknown[] = [];
  let release: (() => void) | undefined;
  let holding = false;
  return {
    calls,
    errors,
    /** Analyses wait until `release()` from now on. */
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      release?.();
    },
    analyze: async (table: Table) => {
      calls.push(table);
      if (holding) await new Promise<void>((resolve) => (release = resolve));
      return sizes[table] ?? 0;
    },
    onError: (error: unknown) => errors.push(error),
  };
}

describe("AutoAnalyze", () => {
  test("analyzes an empty table once 50 rows changed, not before", async () => {
    const db = recorder({ sessions: 50 });
    const auto = new AutoAnalyze<Table>(db);
    auto.changed("sessions", 49);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.changed("sessions", 1);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
  });

  test("then waits for 50 rows plus 10% of the rows the table had at its analysis", async () => {
    const db = recorder({ sessions: 1_000 });
    const auto = new AutoAnalyze<Table>({ ...db, rows: { sessions: 1_000 } });
    auto.changed("sessions", 149);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.changed("sessions", 1);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
    auto.changed("sessions", 149);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
  });

  test("counts each table on its own", async () => {
    const db = recorder();
    const auto = new AutoAnalyze<Table>(db);
    auto.changed("sessions", 30);
    auto.changed("samples", 30);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.changed("samples", 20);
    await auto.idle();
    expect(db.calls).toEqual(["samples"]);
  });

  test("runs one analysis at a time; rows changed meanwhile count toward the next", async () => {
    const db = recorder({ sessions: 0, samples: 0 });
    const auto = new AutoAnalyze<Table>(db);
    db.hold();
    auto.changed("sessions", 50);
    auto.changed("samples", 50);
    auto.changed("sessions", 50);
    expect(db.calls).toEqual(["sessions"]);
    db.release();
    await auto.idle();
    // samples was due; the 50 rows of sessions changed during its analysis make it due again
    expect(db.calls).toEqual(["sessions", "samples", "sessions"]);
  });

  test("a failed analysis is reported and tried again only after as many changes again", async () => {
    let fail = true;
    const errors: unknown[] = [];
    const calls: Table[] = [];
    const auto = new AutoAnalyze<Table>({
      analyze: async (table) => {
        calls.push(table);
        if (fail) throw new Error("disk full");
        return 60;
      },
      onError: (error) => errors.push(error),
    });
    auto.changed("sessions", 50);
    await auto.idle();
    expect(calls).toEqual(["sessions"]);
    expect(errors).toEqual([new Error("disk full")]);
    auto.changed("sessions", 10);
    await auto.idle();
    expect(calls).toHaveLength(1);
    fail = false;
    auto.changed("sessions", 40);
    await auto.idle();
    expect(calls).toEqual(["sessions", "sessions"]);
  });

  test("after stop, no analysis starts and the running one is waited for", async () => {
    const db = recorder();
    const auto = new AutoAnalyze<Table>(db);
    db.hold();
    auto.changed("sessions", 50);
    let stopped = false;
    const stopping = auto.stop().then(() => {
      stopped = true;
    });
    auto.changed("samples", 500);
    await Promise.resolve();
    expect(stopped).toBe(false);
    db.release();
    await stopping;
    expect(db.calls).toEqual(["sessions"]);
  });
});
