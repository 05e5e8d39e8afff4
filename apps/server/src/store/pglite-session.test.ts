import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PgliteDatabaseError, PgliteSession } from "./pglite-session.js";

describe("PgliteSession", () => {
  let db: PGlite;
  let session: PgliteSession;
  beforeAll(async () => {
    db = await PGlite.create();
    session = new PgliteSession(db);
    await session.exec(
      "CREATE TABLE t (id int PRIMARY KEY, at timestamptz, tags text[], flag boolean, n bigint)",
    );
  });
  afterAll(() => db.close());

  test("runs a statement again with other parameters and parses each column by its type", async () => {
    const insert = "INSERT INTO t VALUES ($1, $2, $3, $4, $5) RETURNING *";
    const [first] = await session.query(insert, [1, "2026-01-02T03:04:05.678Z", ["a", 'b"c'], true, 7]);
    const [second] = await session.query(insert, [2, null, [], false, 9_007_199_254_740_991]);
    expect(first).toEqual({
      id: 1,
      at: new Date("2026-01-02T03:04:05.678Z"),
      tags: ["a", 'b"c'],
      flag: true,
      n: 7,
    });
    expect(second).toEqual({ id: 2, at: null, tags: [], flag: false, n: 9_007_199_254_740_991 });
    expect(await session.query("SELECT id FROM t WHERE id = ANY($1::int[]) ORDER BY id", [[2]])).toEqual([
      { id: 2 },
    ]);
  });

  test("reports database errors with their SQLSTATE and stays usable", async () => {
    const error = await session.query("INSERT INTO t (id) VALUES ($1)", [1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PgliteDatabaseError);
    expect(error).toMatchObject({ code: "23505" });
    await expect(session.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    expect(await session.query("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 2 }]);
  });

  test("rolls a transaction back when its function throws", async () => {
    await expect(
      session.transaction(async (tx) => {
        await tx.query("INSERT INTO t (id) VALUES ($1)", [3]);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await session.query("SELECT id FROM t WHERE id = 3")).toEqual([]);
  });

  test("runs a standalone statement after a transaction in progress, never inside it", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = session.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id) VALUES (4)");
      await gate;
      throw new Error("rolled back");
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const standalone = session.query("INSERT INTO t (id) VALUES (5)");
    release();
    await expect(transaction).rejects.toThrow("rolled back");
    await standalone;
    expect(await session.query("SELECT id FROM t WHERE id IN (4, 5) ORDER BY id")).toEqual([{ id: 5 }]);
  });
});
