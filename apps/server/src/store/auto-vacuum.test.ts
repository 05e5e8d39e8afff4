import { describe, expect, test } from "vitest";
import { AutoVacuum } from "./auto-vacuum.js";

type Table = "sessions" | "samples";

// analyze() and vacuum() that report each table's size from `sizes` and record their calls (a vacuum as
// "vacuum <table>")
function recorder(sizes: Partial<Record<Table, number>> = {}) {
  const calls: string[] = [];
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
    vacuum: async (table: Table) => {
      calls.push(`vacuum ${table}`);
      if (holding) await new Promise<void>((resolve) => (release = resolve));
      return sizes[table] ?? 0;
    },
    onError: (error: unknown) => errors.push(error),
  };
}

describe("AutoVacuum", () => {
  test("analyzes an empty table once 50 rows changed, not before", async () => {
    const db = recorder({ sessions: 50 });
    const auto = new AutoVacuum<Table>(db);
    auto.inserted("sessions", 49);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.inserted("sessions", 1);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
  });

  test("then waits for 50 rows plus 10% of the rows the table had at its analysis", async () => {
    const db = recorder({ sessions: 1_000 });
    const auto = new AutoVacuum<Table>({ ...db, rows: { sessions: 1_000 } });
    auto.inserted("sessions", 149);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.inserted("sessions", 1);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
    auto.inserted("sessions", 149);
    await auto.idle();
    expect(db.calls).toEqual(["sessions"]);
  });

  test("counts each table on its own", async () => {
    const db = recorder();
    const auto = new AutoVacuum<Table>(db);
    auto.inserted("sessions", 30);
    auto.inserted("samples", 30);
    await auto.idle();
    expect(db.calls).toEqual([]);
    auto.inserted("samples", 20);
    await auto.idle();
    expect(db.calls).toEqual(["samples"]);
  });

  test("runs one analysis at a time; rows changed meanwhile count toward the next", async () => {
    const db = recorder({ sessions: 0, samples: 0 });
    const auto = new AutoVacuum<Table>(db);
    db.hold();
    auto.inserted("sessions", 50);
    auto.inserted("samples", 50);
    auto.inserted("sessions", 50);
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
    const auto = new AutoVacuum<Table>({
      analyze: async (table) => {
        calls.push(table);
        if (fail) throw new Error("disk full");
        return 60;
      },
      vacuum: async () => 60,
      onError: (error) => errors.push(error),
    });
    auto.inserted("sessions", 50);
    await auto.idle();
    expect(calls).toEqual(["sessions"]);
    expect(errors).toEqual([new Error("disk full")]);
    auto.inserted("sessions", 10);
    await auto.idle();
    expect(calls).toHaveLength(1);
    fail = false;
    auto.inserted("sessions", 40);
    await auto.idle();
    expect(calls).toEqual(["sessions", "sessions"]);
  });

  test("after stop, no analysis starts and the running one is waited for", async () => {
    const db = recorder();
    const auto = new AutoVacuum<Table>(db);
    db.hold();
    auto.inserted("sessions", 50);
    let stopped = false;
    const stopping = auto.stop().then(() => {
      stopped = true;
    });
    auto.inserted("samples", 500);
    await Promise.resolve();
    expect(stopped).toBe(false);
    db.release();
    await stopping;
    expect(db.calls).toEqual(["sessions"]);
  });

  test("vacuums a table, and analyzes it with the same run, once 50 rows plus 20% of it were deleted", async () => {
    const db = recorder({ sessions: 1_000 });
    const auto = new AutoVacuum<Table>({ ...db, rows: { sessions: 1_000 } });
    auto.deleted("sessions", 150);
    await auto.idle();
    // deleted rows count toward an analysis too: 150 reach 50 + 10% of 1,000, not 50 + 20%
    expect(db.calls).toEqual(["sessions"]);
    auto.deleted("sessions", 100);
    await auto.idle();
    expect(db.calls).toEqual(["sessions", "vacuum sessions"]);
    // the vacuum's analysis reset both counts
    auto.inserted("sessions", 149);
    await auto.idle();
    expect(db.calls).toEqual(["sessions", "vacuum sessions"]);
  });

  test("inserted rows alone never call for a vacuum", async () => {
    const db = recorder({ sessions: 0 });
    const auto = new AutoVacuum<Table>(db);
    for (let i = 0; i < 10; i++) {
      auto.inserted("sessions", 1_000);
      await auto.idle();
    }
    expect(db.calls.filter((call) => call.startsWith("vacuum"))).toEqual([]);
  });

  test("a failed vacuum is reported and tried again only after as many deletions again", async () => {
    const errors: unknown[] = [];
    const calls: string[] = [];
    const auto = new AutoVacuum<Table>({
      analyze: async (table) => {
        calls.push(table);
        return 0;
      },
      vacuum: async (table) => {
        calls.push(`vacuum ${table}`);
        throw new Error("disk full");
      },
      onError: (error) => errors.push(error),
    });
    auto.deleted("sessions", 50);
    await auto.idle();
    expect(calls).toEqual(["vacuum sessions"]);
    expect(errors).toEqual([new Error("disk full")]);
    auto.deleted("sessions", 49);
    await auto.idle();
    expect(calls).toEqual(["vacuum sessions"]);
  });

  test("counts() gives what is still due, and a new AutoVacuum started from them goes on where it stopped", async () => {
    const db = recorder({ sessions: 1_000 });
    const first = new AutoVacuum<Table>({ ...db, rows: { sessions: 1_000 } });
    first.deleted("sessions", 140);
    first.inserted("samples", 30);
    await first.stop();
    expect(db.calls).toEqual([]);
    expect(first.counts()).toEqual({
      sessions: { changed: 140, deleted: 140 },
      samples: { changed: 30, deleted: 0 },
    });

    const second = new AutoVacuum<Table>({ ...db, rows: { sessions: 1_000 }, counts: first.counts() });
    // 140 + 10 changed rows reach the analysis' 50 + 10% of 1,000
    second.deleted("sessions", 10);
    await second.idle();
    expect(db.calls).toEqual(["sessions"]);
    // 150 + 100 deleted rows reach the vacuum's 50 + 20%
    second.deleted("sessions", 99);
    await second.idle();
    expect(db.calls).toEqual(["sessions"]);
    second.deleted("sessions", 1);
    await second.idle();
    expect(db.calls).toEqual(["sessions", "vacuum sessions"]);
    expect(second.counts()).toEqual({
      samples: { changed: 30, deleted: 0 },
      sessions: { changed: 0, deleted: 0 },
    });
  });

  test("counts that are already due start their work at once", async () => {
    const db = recorder();
    const auto = new AutoVacuum<Table>({ ...db, counts: { samples: { changed: 50, deleted: 0 } } });
    await auto.idle();
    expect(db.calls).toEqual(["samples"]);
  });
});
