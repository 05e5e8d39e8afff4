import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "./database.js";

describe("openDatabase on a PGlite data directory", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sessions-api-db-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test("refuses a directory another live process or this one holds, and takes over a stale lock", async () => {
    // pid 1 is always alive and never us
    writeFileSync(join(dataDir, "sessions-api.lock"), "1");
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1/);
    writeFileSync(join(dataDir, "sessions-api.lock"), String(process.pid));
    await (await openDatabase({ dataDir })).close();
    writeFileSync(join(dataDir, "sessions-api.lock"), "999999999");
    const db = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(`in use by process ${process.pid}`);
    await db.close();
    const again = await openDatabase({ dataDir });
    expect(await again.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await again.close();
  });
});

describe("openDatabase on a PGlite data directory that does not exist yet", () => {
  const base = mkdtempSync(join(tmpdir(), "sessions-api-db-new-"));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  test("creates it with its missing parents", async () => {
    const dataDir = join(base, "a", "b", "data");
    const db = await openDatabase({ dataDir });
    await db.close();
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
  });

  test("names the path at fault when a parent is a file", async () => {
    writeFileSync(join(base, "file"), "");
    await expect(openDatabase({ dataDir: join(base, "file", "data") })).rejects.toThrow(
      `Cannot create the data directory ${join(base, "file", "data")}: ${join(base, "file")} is not a directory.`,
    );
  });

  // Node's recursive mkdir spins for ever there: mkdir answers ENOENT under a directory that exists
  test.runIf(existsSync("/proc/self"))(
    "fails, rather than hangs, where the file system refuses it",
    async () => {
      await expect(openDatabase({ dataDir: "/proc/sessions-api-data" })).rejects.toThrow(
        "Cannot create the data directory /proc/sessions-api-data: ENOENT on /proc/sessions-api-data.",
      );
    },
  );
});

describe("openDatabase on PostgreSQL that cannot be used", () => {
  test("refuses a URL that is not postgres://, without repeating it (it may hold a password)", async () => {
    const error = await openDatabase({ databaseUrl: "sessions:secret@db/main" }).catch((e: Error) => e);
    expect(String(error)).toContain("must look like postgres://user:password@host:5432/database");
    expect(String(error)).not.toContain("secret");
  });

  test("says where it could not connect, without the password", async () => {
    // port 1 on loopback: nothing listens there
    const error = await openDatabase({ databaseUrl: "postgres://sessions:secret@127.0.0.1:1/main" }).catch(
      (e: Error) => e,
    );
    expect(String(error)).toMatch(
      /^Error: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/main: .*ECONNREFUSED/,
    );
    expect(String(error)).not.toContain("secret");
  });
});
